/**
 * Where tensors come from: the worker pool, or the main thread itself when
 * one thread is asked for (or workers cannot start). Both run the same
 * preprocessImage code, so the tensors are the same bytes either way.
 * (Preprocessing on the main thread while the workers start was tried: on
 * two cores it only competes with their start, and saved nothing.)
 */
import type { Log } from "../log.js";
import type { ThreadPlan } from "../pipeline.js";
import { describeError } from "../retry.js";
import { preprocessTimed, type TensorSize } from "../preprocess/index.js";
import { PreprocessPool, type PreprocessedImage } from "./pool.js";

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
