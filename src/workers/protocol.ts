/**
 * Messages between the evaluation (main thread) and its preprocessing
 * workers. An image's pixels cross as a transferred buffer, never copied.
 */
import { isMainThread, workerData } from "node:worker_threads";
import type { StageTimes, TensorSize } from "../preprocess/index.js";

/** workerData.role of a preprocessing worker, which the bundle's entry dispatches on. */
export const PREPROCESS_ROLE = "cancer-ai-preprocess";

export function isPreprocessWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === PREPROCESS_ROLE;
}

/**
 * An inference process (workers/inference-pool.ts) is a child process, not a
 * worker thread: a thread stuck in onnxruntime's native run can be neither
 * stopped nor left behind (see inference-pool.ts), a process can be killed.
 * It is the same entry started again with this variable set to this value;
 * its input-reading thread is the entry again with workerData.role set to it.
 */
export const ROLE_VARIABLE = "CANCER_AI_ROLE";
export const INFERENCE_ROLE = "cancer-ai-inference";

export function isInferenceProcess(): boolean {
  if (isMainThread) return process.env[ROLE_VARIABLE] === INFERENCE_ROLE;
  return (workerData as { role?: unknown } | null)?.role === INFERENCE_ROLE;
}

/** What a preprocessing worker starts with: its role, and the decode budget it shares with the others (budget.ts). */
export interface PreprocessWorkerData {
  readonly role: typeof PREPROCESS_ROLE;
  readonly budget: Int32Array;
}

export interface PreprocessJob {
  readonly type: "job";
  readonly id: number;
  readonly file: string;
  readonly path: string;
  readonly imageSize: number;
  /** Distinct model input sizes: the pixels for each (see preparePixels). */
  readonly inputSizes: readonly TensorSize[];
}

export type ToWorker = PreprocessJob;

export interface SerializedError {
  /** Set for an ImageError: the file and the reason, to rebuild it as such. */
  readonly image?: { readonly file: string; readonly reason: string; readonly kind: "unreadable" | "unreproducible" };
  readonly message: string;
}

export type FromWorker =
  | { readonly type: "ready" }
  /** The models' input pixels, packed 8-bit RGB rows, one per input size (see preparePixels). */
  | { readonly type: "done"; readonly id: number; readonly rgbs: Uint8Array[]; readonly times: StageTimes }
  | { readonly type: "failed"; readonly id: number; readonly error: SerializedError };
