/**
 * Decoding an image file to the 8-bit RGB pixels that Pillow's
 * `Image.open(path).convert("RGB")` gives. sharp (libvips) does the codec
 * work; everything Pillow does differently from libvips' defaults is undone
 * here: no ICC transform, no EXIF rotation, alpha dropped rather than
 * composited, CMYK through Pillow's plain formula, 16-bit samples reduced the
 * way Pillow's PNG modes do.
 */
import type { Sharp } from "sharp";
import { ImageError } from "../util/errors.js";
import { loadSharp, type SharpModule } from "../util/natives.js";
import type { RgbImage } from "./resample.js";

/** Pillow refuses images above twice `Image.MAX_IMAGE_PIXELS` (DecompressionBombError). */
const PILLOW_MAX_PIXELS = 2 * 89478485;

function open(sharp: SharpModule, input: string | Buffer): Sharp {
  // 'truncated' fails where Pillow raises "image file is truncated"; lesser
  // libjpeg warnings are ignored by Pillow and must not fail here either.
  return sharp(input, { failOn: "truncated", ignoreIcc: true, limitInputPixels: PILLOW_MAX_PIXELS, autoOrient: false });
}

/** Pillow's cmyk2rgb: nk = 255 - K, channel = nk - C*nk/255 (rounded via MULDIV255). */
function cmykToRgb(cmyk: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    const nk = 255 - cmyk[i * 4 + 3];
    for (let c = 0; c < 3; c++) {
      const t = cmyk[i * 4 + c] * nk + 128;
      out[i * 3 + c] = Math.max(0, nk - (((t >> 8) + t) >> 8));
    }
  }
  return out;
}

/** Spreads 1 (L), 2 (LA), 3 (RGB) or 4 (RGBA) channel samples to RGB, dropping alpha like Pillow. */
function toRgb(samples: ArrayLike<number>, channels: number, pixels: number, reduce: (v: number) => number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  const colour = channels >= 3;
  for (let i = 0, s = 0, o = 0; i < pixels; i++, s += channels, o += 3) {
    if (colour) {
      out[o] = reduce(samples[s]);
      out[o + 1] = reduce(samples[s + 1]);
      out[o + 2] = reduce(samples[s + 2]);
    } else {
      out[o] = out[o + 1] = out[o + 2] = reduce(samples[s]);
    }
  }
  return out;
}

const identity = (v: number): number => v;
/** Pillow opens 16-bit RGB(A)/LA PNGs through their high byte ("RGB;16B")... */
const highByte = (v: number): number => v >> 8;
/** ...but 16-bit grey as mode "I", whose conversion to RGB clips at 255. */
const clipTo255 = (v: number): number => Math.min(v, 255);

export async function decodeRgb(file: string, input: string | Buffer = file): Promise<RgbImage> {
  // Outside the try: sharp failing to load is not a fault of the image.
  const sharp = await loadSharp();
  try {
    const meta = await open(sharp, input).metadata();
    const { width, height } = meta;
    if (!width || !height) throw new Error("no image dimensions");
    const pixels = width * height;
    if (meta.space === "cmyk") {
      const { data } = await open(sharp, input)
        .pipelineColourspace("cmyk")
        .toColourspace("cmyk")
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { width, height, data: cmykToRgb(data, pixels) };
    }
    const sixteen = meta.depth === "ushort";
    const { data, info } = await open(sharp, input)
      .toColourspace(meta.channels && meta.channels <= 2 ? (sixteen ? "grey16" : "b-w") : sixteen ? "rgb16" : "srgb")
      .raw(sixteen ? { depth: "ushort" } : {})
      .toBuffer({ resolveWithObject: true });
    const samples = sixteen ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2) : data;
    // 8-bit RGB, the common case, is already what Pillow holds: no copy.
    if (!sixteen && info.channels === 3) return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, pixels * 3) };
    const reduce = !sixteen ? identity : info.channels === 1 ? clipTo255 : highByte;
    return { width, height, data: toRgb(samples, info.channels, pixels, reduce) };
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError(file, describeSharpError(err));
  }
}

function describeSharpError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(message)) return "not an image format this tool can decode (use JPEG, PNG, WebP, TIFF or GIF)";
  if (/pixel limit/i.test(message)) return `larger than ${PILLOW_MAX_PIXELS} pixels, which Pillow (and so the validator) refuses`;
  return `${message.split("\n")[0]} (is the file corrupt or truncated?)`;
}
