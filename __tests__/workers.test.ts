/**
 * Preprocessing in worker threads must change nothing but the speed: every
 * output bit and metric equals the single-threaded run's, whatever the
 * number of workers and the order in which they finish.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate } from "../src/engine/evaluate.js";
import type { EvaluationResult } from "../src/engine/results.js";
import type { ImageError } from "../src/util/errors.js";
import type { Log } from "../src/util/log.js";
import { MIN_IMAGES_FOR_WORKERS, defaultThreads, planThreads } from "../src/engine/pipeline.js";
import { preparePixels, preprocessImage } from "../src/preprocess/index.js";
import { toChwTensorScalar } from "../src/preprocess/tensor.js";
import { PixelBudget } from "../src/preprocess/budget.js";
import { PreprocessPool } from "../src/workers/pool.js";
import { PREPROCESS_ROLE, type FromWorker, type ToWorker } from "../src/workers/protocol.js";
import { GOLDEN_DATASET, GOLDEN_DIR, REPO, golden } from "./helpers/golden.js";
import { packageWithTruncatedImage } from "./helpers/packages.js";
import { tempDir } from "./helpers/temp.js";

const tricorder = getCompetition("tricorder-3");
const warnings: string[] = [];
const log: Log = { info: () => {}, warning: (m) => warnings.push(m), group: (_, work) => work() };
const run = (model: string, threads: number, dataset = GOLDEN_DATASET): Promise<EvaluationResult> =>
  evaluate({ modelPath: path.join(GOLDEN_DIR, "models", model), dataset, competition: tricorder, log, threads });

// A pool that cannot start falls back to the main thread with a warning: here that would hide the code under test.
afterEach(() => expect(warnings.splice(0)).not.toContainEqual(expect.stringMatching(/worker threads could not start/)));

function expectIdentical(actual: EvaluationResult, expected: EvaluationResult): void {
  const { run_time_s: _a, predictions: p, ...rest } = actual;
  const { run_time_s: _b, predictions: q, ...expectedRest } = expected;
  expect(rest).toEqual(expectedRest);
  expect(p.map((x) => [x.file, x.label, x.predicted])).toEqual(q.map((x) => [x.file, x.label, x.predicted]));
  // Bit for bit: Object.is tells -0 from 0 and compares NaN, where toEqual would round nothing but forgive those.
  const differing = p.flatMap((x, i) => x.probabilities.filter((v, k) => !Object.is(v, q[i].probabilities[k])).map(() => x.file));
  expect(differing).toEqual([]);
}

describe("worker threads give the single-threaded results bit for bit", () => {
  it.each([
    ["two-input-512.onnx", 2],
    ["one-input-300x200.onnx", 3],
  ])("%s with %p threads", async (model, threads) => {
    const [single, parallel] = [await run(model, 1), await run(model, threads)];
    expectIdentical(parallel, single);
  });

  it("an unreadable image is the package's verdict, with its file name", async () => {
    const dir = await packageWithTruncatedImage();
    const { verdict } = await run("two-input-512.onnx", 2, dir);
    expect(verdict).toMatchObject({ fault: "package", code: "unreadable-image" });
    expect(verdict?.message).toMatch(/^validators would fail this package for every model: cannot read image images\/b\.jpg: /);
  });
});

describe("the pool", () => {
  it("gives up on workers that do not start in time, and stops them", async () => {
    await expect(PreprocessPool.start(2, 1)).rejects.toThrow("the preprocessing workers did not start within 0.001 s");
  });

  it("gives the models' input pixels, as this thread prepares them, image after image, one decode for every size", async () => {
    const pool = await PreprocessPool.start(1);
    try {
      const file = golden.images[0].file;
      const sizes = [
        { width: 64, height: 48 },
        { width: 512, height: 512 },
        { width: 224, height: 224 },
      ];
      const expected = await Promise.all(
        sizes.map(async (size) => (await preparePixels(file, path.join(GOLDEN_DATASET, file), 512, [size])).rgbs[0]),
      );
      for (let i = 0; i < 2; i++) {
        const { rgbs } = await pool.preprocess(file, path.join(GOLDEN_DATASET, file), 512, sizes);
        expect(rgbs).toEqual(expected);
        expect(rgbs.map((rgb) => rgb.byteLength)).toEqual(sizes.map((s) => s.width * s.height * 3));
      }
    } finally {
      await pool.close();
    }
  });
});

describe("decoder messages with several workers", () => {
  it("a truncated JPEG is reported with the decoder's words, never sharp's 'Unknown error'", async () => {
    // libvips' error buffer is one per process: with two threads failing at once, one message could be lost.
    const dir = await tempDir();
    const good = await readFile(path.join(GOLDEN_DATASET, "images", "example-nv.jpg"));
    await writeFile(path.join(dir, "good.jpg"), good);
    await writeFile(path.join(dir, "cut.jpg"), good.subarray(0, good.length >> 1));
    const pool = await PreprocessPool.start(2);
    try {
      const reasons = await Promise.all(
        Array.from({ length: 400 }, (_, i) => {
          const name = i % 2 ? "cut.jpg" : "good.jpg";
          return pool.preprocess(name, path.join(dir, name), 512, [{ width: 64, height: 64 }]).then(
            () => "decoded",
            (err: unknown) => (err as ImageError).reason,
          );
        }),
      );
      expect(new Set(reasons.filter((r) => r !== "decoded"))).toEqual(new Set([expect.stringMatching(/^VipsJpeg: premature end of JPEG/)]));
      expect(reasons.filter((r) => r === "decoded")).toHaveLength(200);
    } finally {
      await pool.close();
    }
  });
});

describe("the bundle is its own preprocessing worker", () => {
  const bundle = path.join(REPO, "dist", "index.js");

  it("dispatches on workerData.role and prepares the same tensor", async () => {
    expect(existsSync(bundle)).toBe(true);
    const worker = new Worker(bundle, { workerData: { role: PREPROCESS_ROLE, budget: new PixelBudget().shared } });
    const messages: FromWorker[] = [];
    const next = (): Promise<FromWorker> =>
      new Promise((resolve, reject) => {
        worker.once("message", (m: FromWorker) => resolve(m));
        worker.once("error", reject);
      });
    const send = (m: ToWorker): void => worker.postMessage(m);
    try {
      messages.push(await next());
      expect(messages[0]).toEqual({ type: "ready" });
      const file = golden.images[0].file;
      const inputSize = { width: 300, height: 200 };
      send({ type: "job", id: 7, file, path: path.join(GOLDEN_DATASET, file), imageSize: 512, inputSizes: [inputSize] });
      const done = await next();
      if (done.type !== "done") throw new Error(`expected a tensor, got ${JSON.stringify(done)}`);
      expect(done.id).toBe(7);
      const expected = await preprocessImage(file, path.join(GOLDEN_DATASET, file), 512, inputSize);
      const sha = (t: Float32Array): string =>
        createHash("sha256")
          .update(new Uint8Array(t.buffer, t.byteOffset, t.byteLength))
          .digest("hex");
      expect(sha(toChwTensorScalar({ ...inputSize, data: done.rgbs[0] }))).toBe(sha(expected));
      send({
        type: "job",
        id: 8,
        file: "missing.jpg",
        path: path.join(GOLDEN_DATASET, "missing.jpg"),
        imageSize: 512,
        inputSizes: [inputSize],
      });
      const failed = await next();
      expect(failed).toMatchObject({ type: "failed", id: 8, error: { image: { file: "missing.jpg" } } });
    } finally {
      await worker.terminate();
    }
  });
});

describe("the CLI from a bare clone", () => {
  it("preprocesses a larger dataset in workers and scores what one thread scores", async () => {
    const dir = await tempDir();
    for (const entry of ["package.json", "bin", "dist"]) await cp(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
    // Every golden image three times: enough rows for threads "auto" to start workers.
    const dataset = path.join(dir, "dataset");
    await cp(path.join(GOLDEN_DATASET, "images"), path.join(dataset, "images"), { recursive: true });
    const [header, ...rows] = (await readFile(path.join(GOLDEN_DATASET, "labels.csv"), "utf8")).trim().split("\n");
    const all = [...rows, ...rows, ...rows];
    expect(all.length).toBeGreaterThanOrEqual(MIN_IMAGES_FOR_WORKERS);
    await writeFile(path.join(dataset, "labels.csv"), `${[header, ...all].join("\n")}\n`);
    const model = path.join(GOLDEN_DIR, "models", "one-input-224.onnx");
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(dir, "bin", "cancer-ai.js"), "evaluate", "--model", model, "--dataset", dataset, "--output", "out.json"],
      { cwd: dir },
    );
    expect(stderr).not.toMatch(/worker threads could not start/);
    const fromCli = JSON.parse(await readFile(path.join(dir, "out.json"), "utf8")) as EvaluationResult;
    expectIdentical(fromCli, await run("one-input-224.onnx", 1, dataset));
  });
});

describe("threads", () => {
  it("one thread preprocesses on the main thread, more start as many workers", () => {
    expect(planThreads(1, 10_000)).toEqual({ workers: 0, inFlight: 2, maxSessions: 1 });
    expect(planThreads(2, 10)).toEqual({ workers: 2, inFlight: 4, maxSessions: Math.min(2, defaultThreads()) });
    // Inference sessions no further than the cores: more could not run at once.
    expect(planThreads(8, 10_000)).toEqual({ workers: 8, inFlight: 16, maxSessions: Math.min(8, defaultThreads()) });
  });

  it("auto uses no workers for a small dataset, every core otherwise", () => {
    expect(planThreads(undefined, MIN_IMAGES_FOR_WORKERS - 1).workers).toBe(0);
    expect(planThreads(undefined, MIN_IMAGES_FOR_WORKERS).workers).toBe(defaultThreads() > 1 ? defaultThreads() : 0);
  });

  it("an invalid threads option fails before the model loads", async () => {
    await expect(run("missing.onnx", 0)).rejects.toThrow(/threads must be a whole number from 1 to 64 \(or auto\), got 0/);
  });
});
