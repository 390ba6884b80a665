import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { InputError } from "../src/util/errors.js";
import { evaluate } from "../src/engine/evaluate.js";
import type { EvaluationResult } from "../src/engine/results.js";
import type { Log } from "../src/util/log.js";
import {
  mergeShardRuns,
  mergeShards,
  parseShard,
  parseShardFile,
  selectShard,
  shardDocument,
  type ShardDocument,
} from "../src/engine/shard.js";
import { verdictResult } from "../src/engine/verdict.js";
import { GOLDEN_DATASET, GOLDEN_DIR } from "./helpers/golden.js";

const tricorder = getCompetition("tricorder-3");
const quietLog: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };
const MODEL = path.join(GOLDEN_DIR, "models", "two-input-512.onnx");

describe("shard i/n", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["2/3", { index: 2, count: 3 }],
    [" 10 / 12 ", { index: 10, count: 12 }],
  ])("parses %p", (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each(["0/3", "4/3", "1/0", "3", "a/b", "1/2/3", "-1/3", ""])("refuses %p", (text) => {
    expect(() => parseShard(text)).toThrow(InputError);
    expect(() => parseShard(text)).toThrow(/shard must be "i\/n" with 1 <= i <= n/);
  });

  it("takes rows round-robin, so shards differ by at most one row", () => {
    const rows = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const shards = [1, 2, 3].map((index) => selectShard(rows, { index, count: 3 }));
    expect(shards.map((s) => s.map((r) => r.row))).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    expect(shards[1].map((r) => r.entry)).toEqual(["r1", "r4", "r7"]);
    expect(selectShard(rows).map((r) => r.row)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("a shard with no rows is an error, not an empty score", () => {
    expect(() => selectShard(["a", "b"], { index: 3, count: 3 })).toThrow(/shard 3\/3 has no rows: the dataset has only 2/);
  });
});

describe("3 shards merged = one runner", () => {
  let full: EvaluationResult;
  let docs: ShardDocument[];

  beforeAll(async () => {
    const run = (shard?: { index: number; count: number }): Promise<EvaluationResult> =>
      evaluate({ modelPath: MODEL, dataset: GOLDEN_DATASET, competition: tricorder, log: quietLog, threads: 1, shard });
    full = await run();
    // Through JSON, as the documents travel between runners.
    docs = await Promise.all(
      [3, 1, 2].map(async (index) => JSON.parse(JSON.stringify(shardDocument(await run({ index, count: 3 })))) as ShardDocument),
    );
  });

  it("each shard evaluates only its rows", () => {
    expect(docs.map((d) => [d.shard.index, d.predictions.length, d.total_entries])).toEqual([
      [3, 7, 23],
      [1, 8, 23],
      [2, 8, 23],
    ]);
    expect(docs[1].predictions.map((p) => p.row)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
    expect(docs[1].predictions[1]).toMatchObject({
      file: full.predictions[3].file,
      label: full.predictions[3].label,
      output: full.predictions[3].probabilities,
    });
  });

  it("the merge equals the full evaluation field by field", () => {
    const merged = mergeShards(docs, tricorder);
    const { run_time_s: mergedTime, ...mergedFields } = merged;
    const { run_time_s: fullTime, ...fullFields } = full;
    expect(Object.keys(mergedFields).sort()).toEqual(Object.keys(fullFields).sort());
    for (const key of Object.keys(fullFields) as (keyof typeof fullFields)[])
      expect({ key, value: mergedFields[key] }).toEqual({ key, value: fullFields[key] });
    expect(mergedTime).toBeCloseTo(
      docs.reduce((s, d) => s + d.run_time_s, 0),
      9,
    );
    expect(fullTime).toBeGreaterThan(0);
  });

  const tamper = (edit: (docs: ShardDocument[]) => void): ShardDocument[] => {
    const copy = JSON.parse(JSON.stringify(docs)) as ShardDocument[];
    edit(copy);
    return copy;
  };

  it.each<[string, (d: ShardDocument[]) => void, RegExp]>([
    ["a missing shard", (d) => d.splice(0, 1), /shard\(s\) 3\/3 missing: all 3 are needed/],
    ["a shard given twice", (d) => d.push(d[1]), /shard\(s\) 1\/3 given more than once/],
    [
      "another model",
      (d) => ((d[2] as { model_sha256: string }).model_sha256 = "f".repeat(64)),
      /shard 2\/3 and shard 3\/3 were not run on the same model sha256: f{64} vs [0-9a-f]{64}/,
    ],
    [
      "another dataset",
      (d) => ((d[0] as { dataset_sha256: string }).dataset_sha256 = "0".repeat(64)),
      /shard 1\/3 and shard 3\/3 were not run on the same dataset \(labels CSV sha256\)/,
    ],
    [
      "another split",
      (d) => ((d[1] as { shard: { index: number; count: number } }).shard = { index: 1, count: 4 }),
      /split the dataset differently \(4 vs 3 shards\)/,
    ],
    [
      "a row in the wrong shard",
      (d) => ((d[1].predictions[0] as { row: number }).row = 1),
      /shard 1\/3 has row 1 \(images\/jpeg420\.jpg\), which belongs to shard 2\/3/,
    ],
    [
      "a row twice",
      (d) => d[1].predictions.push({ ...d[1].predictions[0] }),
      /rows predicted more than once: row 0 \(images\/jpeg420\.jpg\) in shard 1\/3 and shard 1\/3/,
    ],
    ["missing rows", (d) => d[2].predictions.splice(1, 2), /rows \(0-based, CSV order\) missing from the shards: 4, 7; of 23/],
    [
      "another competition's documents",
      (d) => ((d[0] as { format: string }).format = "other/1"),
      /shard 3\/3 is not a shard predictions document/,
    ],
    [
      "a class index the competition does not have",
      (d) => ((d[1].predictions[2] as { class_index: number }).class_index = 11),
      /shard 1\/3 has class_index 11 for row 6 \(.*\), but the competition has 11 classes/,
    ],
    [
      "a predicted index the competition does not have",
      (d) => ((d[0].predictions[0] as { predicted: number }).predicted = -1),
      /shard 3\/3 has predicted -1 for row 2/,
    ],
  ])("refuses %s, naming it", (_, edit, message) => {
    expect(() => mergeShards(tamper(edit), tricorder)).toThrow(message);
  });

  it("refuses nothing to merge", () => {
    expect(() => mergeShards([], tricorder)).toThrow(/no shard predictions to merge/);
    expect(() => mergeShardRuns([], tricorder)).toThrow(/no shard predictions to merge/);
  });

  /** The same shards as if a run had evaluated two packages, the newer one dated later. */
  const twoPackages = (): ShardDocument[] => [
    ...tamper((d) =>
      d.forEach((doc) => Object.assign(doc, { dataset: "old.zip", dataset_uri: "hf://o/r/old.zip", dataset_date: "2026-01-01T00:00:00Z" })),
    ),
    ...tamper((d) =>
      d.forEach((doc) => Object.assign(doc, { dataset: "new.zip", dataset_uri: "hf://o/r/new.zip", dataset_date: "2026-02-01T00:00:00Z" })),
    ),
  ];

  it("merges each package separately, newest first, even when packages share their labels", () => {
    const merged = mergeShardRuns(twoPackages(), tricorder);
    expect(merged.map((r) => r.dataset)).toEqual(["new.zip", "old.zip"]);
    expect(merged.map((r) => r.score)).toEqual([full.score, full.score]);
    expect(merged[0].tested_entries).toBe(23);
  });

  it("names the package whose shards do not fit together", () => {
    const docs = twoPackages().filter((d) => !(d.dataset === "new.zip" && d.shard.index === 2));
    expect(() => mergeShardRuns(docs, tricorder)).toThrow(
      /^package new\.zip: shard\(s\) 2\/3 missing: all 3 are needed to score the dataset \(every shard job must evaluate the same packages/,
    );
  });
});

describe("shard files", () => {
  const doc: ShardDocument = {
    format: "cancer-ai-shard/1",
    competition_id: "tricorder-3",
    dataset: "d.zip",
    dataset_sha256: "a".repeat(64),
    total_entries: 2,
    model_sha256: "b".repeat(64),
    model_size_bytes: 10,
    shard: { index: 1, count: 2 },
    run_time_s: 0.5,
    predictions: [{ row: 0, file: "images/x.jpg", label: "NV", class_index: 8, output: [0.1, 0.9], predicted: 1 }],
  };
  const edit = (change: Record<string, unknown>, prediction: Record<string, unknown> = {}): unknown => ({
    ...doc,
    ...change,
    predictions: [{ ...doc.predictions[0], ...prediction }],
  });

  it("reads one document or a list of them", () => {
    expect(parseShardFile(doc, "f.json")).toEqual([doc]);
    expect(parseShardFile([doc, doc], "f.json")).toEqual([doc, doc]);
  });

  it.each([[{}], [[]], [{ score: 1 }], [[doc, { other: true }]], [null], ["text"]])("leaves JSON that is not ours alone: %p", (value) => {
    expect(parseShardFile(value, "f.json")).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    [
      "a newer format",
      { ...doc, format: "cancer-ai-shard/2" },
      /f\.json is in format cancer-ai-shard\/2; this version of the action reads cancer-ai-shard\/1: use the same action version/,
    ],
    ["a missing model hash", edit({ model_sha256: undefined }), /f\.json: model_sha256 must be a string/],
    ["a fractional row count", edit({ total_entries: 2.5 }), /f\.json: total_entries must be a whole number/],
    [
      "a shard outside its count",
      edit({ shard: { index: 3, count: 2 } }),
      /f\.json: shard must be \{index, count\} with 1 <= index <= count/,
    ],
    ["predictions that are not a list", { ...doc, predictions: {} }, /f\.json: predictions must be a list/],
    ["a prediction that is not an object", { ...doc, predictions: [3] }, /f\.json: prediction 0 is not an object/],
    ["a negative row", edit({}, { row: -1 }), /f\.json, prediction 0: row must be a whole number/],
    ["an output with text", edit({}, { output: [0.1, "x"] }), /f\.json, prediction 0: output must be a list of at most 10000 numbers/],
    ["a dataset of 2e9 rows", edit({ total_entries: 2e9 }), /f\.json: total_entries must be a whole number up to 10000000/],
    ["a row past the bound", edit({}, { row: 1e12 }), /f\.json, prediction 0: row must be a whole number up to 10000000/],
    [
      "a 10^6-job matrix",
      edit({ shard: { index: 1, count: 1e6 } }),
      /f\.json: shard must be \{index, count\} with 1 <= index <= count <= 1000/,
    ],
    ["a huge output", edit({}, { output: new Array(20_000).fill(0) }), /f\.json, prediction 0: output must be a list of at most 10000/],
  ])("refuses %s, naming the file and field", (_, value, message) => {
    expect(() => parseShardFile(value, "f.json")).toThrow(InputError);
    expect(() => parseShardFile(value, "f.json")).toThrow(message);
  });

  it("round-trips non-finite outputs, which JSON cannot hold as numbers", () => {
    const outputs = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5];
    const base = verdictResult(
      { fault: "model", code: "x", message: "x" },
      { competition: tricorder, dataset: "d.zip", model: { sha256: "b".repeat(64), bytes: 10 }, runSeconds: 0 },
    );
    const result: EvaluationResult = {
      ...base,
      verdict: undefined,
      predictions: [{ file: "images/x.jpg", label: "NV", predicted: "NV", probabilities: outputs }],
      shard: {
        index: 1,
        count: 1,
        total_entries: 1,
        dataset_sha256: "a".repeat(64),
        rows: [0],
        class_indices: [8],
        predicted_indices: [8],
      },
    };
    const written = JSON.parse(JSON.stringify(shardDocument(result)));
    expect(written.predictions[0].output).toEqual(["NaN", "Infinity", "-Infinity", 0.5]);
    const [merged] = mergeShardRuns(parseShardFile(written, "s.json") ?? [], tricorder);
    expect(merged.predictions[0].probabilities).toEqual(outputs);
  });

  it("numbers the documents of a list in its errors", () => {
    expect(() => parseShardFile([doc, edit({ dataset: 7 })], "f.json")).toThrow(/f\.json \(document 2\): dataset must be a string/);
  });
});
