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
  /** Lower-cased header -> value; a column missing from a short row is absent. */
  readonly values: ReadonlyMap<string, string>;
  /** Fields beyond the header (the validator crashes on these). */
  readonly extra: number;
}

export interface CsvTable {
  readonly delimiter: string;
  /** Header names as written (not trimmed); empty when the file starts with a blank line, as in DictReader. */
  readonly header: string[];
  readonly blankFirstLine: boolean;
  readonly rows: DictRow[];
}

export function readCsvTable(content: string): CsvTable {
  const text = normalizeNewlines(content);
  const delimiter = detectDelimiter(text);
  const all = parseCsvRecords(text, delimiter);
  // DictReader takes the first line as the header even when it is blank.
  const blankFirstLine = all.length > 0 && all[0].line > 1;
  const records = blankFirstLine ? all : all.slice(1);
  const header = blankFirstLine ? [] : (all[0]?.fields ?? []);
  const keys = header.map((h) => h.toLowerCase());
  const rows = records.map(({ line, fields }) => {
    const values = new Map<string, string>();
    // Later columns win, as in dict(); a column missing from a short row is
    // None there, which also hides an earlier column of the same name.
    keys.forEach((key, i) => {
      if (i < fields.length) values.set(key, fields[i]);
      else values.delete(key);
    });
    return { line, values, extra: Math.max(0, fields.length - header.length) };
  });
  return { delimiter, header, blankFirstLine, rows };
}
