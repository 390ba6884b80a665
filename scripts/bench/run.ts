/**
 * One measured run, in a process of its own so that its peak RSS is its own:
 *   node <bundle of this file> engine <model> <dataset> <threads> <outputs.json>
 *   node <bundle of this file> reference <model> <dataset> <outputs.json>
 * Prints one JSON line (RunStats) on stdout. index.ts bundles this file with
 * ncc like dist/ is built, so the engine starts its workers as the product
 * does (from the sources, every worker would first load a TypeScript loader).
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Tensor } from "onnxruntime-node";
import type { Competition } from "../../src/competition/competition.js";
import type { Log } from "../../src/util/log.js";
import { isInferenceProcess, isPreprocessWorker } from "../../src/workers/protocol.js";

export interface RunStats {
  readonly images: number;
  readonly wallMs: number;
  /** CPU time over the same span: this process's threads and its finished child processes (inference, Python). */
  readonly cpuMs: number;
  /** Inference sessions at the end (the engine's). */
  readonly sessions?: number;
  /** Summed per image over the run. */
  readonly decodeMs: number;
  readonly resampleMs: number;
  readonly inferenceMs: number;
  readonly maxRssKiB: number;
  /** The reference's Python process, apart. */
  readonly pythonMaxRssKiB?: number;
}

/**
 * CPU milliseconds so far of this process (every thread) and of its children
 * that have exited and been waited for: /proc/self/stat's cutime and cstime,
 * in clock ticks (100 per second on Linux).
 */
function cpuMs(): number {
  const self = process.cpuUsage();
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // After the command's ")": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  const children = (Number(fields[13]) + Number(fields[14])) * 10;
  return (self.user + self.system) / 1000 + children;
}

const quiet: Log = { info: () => {}, warning: (m) => process.stderr.write(`warning: ${m}\n`), group: (_, work) => work() };

// The engine is imported lazily, as src/index.ts does, so that the workers this bundle also serves load only what they need.
async function tricorder(): Promise<Competition> {
  return (await import("../../src/competition/competition.js")).getCompetition("tricorder-3");
}

/** `models` > 1: that many copies of the model in one pass (evaluate-many.ts), as the forecast runs them. */
async function engine(
  model: string,
  dataset: string,
  threads: number | undefined,
  models: number,
): Promise<{ stats: RunStats; outputs: number[][] }> {
  const { evaluate } = await import("../../src/engine/evaluate.js");
  const { evaluateMany } = await import("../../src/engine/evaluate-many.js");
  const competition = await tricorder();
  const { emptyTotals } = await import("../../src/engine/pipeline.js");
  const timings = emptyTotals();
  const cpuStarted = cpuMs();
  const started = performance.now();
  const result =
    models > 1
      ? (
          await evaluateMany({
            models: Array.from({ length: models }, (_, i) => ({ id: `copy ${i + 1}`, path: model })),
            dataset,
            competition,
            log: quiet,
            threads,
            timings,
          })
        )[0]
      : await evaluate({ modelPath: model, dataset, competition, log: quiet, threads, timings });
  if (models > 1) timings.sessions = models;
  const wallMs = performance.now() - started;
  return {
    stats: { ...timings, wallMs, cpuMs: cpuMs() - cpuStarted, maxRssKiB: process.resourceUsage().maxRSS },
    outputs: result.predictions.map((p) => p.probabilities),
  };
}

/** Exact-size reads from a byte stream. */
class Reader {
  private chunks: Buffer[] = [];
  private length = 0;
  private wake: (() => void) | undefined;
  private ended = false;
  constructor(stream: NodeJS.ReadableStream) {
    stream.on("data", (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.wake?.();
    });
    stream.on("end", () => {
      this.ended = true;
      this.wake?.();
    });
  }
  async read(n: number): Promise<Buffer> {
    while (this.length < n) {
      if (this.ended) throw new Error("the reference preprocessor stopped early");
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const all = Buffer.concat(this.chunks);
    this.chunks = [all.subarray(n)];
    this.length -= n;
    return all.subarray(0, n);
  }
}

/** The validator's way: Pillow preprocessing (Python), then onnxruntime with one thread, batch 1, one image after the other. */
async function reference(model: string, dataset: string): Promise<{ stats: RunStats; outputs: number[][] }> {
  const { default: ort } = await import("onnxruntime-node");
  const { openPackage, readDataset } = await import("../../src/dataset/package.js");
  const competition = await tricorder();
  const pkg = await openPackage(dataset);
  const { entries } = await readDataset(pkg, competition);
  // Run from the repository (index.ts sets the cwd); this file itself runs bundled elsewhere.
  const script = path.join(process.cwd(), "scripts", "bench", "reference.py");
  const python = spawn("/usr/bin/python3", [script], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  python.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => python.on("close", () => resolve()));
  const reader = new Reader(python.stdout);
  const failed = (err: unknown): never => {
    throw new Error(`${err instanceof Error ? err.message : String(err)}: ${stderr.trim()}`);
  };
  await reader.read(1).catch(failed);
  const cpuStarted = cpuMs();
  const started = performance.now();
  // Python's onnxruntime is not packaged for Debian: onnxruntime-node with the validator's options stands in.
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ["cpu"] });
  const [imageInput, demographicsInput] = session.inputNames;
  const tensorBytes = 3 * 512 * 512 * 4;
  const totals = { decodeMs: 0, resampleMs: 0, inferenceMs: 0 };
  const outputs: number[][] = [];
  for (const entry of entries) {
    python.stdin.write(`${entry.path}\n`);
    const header = await reader.read(24).catch(failed);
    const bytes = await reader.read(tensorBytes).catch(failed);
    totals.decodeMs += header.readDoubleLE(0);
    // Resize and the float conversion, as the engine's "resample" stage also includes its tensor conversion.
    totals.resampleMs += header.readDoubleLE(8) + header.readDoubleLE(16);
    const image = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + tensorBytes));
    const feeds: Record<string, Tensor> = { [imageInput]: new ort.Tensor("float32", image, [1, 3, 512, 512]) };
    if (demographicsInput) feeds[demographicsInput] = new ort.Tensor("float32", Float32Array.from(entry.demographics), [1, 3]);
    const inferenceStarted = performance.now();
    const result = await session.run(feeds);
    totals.inferenceMs += performance.now() - inferenceStarted;
    outputs.push(Array.from(result[session.outputNames[0]].data as Float32Array));
  }
  const wallMs = performance.now() - started;
  python.stdin.end();
  await exited;
  // Python's CPU counts once it has exited; its start-up before `started` is in it too (a fraction of a second).
  const cpu = cpuMs() - cpuStarted;
  await session.release();
  await pkg.close();
  const pythonMaxRssKiB = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? NaN);
  return {
    stats: { images: entries.length, wallMs, cpuMs: cpu, ...totals, maxRssKiB: process.resourceUsage().maxRSS, pythonMaxRssKiB },
    outputs,
  };
}

async function main(): Promise<void> {
  const [mode, model, dataset, ...rest] = process.argv.slice(2);
  const { parseOption } = await import("../../src/config/config.js");
  const run =
    mode === "engine"
      ? await engine(model, dataset, parseOption("threads", rest[0], "threads"), Number(rest[1]))
      : await reference(model, dataset);
  writeFileSync(rest[rest.length - 1], JSON.stringify(run.outputs));
  process.stdout.write(`${JSON.stringify(run.stats)}\n`);
}

// As in src/index.ts: the bundle is also the preprocessing workers' and the inference process's entry.
if (isPreprocessWorker()) await (await import("../../src/workers/preprocess-worker.js")).servePreprocessing();
else if (isInferenceProcess()) await (await import("../../src/workers/inference-process.js")).serveInference();
else await main();
