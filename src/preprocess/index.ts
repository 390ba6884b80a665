/** One dataset image to the tensor the validator feeds the model. */
import { decodeRgb } from "./decode.js";
import { resizeLanczos } from "./resample.js";
import { secondResize, toChwTensor } from "./tensor.js";

export interface TensorSize {
  readonly width: number;
  readonly height: number;
}

/**
 * decode -> LANCZOS to `imageSize` square -> (second resize to the model's
 * fixed input if different) -> float32 CHW.
 */
export async function preprocessImage(file: string, filePath: string, imageSize: number, modelInput: TensorSize): Promise<Float32Array> {
  let image = resizeLanczos(await decodeRgb(file, filePath), imageSize, imageSize);
  if (modelInput.width !== imageSize || modelInput.height !== imageSize) {
    image = secondResize(image, modelInput.width, modelInput.height);
  }
  return toChwTensor(image);
}
