/**
 * Competition rules on CSV rows, as the validator's image_csv.py and
 * tricorder_common.py apply them. int() expectations come from CPython 3.11.
 */
import { getCompetition } from "../src/competition/competition.js";
import { readCsvTable } from "../src/dataset/csv.js";
import { buildEntries } from "../src/dataset/entries.js";
import { pyInt as parsePythonInt, pyStrip } from "../src/dataset/python.js";
import { ValidatorVerdictError } from "../src/util/errors.js";

const competition = getCompetition("tricorder-3");
const CSV_PATH = "/data/pkg/sub/labels.csv";
const HEADER = "filepath,label,age,gender,location";

const build = (content: string, csvPath = CSV_PATH) => buildEntries(readCsvTable(content), csvPath, competition);
const lines = (...rows: string[]): string => rows.map((r) => `${r}\n`).join("");

/** Runs `fn`, expects the package verdict `code`, and checks the message contains every fragment. */
function expectVerdict(code: string, fn: () => unknown, ...fragments: string[]): string {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidatorVerdictError);
  const verdict = error as ValidatorVerdictError;
  expect([verdict.fault, verdict.code]).toEqual(["package", code]);
  expect(verdict.message).toMatch(/^validators would fail this package for every model: /);
  for (const fragment of fragments) expect(verdict.message).toContain(fragment);
  return verdict.message;
}

describe("parsePythonInt (Python int())", () => {
  it.each<[string | undefined, number | null]>([
    [" 45 ", 45],
    ["+7", 7],
    ["-3", -3],
    ["4_5", 45],
    ["0_0", 0],
    ["007", 7],
    ["0", 0],
    ["\t12\n", 12],
    ["\x0b12\x0c", 12],
    ["12\u00a0", 12],
    ["\u2003 12", 12],
    ["\u3000 12", 12],
    ["\u2028 12", 12],
    ["45.0", null],
    ["", null],
    [" ", null],
    ["4__5", null],
    ["_45", null],
    ["45_", null],
    ["+_4", null],
    ["0x10", null],
    ["1e2", null],
    ["45a", null],
    ["1 2", null],
    ["+-3", null],
    ["- 3", null],
    ["\u200b12", null],
    ["١٢", 12],
    ["０７", 7],
    ["٣_٤", 34],
    ["𝟙𝟚", 12],
    ["\ufeff12", null],
    ["\x8512", 12],
    ["1\x85", 1],
    ["\x1c5", null],
    ["\x1c5\x1f", null],
    ["-0", 0],
    ["\u180e12", null],
    ["½", null],
    ["²", null],
    [undefined, null],
  ])("%j -> %j", (input, expected) => {
    expect(parsePythonInt(input)).toBe(expected);
  });
});

describe("pyStrip (Python str.strip())", () => {
  // Expected values from CPython 3.11.
  it.each<[string, string]>([
    [" m ", "m"],
    ["m\x85", "m"],
    ["\x1cm\x1f", "m"],
    ["\ufeffm", "\ufeffm"],
    ["\u200bm", "\u200bm"],
    ["\u3000torso\u2028", "torso"],
  ])("%j -> %j", (input, expected) => {
    expect(pyStrip(input)).toBe(expected);
  });
});

describe("buildEntries: columns", () => {
  it.each<[string, string, string, string]>([
    ["newfilename first", "newfilename,filepath,filename,label,age,gender,location", "n.jpg,p.jpg,f.jpg,BCC,50,f,torso", "n.jpg"],
    [
      "filepath before filename whatever the column order",
      "filename,filepath,label,age,gender,location",
      "f.jpg,p.jpg,BCC,50,f,torso",
      "p.jpg",
    ],
    [
      "an empty newfilename falls through",
      "newfilename,filepath,filename,label,age,gender,location",
      ",p.jpg,f.jpg,BCC,50,f,torso",
      "p.jpg",
    ],
    ["two empty aliases fall through", "newfilename,filepath,filename,label,age,gender,location", ",,f.jpg,BCC,50,f,torso", "f.jpg"],
    ["a column missing from a short row falls through", "filepath,label,age,gender,location,newfilename", "p.jpg,BCC,50,f,torso", "p.jpg"],
    ["header names are case-insensitive", "NewFileName,LABEL,Age,GENDER,Location", "n.jpg,BCC,50,f,torso", "n.jpg"],
    ["the path is not trimmed", HEADER, " a b.jpg ,BCC,50,f,torso", " a b.jpg "],
    [
      "image_path is ignored next to a validator column",
      "filepath,image_path,label,age,gender,location",
      "p.jpg,i.jpg,BCC,50,f,torso",
      "p.jpg",
    ],
  ])("path: %s", (_name, header, row, file) => {
    const { entries, warnings } = build(lines(header, row));
    expect(entries.map((e) => e.file)).toEqual([file]);
    expect(warnings).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ["class before label", "filepath,class,label,age,gender,location", "a.jpg,NV,BCC,50,f,torso", "NV"],
    ["label before class in the file, class still first", "filepath,label,class,age,gender,location", "a.jpg,BCC,NV,50,f,torso", "NV"],
    ["an empty class falls through to label", "filepath,class,label,age,gender,location", "a.jpg,,BCC,50,f,torso", "BCC"],
    ["Class is matched case-insensitively", "filepath,Class,age,gender,location", "a.jpg,MEL,50,f,torso", "MEL"],
  ])("label: %s", (_name, header, row, label) => {
    expect(build(lines(header, row)).entries.map((e) => e.label)).toEqual([label]);
  });

  // The validator reads an empty path for every row, skips every image, and records each model with 0.
  it.each<[string, string, string, string[]]>([
    [
      "image_path (the sample's header) instead of a validator column",
      "image_path,label,age,gender,location",
      "no-images",
      ["labels.csv", "no image path column", "newfilename, filepath, filename", '"image_path", "label"', "all 2 image(s)", "[2, 0]"],
    ],
    ["no path column", "path,label,age,gender,location", "no-images", ["image path column", '"path"', "Rename the column to filepath"]],
    ["a path column with a leading space", " filepath,label,age,gender,location", "no-images", ["image path column", '" filepath"']],
    ["no label column", "filepath,diagnosis,age,gender,location", "invalid-label", ["label column", '"diagnosis"', 'Invalid label: "']],
    ["a BOM glued to the path column", "\ufefffilepath,label,age,gender,location", "no-images", ["image path column", "byte-order mark"]],
    [
      "a BOM glued to an unrelated column, label missing",
      "\ufeffid,filepath,age,gender,location",
      "invalid-label",
      ["label column", "byte-order mark"],
    ],
  ])("a CSV with %s fails for every model", (_name, header, code, fragments) => {
    const message = expectVerdict(code, () => build(lines(header, "a.jpg,BCC,50,f,torso", "b.jpg,NV,30,m,leg")), ...fragments);
    if (!header.startsWith("\ufeff")) expect(message).not.toContain("byte-order mark");
  });

  it("checks the demographics and labels before the missing path column, as the validator does", () => {
    expectVerdict("not-enough-valid-data", () => build(lines("image_path,label,age,gender,location", "a.jpg,BCC,,,")), "3 invalid");
    expectVerdict("invalid-label", () => build(lines("image_path,label,age,gender,location", "a.jpg,bcc,50,f,torso")), '"bcc"');
  });

  it("reads ';'-separated files", () => {
    const { entries } = build(lines("filepath;label;age;gender;location", "a.jpg;NV;30;m;leg"));
    expect(entries.map((e) => [e.file, e.label, e.demographics])).toEqual([["a.jpg", "NV", [30, 1, 6]]]);
  });
});

describe("buildEntries: demographics", () => {
  const ok = { age: "50", gender: "f", location: "torso" };
  type Field = keyof typeof ok;
  // [field, raw value, expected demographics, invalid-field count]
  it.each<[Field, string, [number, number, number], number]>([
    ["age", "0", [0, 0, 7], 0],
    ["age", "120", [120, 0, 7], 0],
    ["age", " 45 ", [45, 0, 7], 0],
    ["age", "4_5", [45, 0, 7], 0],
    ["age", "121", [121, 0, 7], 1], // out of range: counted, yet fed to the model as is
    ["age", "-1", [-1, 0, 7], 1],
    ["age", "", [0, 0, 7], 1],
    ["age", "45.0", [0, 0, 7], 1],
    ["age", "abc", [0, 0, 7], 1],
    ["gender", "m", [50, 1, 7], 0],
    ["gender", "f", [50, 0, 7], 0],
    ["gender", "male", [50, 1, 7], 0],
    ["gender", "female", [50, 0, 7], 0],
    ["gender", " M ", [50, 1, 7], 0],
    ["gender", "FEMALE", [50, 0, 7], 0],
    ["gender", "\tMale ", [50, 1, 7], 0],
    ["gender", "x", [50, -1, 7], 1],
    ["gender", "man", [50, -1, 7], 1],
    ["gender", "", [50, -1, 7], 1],
    ["gender", " ", [50, -1, 7], 1],
    ["location", "arm", [50, 0, 1], 0],
    ["location", "feet", [50, 0, 2], 0],
    ["location", "genitalia", [50, 0, 3], 0],
    ["location", "hand", [50, 0, 4], 0],
    ["location", "head", [50, 0, 5], 0],
    ["location", "leg", [50, 0, 6], 0],
    ["location", "torso", [50, 0, 7], 0],
    ["location", " Torso ", [50, 0, 7], 0],
    ["location", "HEAD", [50, 0, 5], 0],
    ["location", "back", [50, 0, -1], 1],
    ["location", "arms", [50, 0, -1], 1],
    ["location", "", [50, 0, -1], 1],
  ])("%s %j -> %j (%d invalid)", (field, value, demographics, invalid) => {
    const v = { ...ok, [field]: value };
    const { entries, problems, warnings } = build(lines(HEADER, `a.jpg,BCC,"${v.age}","${v.gender}","${v.location}"`));
    expect(entries.map((e) => e.demographics)).toEqual([demographics]);
    expect(problems).toHaveLength(invalid);
    expect(problems.every((p) => p.field === field && p.line === 2)).toBe(true);
    expect(warnings).toHaveLength(invalid);
  });

  it("maps every class short name to its output index", () => {
    const shorts = competition.classes.map((c) => c.short);
    const { entries } = build(lines(HEADER, ...shorts.map((s, i) => `${i}.jpg,${s},50,f,torso`)));
    expect(entries.map((e) => [e.line, e.label, e.classIndex])).toEqual(shorts.map((s, i) => [i + 2, s, i]));
  });
});

describe("buildEntries: error counting", () => {
  it.each<[string, string[], number[]]>([
    ["two fields on different rows", ["a.jpg,BCC,,f,torso", "b.jpg,NV,30,m,leg", "c.jpg,MEL,30,x,leg"], [2, 4]],
    ["two fields on one row", ["a.jpg,BCC,,,torso", "b.jpg,NV,30,m,leg"], [2, 2]],
  ])("tolerates exactly 2 invalid fields (%s) with warnings, evaluating every row", (_name, rows, problemLines) => {
    const { entries, problems, warnings } = build(lines(HEADER, ...rows));
    expect(entries).toHaveLength(rows.length);
    expect(problems.map((p) => p.line)).toEqual(problemLines);
    expect(warnings).toHaveLength(2);
    problemLines.forEach((line, i) => expect(warnings[i]).toContain(`line ${line}`));
  });

  it.each<[string, string, string[], string[]]>([
    [
      "3 fields on 3 rows",
      HEADER,
      ["a.jpg,BCC,,f,torso", "b.jpg,NV,30,m,leg", "c.jpg,MEL,30,x,leg", "d.jpg,DF,30,m,elbow"],
      ["line 2", "line 4", "line 5"],
    ],
    ["3 fields on one row", HEADER, ["a.jpg,BCC,30,f,torso", "b.jpg,NV,,,"], ["line 3"]],
    ["a short row", HEADER, ["a.jpg,BCC"], ["line 2"]],
    ["no demographic columns", "filepath,label", ["a.jpg,BCC"], ["line 2"]],
    [
      "a header with spaces around age",
      "filepath,label, age ,gender,location",
      ["a.jpg,BCC,30,f,torso", "b.jpg,NV,30,m,leg", "c.jpg,NV,30,m,leg"],
      ["line 2", "line 4"],
    ],
  ])("cancels above 2 invalid fields: %s", (_name, header, rows, fragments) => {
    expectVerdict(
      "not-enough-valid-data",
      () => build(lines(header, ...rows)),
      "labels.csv",
      "3 invalid fields",
      "Not enough valid data to evaluate.",
      ...fragments,
    );
  });

  it("counts invalid labels with the fields, listed after them as the validator lists its errors", () => {
    const message = expectVerdict(
      "not-enough-valid-data",
      () => build(lines(HEADER, "a.jpg,bcc,50,f,torso", "b.jpg,NV,,m,leg", "c.jpg,NV,30,x,leg")),
      "3 invalid fields",
    );
    expect(message.indexOf("line 3: missing")).toBeLessThan(message.indexOf('line 2: label "bcc"'));
  });

  it("numbers rows by their first physical line", () => {
    const content = lines(HEADER, '"multi', 'line.jpg",BCC,30,f,torso', "", "b.jpg,NV,,x,", "c.jpg,NV,30,m,leg");
    expectVerdict("not-enough-valid-data", () => build(content), "3 invalid fields", "line 5");
  });
});

describe("buildEntries: rows every model fails on", () => {
  it.each<[string, string[], string, string[]]>([
    [
      "lower-case label",
      ["a.jpg,bcc,50,f,torso"],
      "invalid-label",
      ["labels.csv", "line 2", '"bcc"', "case-sensitive", "Invalid label: bcc"],
    ],
    ["numeric label", ["a.jpg,NV,50,f,torso", "b.jpg,1,50,f,torso"], "invalid-label", ["line 3", '"1"']],
    ["empty label", ["a.jpg,,50,f,torso"], "invalid-label", ["line 2", '""']],
    ["label with a trailing space", ["a.jpg,BCC ,50,f,torso"], "invalid-label", ["line 2", '"BCC "']],
    ["two bad labels: the first is named", ["a.jpg,x,50,f,torso", "b.jpg,y,50,f,torso"], "invalid-label", ['"x"', "1 more invalid label"]],
    ["a bad label next to 2 tolerated fields", ["a.jpg,x,50,f,torso", "b.jpg,NV,,m,leg"], "invalid-label", ['"x"', "Invalid label: x"]],
    [
      "extra fields",
      ["a.jpg,BCC,50,f,torso", "b.jpg,BCC,50,f,torso,oops"],
      "csv-extra-fields",
      ["labels.csv", "line 3", "1 more field(s) than the header's 5", "'NoneType' object has no attribute 'lower'"],
    ],
    ["an unquoted comma in the path", ["a,b.jpg,BCC,50,f,torso"], "csv-extra-fields", ["line 2", "more field"]],
    ["extra fields before invalid labels", ["a.jpg,x,,,", "b.jpg,BCC,50,f,torso,oops"], "csv-extra-fields", ["line 3"]],
  ])("%s", (_name, rows, code, fragments) => {
    expectVerdict(code, () => build(lines(HEADER, ...rows)), ...fragments);
  });

  it.each<[string, string]>([
    ["header only", lines(HEADER)],
    ["header and blank lines", lines(HEADER, "", "")],
    ["an empty file", ""],
  ])("an empty dataset (%s)", (_name, content) => {
    expectVerdict("empty-dataset", () => build(content), "labels.csv", "no rows");
  });

  it("explains a blank first line, which the validator reads as an empty header", () => {
    // The blank line is the header, so the column names on line 2 are the first row.
    expectVerdict("csv-extra-fields", () => build(`\n${lines(HEADER, "a.jpg,BCC,50,f,torso")}`), "line 2", "header's 0", "blank line");
  });
});

describe("buildEntries: fields over the csv module's limit", () => {
  const long = (n: number): string => "x".repeat(n);
  it.each<[string, string, string | undefined, string[]]>([
    [
      "a label of 131072 characters is read (and is then an invalid label)",
      lines(HEADER, `a.jpg,${long(131072)},50,f,torso`),
      "invalid-label",
      [],
    ],
    [
      "a label of 131073 characters",
      lines(HEADER, `a.jpg,${long(131073)},50,f,torso`),
      "csv-field-limit",
      ['line 2: the "label" field is 131073 characters long', "field larger than field limit (131072)"],
    ],
    ["a quoted path of 131073 characters", lines(HEADER, `"${long(131073)}",BCC,50,f,torso`), "csv-field-limit", ['"filepath" field']],
    ["a header field", lines(`${HEADER},${long(131073)}`, "a.jpg,BCC,50,f,torso"), "csv-field-limit", ["line 1: header field 6"]],
    ["a field past the header", lines(HEADER, `a.jpg,BCC,50,f,torso,${long(131073)}`), "csv-field-limit", ["field 6 (past the header)"]],
    [
      "131072 astral characters are 262144 UTF-16 units",
      lines(HEADER, `a.jpg,${"\u{1F600}".repeat(131072)},50,f,torso`),
      "invalid-label",
      [],
    ],
    [
      "a long field in a later row than an invalid label",
      lines(HEADER, "a.jpg,x,50,f,torso", `b.jpg,${long(131073)},50,f,torso`),
      "csv-field-limit",
      ["line 3"],
    ],
  ])("%s", (_name, content, code, fragments) => {
    if (code) expectVerdict(code, () => build(content), ...fragments);
  });
});

describe("buildEntries: image paths", () => {
  it("keeps a row without a path: the validator opens the CSV's folder for it, and skips it", () => {
    const [, entry] = build(lines(HEADER, "a.jpg,BCC,50,f,torso", ",BCC,50,f,torso")).entries;
    expect([entry.file, entry.path]).toEqual(["", "/data/pkg/sub"]);
  });

  it.each<[string, string]>([
    ["images/a.jpg", "/data/pkg/sub/images/a.jpg"],
    ["a.jpg", "/data/pkg/sub/a.jpg"],
    ["./images/../a.jpg", "/data/pkg/sub/a.jpg"],
    ["../other/a.jpg", "/data/pkg/other/a.jpg"],
    ["/abs/a.jpg", "/abs/a.jpg"],
    [" a.jpg", "/data/pkg/sub/ a.jpg"],
  ])("%j resolves against the CSV's folder to %j", (file, resolved) => {
    const [entry] = build(lines(HEADER, `${file},BCC,50,f,torso`)).entries;
    expect(entry.file).toBe(file);
    expect(entry.path).toBe(resolved);
  });
});
