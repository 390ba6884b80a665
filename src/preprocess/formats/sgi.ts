/**
 * SGI images as Pillow 10.4's SgiImagePlugin reads them: "L", "RGB" or
 * "RGBA" at 8 or 16 bits a sample (16-bit samples keep their high byte),
 * bottom-up, stored plane after plane ("raw" tiles, or the SGI16 decoder) or
 * RLE (ImagingSgiRleDecode, step for step: one line buffer that is never
 * cleared, so a short RLE row keeps the previous row's tail; a row whose
 * chunk count runs out on a non-zero chunk silently ends the image, leaving
 * the rows after it black; any read past its bounds, including a copy that
 * ends on the file's last byte, is an overrun). Every failure is Pillow
 * refusing: the plugins after SGI reject its magic.
 */
import type { RgbImage } from "../resample.js";
import { PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb } from "./pixels.js";
import { rawLines } from "./raw.js";

const HEADER = 512;

/** (bytes per channel, dimension, channels) -> rawmode, Pillow's MODES. */
const MODES: Readonly<Record<string, string>> = {
  "1,1,1": "L",
  "1,2,1": "L",
  "2,1,1": "L;16B",
  "2,2,1": "L;16B",
  "1,3,3": "RGB",
  "2,3,3": "RGB;16B",
  "1,3,4": "RGBA",
  "2,3,4": "RGBA;16B",
};

const be16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const be32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

export function decodeSgi(data: Uint8Array): RgbImage {
  if (data.length < 12) throw new PillowRefuses("SGI: the header is truncated");
  const compression = data[2];
  const bpc = data[3];
  const width = be16(data, 6);
  const height = be16(data, 8);
  const rawmode = MODES[`${bpc},${be16(data, 4)},${be16(data, 10)}`];
  if (rawmode === undefined) throw new PillowRefuses("SGI: unsupported SGI image mode");
  if (width === 0 || height === 0) throw new PillowRefuses(`SGI: ${width}x${height} pixels`);
  checkPixelLimit(width, height);
  const bands = rawmode.startsWith("RGBA") ? 4 : rawmode.startsWith("RGB") ? 3 : 1;
  // One sample per band and pixel (the high byte at 16 bits), top row first.
  let samples: Uint8Array;
  if (compression === 0) samples = bpc === 2 ? planar16(data, width, height, bands) : planar8(data, width, height, bands);
  else if (compression === 1) samples = rle(data, width, height, bands, bpc);
  // No tile at all: load() has nothing to decode and convert() fails.
  else throw new PillowRefuses(`SGI: compression ${compression}`);
  if (bands === 1) return grayToRgb(width, height, samples);
  const out = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) out.set(samples.subarray(i * bands, i * bands + 3), i * 3);
  return { width, height, data: out };
}

/** One "raw" tile per band, each a bottom-up plane of bytes after the last. */
function planar8(data: Uint8Array, width: number, height: number, bands: number): Uint8Array {
  const out = new Uint8Array(width * height * bands);
  for (let band = 0; band < bands; band++) {
    const { starts } = rawLines("SGI", data, HEADER + band * width * height, width, height, "L", 0, -1);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[(y * width + x) * bands + band] = data[starts[y] + x];
  }
  return out;
}

/** SGI16Decoder: each band's plane read with frombytes("L;16B"), which wants all of it. */
function planar16(data: Uint8Array, width: number, height: number, bands: number): Uint8Array {
  const page = width * height;
  if (data.length < HEADER + bands * 2 * page) throw new PillowRefuses("SGI: not enough image data");
  const out = new Uint8Array(page * bands);
  for (let band = 0; band < bands; band++) {
    const plane = HEADER + band * 2 * page;
    for (let y = 0; y < height; y++) {
      const row = plane + (height - 1 - y) * 2 * width;
      for (let x = 0; x < width; x++) out[(y * width + x) * bands + band] = data[row + 2 * x];
    }
  }
  return out;
}

/** ImagingSgiRleDecode. */
function rle(data: Uint8Array, width: number, height: number, bands: number, bpc: number): Uint8Array {
  // Its buffer: everything after the header, with `end` the index of its last byte.
  const size = data.length - HEADER;
  const tables = bands * height;
  if (size < 8 * tables) throw new PillowRefuses("SGI: the RLE tables are truncated (buffer overrun)");
  const end = size - 1;
  const at = (i: number): number => HEADER + i;
  const line = new Uint8Array(width * bands * 2);
  const out = new Uint8Array(width * height * bands);
  const overrun = (): PillowRefuses => new PillowRefuses("SGI: the RLE data reads past its bounds (buffer overrun)");
  for (let row = 0; row < height; row++) {
    for (let band = 0; band < bands; band++) {
      const t = row + band * height;
      const start = be32(data, at(4 * t));
      // The C decoder passes the UINT32 length as an int: past 2^31 it is negative and the row is left as it is.
      const length = be32(data, at(4 * tables + 4 * t)) | 0;
      if (start < HEADER) throw overrun();
      const status =
        bpc === 1
          ? expandRow(data, line, start - HEADER, length, band, bands, width, end)
          : expandRow2(data, line, start - HEADER, length, band, bands, width, end);
      if (status === -1) throw overrun();
      // The last chunk was not an end marker: the decoder stops there, with no error; later rows stay 0.
      if (status === 1) return out;
    }
    const y = height - 1 - row;
    const step = bpc === 1 ? 1 : 2;
    for (let i = 0; i < width * bands; i++) out[y * width * bands + i] = line[i * step];
  }
  return out;
}

/** expandrow: `n` (the table's length) counts chunks; dest steps by the band count. */
function expandRow(
  data: Uint8Array,
  line: Uint8Array,
  src: number,
  n: number,
  dest: number,
  z: number,
  width: number,
  end: number,
): number {
  let x = 0;
  for (; n > 0; n--) {
    if (src > end) return -1;
    const pixel = data[HEADER + src++];
    if (n === 1 && pixel !== 0) return n;
    let count = pixel & 0x7f;
    if (!count) return 0;
    if (x + count > width) return -1;
    x += count;
    if (pixel & 0x80) {
      if (src + count > end) return -1;
      while (count--) {
        line[dest] = data[HEADER + src++];
        dest += z;
      }
    } else {
      if (src > end) return -1;
      const value = data[HEADER + src++];
      while (count--) {
        line[dest] = value;
        dest += z;
      }
    }
  }
  return 0;
}

/** expandrow2: 2-byte atoms, the count in the low byte; samples land 2 bytes each in the line buffer. */
function expandRow2(
  data: Uint8Array,
  line: Uint8Array,
  src: number,
  n: number,
  band: number,
  z: number,
  width: number,
  end: number,
): number {
  let x = 0;
  let dest = band * 2;
  for (; n > 0; n--) {
    if (src + 1 > end) return -1;
    const pixel = data[HEADER + src + 1];
    src += 2;
    if (n === 1 && pixel !== 0) return n;
    let count = pixel & 0x7f;
    if (!count) return 0;
    if (x + count > width) return -1;
    x += count;
    if (pixel & 0x80) {
      if (src + 2 * count > end) return -1;
      while (count--) {
        line[dest] = data[HEADER + src];
        line[dest + 1] = data[HEADER + src + 1];
        src += 2;
        dest += z * 2;
      }
    } else {
      if (src + 2 > end) return -1;
      while (count--) {
        line[dest] = data[HEADER + src];
        line[dest + 1] = data[HEADER + src + 1];
        dest += z * 2;
      }
      src += 2;
    }
  }
  return 0;
}
