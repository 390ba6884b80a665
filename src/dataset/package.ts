/**
 * A dataset package as the validator opens it: a folder, or a zip extracted
 * to a temporary folder, in which the labels CSV is searched in a fixed
 * order. Image paths are relative to the folder that holds the CSV.
 *
 * A zip streams: it can be read once its folders and CSV files are written,
 * and its images follow in the background while the evaluation runs (each
 * one waited for with `extracted()`). Its listing, known from the start,
 * stands in for the disk where readDataset() asks which images exist.
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
import { startZipExtraction, type ZipListing } from "./zip.js";

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
  readonly fromZip: boolean;
  /**
   * Resolves once `filePath` (absolute, as DatasetEntry.path) is on disk, and without a path once every file of
   * the package is; at once for a folder, for a file already written and for a path the package does not hold
   * (reading it then fails as it would). Rejects with the extraction's DatasetError when extracting the zip failed.
   */
  extracted(filePath?: string): Promise<void>;
  /** Stops a zip's extraction if it still runs, then removes the extracted files. */
  close(): Promise<void>;
}

/** The listings of the zip packages openPackage() returned, for readDataset(). */
const zipListings = new WeakMap<DatasetPackage, ZipListing>();

/** Every CSV a package can have, since findLabelsCsv() may pick any *.csv: all are written before the images. */
const isCsv = (name: string): boolean => name.toLowerCase().endsWith(".csv");

export async function openPackage(source: string): Promise<DatasetPackage> {
  const info = await stat(source).catch(() => {
    throw new DatasetError(`dataset ${source} does not exist: give a folder holding labels.csv and the images, or a .zip package.`);
  });
  if (info.isDirectory()) return { source, dir: path.resolve(source), fromZip: false, extracted: async () => {}, close: async () => {} };
  if (!source.toLowerCase().endsWith(".zip")) {
    throw new DatasetError(`dataset ${source} is neither a folder nor a .zip package.`);
  }
  const tmp = await makeTempDir("cancer-ai-dataset-");
  // Absolute, as the listing's paths are, even where TMPDIR is relative.
  const dir = path.resolve(tmp.path, "package");
  const extraction = await startZipExtraction(source, dir, { first: isCsv }).catch(async (err: unknown) => {
    await tmp.remove();
    throw err;
  });
  const pkg: DatasetPackage = {
    source,
    dir,
    fromZip: true,
    extracted: async (filePath) => {
      if (filePath === undefined) await extraction.done;
      else await extraction.fileWritten(path.resolve(filePath));
    },
    close: async () => {
      // Stopped first: a write after the removal would leave a file behind.
      await extraction.stop();
      await tmp.remove();
    },
  };
  zipListings.set(pkg, extraction.listing);
  return pkg;
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
    if (!pkg.fromZip || !(err instanceof DatasetError)) throw err;
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
async function checkImagesPrepared(pkg: DatasetPackage, entries: readonly DatasetEntry[], csvName: string): Promise<void> {
  const listing = zipListings.get(pkg);
  const inPackage = (file: string): boolean => {
    const rel = path.relative(pkg.dir, file);
    return !(rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
  };
  // A zip's listing answers for the paths inside it without waiting for the images. A name it does not hold may still
  // reach one of its files on a file system that folds letter case or Unicode forms, so those (and any path outside
  // the package) are asked of the disk as before, the former once every file is there.
  const known = entries.map((entry): boolean | undefined => {
    if (!listing || !inPackage(entry.path)) return undefined;
    return listing.files.has(entry.path) ? true : listing.dirs.has(entry.path) ? false : undefined;
  });
  if (listing && entries.some((entry, i) => known[i] === undefined && inPackage(entry.path))) await pkg.extracted();
  const onDisk = (file: string): Promise<boolean> =>
    access(file, fsConstants.R_OK).then(
      () => stat(file).then((s) => s.isFile()),
      () => false,
    );
  const skipped: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const readable = known[i] ?? (await onDisk(entry.path));
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
  try {
    const csvPath = await findPackageCsv(pkg);
    const table = readCsvTable(await readCsvText(csvPath));
    const { entries, warnings } = buildEntries(table, csvPath, competition);
    await checkImagesPrepared(pkg, entries, path.basename(csvPath));
    return { source: pkg.source, csvPath, entries, warnings };
  } catch (err) {
    // A zip still being extracted may yet prove corrupt, and that comes first, as when it was extracted before reading:
    // the validator cannot unpack it either. Only a failing package waits here.
    await pkg.extracted();
    throw err;
  }
}
