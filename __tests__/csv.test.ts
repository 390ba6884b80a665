/**
 * The CSV layer against Python's csv module (excel dialect, DictReader) as the
 * validator runs it on a file opened in text mode. Every expected value below
 * was produced by CPython 3.11's csv.reader / csv.DictReader, not by the code
 * under test.
 */
import { CSV_FIELD_LIMIT, detectDelimiter, longField, normalizeNewlines, parseCsvRecords, readCsvTable } from "../src/dataset/csv.js";

describe("detectDelimiter", () => {
  it.each<[string, string, string]>([
    ["semicolons in the header", "filepath;label;age\nx;y;z\n", ";"],
    ["commas only", "filepath,label\nx;y\n", ","],
    ["a semicolon anywhere in the first line wins", "filepath,label,note;x\n", ";"],
    ["a semicolon inside quotes still counts", '"a;b",c\n', ";"],
    ["a semicolon after a BOM", "\ufefffilepath;label\n", ";"],
    ["a semicolon only on line 2", "a,b\nc;d\n", ","],
    ["an empty first line", "\na;b\n", ","],
    ["an empty file", "", ","],
  ])("%s", (_name, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it("sees the first line after universal newlines (a lone CR ends it)", () => {
    expect(detectDelimiter(normalizeNewlines("a,b\r;c\n"))).toBe(",");
  });
});

describe("normalizeNewlines (text mode's universal newlines)", () => {
  it.each<[string, string]>([
    ["a\r\nb", "a\nb"],
    ["a\rb", "a\nb"],
    ["a\r\r\nb", "a\n\nb"],
    ["a\n\rb", "a\n\nb"],
    ["\r\n\r\n", "\n\n"],
    ["a\r", "a\n"],
    ["a\nb", "a\nb"],
    ["x\u2028y\u0085z", "x\u2028y\u0085z"], // only CR and LF are newlines in text mode
  ])("%j -> %j", (input, output) => {
    expect(normalizeNewlines(input)).toBe(output);
  });
});

describe("parseCsvRecords", () => {
  it.each<[string, string, string, string[][]]>([
    ["a quoted field holding the delimiter", 'a,"b,c",d\n', ",", [["a", "b,c", "d"]]],
    ["a quoted field holding ';' with ';' as delimiter", 'a;"b;c";d\n', ";", [["a", "b;c", "d"]]],
    ["a doubled quote", 'a,"b""c",d\n', ",", [["a", 'b"c', "d"]]],
    ["a doubled quote at the end of a quoted field", '"a""",b\n', ",", [['a"', "b"]]],
    ["a field of one quote", '""""\n', ",", [['"']]],
    ["text after the closing quote", 'a,"b"c,d\n', ",", [["a", "bc", "d"]]],
    ["a space after the closing quote", 'a,"b" c,d\n', ",", [["a", "b c", "d"]]],
    ["a quote after the closing quote is literal", '"b"c"d,e\n', ",", [['bc"d', "e"]]],
    ["quotes inside an unquoted field", 'a,b"c"d,e\n', ",", [["a", 'b"c"d', "e"]]],
    ["a quote opening a later part of a field", 'a"b",c\n', ",", [['a"b"', "c"]]],
    ["a space before the opening quote", ' "a",b\n', ",", [[' "a"', "b"]]],
    ["spaces are kept", " a , b \n", ",", [[" a ", " b "]]],
    ["empty fields", "a,,c\n", ",", [["a", "", "c"]]],
    ["only delimiters", ",,\n", ",", [["", "", ""]]],
    ["an empty quoted field", '"",x\n', ",", [["", "x"]]],
    ["a trailing delimiter", "a,b,\n", ",", [["a", "b", ""]]],
    ["no trailing newline", "a,b", ",", [["a", "b"]]],
    ["a quoted field at EOF", '"a"', ",", [["a"]]],
    ["a line of spaces is a record", "a,b\n \n", ",", [["a", "b"], [" "]]],
    ["unterminated quote at EOF", 'a,"b', ",", [["a", "b"]]],
    ["unterminated quote keeps the newlines it swallowed", 'a,"b\n\n', ",", [["a", "b\n\n"]]],
    ["a lone quote at EOF", 'a,"', ",", [["a", ""]]],
    ["the other delimiter is plain text", "a;b,c\n", ",", [["a;b", "c"]]],
    ["an empty file", "", ",", []],
    ["only newlines", "\n\n\n", ",", []],
  ])("%s", (_name, text, delimiter, rows) => {
    expect(parseCsvRecords(text, delimiter).map((r) => r.fields)).toEqual(rows);
  });

  it.each<[string, string, [number, string[]][]]>([
    [
      "newlines inside quotes",
      'h1,h2\n"x\ny",z\nq,r\n',
      [
        [1, ["h1", "h2"]],
        [2, ["x\ny", "z"]],
        [4, ["q", "r"]],
      ],
    ],
    [
      "blank lines are skipped but counted",
      "a\n\nb\n\n\nc\n",
      [
        [1, ["a"]],
        [3, ["b"]],
        [6, ["c"]],
      ],
    ],
    [
      "blank lines inside quotes",
      '\n\n"a\n\nb"\n\nc',
      [
        [3, ["a\n\nb"]],
        [7, ["c"]],
      ],
    ],
    [
      "unterminated quote swallowing the rest",
      'x\na,"b\nc\n',
      [
        [1, ["x"]],
        [2, ["a", "b\nc\n"]],
      ],
    ],
    [
      "CRLF after normalisation",
      normalizeNewlines('a,b\r\n"1\r\n2",3\r\n\r\n4,5\r\n'),
      [
        [1, ["a", "b"]],
        [2, ["1\n2", "3"]],
        [5, ["4", "5"]],
      ],
    ],
    [
      "lone CR after normalisation",
      normalizeNewlines("a,b\r1,2\r"),
      [
        [1, ["a", "b"]],
        [2, ["1", "2"]],
      ],
    ],
  ])("record start lines: %s", (_name, text, records) => {
    expect(parseCsvRecords(text, ",").map((r) => [r.line, r.fields])).toEqual(records);
  });
});

describe("readCsvTable (DictReader + {k.lower(): v})", () => {
  const row = (content: string, index = 0) => {
    const r = readCsvTable(content).rows[index];
    return { line: r.line, values: Object.fromEntries(r.values), extra: r.extra };
  };

  it.each<[string, string, { line: number; values: Record<string, string>; extra: number }]>([
    [
      "keys are lower-cased, not trimmed",
      "FilePath, Label ,AGE\nx.jpg,BCC,5\n",
      { line: 2, values: { filepath: "x.jpg", " label ": "BCC", age: "5" }, extra: 0 },
    ],
    ["a short row lacks the missing keys", "a,b,c\n1\n", { line: 2, values: { a: "1" }, extra: 0 }],
    ["a line of spaces is a short row", "a,b\n \n", { line: 2, values: { a: " " }, extra: 0 }],
    ["extra fields are counted", "a,b\n1,2,3,4\n", { line: 2, values: { a: "1", b: "2" }, extra: 2 }],
    ["Label then label: the later wins", "Label,label\nX,BCC\n", { line: 2, values: { label: "BCC" }, extra: 0 }],
    ["label then LABEL: the later wins", "label,LABEL\nX,BCC\n", { line: 2, values: { label: "BCC" }, extra: 0 }],
    // dict(zip()) keeps a repeated name at its first column with its last value; lower-casing then walks that order.
    ["label, Label, label: Label's value wins", "label,Label,label\nA,B,C\n", { line: 2, values: { label: "B" }, extra: 0 }],
    ["Label, label, LABEL: the last wins", "Label,label,LABEL\nA,B,C\n", { line: 2, values: { label: "C" }, extra: 0 }],
    ["a, A, a in a short row: A's value wins over the None", "a,A,a\n1,2\n", { line: 2, values: { a: "2" }, extra: 0 }],
    ["';' delimiter with CRLF", "a;b\r\n1;2\r\n", { line: 2, values: { a: "1", b: "2" }, extra: 0 }],
    ["';' in the header makes ',' plain text", "a;b,c\n1,2;3\n", { line: 2, values: { a: "1,2", "b,c": "3" }, extra: 0 }],
    ["a lone CR ends the header before ';'", "a,b\r;c\n1,2\n", { line: 2, values: { a: ";c" }, extra: 0 }],
    ["values are not trimmed", "a,b\n x , \n", { line: 2, values: { a: " x ", b: " " }, extra: 0 }],
    ["a BOM stays in the first key", "\ufefffilepath,label\nx,y\n", { line: 2, values: { "\ufefffilepath": "x", label: "y" }, extra: 0 }],
  ])("%s", (_name, content, expected) => {
    expect(row(content)).toEqual(expected);
  });

  it("keeps the header as written and numbers rows by their first line", () => {
    const table = readCsvTable('A,b\n"1\n2",3\n\n4,5\n');
    expect(table.delimiter).toBe(",");
    expect(table.header).toEqual(["A", "b"]);
    expect(table.rows.map((r) => [r.line, Object.fromEntries(r.values)])).toEqual([
      [2, { a: "1\n2", b: "3" }],
      [5, { a: "4", b: "5" }],
    ]);
  });

  it("reads an empty file as no header and no rows", () => {
    expect(readCsvTable("")).toEqual({ delimiter: ",", header: [], blankFirstLine: false, rows: [] });
  });

  it("takes a blank first line as an empty header, as DictReader does", () => {
    const table = readCsvTable("\nfilepath,label\na.jpg,BCC\n");
    expect(table.header).toEqual([]);
    expect(table.blankFirstLine).toBe(true);
    expect(table.rows.map((r) => [r.line, r.values.size, r.extra])).toEqual([
      [2, 0, 2],
      [3, 0, 2],
    ]);
  });

  it.each<[string, string]>([
    [
      "a column missing from a short row hides an earlier one of the same name",
      "filepath,label,age,gender,location,LABEL\na.jpg,BCC,50,f,torso\n",
    ],
    ["the same with identical names", "filepath,label,age,label\na.jpg,BCC,50\n"],
  ])("%s (Python: None)", (_name, content) => {
    expect(readCsvTable(content).rows[0].values.has("label")).toBe(false);
  });
});

describe("longField (_csv's field_size_limit)", () => {
  const field = (text: string): string[] => parseCsvRecords(normalizeNewlines(text), ",")[0].fields;
  // Expected outcomes from CPython 3.11's csv.reader with the default limit: [name, text, raises].
  it.each<[string, string, boolean]>([
    ["an unquoted field of 131072", `${"x".repeat(131072)}\n`, false],
    ["an unquoted field of 131073", `${"x".repeat(131073)}\n`, true],
    ["a quoted field of 131072 (the quotes do not count)", `"${"x".repeat(131072)}"\n`, false],
    ["a quoted field of 131073", `"${"x".repeat(131073)}"\n`, true],
    ["text after the closing quote counts", `"${"x".repeat(131071)}"y\n`, false],
    ["text after the closing quote, one over", `"${"x".repeat(131072)}"y\n`, true],
    ["an unterminated quote at the end of the file", `"${"x".repeat(131073)}`, true],
    ["an unterminated quote of 131072", `"${"x".repeat(131072)}`, false],
    ["131072 doubled quotes are 131072 characters", `"${'""'.repeat(131072)}"\n`, false],
    ["131073 doubled quotes", `"${'""'.repeat(131073)}"\n`, true],
    ["a CRLF inside quotes is one character in text mode", `"${"x".repeat(131071)}\r\n"\n`, false],
    ["astral characters count once", `${"\u{1F600}".repeat(131072)}\n`, false],
  ])("%s", (_name, text, raises) => {
    const long = longField(field(text));
    expect(long !== undefined).toBe(raises);
    if (long) expect(long).toEqual({ index: 0, length: CSV_FIELD_LIMIT + 1 });
  });

  it("names the first long field of a record", () => {
    expect(longField(["a", "x".repeat(131073), "y".repeat(200000)])).toEqual({ index: 1, length: 131073 });
  });

  it("marks the header and the rows that hold one", () => {
    const table = readCsvTable(`a,${"h".repeat(131073)}\n1,2\n${"x".repeat(131073)},3\n`);
    expect(table.headerLong).toEqual({ index: 1, length: 131073 });
    expect(table.rows.map((r) => r.long)).toEqual([undefined, { index: 0, length: 131073 }]);
  });
});
