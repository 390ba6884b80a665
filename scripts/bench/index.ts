/**
 * npm run bench -- [--images N] [--threads T] [--model light|heavy] [--reference] [--help]
 *
 * Scores a benchmark model on N generated dermoscopy-sized JPEGs (cached,
 * see data.ts) and prints throughput, time per image by stage, the
 * inference sessions the run settled on, core use (CPU seconds / cores /
 * wall) and peak memory of the whole process tree. With --reference, the
 * validator's pipeline runs on the same data in the same invocation (Pillow
 * preprocessing in Python, onnxruntime with one thread, batch 1,
 * sequential) and the outputs and wall times are compared. Each side runs in
 * a fresh process, so each peak is its own.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOption } from "../../src/config/config.js";
import { planThreads } from "../../src/engine/pipeline.js";
import { benchData, CACHE_DIR, MODEL_PRESETS, type ModelPreset } from "./data.js";
import type { RunStats } from "./run.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const USAGE = `usage: npm run bench -- [options]

  --images N          images to score (default 100; generated once, cached in ${CACHE_DIR})
  --threads T         threads for the engine, 1-64 or auto (default auto: every core)
  --model PRESET      light: ~1 GFLOP per image (default); heavy: ~4 GFLOP, like larger competition models
  --models K          K copies of the model in one pass, as the forecast evaluates committed models (default 1)
  --reference         also run the validator's pipeline (Pillow + onnxruntime, one thread) and compare
  --help              this text
`;

class UsageError extends Error {}

interface Args {
  images: number;
  /** undefined: the engine's default (auto). */
  threads?: number;
  model: ModelPreset;
  /** Copies of the model evaluated in one pass. */
  models: number;
  reference: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { images: 100, model: "light", models: 1, reference: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const next = (): string => {
      if (i + 1 >= argv.length) throw new UsageError(`${argv[i]} needs a value`);
      return argv[++i];
    };
    const flag = argv[i];
    if (flag === "--images") {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--images needs a whole number of at least 1, got ${argv[i]}`);
      args.images = n;
    } else if (flag === "--threads") {
      try {
        args.threads = parseOption("threads", next(), "--threads");
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    } else if (flag === "--model") {
      const preset = next();
      if (!(MODEL_PRESETS as readonly string[]).includes(preset))
        throw new UsageError(`--model is one of ${MODEL_PRESETS.join(", ")}, got ${preset}`);
      args.model = preset as ModelPreset;
    } else if (flag === "--models") {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--models needs a whole number from 1 to 64, got ${argv[i]}`);
      args.models = n;
    } else if (flag === "--reference") args.reference = true;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else throw new UsageError(`unknown option ${flag}`);
  }
  return args;
}

/**
 * run.ts bundled by ncc (cached by the sources' hash), under node_modules so
 * that sharp and onnxruntime-node resolve as they do from dist/.
 */
function bundle(): string {
  const hash = createHash("sha256");
  for (const dir of ["src", "scripts/bench"]) {
    for (const file of readdirSync(path.join(REPO, dir), { recursive: true }).map(String).sort()) {
      if (/\.(ts|wat)$/.test(file)) hash.update(file).update(readFileSync(path.join(REPO, dir, file)));
    }
  }
  const cache = path.join(REPO, "node_modules", ".cache", "cancer-ai-bench");
  const out = path.join(cache, hash.digest("hex").slice(0, 16));
  if (!existsSync(path.join(out, "index.js"))) {
    process.stderr.write("bundling the engine with ncc, as dist/ is built\n");
    rmSync(cache, { recursive: true, force: true });
    const ncc = path.join(REPO, "node_modules", ".bin", "ncc");
    execFileSync(ncc, ["build", "scripts/bench/run.ts", "-o", out, "-e", "sharp", "-e", "onnxruntime-node", "--quiet"], {
      cwd: REPO,
      stdio: "inherit",
    });
  }
  return path.join(out, "index.js");
}

/** The resident memory (KiB) of `root` and every process below it, from /proc. */
function treeRssKiB(root: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      parents.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // Gone meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return [...rss].reduce((sum, [pid, kib]) => (inTree(pid) ? sum + kib : sum), 0);
}

/** Samples the tree's memory from here, outside the measured processes, so that sampling costs them no CPU. */
const SAMPLE_MS = 100;

function measure(entry: string, args: string[], outputs: string): Promise<{ stats: RunStats; treeRssKiB: number; outputs: number[][] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args, outputs], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let peak = 0;
    const sampler = setInterval(() => child.pid && (peak = Math.max(peak, treeRssKiB(child.pid))), SAMPLE_MS);
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${args[0]} run failed (exit code ${code})`));
      resolve({
        stats: JSON.parse(stdout.trim().split("\n").pop() ?? "") as RunStats,
        treeRssKiB: peak,
        outputs: JSON.parse(readFileSync(outputs, "utf8")) as number[][],
      });
    });
  });
}

const ms = (total: number, n: number): string => `${(total / n).toFixed(1)} ms`;
const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

function describe(s: RunStats, treeKiB: number): string[] {
  const cores = os.availableParallelism();
  return [
    `  wall ${(s.wallMs / 1000).toFixed(2)} s, ${((s.images * 1000) / s.wallMs).toFixed(1)} images/s; ` +
      `CPU ${(s.cpuMs / 1000).toFixed(2)} s, core use ${(s.cpuMs / cores / s.wallMs).toFixed(2)} (CPU / ${cores} cores / wall)`,
    `  per image, as timed in each stage's thread: decode ${ms(s.decodeMs, s.images)}, resample ${ms(s.resampleMs, s.images)}, ` +
      `inference ${ms(s.inferenceMs, s.images)}` +
      (s.sessions ? ` (${s.sessions} session${s.sessions > 1 ? "s" : ""})` : ""),
    `  peak memory: ${mib(treeKiB)} for all its processes (sampled every ${SAMPLE_MS} ms); the main process peaked at ${mib(s.maxRssKiB)}` +
      (s.pythonMaxRssKiB ? `, Python at ${mib(s.pythonMaxRssKiB)}` : ""),
  ];
}

function identical(a: number[][], b: number[][]): number {
  let same = 0;
  a.forEach((row, i) => {
    if (row.length === b[i]?.length && row.every((v, k) => Object.is(v, b[i][k]))) same++;
  });
  return same;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) return void process.stdout.write(USAGE);
  const data = await benchData(args.images, args.model, (m) => process.stderr.write(`${m}\n`));
  const plan = planThreads(args.threads, args.images);
  const out = (name: string): string => path.join(CACHE_DIR, `outputs-${name}-${process.pid}.json`);
  process.stdout.write(
    `cancer-ai bench: ${args.images} JPEGs 600x450..2048x1536 (${path.join(CACHE_DIR, "images")}), the ${args.model} two-input Conv ` +
      `model (${data.modelCost}), ${os.availableParallelism()} cores, Node ${process.version}\n`,
  );
  const entry = bundle();
  const engine = await measure(
    entry,
    ["engine", data.model, data.dataset, String(args.threads ?? "auto"), String(args.models)],
    out("engine"),
  );
  const layout =
    args.models > 1
      ? `${args.models} copies of the model in one pass: each image decoded once, ${args.models} sessions`
      : plan.workers
        ? `${plan.workers} preprocessing worker(s), up to ${plan.maxSessions} inference sessions, ${plan.inFlight} images in flight`
        : "preprocessing on the main thread, one inference session";
  process.stdout.write(
    [
      `engine, threads ${args.threads ?? "auto"} (${layout}; each session 1 onnxruntime thread in its own process;`,
      "  wall from model load to the last score):",
      ...describe(engine.stats, engine.treeRssKiB),
    ].join("\n") + "\n",
  );
  if (args.reference) {
    const ref = await measure(entry, ["reference", data.model, data.dataset], out("reference"));
    process.stdout.write(
      [
        "reference, the validator's pipeline: Pillow preprocessing in Python (one process), then onnxruntime with 1 thread, batch 1,",
        "  one image after the other (Python's onnxruntime is not packaged for Debian: onnxruntime-node, fed Pillow's tensors, stands in;",
        "  wall from session creation to the last score, Python's start-up excluded):",
        ...describe(ref.stats, ref.treeRssKiB),
        `outputs: ${identical(engine.outputs, ref.outputs)}/${args.images} images bit-identical to the reference's`,
        `wall time, engine / reference: ${(engine.stats.wallMs / ref.stats.wallMs).toFixed(2)} (target <= 0.5)`,
      ].join("\n") + "\n",
    );
  }
  for (const name of ["engine", "reference"]) rmSync(out(name), { force: true });
}

await main();
