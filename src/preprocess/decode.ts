/**
 * Decoding an image file to the 8-bit RGB pixels that Pillow 10.4's
 * `Image.open(path).convert("RGB")` gives. The first bytes say which Pillow
 * plugin would open the file (formats/sniff.ts). JPEG, PNG and WebP go to
 * sharp (libvips), with everything Pillow does differently from libvips'
 * defaults undone here: no ICC transform, no EXIF rotation, alpha dropped
 * rather than composited, CMYK through Pillow's plain formula, 16-bit
 * samples reduced the way Pillow's PNG modes do. TIFF is planned from its
 * tags as Pillow reads them and decoded by sharp. BMP/DIB, GIF, PPM, TGA,
 * QOI, PCX/DCX, ICO (a PNG frame goes to sharp), SGI, SUN, XBM and IM have
 * small decoders of their own that follow Pillow's plugins. Files
 * Pillow cannot open, and files whose Pillow pixels this tool cannot promise,
 * fail with an ImageError that says which.
 */
import { open as openFile, readFile } from "node:fs/promises";
import type { Sharp } from "sharp";
import { ImageError } from "../util/errors.js";
import { loadSharp, type SharpModule } from "../util/natives.js";
import { decodeBmp } from "./formats/bmp.js";
import { CannotReproduce, PILLOW_MAX_PIXELS, PillowRefuses } from "./formats/errors.js";
import { decodeGif } from "./formats/gif.js";
import { decodeIco } from "./formats/ico.js";
import { decodeIm } from "./formats/im.js";
import { decodeJpeg2000 } from "./formats/jpeg2000.js";
import { cmykToRgb, orient } from "./formats/pixels.js";
import { decodeDcx, decodePcx } from "./formats/pcx.js";
import { decodePpm } from "./formats/ppm.js";
import { decodeQoi } from "./formats/qoi.js";
import { decodeSgi } from "./formats/sgi.js";
import { SNIFF_BYTES, sniff } from "./formats/sniff.js";
import { decodeSun } from "./formats/sun.js";
import { decodeTga } from "./formats/tga.js";
import { planTiff, type TiffPlan } from "./formats/tiff.js";
import { decodeTiffStrips } from "./formats/tiff-strips.js";
import { decodeXbm } from "./formats/xbm.js";
import type { RgbImage } from "./resample.js";

function open(sharp: SharpModule, input: string | Buffer): Sharp {
  // 'truncated' fails where Pillow raises "image file is truncated"; lesser
  // libjpeg warnings are ignored by Pillow and must not fail here either.
  return sharp(input, { failOn: "truncated", ignoreIcc: true, limitInputPixels: PILLOW_MAX_PIXELS, autoOrient: false });
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

/** The first bytes of a file (all of it if shorter), for sniffing. */
async function head(input: string | Buffer): Promise<Uint8Array> {
  if (typeof input !== "string") return input.subarray(0, SNIFF_BYTES);
  const handle = await openFile(input, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const whole = async (input: string | Buffer): Promise<Uint8Array> => (typeof input === "string" ? await readFile(input) : input);

/**
 * libvips keeps one error buffer for the whole process: a decode failing in
 * one thread while another thread clears the buffer leaves sharp with an
 * empty message, which it reports as "Unknown error" (measured: 20 of 500
 * truncated JPEGs with two workers, more on a loaded machine). Failures are
 * deterministic, so another decode of such a file fails again, usually with
 * the decoder's words. Three tries in a row still lost it now and then on a
 * loaded machine (a CI run); ten, each after a short random pause that moves
 * it off the other thread's rhythm, make that negligible. Only a failing
 * image pays for them.
 */
const LOST_MESSAGE = /^Unknown error\b/;
const LOST_MESSAGE_TRIES = 10;

export async function decodeRgb(file: string, input: string | Buffer = file): Promise<RgbImage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decodeOnce(file, input);
    } catch (err) {
      if (!(err instanceof ImageError && LOST_MESSAGE.test(err.reason)) || attempt >= LOST_MESSAGE_TRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3 * attempt));
    }
  }
}

async function decodeOnce(file: string, input: string | Buffer): Promise<RgbImage> {
  // Outside the try: sharp failing to load is not a fault of the image.
  const sharp = await loadSharp();
  try {
    const first = await head(input);
    const sniffed = sniff(first);
    switch (sniffed.route) {
      case "sharp":
        // PNG colour type 4 is Pillow's "LA" (16-bit: high byte); 16-bit grey with tRNS is its "I" (clipped).
        return await decodeWithSharp(sharp, input, sniffed.format === "PNG" && pngColourType(first) === 4);
      case "tiff": {
        const data = await whole(input);
        return await decodeTiff(sharp, data, planTiff(data));
      }
      case "bmp":
        return decodeBmp(await whole(input), sniffed.dib);
      case "gif":
        return decodeGif(await whole(input));
      case "ppm":
        return decodePpm(await whole(input));
      case "tga":
        return decodeTga(await whole(input), sniffed.header);
      case "qoi":
        return decodeQoi(await whole(input));
      case "pcx":
        return decodePcx(await whole(input));
      case "dcx":
        return decodeDcx(await whole(input));
      case "sgi":
        return decodeSgi(await whole(input));
      case "sun":
        return decodeSun(await whole(input));
      case "xbm":
        return decodeXbm(await whole(input));
      case "im":
        return decodeIm(await whole(input));
      case "ico": {
        // A PNG frame is opened by PngImagePlugin from the frame's offset on: sharp, as for any PNG.
        const frame = decodeIco(await whole(input));
        if (!("png" in frame)) return frame;
        const png = Buffer.from(frame.png.buffer, frame.png.byteOffset, frame.png.byteLength);
        return await decodeWithSharp(sharp, png, pngColourType(frame.png) === 4);
      }
      case "jpeg2000":
        return await decodeJpeg2000(await whole(input));
      case "unreproducible":
        throw new CannotReproduce(sniffed.format);
      case "refused":
        throw new PillowRefuses(sniffed.format);
    }
  } catch (err) {
    if (err instanceof ImageError) throw err;
    if (err instanceof PillowRefuses) throw new ImageError(file, err.message);
    if (err instanceof CannotReproduce) throw new ImageError(file, err.message, "unreproducible");
    throw new ImageError(file, describeSharpError(err));
  }
}

/** A TIFF through sharp, then what Pillow does that libvips does not: its colour-map scaling, the Orientation tag. */
async function decodeTiff(sharp: SharpModule, data: Uint8Array, plan: TiffPlan): Promise<RgbImage> {
  if (plan.strips) return orient(decodeTiffStrips(data, plan.strips, plan.littleEndian), plan.orientation);
  let image = await decodeWithSharp(sharp, Buffer.from(data.buffer, data.byteOffset, data.byteLength), false);
  if (plan.fix === "black") image = { ...image, data: new Uint8Array(image.data.length) };
  return orient(image, plan.orientation);
}

/** IHDR's colour type: the first chunk of a PNG always is IHDR, at a fixed place. */
const pngColourType = (head: Uint8Array): number | undefined => head[25];

/** `greyAlpha`: a 2-band 16-bit image is Pillow's "LA" (reduced by high byte), not "I" + transparency (clipped). */
async function decodeWithSharp(sharp: SharpModule, input: string | Buffer, greyAlpha: boolean): Promise<RgbImage> {
  const meta = await open(sharp, input).metadata();
  const { width, height } = meta;
  if (!width || !height) throw new Error("no image dimensions");
  const pixels = width * height;
  if (meta.space === "cmyk") {
    const { data } = await open(sharp, input).pipelineColourspace("cmyk").toColourspace("cmyk").raw().toBuffer({ resolveWithObject: true });
    return cmykToRgb(width, height, data);
  }
  const sixteen = meta.depth === "ushort";
  const { data, info } = await open(sharp, input)
    .toColourspace(meta.channels && meta.channels <= 2 ? (sixteen ? "grey16" : "b-w") : sixteen ? "rgb16" : "srgb")
    .raw(sixteen ? { depth: "ushort" } : {})
    .toBuffer({ resolveWithObject: true });
  const samples = sixteen ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2) : data;
  // 8-bit RGB, the common case, is already what Pillow holds: no copy.
  if (!sixteen && info.channels === 3) return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, pixels * 3) };
  const reduce = !sixteen ? identity : info.channels <= 2 && !greyAlpha ? clipTo255 : highByte;
  return { width, height, data: toRgb(samples, info.channels, pixels, reduce) };
}

function describeSharpError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return `larger than ${PILLOW_MAX_PIXELS} pixels, which Pillow (and so the validator) refuses`;
  return `${message.split("\n")[0]} (is the file corrupt or truncated?)`;
}
