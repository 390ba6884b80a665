/**
 * The strips of a TIFF, decompressed here rather than by sharp, for the two
 * modes whose samples libvips changes before anyone can see them: associated
 * alpha (libvips divides it out in floats, Pillow's "RGBa" unpacker in
 * integers) and 32-bit float grey (libvips keeps the floats, Pillow's
 * convert("RGB") goes through "L" by truncation). Only the codecs Pillow's
 * libtiff decodes losslessly and datasets use: none, LZW, Deflate, PackBits.
 */
import { inflateSync } from "node:zlib";
import type { RgbImage } from "../resample.js";
import { CannotReproduce, PillowRefuses } from "./errors.js";
import { TAG, readIfd0, type TiffIfd } from "./tiff-tags.js";

/** LZW as libtiff's tif_lzw.c decodes "new-style" (MSB-first, early change) codes. */
function lzw(src: Uint8Array, expected: number): Uint8Array {
  if (src.length >= 2 && src[0] === 0 && src[1] & 1) throw new CannotReproduce("TIFF with old-style (LSB-first) LZW");
  const out = new Uint8Array(expected);
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) [suffix[i], first[i], length[i], prefix[i]] = [i, i, 1, -1];
  let o = 0;
  let bitPos = 0;
  let width = 9;
  let next = 258;
  let prev = -1;
  const read = (): number => {
    if (bitPos + width > src.length * 8) return 257;
    let v = 0;
    for (let i = 0; i < width; i++, bitPos++) v = (v << 1) | ((src[bitPos >> 3] >> (7 - (bitPos & 7))) & 1);
    return v;
  };
  const emit = (code: number): void => {
    const n = length[code];
    for (let c = code, k = n - 1; k >= 0; k--, c = prefix[c]) if (o + k < expected) out[o + k] = suffix[c];
    o += n;
  };
  while (o < expected) {
    const code = read();
    if (code === 257) break;
    if (code === 256) {
      [width, next, prev] = [9, 258, -1];
      continue;
    }
    if (prev === -1) {
      if (code > 255) throw new PillowRefuses("TIFF: corrupted LZW table");
      emit(code);
      prev = code;
      continue;
    }
    if (code > next) throw new PillowRefuses("TIFF: corrupted LZW table");
    const known = code < next;
    if (next < 4096) {
      prefix[next] = prev;
      suffix[next] = known ? first[code] : first[prev];
      first[next] = first[prev];
      length[next] = length[prev] + 1;
      next++;
    }
    emit(code);
    prev = code;
    if (next >= (1 << width) - 1 && width < 12) width++;
  }
  return out.subarray(0, Math.min(o, expected));
}

function packbits(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let o = 0;
  for (let i = 0; i < src.length && o < expected;) {
    const n = (src[i++] << 24) >> 24;
    if (n >= 0) {
      out.set(src.subarray(i, i + n + 1).subarray(0, expected - o), o);
      o += Math.min(n + 1, src.length - i);
      i += n + 1;
    } else if (n !== -128) {
      out.fill(src[i++], o, Math.min(expected, o + 1 - n));
      o += 1 - n;
    }
  }
  return out.subarray(0, Math.min(o, expected));
}

export interface Strips {
  readonly width: number;
  readonly height: number;
  /** Every row, decompressed and un-predicted, `width * bytesPerPixel` bytes each. */
  readonly data: Uint8Array;
}

/** The first IFD's pixel data, for chunky (PlanarConfiguration 1) striped images. */
export function readStrips(data: Uint8Array, ifd: TiffIfd, samples: number, sampleBytes: number, what: string): Strips {
  const bytesPerPixel = samples * sampleBytes;
  const one = (tag: number): number | undefined => ifd.tags.get(tag)?.[0];
  const width = one(TAG.width) ?? 0;
  const height = one(TAG.height) ?? 0;
  if (ifd.tags.has(TAG.tileWidth) || (one(TAG.planarConfig) ?? 1) !== 1 || (one(TAG.fillOrder) ?? 1) !== 1)
    throw new CannotReproduce(`${what}, tiled, planar or bit-reversed`);
  const compression = one(TAG.compression) ?? 1;
  const predictor = one(TAG.predictor) ?? 1;
  // Horizontal differencing of bytes; of wider samples (and floating-point prediction) it is not done here.
  if (predictor !== 1 && !(predictor === 2 && sampleBytes === 1)) throw new CannotReproduce(`${what} with predictor ${predictor}`);
  const offsets = ifd.tags.get(TAG.stripOffsets) ?? [];
  const counts = ifd.tags.get(TAG.stripByteCounts) ?? [];
  const rowsPerStrip = Math.min(one(TAG.rowsPerStrip) ?? height, height) || height;
  const rowBytes = width * bytesPerPixel;
  const out = new Uint8Array(rowBytes * height);
  for (let s = 0, y = 0; y < height; s++, y += rowsPerStrip) {
    const rows = Math.min(rowsPerStrip, height - y);
    const expected = rows * rowBytes;
    const [at, count] = [offsets[s], counts[s] ?? expected];
    if (at === undefined || at + Math.min(count, 1) > data.length) throw new PillowRefuses("TIFF: image file is truncated");
    const src = data.subarray(at, at + count);
    let strip: Uint8Array;
    if (compression === 1) strip = src.subarray(0, expected);
    else if (compression === 5) strip = lzw(src, expected);
    else if (compression === 8 || compression === 32946) strip = inflateSync(src).subarray(0, expected);
    else if (compression === 32773) strip = packbits(src, expected);
    else throw new CannotReproduce(`${what} compressed with scheme ${compression}`);
    if (strip.length < expected) throw new PillowRefuses("TIFF: image file is truncated");
    if (predictor === 2)
      for (let r = 0; r < rows; r++)
        for (let i = r * rowBytes + samples; i < (r + 1) * rowBytes; i++) strip[i] = (strip[i] + strip[i - samples]) & 0xff;
    out.set(strip, y * rowBytes);
  }
  return { width, height, data: out };
}

/** Pillow's "RGBa" unpacker (c * 255 / a in integers, 0 where a is 0), then convert("RGB") drops alpha. */
export function unpremultiplyToRgb(strips: Strips): Uint8Array {
  const pixels = strips.width * strips.height;
  const out = new Uint8Array(pixels * 3);
  const s = strips.data;
  for (let i = 0; i < pixels; i++) {
    const a = s[4 * i + 3];
    for (let c = 0; c < 3; c++) {
      const v = s[4 * i + c];
      out[3 * i + c] = a === 0 ? 0 : a === 255 ? v : Math.min(255, Math.trunc((v * 255) / a));
    }
  }
  return out;
}

/** Mode "F" to "RGB": Pillow has no direct conversion and goes through "L" (f2l: clipped, then truncated). */
export function floatToRgb(strips: Strips, littleEndian: boolean): Uint8Array {
  const pixels = strips.width * strips.height;
  const view = new DataView(strips.data.buffer, strips.data.byteOffset, strips.data.byteLength);
  const out = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    const v = view.getFloat32(4 * i, littleEndian);
    // NaN fails both comparisons; C's (UINT8) cast of it gives 0 on x86 (cvttss2si's 0x80000000).
    const l = v <= 0 ? 0 : v >= 255 ? 255 : Number.isNaN(v) ? 0 : Math.trunc(v);
    out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = l;
  }
  return out;
}

/** A TIFF that planTiff sent here: its first IFD's strips, as Pillow's convert("RGB") sees them (before orientation). */
export function decodeTiffStrips(data: Uint8Array, kind: "RGBa" | "F", littleEndian: boolean): RgbImage {
  const ifd = readIfd0(data);
  const strips = kind === "RGBa" ? readStrips(data, ifd, 4, 1, "TIFF RGBa") : readStrips(data, ifd, 1, 4, "TIFF F");
  const rgb = kind === "RGBa" ? unpremultiplyToRgb(strips) : floatToRgb(strips, littleEndian);
  return { width: strips.width, height: strips.height, data: rgb };
}
