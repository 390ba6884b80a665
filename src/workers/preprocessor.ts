/**
 * Where the model's input pixels come from: the worker pool, or the main
 * thread itself when one thread is asked for (or workers cannot start). Both
 * run the same preparePixels code, so the pixels are the same bytes either way.
 * (Preprocessing on the main thread while the workers start was tried: on
 * two cores it only competes with their start, and saved nothing.)
 */
import type { Log } from "../util/log.js";
import { describeError } from "../util/retry.js";
import { PixelBudget } from "../preprocess/budget.js";
import { preparePixels, type TensorSize } from "../preprocess/index.js";
import { PreprocessPool, type PreprocessedImage } from "./pool.js";

export interface Preprocessor {
  /** Worker threads in use (0: the main thread preprocesses). */
  readonly workers: number;
  /** The pixels each of `inputSizes` calls for (the models' inputs, known once they are loaded: the workers start before). */
  preprocess(file: string, filePath: string, inputSizes: readonly TensorSize[]): Promise<PreprocessedImage>;
  close(): Promise<void>;
}

function inProcess(imageSize: number): Preprocessor {
  const budget = new PixelBudget();
  return {
    workers: 0,
    preprocess: (file, filePath, inputSizes) => preparePixels(file, filePath, imageSize, inputSizes, budget),
    close: async () => {},
  };
}

/** `workers` threads (0: this thread preprocesses, between inferences). */
export async function openPreprocessor(workers: number, imageSize: number, log: Log): Promise<Preprocessor> {
  if (workers === 0) return inProcess(imageSize);
  let pool: PreprocessPool;
  try {
    pool = await PreprocessPool.start(workers);
  } catch (err) {
    log.warning(`preprocessing on the main thread: worker threads could not start (${describeError(err)})`);
    return inProcess(imageSize);
  }
  return {
    workers: pool.size,
    preprocess: (file, filePath, inputSizes) => pool.preprocess(file, filePath, imageSize, inputSizes),
    close: () => pool.close(),
  };
}
