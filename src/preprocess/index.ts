/** One dataset image to the tensor the validator feeds the model. */
import type { PixelBudget } from "./budget.js";
import { decodeRgb } from "./decode.js";
import { headerPixels } from "./dimensions.js";
import { collectGarbageAfter } from "../util/gc.js";
import { resizeLanczos } from "./resample.js";
import { secondResize, toChwTensor } from "./tensor.js";

export interface TensorSize {
  readonly width: number;
  readonly height: number;
}

/** Where an image's time went, for progress and the benchmark. */
export interface StageTimes {
  decodeMs: number;
  resampleMs: number;
}

/** The whole validator pipeline: decode -> the model's input pixels (below) -> float32 CHW, x / 255. */
export async function preprocessImage(file: string, filePath: string, imageSize: number, modelInput: TensorSize): Promise<Float32Array> {
  const { rgbs } = await preparePixels(file, filePath, imageSize, [modelInput]);
  return toChwTensor({ ...modelInput, data: rgbs[0] });
}

/**
 * decode -> LANCZOS to `imageSize` square -> (second resize to each model
 * input size that differs): the 8-bit RGB rows whose float conversion is
 * the model's tensor, one per size in `inputSizes` (distinct sizes: several
 * models of one input size share theirs). The image is decoded and
 * resampled once for all. Each is in a buffer of its own, to be
 * transferred between threads. With a budget, the decode first waits for
 * its pixels to fit in it (see budget.ts), and gives them back only once
 * the decoded image is collected, so that the budget bounds memory, not
 * only work.
 */
export async function preparePixels(
  file: string,
  filePath: string,
  imageSize: number,
  inputSizes: readonly TensorSize[],
  budget?: PixelBudget,
): Promise<{ rgbs: Uint8Array[]; times: StageTimes }> {
  const giveBack = budget ? await budget.take(await headerPixels(filePath)) : () => {};
  let decodedPixels = 0;
  try {
    const prepared = await decodeAndResize(file, filePath, imageSize, inputSizes);
    decodedPixels = prepared.decodedPixels;
    return prepared;
  } finally {
    // Here the decoded image is out of every scope. sharp's buffers are freed by finalizers that Node runs on a later
    // turn of the event loop: the budget is given back after that turn.
    collectGarbageAfter(decodedPixels);
    if (budget) await new Promise((resolve) => setImmediate(resolve));
    giveBack();
  }
}

async function decodeAndResize(file: string, filePath: string, imageSize: number, inputSizes: readonly TensorSize[]) {
  const started = performance.now();
  const decoded = await decodeRgb(file, filePath);
  const decodedAt = performance.now();
  const image = resizeLanczos(decoded, imageSize, imageSize);
  const rgbs = inputSizes.map((size) =>
    size.width === imageSize && size.height === imageSize
      ? // An image already at the size comes back as decoded, maybe a view into a decoder's buffer.
        image === decoded
        ? decoded.data.slice()
        : image.data
      : secondResize(image, size.width, size.height).data,
  );
  const times: StageTimes = { decodeMs: decodedAt - started, resampleMs: performance.now() - decodedAt };
  return { rgbs, times, decodedPixels: decoded.width * decoded.height };
}
