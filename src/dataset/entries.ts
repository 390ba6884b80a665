/**
 * From CSV rows to dataset entries under a competition's rules: the column
 * aliases, age/gender/location parsing, the validator's error count (more
 * than `maxInvalidFields` invalid fields cancels the evaluation) and its
 * strict, case-sensitive labels.
 */
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import { DatasetError } from "../util/errors.js";
import type { CsvTable, DictRow } from "./csv.js";
import { pyInt, pyStrip } from "./python.js";

/** One image to evaluate, in CSV order. */
export interface DatasetEntry {
  /** CSV line of the row. */
  readonly line: number;
  /** The image path as written in the CSV. */
  readonly file: string;
  /** Absolute path: the CSV's folder joined with `file`. */
  readonly path: string;
  readonly label: string;
  readonly classIndex: number;
  /** [age (missing -> 0), gender (m 1, f 0, else -1), location (1-based, else -1)] */
  readonly demographics: readonly [number, number, number];
}

export interface FieldProblem {
  readonly line: number;
  readonly field: "age" | "gender" | "location";
  readonly message: string;
}

export interface Entries {
  readonly entries: DatasetEntry[];
  /** Invalid fields the validator tolerates (at most `maxInvalidFields`): reported as warnings. */
  readonly problems: FieldProblem[];
  readonly warnings: string[];
}

/** The validator's aliases, in its order; `image_path` (the published sample's header) is our addition. */
const PATH_COLUMNS = ["newfilename", "filepath", "filename"];
const EXTRA_PATH_COLUMN = "image_path";
const LABEL_COLUMNS = ["class", "label"];

function firstNonEmpty(row: DictRow, columns: readonly string[]): string {
  for (const column of columns) {
    const value = row.values.get(column);
    if (value) return value;
  }
  return "";
}

const GENDER_VALUE: Readonly<Record<string, number>> = { m: 1, male: 1, f: 0, female: 0 };

function requireColumns(table: CsvTable, csvName: string, pathColumns: string[]): void {
  const keys = new Set(table.header.map((h) => h.toLowerCase()));
  const found = table.header.length ? table.header.map((h) => JSON.stringify(h)).join(", ") : "none";
  const hint = table.header[0]?.startsWith("\ufeff")
    ? " The file starts with a UTF-8 byte-order mark, which the validator reads as part of the first column name: save " +
      "it as UTF-8 without BOM."
    : table.blankFirstLine
      ? " The file starts with a blank line, which the validator reads as an empty header: remove it."
      : "";
  if (!pathColumns.some((c) => keys.has(c))) {
    throw new DatasetError(`${csvName} has no image path column (one of ${pathColumns.join(", ")}); columns found: ${found}.${hint}`);
  }
  if (!LABEL_COLUMNS.some((c) => keys.has(c))) {
    throw new DatasetError(`${csvName} has no label column (one of ${LABEL_COLUMNS.join(", ")}); columns found: ${found}.${hint}`);
  }
}

export function buildEntries(table: CsvTable, csvPath: string, competition: Competition): Entries {
  const csvName = path.basename(csvPath);
  const root = path.dirname(csvPath);
  const warnings: string[] = [];
  const keys = new Set(table.header.map((h) => h.toLowerCase()));
  const pathColumns = [...PATH_COLUMNS];
  if (!PATH_COLUMNS.some((c) => keys.has(c)) && keys.has(EXTRA_PATH_COLUMN)) {
    pathColumns.push(EXTRA_PATH_COLUMN);
    warnings.push(
      `${csvName} names its image column "image_path", which this tool accepts but the validator does not (it reads ` +
        `newfilename, filepath or filename): rename the column before publishing the dataset.`,
    );
  }
  requireColumns(table, csvName, pathColumns);
  if (table.rows.length === 0) throw new DatasetError(`${csvName} has a header but no rows: the dataset is empty.`);

  const problems: FieldProblem[] = [];
  const entries: DatasetEntry[] = [];
  const classIndex = new Map(competition.classes.map((c, i) => [c.short, i]));
  const badLabels: string[] = [];
  for (const row of table.rows) {
    const at = `${csvName} line ${row.line}`;
    if (row.extra > 0) {
      throw new DatasetError(
        `${at} has ${row.extra} more field(s) than the header; the validator cannot load such a file (check quoting and delimiters).`,
      );
    }
    const file = firstNonEmpty(row, pathColumns);
    if (!file) throw new DatasetError(`${at} has no image path.`);
    const label = firstNonEmpty(row, LABEL_COLUMNS);

    const age = pyInt(row.values.get("age"));
    const [minAge, maxAge] = competition.ageRange;
    if (age === null)
      problems.push({ line: row.line, field: "age", message: `missing or non-integer age ${JSON.stringify(row.values.get("age") ?? "")}` });
    else if (age < minAge || age > maxAge)
      problems.push({ line: row.line, field: "age", message: `age ${age} outside ${minAge}..${maxAge}` });

    const gender = pyStrip(row.values.get("gender") ?? "").toLowerCase();
    if (!(gender in GENDER_VALUE)) {
      problems.push({
        line: row.line,
        field: "gender",
        message: gender ? `invalid gender "${gender}" (m, f, male or female)` : "missing gender",
      });
    }
    const location = pyStrip(row.values.get("location") ?? "").toLowerCase();
    const locationIndex = competition.locations.indexOf(location);
    if (locationIndex < 0) {
      problems.push({
        line: row.line,
        field: "location",
        message: location ? `invalid location "${location}" (one of ${competition.locations.join(", ")})` : "missing location",
      });
    }

    const index = classIndex.get(label);
    if (index === undefined) {
      badLabels.push(`line ${row.line}: ${JSON.stringify(label)}`);
      continue;
    }
    entries.push({
      line: row.line,
      file,
      path: path.resolve(root, file),
      label,
      classIndex: index,
      demographics: [age ?? 0, GENDER_VALUE[gender] ?? -1, locationIndex >= 0 ? locationIndex + 1 : -1],
    });
  }
  const describe = (p: FieldProblem): string => `line ${p.line}: ${p.message}`;
  if (problems.length > competition.maxInvalidFields) {
    const shown = problems.slice(0, 10).map(describe).join("; ");
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : "";
    throw new DatasetError(
      `${csvName} has ${problems.length} invalid fields; validators cancel the evaluation above ` +
        `${competition.maxInvalidFields} ("not enough valid data"): ${shown}${more}.`,
    );
  }
  if (badLabels.length > 0) {
    const classes = competition.classes.map((c) => c.short).join(", ");
    throw new DatasetError(
      `${csvName}: ${badLabels.length} label(s) are not ${competition.id} classes (labels are case-sensitive: ` +
        `${classes}): ${badLabels.slice(0, 10).join("; ")}.`,
    );
  }
  for (const p of problems) warnings.push(`${csvName} ${describe(p)} (tolerated: at most ${competition.maxInvalidFields} invalid fields)`);
  return { entries, problems, warnings };
}
