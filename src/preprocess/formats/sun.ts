/**
 * Sun raster files as Pillow 10.4's SunImagePlugin reads them: 1-bit "1"
 * (1 = black), 4-bit grey (scaled by 17) or palette, 8-bit grey or palette,
 * 24/32-bit BGR(X), or RGB(X) for type 3; raw lines padded to 16 bits, or
 * type 2's RLE (ImagingSunRleDecode, whose lines are not padded and whose
 * runs may run on into the next lines). The colour map is planar (all reds,
 * then greens, then blues); on a "1" or RGB image Pillow cannot put it and
 * fails. Every failure is Pillow refusing: the plugins after SUN reject its
 * magic.
 */
import type { RgbImage } from "../resample.js";
import { PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb, paletteToRgb } from "./pixels.js";
import { rawBits, rawLines, unpackIndexLine, unpackRgbLine } from "./raw.js";

const be32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

export function decodeSun(data: Uint8Array): RgbImage {
  if (data.length < 32) throw new PillowRefuses("SUN: the header is truncated");
  const width = be32(data, 4);
  const height = be32(data, 8);
  const depth = be32(data, 12);
  const type = be32(data, 20);
  const paletteType = be32(data, 24);
  const paletteLength = be32(data, 28);
  let mode: "1" | "L" | "P" | "RGB";
  let rawmode: string;
  if (depth === 1) [mode, rawmode] = ["1", "1;I"];
  else if (depth === 4) [mode, rawmode] = ["L", "L;4"];
  else if (depth === 8) [mode, rawmode] = ["L", "L"];
  else if (depth === 24) [mode, rawmode] = ["RGB", type === 3 ? "RGB" : "BGR"];
  else if (depth === 32) [mode, rawmode] = ["RGB", type === 3 ? "RGBX" : "BGRX"];
  else throw new PillowRefuses(`SUN: unsupported mode/bit depth (${depth})`);

  let offset = 32;
  let palette: Uint8Array | undefined;
  if (paletteLength) {
    if (paletteLength > 1024) throw new PillowRefuses("SUN: unsupported color palette length");
    if (paletteType !== 1) throw new PillowRefuses("SUN: unsupported palette type");
    offset += paletteLength;
    const raw = data.subarray(32, Math.min(offset, data.length));
    // putpalette("RGB", "RGB;L"): len / 3 entries, planar; only "L" and "P" images take a palette, and at most 256 entries.
    if (mode !== "L") throw new PillowRefuses(`SUN: a colour map on a ${mode} image (illegal image mode)`);
    const entries = Math.floor(raw.length / 3);
    if (entries > 256) throw new PillowRefuses(`SUN: a colour map of ${entries} entries (invalid palette size)`);
    palette = new Uint8Array(entries * 3);
    for (let i = 0; i < entries; i++) {
      palette[i * 3] = raw[i];
      palette[i * 3 + 1] = raw[i + entries];
      palette[i * 3 + 2] = raw[i + 2 * entries];
    }
    mode = "P";
    rawmode = rawmode.replace("L", "P");
  }
  if (width === 0 || height === 0) throw new PillowRefuses(`SUN: ${width}x${height} pixels`);
  checkPixelLimit(width, height);

  let lines: Uint8Array;
  let starts: ArrayLike<number>;
  if ([0, 1, 3, 4, 5].includes(type)) {
    const stride = Math.floor((width * depth + 15) / 16) * 2;
    lines = data;
    starts = rawLines("SUN", data, offset, width, height, rawmode, stride, 1).starts;
  } else if (type === 2) {
    const lineBytes = Math.ceil((width * rawBits(rawmode)) / 8);
    lines = rle(data, offset, lineBytes, height);
    starts = Array.from({ length: height }, (_, y) => y * lineBytes);
  } else {
    throw new PillowRefuses(`SUN: unsupported raster file type (${type})`);
  }

  if (mode === "RGB") {
    const out = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) unpackRgbLine(rawmode, lines, starts[y], width, out, y * width * 3);
    return { width, height, data: out };
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) unpackIndexLine(rawmode === "L;4" ? "P;4" : rawmode, lines, starts[y], width, out, y * width);
  // "L;4" is grey in 16 steps: each nibble times 0x11.
  if (rawmode === "L;4") for (let i = 0; i < out.length; i++) out[i] *= 17;
  if (mode === "P") return paletteToRgb(width, height, out, palette!);
  // "1;I" already gave 0 for a set bit and 255 for a clear one.
  return grayToRgb(width, height, out);
}

/** ImagingSunRleDecode: 0x80 0 is a literal 0x80; 0x80 n v is n + 1 copies of v, carried on into the next lines. */
function rle(data: Uint8Array, pos: number, lineBytes: number, height: number): Uint8Array {
  const out = new Uint8Array(lineBytes * height);
  const total = out.length;
  let n = 0;
  const truncated = (): PillowRefuses => new PillowRefuses("SUN: image file is truncated");
  while (n < total) {
    if (pos >= data.length) throw truncated();
    if (data[pos] === 0x80) {
      if (pos + 1 >= data.length) throw truncated();
      if (data[pos + 1] === 0) {
        out[n++] = 0x80;
        pos += 2;
      } else {
        if (pos + 2 >= data.length) throw truncated();
        const count = Math.min(data[pos + 1] + 1, total - n);
        out.fill(data[pos + 2], n, n + count);
        n += count;
        pos += 3;
      }
    } else {
      out[n++] = data[pos++];
    }
  }
  return out;
}
