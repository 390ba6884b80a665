/**
 * Messages between the evaluation (main thread) and its preprocessing
 * workers. Tensors cross as transferred buffers, never copied, and go back
 * to the worker that made them once inference is done, so that a worker
 * allocates a tensor only for the first images it prepares.
 */
import { isMainThread, workerData } from "node:worker_threads";
import type { StageTimes, TensorSize } from "../preprocess/index.js";

/** workerData.role of a preprocessing worker, which the bundle's entry dispatches on. */
export const PREPROCESS_ROLE = "cancer-ai-preprocess";

export function isPreprocessWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === PREPROCESS_ROLE;
}

export interface PreprocessJob {
  readonly type: "job";
  readonly id: number;
  readonly file: string;
  readonly path: string;
  readonly imageSize: number;
  readonly inputSize: TensorSize;
}

/** A tensor the main thread is done with, back to its worker for reuse. */
export interface RecycleMessage {
  readonly type: "recycle";
  readonly buffer: ArrayBuffer;
}

export type ToWorker = PreprocessJob | RecycleMessage;

export interface SerializedError {
  /** Set for an ImageError: the file and the reason, to rebuild it as such. */
  readonly image?: { readonly file: string; readonly reason: string };
  readonly message: string;
}

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "done"; readonly id: number; readonly tensor: Float32Array; readonly times: StageTimes }
  | { readonly type: "failed"; readonly id: number; readonly error: SerializedError };
