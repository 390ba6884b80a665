/**
 * The preprocessing workers, seen from the main thread: jobs go to the
 * least busy worker, pixels come back transferred.
 *
 * A worker runs the code of this very build. From the ncc bundle that is the
 * bundle's entry (dist/index.js, beside every chunk), which dispatches on
 * workerData.role; from the TypeScript sources (jest, tsx) it is the worker
 * module itself, behind tsx's loader.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";
import { ImageError } from "../util/errors.js";
import { workerEntry } from "./entry.js";
import { loadSharp } from "../util/natives.js";
import { withTimeout } from "../util/retry.js";
import type { StageTimes, TensorSize } from "../preprocess/index.js";
import { PixelBudget } from "../preprocess/budget.js";
import { PREPROCESS_ROLE, type FromWorker, type PreprocessWorkerData, type SerializedError, type ToWorker } from "./protocol.js";

export interface PreprocessedImage {
  /** The models' input pixels, packed 8-bit RGB rows, one per input size asked for (see preparePixels). */
  readonly rgbs: Uint8Array[];
  readonly times: StageTimes;
}

const START_TIMEOUT_MS = 60_000;

interface Pending {
  resolve(image: PreprocessedImage): void;
  reject(err: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

function preprocessEntry(budget: PixelBudget): { url: URL; options: WorkerOptions } {
  const workerData: PreprocessWorkerData = { role: PREPROCESS_ROLE, budget: budget.shared };
  return { url: workerEntry(import.meta.url, "preprocess-worker.ts", "servePreprocessing"), options: { workerData } };
}

function deserialize(error: SerializedError): Error {
  return error.image ? new ImageError(error.image.file, error.image.reason, error.image.kind) : new Error(error.message);
}

export class PreprocessPool {
  private nextId = 0;
  private broken: Error | undefined;
  private closing = false;

  private constructor(private readonly slots: Slot[]) {}

  /** Starts `size` workers and waits until each is ready to take jobs (a fraction of a second; `timeoutMs` if one hangs). */
  static async start(size: number, timeoutMs = START_TIMEOUT_MS): Promise<PreprocessPool> {
    // Loaded here first: a native module first opened by a worker is unloaded
    // by glibc when that worker exits, and crashes the next one (lovell/sharp#2263).
    await loadSharp();
    // One budget for every worker's decodes.
    const { url, options } = preprocessEntry(new PixelBudget());
    const slots = Array.from({ length: size }, (): Slot => ({ worker: new Worker(url, options), pending: new Map() }));
    const pool = new PreprocessPool(slots);
    try {
      await withTimeout(
        Promise.all(slots.map((slot) => pool.watch(slot))),
        timeoutMs,
        () => new Error(`the preprocessing workers did not start within ${timeoutMs / 1000} s`),
      );
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Resolves once the worker is ready; afterwards, routes its replies and failures. */
  private watch(slot: Slot): Promise<void> {
    return new Promise((ready, failed) => {
      const fail = (err: Error): void => {
        failed(err);
        if (this.closing) return;
        this.broken ??= err;
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
      };
      slot.worker.on("message", (message: FromWorker) => {
        if (message.type === "ready") return ready();
        const pending = slot.pending.get(message.id);
        if (!pending) return;
        slot.pending.delete(message.id);
        if (message.type === "failed") return pending.reject(deserialize(message.error));
        pending.resolve({ rgbs: message.rgbs, times: message.times });
      });
      slot.worker.on("error", (err) => fail(new Error(`a preprocessing worker failed: ${err.message}`)));
      slot.worker.on("exit", (code) => fail(new Error(`a preprocessing worker exited (code ${code})`)));
    });
  }

  private send(slot: Slot, message: ToWorker): void {
    if (!this.closing) slot.worker.postMessage(message);
  }

  get size(): number {
    return this.slots.length;
  }

  preprocess(file: string, filePath: string, imageSize: number, inputSizes: readonly TensorSize[]): Promise<PreprocessedImage> {
    if (this.broken) return Promise.reject(this.broken);
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      this.send(slot, { type: "job", id, file, path: filePath, imageSize, inputSizes });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
