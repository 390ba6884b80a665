/**
 * The validator's float conversion: `np.array(img, dtype=float32) / 255.0`
 * then HWC -> CHW; and the runner's way back to 8 bits before its second
 * resize, `(x * 255).astype(uint8)`, which truncates. Both are 256-entry
 * tables computed in float32 arithmetic, exactly as numpy does it.
 */
import { runPlanes } from "./kernels.js";
import { resizeLanczos, type RgbImage } from "./resample.js";

/** float32(v) / float32(255), correctly rounded in float32. */
export const SCALED: Float32Array = Float32Array.from({ length: 256 }, (_, v) => Math.fround(v / 255));

/** uint8(float32(SCALED[v] * 255)), truncated toward zero. */
export const TRUNCATED: Uint8Array = Uint8Array.from(SCALED, (x) => Math.trunc(Math.fround(x * 255)));

/** RGB bytes to a planar float32 [3, H, W] tensor, in `into` if it has that size. */
export function toChwTensor(image: RgbImage, into?: Float32Array): Float32Array {
  const plane = image.width * image.height;
  const out = into?.length === plane * 3 ? into : new Float32Array(plane * 3);
  return runPlanes(image.data, plane, out) ? out : toChwTensorScalar(image, out);
}

/** The same conversion by table lookup: the reference the kernel is tested against, and the fallback for huge images. */
export function toChwTensorScalar(image: RgbImage, into?: Float32Array): Float32Array {
  const plane = image.width * image.height;
  const out = into?.length === plane * 3 ? into : new Float32Array(plane * 3);
  const data = image.data;
  for (let i = 0; i < plane; i++) {
    out[i] = SCALED[data[i * 3]];
    out[plane + i] = SCALED[data[i * 3 + 1]];
    out[2 * plane + i] = SCALED[data[i * 3 + 2]];
  }
  return out;
}

/**
 * The runner's second resize for a model whose fixed input is not the
 * competition size: the 512x512 image goes back to 8 bits by truncation and
 * through Pillow's LANCZOS again (never the original image).
 */
export function secondResize(image: RgbImage, width: number, height: number): RgbImage {
  // A plain loop: Uint8Array.from with a mapping function is ~100x slower here.
  const bytes = new Uint8Array(image.data.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = TRUNCATED[image.data[i]];
  return resizeLanczos({ width: image.width, height: image.height, data: bytes }, width, height);
}
