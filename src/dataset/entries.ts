/**
 * From CSV rows to dataset entries under a competition's rules, in the order
 * the validator applies them: reading the rows (image_csv.py
 * sync_training_data), counting invalid values (tricorder_common.py
 * _validate_data: more than `maxInvalidFields` cancels the evaluation),
 * converting the case-sensitive labels (_convert_labels), and only then the
 * images. Where the validator fails for every model, a package verdict says
 * so with its reason.
 */
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import { CSV_FIELD_LIMIT, type CsvTable, type DictRow } from "./csv.js";
import { pyInt, pyStrip } from "./python.js";
import { lengthMismatch, packageVerdict, quoted } from "./verdicts.js";

/** One image to evaluate, in CSV order. */
export interface DatasetEntry {
  /** CSV line of the row. */
  readonly line: number;
  /** The image path as written in the CSV; empty when the row has none (the validator then opens the CSV's folder). */
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

/** The validator's aliases, in its order (`a or b or c`: the first non-empty value wins). */
export const PATH_COLUMNS = ["newfilename", "filepath", "filename"];
const LABEL_COLUMNS = ["class", "label"];

function firstNonEmpty(row: DictRow, columns: readonly string[]): string {
  for (const column of columns) {
    const value = row.values.get(column);
    if (value) return value;
  }
  return "";
}

const GENDER_VALUE: ReadonlyMap<string, number> = new Map([
  ["m", 1],
  ["male", 1],
  ["f", 0],
  ["female", 0],
]);

function columnsFound(table: CsvTable): string {
  return table.header.length ? table.header.map((h) => quoted(h)).join(", ") : "none";
}

/** Why a column name the validator looks for may be hidden. */
function headerHint(table: CsvTable): string {
  if (table.header[0]?.startsWith("\ufeff"))
    return (
      " The file starts with a UTF-8 byte-order mark, which the validator reads as part of the first column name: save " +
      "it as UTF-8 without BOM."
    );
  return table.blankFirstLine ? " The file starts with a blank line, which the validator reads as an empty header: remove it." : "";
}

/** What csv.DictReader and the validator's loop over its rows raise, in reading order. */
function checkReadable(table: CsvTable, csvName: string): void {
  const limitReason = (line: number, where: string, length: number): string =>
    `${csvName} line ${line}: ${where} is ${length} characters long, over Python's csv field limit of ${CSV_FIELD_LIMIT}; ` +
    `the validator's csv.DictReader raises "_csv.Error: field larger than field limit (${CSV_FIELD_LIMIT})" while reading ` +
    `the CSV (image_csv.py sync_training_data), before any model runs.`;
  if (table.headerLong) {
    const { index, length } = table.headerLong;
    throw packageVerdict("csv-field-limit", limitReason(1, `header field ${index + 1}`, length));
  }
  for (const row of table.rows) {
    // The record is parsed (and may raise) before the validator builds its dict (which may raise).
    if (row.long) {
      const { index, length } = row.long;
      const where = index < table.header.length ? `the ${quoted(table.header[index])} field` : `field ${index + 1} (past the header)`;
      throw packageVerdict("csv-field-limit", limitReason(row.line, where, length));
    }
    if (row.extra > 0) {
      throw packageVerdict(
        "csv-extra-fields",
        `${csvName} line ${row.line} has ${row.extra} more field(s) than the header's ${table.header.length}; csv.DictReader ` +
          `files them under the key None, and the validator's lower-casing of the keys raises "AttributeError: 'NoneType' ` +
          `object has no attribute 'lower'" (image_csv.py sync_training_data), before any model runs: check quoting and ` +
          `delimiters.${headerHint(table)}`,
      );
    }
  }
}

interface Row {
  readonly row: DictRow;
  readonly file: string;
  readonly label: string;
  readonly age: number | null;
  readonly gender: string;
  readonly locationIndex: number;
}

/** One ImageEntry as sync_training_data builds it, with the invalid fields _validate_data counts for it. */
function readRow(row: DictRow, competition: Competition, problems: FieldProblem[]): Row {
  const age = pyInt(row.values.get("age"));
  const [minAge, maxAge] = competition.ageRange;
  if (age === null)
    problems.push({ line: row.line, field: "age", message: `missing or non-integer age ${quoted(row.values.get("age") ?? "")}` });
  else if (age < minAge || age > maxAge)
    problems.push({ line: row.line, field: "age", message: `age ${age} outside ${minAge}..${maxAge}` });

  const gender = pyStrip(row.values.get("gender") ?? "").toLowerCase();
  if (!GENDER_VALUE.has(gender)) {
    const message = gender ? `invalid gender ${quoted(gender)} (m, f, male or female)` : "missing gender";
    problems.push({ line: row.line, field: "gender", message });
  }
  const location = pyStrip(row.values.get("location") ?? "").toLowerCase();
  const locationIndex = competition.locations.indexOf(location);
  if (locationIndex < 0) {
    const message = location ? `invalid location ${quoted(location)} (one of ${competition.locations.join(", ")})` : "missing location";
    problems.push({ line: row.line, field: "location", message });
  }
  return { row, file: firstNonEmpty(row, PATH_COLUMNS), label: firstNonEmpty(row, LABEL_COLUMNS), age, gender, locationIndex };
}

export function buildEntries(table: CsvTable, csvPath: string, competition: Competition): Entries {
  const csvName = path.basename(csvPath);
  const root = path.dirname(csvPath);
  checkReadable(table, csvName);
  if (table.rows.length === 0) {
    throw packageVerdict(
      "empty-dataset",
      `${csvName} has a header but no rows: the validator prepares no image, every model's run yields no predictions, and ` +
        `the metrics are computed on empty arrays (accuracy NaN), so no model gets a meaningful score.`,
    );
  }

  const problems: FieldProblem[] = [];
  const rows = table.rows.map((row) => readRow(row, competition, problems));
  const classIndex = new Map(competition.classes.map((c, i) => [c.short, i]));
  const badLabels = rows.filter((r) => !classIndex.has(r.label));
  const keys = new Set(table.header.map((h) => h.toLowerCase()));
  const labelHint = LABEL_COLUMNS.some((c) => keys.has(c))
    ? ""
    : ` ${csvName} has no label column (${LABEL_COLUMNS.join(" or ")}); columns found: ${columnsFound(table)}.${headerHint(table)}`;

  // _validate_data lists the rows' age, gender and location errors, then the label errors, and stops above the maximum.
  const describe = (p: FieldProblem): string => `line ${p.line}: ${p.message}`;
  const invalid = [...problems.map(describe), ...badLabels.map((r) => `line ${r.row.line}: label ${quoted(r.label)}`)];
  if (invalid.length > competition.maxInvalidFields) {
    const more = invalid.length > 10 ? `; and ${invalid.length - 10} more` : "";
    throw packageVerdict(
      "not-enough-valid-data",
      `${csvName} has ${invalid.length} invalid fields (age, gender, location or label); the validator stops above ` +
        `${competition.maxInvalidFields} with "Not enough valid data to evaluate." (tricorder_common.py _validate_data), ` +
        `before any model runs: ${invalid.slice(0, 10).join("; ")}${more}.${labelHint}`,
    );
  }
  const [firstBad] = badLabels;
  if (firstBad) {
    const classes = competition.classes.map((c) => c.short).join(", ");
    const others = badLabels.length > 1 ? ` (and ${badLabels.length - 1} more invalid label(s))` : "";
    throw packageVerdict(
      "invalid-label",
      `${csvName} line ${firstBad.row.line}: label ${quoted(firstBad.label)} is not a ${competition.id} class${others}; labels ` +
        `are case-sensitive (${classes}), and the validator's label conversion raises "Invalid label: ${firstBad.label.slice(0, 80)}" ` +
        `(tricorder_common.py _convert_labels), before any model runs.${labelHint}`,
    );
  }

  if (!PATH_COLUMNS.some((c) => keys.has(c))) {
    throw packageVerdict(
      "no-images",
      `${csvName} has no image path column the validator reads (${PATH_COLUMNS.join(", ")}); columns found: ` +
        `${columnsFound(table)}. Every row's path is then empty and resolves to the CSV's folder, which is not a file, so ` +
        `the validator skips all ${rows.length} image(s) and prepares none (tricorder_common.py preprocess_and_serialize_data); ` +
        `${lengthMismatch(rows.length, 0)}. Rename the column to filepath.${headerHint(table)}`,
    );
  }

  const entries = rows.map((r): DatasetEntry => ({
    line: r.row.line,
    file: r.file,
    path: path.resolve(root, r.file),
    label: r.label,
    classIndex: classIndex.get(r.label) ?? -1, // every label was found above
    demographics: [r.age ?? 0, GENDER_VALUE.get(r.gender) ?? -1, r.locationIndex >= 0 ? r.locationIndex + 1 : -1],
  }));
  const warnings = problems.map((p) => `${csvName} ${describe(p)} (tolerated: at most ${competition.maxInvalidFields} invalid fields)`);
  return { entries, problems, warnings };
}
