/**
 * Pillow's "raw" decoder (libImaging/RawDecode.c) and the line unpackers
 * (Unpack.c) the pure-TS format decoders need. A raw tile is `rows` lines of
 * `lineBytes` bytes, `stride` apart (0: packed), bottom-up when `ystep` is -1;
 * the last line needs no padding after it, and data short of that is
 * Pillow's "image file is truncated".
 */
import { PillowRefuses } from "./errors.js";

/** Bits each rawmode takes per pixel, as registered in Unpack.c. */
const RAW_BITS: Readonly<Record<string, number>> = {
  "1": 1,
  "1;I": 1,
  "1;8": 8,
  "P;1": 1,
  "P;2": 2,
  "P;4": 4,
  "L;4": 4,
  P: 8,
  L: 8,
  "BGR;15": 16,
  "BGR;16": 16,
  "BGRA;15Z": 16,
  BGR: 24,
  RGB: 24,
  BGRX: 32,
  RGBX: 32,
  XBGR: 32,
  BGXR: 32,
  ABGR: 32,
  RGBA: 32,
  BGRA: 32,
  BGAR: 32,
  LA: 16,
};

export function rawBits(rawmode: string): number {
  const bits = RAW_BITS[rawmode];
  if (bits === undefined) throw new Error(`no unpacker for rawmode ${rawmode}`);
  return bits;
}

/**
 * Where each of a raw tile's lines starts in `data`. Throws Pillow's
 * failures: a stride shorter than a line (IMAGING_CODEC_CONFIG) and data
 * ending before the last line (truncated).
 */
export function rawLines(
  what: string,
  data: Uint8Array,
  offset: number,
  width: number,
  rows: number,
  rawmode: string,
  stride: number,
  ystep: 1 | -1,
): { lineBytes: number; starts: Int32Array } {
  const lineBytes = Math.ceil((width * rawBits(rawmode)) / 8);
  const step = stride || lineBytes;
  if (step < lineBytes) throw new PillowRefuses(`${what}: rows of ${stride} bytes are shorter than ${width} pixels need`);
  if (offset + (rows - 1) * step + lineBytes > data.length) throw new PillowRefuses(`${what}: image file is truncated`);
  const starts = new Int32Array(rows);
  for (let i = 0; i < rows; i++) starts[ystep === 1 ? i : rows - 1 - i] = offset + i * step;
  return { lineBytes, starts };
}

/** One byte per pixel for "1", "1;I", "1;8", "P;n", "P" and "L" lines ("1" as 0/255, as Pillow's mode "1" holds it). */
export function unpackIndexLine(rawmode: string, src: Uint8Array, at: number, width: number, out: Uint8Array, outAt: number): void {
  switch (rawmode) {
    case "1":
    case "1;I": {
      const [on, off] = rawmode === "1" ? [255, 0] : [0, 255];
      for (let x = 0; x < width; x++) out[outAt + x] = src[at + (x >> 3)] & (128 >> (x & 7)) ? on : off;
      return;
    }
    case "1;8":
      for (let x = 0; x < width; x++) out[outAt + x] = src[at + x] ? 255 : 0;
      return;
    case "P;1":
    case "P;2":
    case "P;4": {
      const bits = rawBits(rawmode);
      const perByte = 8 / bits;
      const mask = (1 << bits) - 1;
      for (let x = 0; x < width; x++) {
        const shift = 8 - bits * ((x % perByte) + 1);
        out[outAt + x] = (src[at + Math.floor(x / perByte)] >> shift) & mask;
      }
      return;
    }
    default:
      out.set(src.subarray(at, at + width), outAt);
  }
}

/** Byte offsets of R, G and B within a pixel for the byte-aligned colour rawmodes. */
const RGB_AT: Readonly<Record<string, readonly [number, number, number]>> = {
  BGR: [2, 1, 0],
  RGB: [0, 1, 2],
  BGRX: [2, 1, 0],
  BGRA: [2, 1, 0],
  XBGR: [3, 2, 1],
  ABGR: [3, 2, 1],
  BGXR: [3, 1, 0],
  BGAR: [3, 1, 0],
  RGBA: [0, 1, 2],
};

/** RGB triples for the colour rawmodes; alpha and padding are dropped as convert("RGB") drops them. */
export function unpackRgbLine(rawmode: string, src: Uint8Array, at: number, width: number, out: Uint8Array, outAt: number): void {
  if (rawmode === "BGR;15" || rawmode === "BGR;16" || rawmode === "BGRA;15Z") {
    // ImagingUnpackBGR15/16: little-endian 16-bit words, scaled by v * 255 / max in integers.
    const sixteen = rawmode === "BGR;16";
    for (let x = 0; x < width; x++) {
      const p = src[at + 2 * x] | (src[at + 2 * x + 1] << 8);
      const o = outAt + 3 * x;
      out[o + 2] = Math.trunc(((p & 31) * 255) / 31);
      if (sixteen) {
        out[o + 1] = Math.trunc((((p >> 5) & 63) * 255) / 63);
        out[o] = Math.trunc((((p >> 11) & 31) * 255) / 31);
      } else {
        out[o + 1] = Math.trunc((((p >> 5) & 31) * 255) / 31);
        out[o] = Math.trunc((((p >> 10) & 31) * 255) / 31);
      }
    }
    return;
  }
  const [r, g, b] = RGB_AT[rawmode] ?? [0, 1, 2];
  const size = rawBits(rawmode) / 8;
  for (let x = 0, s = at, o = outAt; x < width; x++, s += size, o += 3) {
    out[o] = src[s + r];
    out[o + 1] = src[s + g];
    out[o + 2] = src[s + b];
  }
}
