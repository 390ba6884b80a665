/**
 * A preprocessing worker: decode + Pillow-exact resize to the model's input
 * pixels, for the jobs the main thread sends, in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ImageError } from "../util/errors.js";
import { loadSharp } from "../util/natives.js";
import { PixelBudget } from "../preprocess/budget.js";
import { preparePixels } from "../preprocess/index.js";
import type { FromWorker, PreprocessJob, PreprocessWorkerData, SerializedError, ToWorker } from "./protocol.js";

function serialize(err: unknown): SerializedError {
  if (err instanceof ImageError) return { image: { file: err.file, reason: err.reason, kind: err.kind }, message: err.message };
  return { message: err instanceof Error ? err.message : String(err) };
}

export async function servePreprocessing(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("servePreprocessing runs in a worker thread");
  const sharp = await loadSharp();
  // Parallelism comes from the workers; libvips' own threads per image would only compete with them.
  sharp.concurrency(1);
  sharp.cache(false);
  const budget = new PixelBudget((workerData as PreprocessWorkerData).budget);
  const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

  async function run(job: PreprocessJob): Promise<void> {
    try {
      const { rgbs, times } = await preparePixels(job.file, job.path, job.imageSize, job.inputSizes, budget);
      send(
        { type: "done", id: job.id, rgbs, times },
        rgbs.map((rgb) => rgb.buffer as ArrayBuffer),
      );
    } catch (err) {
      send({ type: "failed", id: job.id, error: serialize(err) });
    }
  }

  // One image at a time: two decodes at once in one thread cost more CPU per
  // image (their buffers outlive the collection that should free them).
  let queue = Promise.resolve();
  port.on("message", (job: ToWorker) => (queue = queue.then(() => run(job))));
  send({ type: "ready" });
}
