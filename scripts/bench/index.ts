/**
 * npm run bench -- [--images N] [--threads T] [--reference]
 *
 * Scores the benchmark model on N generated dermoscopy-sized JPEGs (cached,
 * see data.ts) and prints throughput, time per image by stage and peak RSS.
 * With --reference, the validator's pipeline runs on the same data in the
 * same invocation (Pillow preprocessing in Python, onnxruntime with one
 * thread, batch 1, sequential) and the outputs and wall times are compared.
 * Each side runs in a fresh process, so each peak RSS is its own.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOption } from "../../src/config/config.js";
import { planThreads } from "../../src/engine/pipeline.js";
import { benchData, CACHE_DIR } from "./data.js";
import type { RunStats } from "./run.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Args {
  images: number;
  /** undefined: the engine's default (auto). */
  threads?: number;
  reference: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { images: 100, reference: false };
  for (let i = 0; i < argv.length; i++) {
    const value = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${argv[i - 1]} needs a whole number of at least 1`);
      return n;
    };
    if (argv[i] === "--images") args.images = value();
    else if (argv[i] === "--threads") args.threads = parseOption("threads", argv[++i] ?? "", "--threads");
    else if (argv[i] === "--reference") args.reference = true;
    else throw new Error(`unknown option ${argv[i]}; usage: npm run bench -- [--images N] [--threads T] [--reference]`);
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

function measure(entry: string, args: string[], outputs: string): Promise<{ stats: RunStats; outputs: number[][] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args, outputs], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${args[0]} run failed (exit code ${code})`));
      resolve({
        stats: JSON.parse(stdout.trim().split("\n").pop() ?? "") as RunStats,
        outputs: JSON.parse(readFileSync(outputs, "utf8")) as number[][],
      });
    });
  });
}

const ms = (total: number, n: number): string => `${(total / n).toFixed(1)} ms`;
const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

function describe(s: RunStats): string[] {
  return [
    `  wall ${(s.wallMs / 1000).toFixed(2)} s, ${((s.images * 1000) / s.wallMs).toFixed(1)} images/s, peak RSS ${mib(s.maxRssKiB)}` +
      (s.pythonMaxRssKiB ? ` (node) + ${mib(s.pythonMaxRssKiB)} (python)` : ""),
    `  per image, as timed in each stage's thread: decode ${ms(s.decodeMs, s.images)}, resample + tensor ` +
      `${ms(s.resampleMs, s.images)}, inference ${ms(s.inferenceMs, s.images)}`,
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
  const args = parseArgs(process.argv.slice(2));
  const data = await benchData(args.images, (m) => process.stderr.write(`${m}\n`));
  const plan = planThreads(args.threads, args.images);
  const out = (name: string): string => path.join(CACHE_DIR, `outputs-${name}-${process.pid}.json`);
  process.stdout.write(
    `cancer-ai bench: ${args.images} JPEGs 600x450..2048x1536 (${path.join(CACHE_DIR, "images")}), a two-input Conv ` +
      `model of ${data.modelCost}, ${os.availableParallelism()} cores, Node ${process.version}\n`,
  );
  const entry = bundle();
  const engine = await measure(entry, ["engine", data.model, data.dataset, String(args.threads ?? "auto")], out("engine"));
  const layout = plan.workers
    ? `${plan.workers} preprocessing worker(s) + inference in its own process, ${plan.inFlight} images in flight`
    : "preprocessing on the main thread, inference in its own process";
  process.stdout.write(
    [
      `engine, threads ${args.threads ?? "auto"} (${layout}, onnxruntime 1 intra-op thread; wall from model load to the last score):`,
      ...describe(engine.stats),
    ].join("\n") + "\n",
  );
  if (args.reference) {
    const ref = await measure(entry, ["reference", data.model, data.dataset], out("reference"));
    process.stdout.write(
      [
        "reference, the validator's pipeline: Pillow preprocessing in Python (one process), then onnxruntime with 1 thread, batch 1,",
        "  one image after the other (Python's onnxruntime is not packaged for Debian: onnxruntime-node, fed Pillow's tensors, stands in;",
        "  wall from session creation to the last score, Python's start-up excluded):",
        ...describe(ref.stats),
        `outputs: ${identical(engine.outputs, ref.outputs)}/${args.images} images bit-identical to the reference's`,
        `wall time, engine / reference: ${(engine.stats.wallMs / ref.stats.wallMs).toFixed(2)} (target <= 0.5)`,
      ].join("\n") + "\n",
    );
  }
  for (const name of ["engine", "reference"]) rmSync(out(name), { force: true });
}

await main();
