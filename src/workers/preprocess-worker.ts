/**
 * A preprocessing worker: decode + Pillow-exact resize + float tensor, for
 * the jobs the main thread sends, in order.
 */
import { parentPort } from "node:worker_threads";
import { ImageError } from "../util/errors.js";
import { loadSharp } from "../util/natives.js";
import { preprocessTimed } from "../preprocess/index.js";
import { collectYoungGarbage } from "./gc.js";
import type { FromWorker, PreprocessJob, SerializedError, ToWorker } from "./protocol.js";

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
  const spare: Float32Array[] = [];
  const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

  async function run(job: PreprocessJob): Promise<void> {
    try {
      const { tensor, times } = await preprocessTimed(job.file, job.path, job.imageSize, job.inputSize, spare.pop());
      send({ type: "done", id: job.id, tensor, times }, [tensor.buffer as ArrayBuffer]);
    } catch (err) {
      send({ type: "failed", id: job.id, error: serialize(err) });
    } finally {
      collectYoungGarbage();
    }
  }

  // One image at a time: two decodes at once in one thread cost more CPU per
  // image (their buffers outlive the collection that should free them).
  let queue = Promise.resolve();
  port.on("message", (message: ToWorker) => {
    if (message.type === "recycle") spare.push(new Float32Array(message.buffer));
    else queue = queue.then(() => run(message));
  });
  send({ type: "ready" });
}
