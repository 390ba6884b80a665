/**
 * A dataset package as the validator opens it: a folder, or a zip extracted
 * to a temporary folder, in which the labels CSV is searched in a fixed
 * order. Image paths are relative to the folder that holds the CSV.
 */
import { constants as fsConstants } from "node:fs";
import { access, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import { DatasetError } from "../util/errors.js";
import { readCsvTable } from "./csv.js";
import { buildEntries, type DatasetEntry } from "./entries.js";
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
  const tmp = await mkdtemp(path.join(os.tmpdir(), "cancer-ai-dataset-"));
  const dir = path.join(tmp, "package");
  try {
    await extractZip(source, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return { source, dir, close: () => rm(tmp, { recursive: true, force: true }) };
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

async function readCsvText(csvPath: string): Promise<string> {
  const bytes = await readFile(csvPath);
  try {
    // ignoreBOM keeps a byte-order mark in the text, where Python keeps it too (in the first column name).
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DatasetError(`${csvPath} is not valid UTF-8 text; save the CSV as UTF-8.`);
  }
}

async function checkImagesExist(entries: readonly DatasetEntry[], csvName: string): Promise<void> {
  const missing: string[] = [];
  for (const entry of entries) {
    const readable = await access(entry.path, fsConstants.R_OK).then(
      () => stat(entry.path).then((s) => s.isFile()),
      () => false,
    );
    if (!readable) missing.push(`line ${entry.line}: ${entry.file}`);
  }
  if (missing.length > 0) {
    const more = missing.length > 10 ? `; and ${missing.length - 10} more` : "";
    throw new DatasetError(
      `${csvName}: ${missing.length} image(s) not found (paths are relative to the CSV's folder): ` +
        `${missing.slice(0, 10).join("; ")}${more}.`,
    );
  }
}

/** Locates, parses and validates the labels of an opened package. */
export async function readDataset(pkg: DatasetPackage, competition: Competition): Promise<Dataset> {
  const csvPath = await findLabelsCsv(pkg.dir);
  const table = readCsvTable(await readCsvText(csvPath));
  const { entries, warnings } = buildEntries(table, csvPath, competition);
  await checkImagesExist(entries, path.basename(csvPath));
  return { source: pkg.source, csvPath, entries, warnings };
}
