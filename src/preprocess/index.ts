/** One dataset image to the tensor the validator feeds the model. */
import type { PixelBudget } from "./budget.js";
import { decodeRgb } from "./decode.js";
import { headerPixels } from "./dimensions.js";
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
  const { rgb } = await preparePixels(file, filePath, imageSize, modelInput);
  return toChwTensor({ ...modelInput, data: rgb });
}

/**
 * decode -> LANCZOS to `imageSize` square -> (second resize to the model's
 * fixed input if different): the 8-bit RGB rows whose float conversion is
 * the model's tensor. The pixels are in a buffer of their own, to be
 * transferred between threads. With a budget, the decode first waits for
 * its pixels to fit in it (see budget.ts).
 */
export async function preparePixels(
  file: string,
  filePath: string,
  imageSize: number,
  modelInput: TensorSize,
  budget?: PixelBudget,
): Promise<{ rgb: Uint8Array; times: StageTimes }> {
  const giveBack = budget ? await budget.take(await headerPixels(filePath)) : () => {};
  try {
    const started = performance.now();
    const decoded = await decodeRgb(file, filePath);
    const decodedAt = performance.now();
    let image = resizeLanczos(decoded, imageSize, imageSize);
    if (modelInput.width !== imageSize || modelInput.height !== imageSize) {
      image = secondResize(image, modelInput.width, modelInput.height);
    }
    // An image already at the size comes back as decoded, maybe a view into a decoder's buffer.
    const rgb = image === decoded ? decoded.data.slice() : image.data;
    return { rgb, times: { decodeMs: decodedAt - started, resampleMs: performance.now() - decodedAt } };
  } finally {
    giveBack();
  }
}
