/**
 * How an evaluation streams: entries -> preprocessing (worker threads, a few
 * images ahead) -> inference (sessions in processes of their own, fed in CSV
 * order) -> metrics, in CSV order. Only the images in flight are in memory,
 * so a 10,000-image dataset costs what a 10-image one does.
 */
import os from "node:os";
import { InputError } from "../util/errors.js";

/**
 * Ordered, bounded concurrency: `fn` runs on up to `ahead` items at once and
 * results come out in input order. Memory stays at `ahead` results however
 * long the input is.
 */
export async function* mapOrdered<T, R>(items: Iterable<T>, ahead: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const iterator = items[Symbol.iterator]();
  const fill = (): void => {
    while (pending.length < ahead) {
      const next = iterator.next();
      if (next.done) return;
      const promise = fn(next.value);
      // A rejection is surfaced when its turn comes; until then it must not count as unhandled.
      promise.catch(() => {});
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const result = await (pending.shift() as Promise<R>);
    fill();
    yield result;
  }
}

/**
 * Below this many images, `threads: auto` stays on the main thread: starting
 * workers (~0.4 s, and their code runs cold for the first images) costs more
 * than they save. On 2 cores the break-even measured ~70 images (npm run
 * bench); more cores bring it down.
 */
export const MIN_IMAGES_FOR_WORKERS = 64;

export function defaultThreads(): number {
  return os.availableParallelism();
}

/**
 * More threads than this only cost memory (each worker holds a decoder and
 * two tensors in flight) and start-up time: GitHub's largest Linux runners
 * have 64 cores.
 */
export const MAX_THREADS = 64;

export function checkThreads(threads: number | undefined): void {
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS)) {
    throw new InputError(`threads must be a whole number from 1 to ${MAX_THREADS} (or auto), got ${threads}`);
  }
}

/**
 * How `threads` are used. Each inference session runs with one onnxruntime
 * thread, as the validator's (intra_op_num_threads=1): more intra-op threads
 * may split a reduction differently and change the last bits of the scores,
 * while several one-thread sessions compute each image exactly as one does.
 */
export interface ThreadPlan {
  /** Preprocessing worker threads; 0 preprocesses on the main thread, between inferences. */
  readonly workers: number;
  /** Images being preprocessed or waiting for inference at any time. */
  readonly inFlight: number;
  /** Inference sessions the run may grow to (it starts with one; see sessionsWanted). */
  readonly maxSessions: number;
}

/** The plan for `threads` (undefined: every core, and none for small datasets) on `images` images. */
export function planThreads(threads: number | undefined, images: number): ThreadPlan {
  checkThreads(threads);
  const n = threads ?? (images < MIN_IMAGES_FOR_WORKERS ? 1 : defaultThreads());
  // One thread: decode on libuv's pool, resample and infer here, two images in flight so that both overlap.
  if (n === 1) return { workers: 0, inFlight: 2, maxSessions: 1 };
  // As many workers as threads, not one fewer: a worker leaves its core to
  // sharp's decoding thread for part of each image, and a worker with no
  // image to prepare sleeps, leaving its core to inference. Two images per
  // thread: one being prepared, one ready. Sessions beyond the cores would
  // only hold more copies of the model: they cannot run at once.
  return { workers: n, inFlight: 2 * n, maxSessions: Math.min(n, defaultThreads()) };
}

/** Milliseconds spent per stage, summed over images (stages overlap, so they add up to more than the wall time). */
export interface StageTotals {
  images: number;
  decodeMs: number;
  resampleMs: number;
  inferenceMs: number;
  /** Inference sessions at the end of the run. */
  sessions: number;
}

export function emptyTotals(): StageTotals {
  return { images: 0, decodeMs: 0, resampleMs: 0, inferenceMs: 0, sessions: 0 };
}

/**
 * How many inference sessions keep up with preprocessing on `threads`
 * cores, from what the images so far cost in each stage. With S sessions
 * an image takes at least max(inference / S, (prepare + inference) /
 * threads) of wall time; inference stops being the bottleneck once S >=
 * threads x its share of the work. Each session beyond what that needs
 * would only hold another copy of the model. Pure, for the tests; the run
 * applies it as it measures.
 */
export function sessionsWanted(threads: number, measured: Pick<StageTotals, "decodeMs" | "resampleMs" | "inferenceMs">): number {
  const total = measured.decodeMs + measured.resampleMs + measured.inferenceMs;
  if (!(total > 0)) return 1;
  const share = measured.inferenceMs / total;
  // A few percent of slack: within that, one process fewer costs less than its start and memory.
  return Math.min(threads, Math.max(1, Math.ceil(share * threads - 0.05)));
}
