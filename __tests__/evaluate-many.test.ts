/**
 * Several models in one pass: each model's result equals its own
 * evaluate() bit for bit, every image is decoded once for all of them, a
 * model validators would give 0 gets its verdict while the others go on,
 * and a package every model fails on gives each model that verdict.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate } from "../src/engine/evaluate.js";
import { evaluateMany, sessionGroups, type ModelUnderTest } from "../src/engine/evaluate-many.js";
import { emptyTotals } from "../src/engine/pipeline.js";
import type { EvaluationResult } from "../src/engine/results.js";
import { SESSION_OVERHEAD_BYTES } from "../src/engine/sessions.js";
import type { Log } from "../src/util/log.js";
import { GOLDEN_DATASET, GOLDEN_DIR } from "./helpers/golden.js";
import { packageWithTruncatedImage } from "./helpers/packages.js";
import { tempDir } from "./helpers/temp.js";
import { makeZip } from "./helpers/zip.js";

const tricorder = getCompetition("tricorder-3");
const log: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };
const model = (file: string, dir = "models"): ModelUnderTest => ({ id: file, path: path.join(GOLDEN_DIR, dir, file) });

/** Everything but the run time, with outputs compared bit for bit (Object.is tells -0 from 0 and compares NaN). */
function comparable(result: EvaluationResult): unknown {
  const { run_time_s: _, predictions, ...rest } = result;
  return {
    ...rest,
    predictions: predictions.map((p) => ({ ...p, probabilities: p.probabilities.map((v) => (Object.is(v, -0) ? "-0" : String(v))) })),
  };
}

const alone = (m: ModelUnderTest, dataset = GOLDEN_DATASET, inferenceTimeoutMs?: number): Promise<EvaluationResult> =>
  evaluate({ modelPath: m.path, dataset, competition: tricorder, log, threads: 2, inferenceTimeoutMs });

describe("several models in one pass", () => {
  // Three input sizes (512, 224 and 300x200: the second resize) and real convolutions.
  const models = ["two-input-512.onnx", "one-input-224.onnx", "one-input-300x200.onnx", "conv-tiny.onnx"].map((f) => model(f));

  it("gives each model its own evaluate()'s result, decoding each image once", async () => {
    const timings = emptyTotals();
    const together = await evaluateMany({ models, dataset: GOLDEN_DATASET, competition: tricorder, log, threads: 2, timings });
    const images = together[0].tested_entries;
    expect(timings.images).toBe(images);
    for (const [i, m] of models.entries()) expect(comparable(together[i])).toEqual(comparable(await alone(m)));
  });

  it("in several passes when the sessions do not fit in memory together, with the same results", async () => {
    const [one, two] = [models[0], models[3]];
    // Room for one session at a time.
    const freeBytes = (SESSION_OVERHEAD_BYTES + 1024 * 1024) / 0.7;
    const timings = emptyTotals();
    const split = await evaluateMany({
      models: [one, two],
      dataset: GOLDEN_DATASET,
      competition: tricorder,
      log,
      threads: 2,
      timings,
      freeBytes,
    });
    expect(timings.images).toBe(2 * split[0].tested_entries);
    expect(comparable(split[0])).toEqual(comparable(await alone(one)));
    expect(comparable(split[1])).toEqual(comparable(await alone(two)));
  });

  it("a model over the time limit gets the validators' 0; the others go on", async () => {
    const outputs = path.join(GOLDEN_DIR, "outputs");
    const slow = model("loop-forever.onnx", path.join("outputs", "models"));
    const fine = model("scores-1x12.onnx", path.join("outputs", "models"));
    const started = performance.now();
    const [a, b] = await evaluateMany({
      models: [slow, fine],
      dataset: outputs,
      competition: tricorder,
      log,
      threads: 2,
      inferenceTimeoutMs: 300,
    });
    expect(a.verdict).toMatchObject({ fault: "model", code: "inference-timeout" });
    expect(a.score).toBe(0);
    expect(b.verdict).toBeUndefined();
    expect(comparable(b)).toEqual(comparable(await alone(fine, outputs)));
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("a model with external weights gets its verdict without being loaded", async () => {
    const [external, ok] = await evaluateMany({
      models: [model("external-data.onnx"), model("two-input-512.onnx")],
      dataset: GOLDEN_DATASET,
      competition: tricorder,
      log,
      threads: 1,
    });
    expect(external.verdict).toMatchObject({ fault: "model", code: "external-data" });
    expect(ok.verdict).toBeUndefined();
  });

  it("a package every model fails on gives each model the package's verdict", async () => {
    const dir = await packageWithTruncatedImage();
    const results = await evaluateMany({ models: models.slice(0, 2), dataset: dir, competition: tricorder, log, threads: 2 });
    for (const r of results) expect(r.verdict).toMatchObject({ fault: "package", code: "unreadable-image" });
  });

  it("reads a zip package once for all", async () => {
    const dir = await tempDir();
    const files = ["labels.csv", ...(await readdir(path.join(GOLDEN_DATASET, "images"))).map((f) => `images/${f}`)];
    const zip = path.join(dir, "pkg.zip");
    await writeFile(
      zip,
      makeZip(await Promise.all(files.map(async (name) => ({ name, data: await readFile(path.join(GOLDEN_DATASET, name)) })))),
    );
    const [fromZip] = await evaluateMany({ models: [models[0]], dataset: zip, competition: tricorder, log, threads: 2 });
    const { dataset: _a, ...a } = comparable(fromZip) as Record<string, unknown>;
    const { dataset: _b, ...b } = comparable(await alone(models[0])) as Record<string, unknown>;
    expect(a).toEqual(b);
  });
});

describe("sessionGroups: sessions that fit in memory together, in order", () => {
  const MiB = 1024 * 1024;
  it.each([
    ["all fit", [1, 1, 1], 10_000, [[0, 1, 2]]],
    ["one at a time", [1, 1, 1], (160 + 2) / 0.7, [[0], [1], [2]]],
    ["two and one", [10, 10, 10], (2 * 180 + 1) / 0.7, [[0, 1], [2]]],
    ["a model over the budget alone", [1000, 1], 500 / 0.7, [[0], [1]]],
  ])("%s", (_, sizesMiB, freeMiB, expected) => {
    const facts = (sizesMiB as number[]).map((m) => ({ bytes: m * MiB }));
    expect(
      sessionGroups(
        facts.map((_f, i) => i),
        facts,
        (freeMiB as number) * MiB,
      ),
    ).toEqual(expected);
  });
});
