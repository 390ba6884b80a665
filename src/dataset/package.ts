/**
 * A dataset package as the validator opens it: a folder, or a zip extracted
 * to a temporary folder, in which the labels CSV is searched in a fixed
 * order. Image paths are relative to the folder that holds the CSV.
 *
 * What the user cannot open (a missing path, a file that is no zip, a broken
 * zip, a folder without a CSV) is a DatasetError; what validators would fail
 * for every model is a package verdict (verdicts.ts), thrown in the order
 * the validator meets it.
 */
import { constants as fsConstants } from "node:fs";
import { access, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import { DatasetError } from "../util/errors.js";
import { makeTempDir } from "../util/temp.js";
import { readCsvTable } from "./csv.js";
import { buildEntries, type DatasetEntry } from "./entries.js";
import { lengthMismatch, packageVerdict } from "./verdicts.js";
import { extractZip } from "./zip.js";

/** The validator's CSV names, tried in this order at each level. */
const CSV_NAMES = ["labels.csv", "test.csv", "data.csv", "metadata.csv", "dataset.csv"];

export interface Dataset {
  /** What the user named: a folder or a zip file. */
  readonly source: string;
  readonly csvPath: string;
  readonly entries: readonly DatasetEntry[];
  readonly warnings: readonly string[];
}

/** A folder holding the package's files; `close()` removes it when it was extracted from a zip. */
export interface DatasetPackage {
  readonly source: string;
  readonly dir: string;
  /** True for a zip package: its missing CSV is the package's fault, not a wrong path. */
  readonly extracted?: boolean;
  close(): Promise<void>;
}

export async function openPackage(source: string): Promise<DatasetPackage> {
  const info = await stat(source).catch(() => {
    throw new DatasetError(`dataset ${source} does not exist: give a folder holding labels.csv and the images, or a .zip package.`);
  });
  if (info.isDirectory()) return { source, dir: path.resolve(source), close: async () => {} };
  if (!source.toLowerCase().endsWith(".zip")) {
    throw new DatasetError(`dataset ${source} is neither a folder nor a .zip package.`);
  }
  const tmp = await makeTempDir("cancer-ai-dataset-");
  const dir = path.join(tmp.path, "package");
  try {
    await extractZip(source, dir);
  } catch (err) {
    await tmp.remove();
    throw err;
  }
  return { source, dir, extracted: true, close: tmp.remove };
}

async function listing(dir: string): Promise<{ files: string[]; dirs: string[] }> {
  const items = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    files: items.filter((d) => d.isFile()).map((d) => d.name),
    dirs: items.filter((d) => d.isDirectory() && !d.name.startsWith("__")).map((d) => d.name),
  };
}

/**
 * The validator's search: the known names in the root, then in each
 * first-level folder (skipping `__MACOSX` and the like), then any *.csv in
 * the root, then in the folders. Folders are taken in name order, where the
 * validator takes the file system's order: only ambiguous packages differ.
 */
export async function findLabelsCsv(dir: string): Promise<string> {
  const root = await listing(dir);
  const levels = [{ dir, files: root.files }];
  for (const sub of root.dirs) levels.push({ dir: path.join(dir, sub), files: (await listing(path.join(dir, sub))).files });
  for (const level of levels) {
    const name = CSV_NAMES.find((n) => level.files.includes(n));
    if (name) return path.join(level.dir, name);
  }
  for (const level of levels) {
    const name = level.files.find((n) => n.endsWith(".csv"));
    if (name) return path.join(level.dir, name);
  }
  throw new DatasetError(
    `no labels CSV found in ${dir} (looked for ${CSV_NAMES.join(", ")} or any *.csv, in the root and its first-level folders).`,
  );
}

/** The validator finds no CSV in a zip: set_dataset_handler raises, before any model runs. */
async function findPackageCsv(pkg: DatasetPackage): Promise<string> {
  try {
    return await findLabelsCsv(pkg.dir);
  } catch (err) {
    if (!pkg.extracted || !(err instanceof DatasetError)) throw err;
    throw packageVerdict(
      "no-csv",
      `${path.basename(pkg.source)} holds no CSV the validator finds (${CSV_NAMES.join(", ")} or any *.csv, in the root ` +
        `or a first-level folder); its set_dataset_handler raises "Dataset handler not implemented - no CSV file found" ` +
        `(dataset_manager.py), before any model runs.`,
    );
  }
}

async function readCsvText(csvPath: string): Promise<string> {
  const bytes = await readFile(csvPath);
  try {
    // ignoreBOM keeps a byte-order mark in the text, where Python keeps it too (in the first column name).
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw packageVerdict(
      "csv-not-utf8",
      `${path.basename(csvPath)} is not valid UTF-8 text: the validator reads it as UTF-8 and raises UnicodeDecodeError ` +
        `(image_csv.py sync_training_data), before any model runs. Save the CSV as UTF-8.`,
    );
  }
}

/**
 * The first step of preprocess_and_serialize_data: an image that is not a
 * readable regular file (missing, a folder, an empty path, which is the CSV's
 * folder) is skipped, and the evaluation goes on with fewer images. Images
 * that exist but Pillow cannot open are skipped in the same loop (its
 * IOError and Exception branches); the decoder reports those as ImageError
 * (src/preprocess), which engine/verdict.ts turns into "unreadable-image".
 */
async function checkImagesPrepared(entries: readonly DatasetEntry[], csvName: string): Promise<void> {
  const skipped: string[] = [];
  for (const entry of entries) {
    const readable = await access(entry.path, fsConstants.R_OK).then(
      () => stat(entry.path).then((s) => s.isFile()),
      () => false,
    );
    if (!readable) skipped.push(`line ${entry.line}: ${entry.file || "an empty image path"}`);
  }
  if (skipped.length === 0) return;
  const prepared = entries.length - skipped.length;
  const listed = `${skipped.slice(0, 10).join("; ")}${skipped.length > 10 ? `; and ${skipped.length - 10} more` : ""}`;
  throw packageVerdict(
    prepared === 0 ? "no-images" : "missing-images",
    `${csvName}: ${skipped.length} of ${entries.length} image(s) are not files the validator can read (paths are relative to ` +
      `the CSV's folder): ${listed}. The validator skips them (tricorder_common.py preprocess_and_serialize_data) and ` +
      `prepares ${prepared}; ${lengthMismatch(entries.length, prepared)}.`,
  );
}

/** Locates, parses and validates the labels of an opened package, in the validator's order. */
export async function readDataset(pkg: DatasetPackage, competition: Competition): Promise<Dataset> {
  const csvPath = await findPackageCsv(pkg);
  const table = readCsvTable(await readCsvText(csvPath));
  const { entries, warnings } = buildEntries(table, csvPath, competition);
  await checkImagesPrepared(entries, path.basename(csvPath));
  return { source: pkg.source, csvPath, entries, warnings };
}
