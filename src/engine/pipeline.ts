/**
 * How an evaluation streams: entries -> preprocessing (worker threads, a few
 * images ahead) -> inference (its own process, CSV order) -> metrics. Only the
 * images in flight are in memory, so a 10,000-image dataset costs what a
 * 10-image one does.
 */
import os from "node:os";
import { InputError } from "../util/errors.js";
import type { ThreadPlan } from "../workers/preprocessor.js";

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

/** The plan for `threads` (undefined: every core, and none for small datasets) on `images` images. */
export function planThreads(threads: number | undefined, images: number): ThreadPlan {
  checkThreads(threads);
  const n = threads ?? (images < MIN_IMAGES_FOR_WORKERS ? 1 : defaultThreads());
  // One thread: decode on libuv's pool, resample and infer here, two images in flight so that both overlap.
  if (n === 1) return { workers: 0, inFlight: 2 };
  // As many workers as threads, not one fewer: a worker leaves its core to
  // sharp's decoding thread for half of each image, and inference is a small
  // share of the work. Two images per worker: one being prepared, one ready.
  return { workers: n, inFlight: 2 * n };
}

/** Milliseconds spent per stage, summed over images (stages overlap, so they add up to more than the wall time). */
export interface StageTotals {
  images: number;
  decodeMs: number;
  resampleMs: number;
  inferenceMs: number;
}

export function emptyTotals(): StageTotals {
  return { images: 0, decodeMs: 0, resampleMs: 0, inferenceMs: 0 };
}
