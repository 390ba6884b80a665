/** One dataset image to the tensor the validator feeds the model. */
import { decodeRgb } from "./decode.js";
import { resizeLanczos } from "./resample.js";
import { secondResize, toChwTensor } from "./tensor.js";

export interface TensorSize {
  readonly width: number;
  readonly height: number;
}

/** Where a tensor's time went, for progress and the benchmark. */
export interface StageTimes {
  decodeMs: number;
  resampleMs: number;
}

/**
 * decode -> LANCZOS to `imageSize` square -> (second resize to the model's
 * fixed input if different) -> float32 CHW.
 */
export async function preprocessImage(file: string, filePath: string, imageSize: number, modelInput: TensorSize): Promise<Float32Array> {
  return (await preprocessTimed(file, filePath, imageSize, modelInput)).tensor;
}

/** preprocessImage, writing into `into` when it has the tensor's size (a recycled buffer), and timing the stages. */
export async function preprocessTimed(
  file: string,
  filePath: string,
  imageSize: number,
  modelInput: TensorSize,
  into?: Float32Array,
): Promise<{ tensor: Float32Array; times: StageTimes }> {
  const started = performance.now();
  const decoded = await decodeRgb(file, filePath);
  const decodedAt = performance.now();
  let image = resizeLanczos(decoded, imageSize, imageSize);
  if (modelInput.width !== imageSize || modelInput.height !== imageSize) {
    image = secondResize(image, modelInput.width, modelInput.height);
  }
  const tensor = toChwTensor(image, into);
  return { tensor, times: { decodeMs: decodedAt - started, resampleMs: performance.now() - decodedAt } };
}
