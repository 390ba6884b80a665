/**
 * Python's csv.DictReader with the excel dialect, as the validator runs it on
 * a file read in text mode: universal newlines, `"` quoting with doubled
 * quotes, no whitespace trimming, blank lines skipped, header names
 * lower-cased but not stripped. Kept separate from the competition rules so
 * that it can be tested against the csv module's documented behaviour.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

/** `csv.field_size_limit()`'s default: _csv raises "field larger than field limit (131072)" on the next character. */
export const CSV_FIELD_LIMIT = 131_072;

/** A field longer than the csv module accepts: _csv counts code points, after text mode's newline translation. */
export interface LongField {
  /** 0-based position of the field in its record. */
  readonly index: number;
  /** Its length in code points. */
  readonly length: number;
}

/** Code points, as _csv's parse_add_char counts them (a UTF-16 length overcounts astral characters). */
function codePoints(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++, n++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * The first field of a record that _csv refuses. It checks the length before
 * adding each character, so a field of exactly `limit` characters passes and
 * one more raises; the opening and closing quotes are not part of the field,
 * a doubled quote adds one character and a newline inside quotes adds one.
 */
export function longField(fields: readonly string[], limit = CSV_FIELD_LIMIT): LongField | undefined {
  for (let index = 0; index < fields.length; index++) {
    // A UTF-16 length never undercounts, so only long strings need counting.
    if (fields[index].length <= limit) continue;
    const length = codePoints(fields[index]);
    if (length > limit) return { index, length };
  }
  return undefined;
}

/** `';'` if the first line contains a semicolon anywhere, else `','` (the validator's rule). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split("\n", 1)[0] ?? "";
  return firstLine.includes(";") ? ";" : ",";
}

/** Text mode's universal newlines: \r\n and lone \r become \n. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  // START: at the start of a field; FIELD: unquoted; QUOTED: inside quotes; QUOTE: a quote seen inside quotes.
  let state: "START" | "FIELD" | "QUOTED" | "QUOTE" = "START";
  let inRecord = false;
  const endField = (): void => {
    fields.push(field);
    field = "";
    state = "START";
  };
  const endRecord = (): void => {
    if (inRecord) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    inRecord = false;
  };
  for (const ch of text) {
    if (!inRecord) {
      if (ch === "\n") {
        line++;
        recordLine = line;
        continue; // a blank line is no record (csv yields [], DictReader skips it)
      }
      inRecord = true;
      recordLine = line;
    }
    if (state === "QUOTED") {
      if (ch === '"') state = "QUOTE";
      else field += ch;
      if (ch === "\n") line++;
      continue;
    }
    if (state === "QUOTE" && ch === '"') {
      field += '"';
      state = "QUOTED";
      continue;
    }
    if (ch === delimiter) {
      endField();
    } else if (ch === "\n") {
      endRecord();
      line++;
      recordLine = line;
    } else if (state === "START" && ch === '"') {
      state = "QUOTED";
    } else {
      // Text after a closing quote, or any quote inside an unquoted field, is kept literally.
      field += ch;
      state = "FIELD";
    }
  }
  endRecord();
  return records;
}

export interface DictRow {
  readonly line: number;
  /** Lower-cased header -> value, as the validator's `{k.lower(): v}` builds it; a column None in the row is absent. */
  readonly values: ReadonlyMap<string, string>;
  /** Fields beyond the header (the validator crashes on these). */
  readonly extra: number;
  /** A field the csv module refuses: reading this record raises. */
  readonly long?: LongField;
}

export interface CsvTable {
  readonly delimiter: string;
  /** Header names as written (not trimmed); empty when the file starts with a blank line, as in DictReader. */
  readonly header: string[];
  readonly blankFirstLine: boolean;
  /** A header field the csv module refuses: DictReader raises before the first row. */
  readonly headerLong?: LongField;
  readonly rows: DictRow[];
}

/**
 * `{k.lower(): v for k, v in row.items()}` over DictReader's dict: the dict
 * keeps each name at its first column with its last value (a column past the
 * end of a short row sets None), then lower-casing walks that order, so of
 * names equal but for case the one whose first column comes last wins.
 */
function lowerCasedRow(header: readonly string[], fields: readonly string[]): Map<string, string> {
  const row = new Map<string, string | undefined>();
  header.forEach((name, i) => row.set(name, i < fields.length ? fields[i] : undefined));
  const values = new Map<string, string>();
  for (const [name, value] of row) {
    if (value === undefined) values.delete(name.toLowerCase());
    else values.set(name.toLowerCase(), value);
  }
  return values;
}

export function readCsvTable(content: string): CsvTable {
  const text = normalizeNewlines(content);
  const delimiter = detectDelimiter(text);
  const all = parseCsvRecords(text, delimiter);
  // DictReader takes the first line as the header even when it is blank.
  const blankFirstLine = all.length > 0 && all[0].line > 1;
  const records = blankFirstLine ? all : all.slice(1);
  const header = blankFirstLine ? [] : (all[0]?.fields ?? []);
  const rows = records.map(({ line, fields }) => ({
    line,
    values: lowerCasedRow(header, fields),
    extra: Math.max(0, fields.length - header.length),
    long: longField(fields),
  }));
  return { delimiter, header, blankFirstLine, headerLong: blankFirstLine ? undefined : longField(header), rows };
}
