/**
 * Several inference sessions (each in its own process, one onnxruntime
 * thread) must change nothing but the speed: every output bit equals one
 * session's, on a model with real convolutions; the 20 s limit still names
 * the first image in the CSV that hits it; and the run starts sessions only
 * where inference is the bottleneck.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate, type EvaluateOptions } from "../src/engine/evaluate.js";
import { emptyTotals, sessionsWanted } from "../src/engine/pipeline.js";
import type { EvaluationResult } from "../src/engine/results.js";
import type { Log } from "../src/util/log.js";
import { GOLDEN_DATASET, GOLDEN_DIR, golden } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const tricorder = getCompetition("tricorder-3");
const OUTPUTS = path.join(GOLDEN_DIR, "outputs");

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), group: (_, work) => work() };
}

const run = (model: string, options: Partial<EvaluateOptions> = {}): Promise<EvaluationResult> =>
  evaluate({
    modelPath: path.join(GOLDEN_DIR, "models", model),
    dataset: GOLDEN_DATASET,
    competition: tricorder,
    log: recordingLog(),
    ...options,
  });

/** Bit for bit: Object.is tells -0 from 0 and compares NaN. */
const bits = (result: EvaluationResult): string[][] =>
  result.predictions.map((p) => [p.file, p.predicted, ...p.probabilities.map((v) => (Object.is(v, -0) ? "-0" : String(v)))]);

describe("sessionsWanted: enough sessions that inference keeps up, no more", () => {
  it.each([
    // threads, decode, resample, inference -> sessions
    [2, 30, 10, 10, 1], // light model: a fifth of the work
    [2, 30, 10, 40, 1], // half: one session is exactly one core's worth
    [2, 20, 10, 60, 2], // heavy model: two thirds
    [4, 20, 10, 60, 3],
    [4, 5, 5, 90, 4],
    [8, 20, 20, 60, 5],
    [1, 1, 1, 98, 1], // one thread: one session
    [2, 0, 0, 0, 1], // nothing measured yet
  ])("%p threads, decode %p ms, resample %p ms, inference %p ms: %p", (threads, decodeMs, resampleMs, inferenceMs, expected) => {
    expect(sessionsWanted(threads, { decodeMs, resampleMs, inferenceMs })).toBe(expected);
  });
});

describe("several sessions give one session's outputs bit for bit", () => {
  it("conv-tiny.onnx (real convolutions): 3 sessions = 1 session", async () => {
    const single = await run("conv-tiny.onnx", { threads: 2, sessions: 1 });
    const timings = emptyTotals();
    const several = await run("conv-tiny.onnx", { threads: 2, sessions: 3, timings });
    expect(timings.sessions).toBe(3);
    expect(bits(several)).toEqual(bits(single));
    expect(several.score).toBe(single.score);
  });

  it("two-input-512.onnx with 2 sessions: the golden predictions and metrics", async () => {
    const result = await run("two-input-512.onnx", { threads: 2, sessions: 2 });
    const expected = golden.models["two-input-512.onnx"];
    expect(result.predictions.map((p) => p.file)).toEqual(expected.predictions.map((p) => p.file));
    result.predictions.forEach((p, i) =>
      p.probabilities.forEach((v, k) => expect(Math.abs(v - expected.predictions[i].probabilities[k])).toBeLessThan(1e-3)),
    );
    expect(result.score).toBeCloseTo(expected.metrics.score, 12);
  });
});

describe("the limit per image, with several sessions", () => {
  const outputs = (model: string, options: Partial<EvaluateOptions>): Promise<EvaluationResult> =>
    evaluate({ modelPath: path.join(OUTPUTS, "models", model), dataset: OUTPUTS, competition: tricorder, log: recordingLog(), ...options });

  it("a model that never returns: killed at the limit, naming the first image in the CSV", async () => {
    const started = performance.now();
    const result = await outputs("loop-forever.onnx", { threads: 2, sessions: 2, inferenceTimeoutMs: 300 });
    expect(result.verdict).toMatchObject({ fault: "model", code: "inference-timeout" });
    expect(result.verdict?.message).toMatch(/image images\/lesion-00\.png took more than 0\.3 s in the model/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe("the run balances the two stages as it measures them", () => {
  /** The outputs dataset's rows four times over: 64 images, enough for workers and for a decision. */
  async function repeated(): Promise<string> {
    const dir = await tempDir();
    await cp(path.join(OUTPUTS, "images"), path.join(dir, "images"), { recursive: true });
    const [header, ...rows] = (await readFile(path.join(OUTPUTS, "labels.csv"), "utf8")).trim().split("\n");
    await writeFile(path.join(dir, "labels.csv"), `${[header, ...rows, ...rows, ...rows, ...rows].join("\n")}\n`);
    return dir;
  }

  it("a model that is nearly all the work gets a second session, and scores as with one", async () => {
    const dataset = await repeated();
    const log = recordingLog();
    const timings = emptyTotals();
    // 50,000 Loop iterations per image (~0.1 s) against small PNGs: inference is nearly all the work.
    const model = path.join(OUTPUTS, "models", "loop-50k.onnx");
    const result = await evaluate({ modelPath: model, dataset, competition: tricorder, log, threads: 2, timings });
    expect(timings.sessions).toBe(2);
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^inference is \d+% of each image's work: starting inference session 2 \(of up to 2\)$/),
    );
    const expected = (
      JSON.parse(await readFile(path.join(OUTPUTS, "outputs.json"), "utf8")) as { models: Record<string, { predicted: string[] }> }
    ).models["loop-50k.onnx"].predicted;
    expect(result.predictions.map((p) => p.predicted)).toEqual([...expected, ...expected, ...expected, ...expected]);
  });

  it("a light model stays at one session", async () => {
    const dataset = await repeated();
    const timings = emptyTotals();
    const log = recordingLog();
    await evaluate({
      modelPath: path.join(GOLDEN_DIR, "models", "two-input-512.onnx"),
      dataset,
      competition: tricorder,
      log,
      threads: 2,
      timings,
    });
    expect(timings.sessions).toBe(1);
    expect(log.lines).not.toContainEqual(expect.stringMatching(/starting inference session/));
  });
});
