/**
 * PBM/PGM/PPM (P1-P6) as Pillow 10.4's PpmImagePlugin reads them: header
 * tokens of at most 10 characters with '#' comments; P4 bits inverted;
 * maxval 255 read raw, 65535 grey as "I;16B", any other maxval rescaled with
 * Python's round(v / maxval * out_max); 16-bit grey becomes mode "I", whose
 * conversion to RGB clips at 255 (so it is mostly white, as on validators).
 * The plain formats go through its token parser, whose comment removal also
 * joins the tokens either side of a comment. PFM ("Pf", mode F) is not
 * reproduced.
 */
import type { RgbImage } from "../resample.js";
import { CannotReproduce, PillowRefuses, checkPixelLimit } from "./errors.js";
import { clipTo255, grayToRgb } from "./pixels.js";

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
const MODES: Readonly<Record<string, string>> = {
  P1: "1",
  P2: "L",
  P3: "RGB",
  P4: "1",
  P5: "L",
  P6: "RGB",
  P0CMYK: "CMYK",
  Pf: "F",
  PyP: "P",
  PyRGBA: "RGBA",
  PyCMYK: "CMYK",
};

/** Python's int() on an ASCII token: optional sign, digits with single underscores between them. */
function pyInt(token: string): number {
  if (!/^[+-]?\d+(_\d+)*$/.test(token)) throw new PillowRefuses(`PPM: invalid literal for int(): '${token}'`);
  return Number(token.replace(/_/g, ""));
}

/** Python's round(): half to even. */
function pyRound(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function decodePpm(data: Uint8Array): RgbImage {
  let pos = 0;
  let magic = "";
  for (let i = 0; i < 6 && pos < data.length; i++) {
    const c = data[pos++];
    if (WHITESPACE.has(c)) break;
    magic += String.fromCharCode(c);
  }
  const mode0 = MODES[magic];
  if (mode0 === undefined) throw new PillowRefuses(`PPM: unknown magic ${JSON.stringify(magic)}`);
  if (mode0 !== "1" && mode0 !== "L" && mode0 !== "RGB") throw new CannotReproduce(`PPM ${magic} (mode ${mode0})`);

  const token = (): string => {
    let t = "";
    while (t.length <= 10) {
      if (pos >= data.length) break;
      const c = data[pos++];
      if (WHITESPACE.has(c)) {
        if (!t) continue;
        break;
      } else if (c === 0x23) {
        // '#': skip to CR, LF or the end of the file.
        while (pos < data.length) {
          const d = data[pos++];
          if (d === 0x0a || d === 0x0d) break;
        }
        continue;
      }
      t += String.fromCharCode(c);
    }
    if (!t) throw new PillowRefuses("PPM: reached EOF while reading header");
    if (t.length > 10) throw new PillowRefuses("PPM: token too long in file header");
    return t;
  };

  const width = pyInt(token());
  const height = pyInt(token());
  checkPixelLimit(width, height);
  if (width <= 0 || height <= 0) throw new PillowRefuses(`PPM: ${width}x${height} pixels`);
  const plain = magic === "P1" || magic === "P2" || magic === "P3";
  if (mode0 === "1") {
    const bits = plain ? plainBitonal(data, pos, width * height) : packedBitonal(data, pos, width, height);
    return grayToRgb(width, height, bits);
  }
  const maxval = pyInt(token());
  if (!(maxval > 0 && maxval < 65536)) throw new PillowRefuses("PPM: maxval must be greater than 0 and less than 65536");
  const bands = mode0 === "RGB" ? 3 : 1;
  // Grey above 255 opens as mode "I" (0..65535); the others scale to 0..255.
  const outMax = maxval > 255 && mode0 === "L" ? 65535 : 255;
  const count = width * height * bands;
  let values: Uint16Array | Uint8Array;
  if (plain) {
    values = plainValues(data, pos, count, maxval, outMax);
  } else if (maxval === 255 || (maxval === 65535 && mode0 === "L")) {
    const size = maxval === 255 ? 1 : 2;
    if (pos + count * size > data.length) throw new PillowRefuses("PPM: image file is truncated");
    values =
      size === 1
        ? data.subarray(pos, pos + count)
        : Uint16Array.from({ length: count }, (_, i) => (data[pos + 2 * i] << 8) | data[pos + 2 * i + 1]);
  } else {
    // PpmDecoder: one sample (1 or 2 big-endian bytes) at a time, rescaled, capped at out_max.
    const size = maxval < 256 ? 1 : 2;
    if (pos + count * size > data.length) throw new PillowRefuses("PPM: not enough image data");
    values = new Uint16Array(count);
    for (let i = 0; i < count; i++) {
      const v = size === 1 ? data[pos + i] : (data[pos + 2 * i] << 8) | data[pos + 2 * i + 1];
      values[i] = Math.min(outMax, pyRound((v / maxval) * outMax));
    }
  }
  if (bands === 1) {
    const gray = outMax === 255 && values instanceof Uint8Array ? values : Uint8Array.from(values, clipTo255);
    return grayToRgb(width, height, gray);
  }
  return { width, height, data: values instanceof Uint8Array ? values.slice() : Uint8Array.from(values) };
}

/** P4: rows padded to whole bytes, 1 = black ("1;I"). */
function packedBitonal(data: Uint8Array, pos: number, width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  if (pos + (height - 1) * rowBytes + rowBytes > data.length) throw new PillowRefuses("PPM: image file is truncated");
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = data[pos + y * rowBytes + (x >> 3)] & (128 >> (x & 7)) ? 0 : 255;
  }
  return out;
}

/** PpmPlainDecoder._ignore_comments over the whole data: a comment is cut out together with its line end. */
function withoutComments(block: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < block.length; i++) {
    if (block[i] !== 0x23) {
      out.push(block[i]);
      continue;
    }
    let end = i + 1;
    while (end < block.length && block[end] !== 0x0a && block[end] !== 0x0d) end++;
    // A comment running to the end of the data drops the rest.
    i = end;
  }
  return Uint8Array.from(out);
}

/** P1: every '0'/'1' is a pixel, whitespace optional; '1' is black. */
function plainBitonal(data: Uint8Array, pos: number, total: number): Uint8Array {
  const block = withoutComments(data.subarray(pos));
  const out = new Uint8Array(total);
  let n = 0;
  // Pillow checks every character of the block it read, including those past the last pixel.
  for (let i = 0; i < block.length; i++) {
    const c = block[i];
    if (WHITESPACE.has(c)) continue;
    if (c !== 0x30 && c !== 0x31) throw new PillowRefuses(`PPM: invalid token for this mode: ${String.fromCharCode(c)}`);
    if (n < total) out[n++] = c === 0x31 ? 0 : 255;
  }
  if (n < total) throw new PillowRefuses("PPM: not enough image data");
  return out;
}

/** P2/P3: whitespace-separated decimal tokens (at most 10 characters), each rescaled with round(v / maxval * out_max). */
function plainValues(data: Uint8Array, pos: number, count: number, maxval: number, outMax: number): Uint16Array {
  const block = withoutComments(data.subarray(pos));
  const out = new Uint16Array(count);
  let n = 0;
  let i = 0;
  while (n < count && i < block.length) {
    while (i < block.length && WHITESPACE.has(block[i])) i++;
    const s = i;
    while (i < block.length && !WHITESPACE.has(block[i])) i++;
    if (s === i) break;
    const token = String.fromCharCode(...block.subarray(s, Math.min(i, s + 11)));
    if (i - s > 10) throw new PillowRefuses(`PPM: token too long found in data: ${token}`);
    const value = pyInt(token);
    if (value < 0) throw new PillowRefuses(`PPM: channel value is negative: ${value}`);
    if (value > maxval) throw new PillowRefuses(`PPM: channel value too large for this mode: ${value}`);
    out[n++] = pyRound((value / maxval) * outMax);
  }
  if (n < count) throw new PillowRefuses("PPM: not enough image data");
  return out;
}
