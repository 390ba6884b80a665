/**
 * Whole packages through readDataset() against what the validator's own code
 * did with them: the fixture comes from scripts/golden/generate.py
 * (validator_verdict_goldens), which runs the validator's functions, copied
 * from safe-scan-ai/cancer-ai, on the same CSV bytes and files. The code
 * under test never produced an expectation here.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { CSV_FIELD_LIMIT } from "../src/dataset/csv.js";
import { openPackage, readDataset } from "../src/dataset/package.js";
import { ValidatorVerdictError } from "../src/util/errors.js";
import { tempDir } from "./helpers/temp.js";

type Part = string | { repeat: string; count: number } | { hex: string };

interface DatasetCase {
  name: string;
  csv: Part[];
  files: string[];
  /** Where the validator stopped: reading the CSV, _validate_data, _convert_labels, preprocessing, or not at all. */
  stage: "read" | "validate" | "convert" | "images" | "ok";
  error?: string;
  /** [relative_path, label, age, gender, location] as sync_training_data built them. */
  entries?: [string, string, number | null, string | null, string | null][];
  demographics?: number[][];
  prepared?: number;
  model?: { error?: string; accuracy?: string };
}

const fixture = JSON.parse(readFileSync("__tests__/fixtures/validator-verdicts.json", "utf8")) as {
  csv_field_limit: number;
  datasets: DatasetCase[];
};
const competition = getCompetition("tricorder-3");

function csvBytes(parts: Part[]): Buffer {
  return Buffer.concat(
    parts.map((p) =>
      typeof p === "string" ? Buffer.from(p) : "hex" in p ? Buffer.from(p.hex, "hex") : Buffer.from(p.repeat.repeat(p.count)),
    ),
  );
}

/** The verdict the validator's outcome stands for: the mapping is ours, the outcome is Python's. */
function expectedCode(c: DatasetCase): string | undefined {
  switch (c.stage) {
    case "read":
      if (c.error?.startsWith("Error: field larger than field limit")) return "csv-field-limit";
      if (c.error?.startsWith("AttributeError: 'NoneType' object has no attribute 'lower'")) return "csv-extra-fields";
      if (c.error?.startsWith("UnicodeDecodeError")) return "csv-not-utf8";
      throw new Error(`unmapped read error ${c.error}`);
    case "validate":
      return "not-enough-valid-data";
    case "convert":
      return "invalid-label";
    case "images":
      return c.entries?.length === 0 ? "empty-dataset" : c.prepared === 0 ? "no-images" : "missing-images";
    case "ok":
      return undefined;
  }
}

/** A phrase of the validator's own error that the verdict's message must quote. */
function validatorWords(c: DatasetCase): string {
  if (c.stage === "images") return c.model?.error?.replace("Error in get_model_result: ", "") ?? "accuracy NaN";
  if (c.error?.startsWith("Error: ")) return `_csv.${c.error}`;
  if (c.error?.startsWith("UnicodeDecodeError")) return "UnicodeDecodeError";
  // "ValueError: Invalid label: <label>" and the like; a long label is quoted shortened.
  return (c.error ?? "").replace(/^\w+: /, "").slice(0, 40);
}

it("uses the csv module's field limit", () => {
  expect(CSV_FIELD_LIMIT).toBe(fixture.csv_field_limit);
});

describe.each(fixture.datasets.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  it(`the validator: ${c.stage}${c.error ? ` (${Array.from(c.error).slice(0, 70).join("")})` : ""}`, async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "labels.csv"), csvBytes(c.csv));
    for (const file of c.files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), "an image");
    }
    const read = readDataset(await openPackage(dir), competition);
    const code = expectedCode(c);
    if (code === undefined) {
      const { entries } = await read;
      expect(entries.map((e) => [e.file, e.label])).toEqual(c.entries?.map(([file, label]) => [file, label]));
      expect(entries.map((e) => [...e.demographics])).toEqual(c.demographics);
      return;
    }
    const verdict = await read.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(verdict).toBeInstanceOf(ValidatorVerdictError);
    if (!(verdict instanceof ValidatorVerdictError)) return;
    expect([verdict.fault, verdict.code]).toEqual(["package", code]);
    expect(verdict.message).toMatch(/^validators would fail this package for every model: labels\.csv/);
    expect(verdict.message).toContain(validatorWords(c));
  });
});
