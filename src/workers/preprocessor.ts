/**
 * Where tensors come from: the worker pool, or the main thread itself when
 * one thread is asked for (or workers cannot start). Both run the same
 * preprocessImage code, so the tensors are the same bytes either way.
 * (Preprocessing on the main thread while the workers start was tried: on
 * two cores it only competes with their start, and saved nothing.)
 */
import type { Log } from "../util/log.js";
import { describeError } from "../util/retry.js";
import { preprocessTimed, type TensorSize } from "../preprocess/index.js";
import { PreprocessPool, type PreprocessedImage } from "./pool.js";

/**
 * How `threads` are used. Inference runs in its own process with one
 * onnxruntime thread, as the validator runs it (intra_op_num_threads=1):
 * more intra-op threads may split a reduction differently and change the
 * last bits of the scores. The other threads preprocess, which is where the
 * time goes: decoding a 2-megapixel JPEG and resampling it cost more than a
 * 1-GFLOP model's inference.
 */
export interface ThreadPlan {
  /** Preprocessing worker threads; 0 preprocesses on the main thread, between inferences. */
  readonly workers: number;
  /** Images being preprocessed or waiting for inference at any time. */
  readonly inFlight: number;
}

export interface Preprocessor {
  /** Worker threads in use (0: the main thread preprocesses). */
  readonly workers: number;
  preprocess(file: string, filePath: string): Promise<PreprocessedImage>;
  close(): Promise<void>;
}

function inProcess(imageSize: number, inputSize: TensorSize): Preprocessor {
  const spare: Float32Array[] = [];
  return {
    workers: 0,
    preprocess: async (file, filePath) => {
      const { tensor, times } = await preprocessTimed(file, filePath, imageSize, inputSize, spare.pop());
      return { tensor, times, release: () => spare.push(tensor) };
    },
    close: async () => {},
  };
}

export async function openPreprocessor(plan: ThreadPlan, imageSize: number, inputSize: TensorSize, log: Log): Promise<Preprocessor> {
  if (plan.workers === 0) return inProcess(imageSize, inputSize);
  let pool: PreprocessPool;
  try {
    pool = await PreprocessPool.start(plan.workers);
  } catch (err) {
    log.warning(`preprocessing on the main thread: worker threads could not start (${describeError(err)})`);
    return inProcess(imageSize, inputSize);
  }
  return {
    workers: pool.size,
    preprocess: (file, filePath) => pool.preprocess(file, filePath, imageSize, inputSize),
    close: () => pool.close(),
  };
}
