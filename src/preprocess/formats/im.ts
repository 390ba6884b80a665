/**
 * IFUNC "IM" files as Pillow 10.4's ImImagePlugin reads them: a text header
 * of "Key: value" lines (at most 100 characters each; default mode "L" and
 * size 512x512) ended by NUL or 0x1A, pixel data after the next 0x1A (and
 * after a 768-byte planar "Lut" when the header has one, which turns "L"
 * into "P" and "LA" into "PA" unless it is grey), stored bottom-up line by
 * line, planar within each line for the ";L" rawmodes. Modes reproduced:
 * 1, L, P (8, 4 and 2 bits), LA/PA, RGB, RGBA, RGBX, CMYK, I;16 (any byte
 * order) and 32-bit I, each then through Pillow's convert("RGB"). Floating
 * point, YCbCr and the old LabEye layouts are not. Any header Pillow rejects
 * makes Image.open fail, since no later plugin takes a file that starts
 * with a text line.
 */
import type { RgbImage } from "../resample.js";
import { CannotReproduce, PillowRefuses, checkPixelLimit } from "./errors.js";
import { clipTo255, cmykToRgb, grayToRgb, paletteToRgb } from "./pixels.js";
import { unpackIndexLine } from "./raw.js";

/** The image types Pillow maps to (mode, rawmode): OPEN, for the ones reproduced here. */
const OPEN: Readonly<Record<string, readonly [string, string]>> = {
  "0 1 image": ["1", "1"],
  "L 1 image": ["1", "1"],
  "Greyscale image": ["L", "L"],
  "Grayscale image": ["L", "L"],
  "RGB image": ["RGB", "RGB;L"],
  "B1 image": ["1", "1"],
  "B2 image": ["P", "P;2"],
  "B4 image": ["P", "P;4"],
  "X 24 image": ["RGB", "RGB"],
  "L 32 S image": ["I", "I;32"],
  "LA image": ["LA", "LA;L"],
  "PA image": ["LA", "PA;L"],
  "RGBA image": ["RGBA", "RGBA;L"],
  "RGBX image": ["RGB", "RGBX;L"],
  "CMYK image": ["CMYK", "CMYK;L"],
  // "L*16 image" is not here: Pillow's last loop maps every "L*<2..32> image" back to "F".
  "L 16 image": ["I;16", "I;16"],
  "L 16L image": ["I;16L", "I;16L"],
  "L*16L image": ["I;16L", "I;16L"],
  "L 16B image": ["I;16B", "I;16B"],
  "L*16B image": ["I;16B", "I;16B"],
  "L 32S image": ["I", "I;32S"],
  "L*32S image": ["I", "I;32S"],
};

/** Image types Pillow opens that are not reproduced here (float samples, YCbCr, the LabEye layouts). */
function unreproducedType(value: string): boolean {
  if (/^(RLB|RYB|RGB3|RYB3|YCC|L 32 F|L[ *](8|8S|16S|32|32F)) image$/.test(value)) return true;
  const bits = /^L\*(\d+) image$/.exec(value);
  return bits !== null && Number(bits[1]) >= 2 && Number(bits[1]) <= 32 && String(Number(bits[1])) === bits[1];
}

/** Bits per pixel of each rawmode handled here. */
const BITS: Readonly<Record<string, number>> = {
  "1": 1,
  L: 8,
  P: 8,
  "P;2": 2,
  "P;4": 4,
  "LA;L": 16,
  "PA;L": 16,
  RGB: 24,
  "RGB;L": 24,
  "RGBA;L": 32,
  "RGBX;L": 32,
  "CMYK;L": 32,
  "I;16": 16,
  "I;16L": 16,
  "I;16B": 16,
  "I;32": 32,
  "I;32S": 32,
};

const SIZE = "Image size (x*y)";
const MODE = "Image type";
const LUT = "Lut";
const TAGS = new Set(["Comment", "Date", "Digitalization equipment", "File size (no of images)", LUT, "Name", "Scale (x,y)", SIZE, MODE]);

/** The header line expression, over latin-1 text: Python's "." is anything but \n. */
const LINE = /^([A-Za-z][^:]*):[ \t]*([^\n]*)$/;
/** What Python's int() strips: str.isspace() in latin-1 (with \x1c-\x1f, \x85 and \xa0). */
const PY_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0]);

function pyStrip(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && PY_SPACE.has(s.charCodeAt(from))) from++;
  while (to > from && PY_SPACE.has(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
}

/** number(): int(s), else float(s), else ValueError; this only needs to know the integers. */
function number(s: string): number | "float" {
  const t = pyStrip(s);
  if (/^[+-]?\d+(_\d+)*$/.test(t)) return Number(t.replace(/_/g, ""));
  if (/^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*([eE][+-]?\d+(_\d+)*)?|\d+(_\d+)*\.|inf|infinity|nan)$/i.test(t)) return "float";
  throw new PillowRefuses(`IM: could not convert string to float: '${s}'`);
}

export function decodeIm(data: Uint8Array): RgbImage {
  if (!data.subarray(0, 100).includes(0x0a)) throw new PillowRefuses("IM: not an IM file");
  let mode = "L";
  let rawmode = "L";
  let size: (number | "float")[] = [512, 512];
  let lut = false;
  let tags = 0;
  let pos = 0;
  let last = -1;
  for (;;) {
    if (pos >= data.length) break;
    const c = data[pos++];
    if (c === 0x0d) continue;
    if (c === 0 || c === 0x1a) {
      last = c;
      break;
    }
    // s + readline(): up to and including the next LF.
    const lf = data.indexOf(0x0a, pos);
    const lineEnd = lf === -1 ? data.length : lf + 1;
    let s = String.fromCharCode(...data.subarray(pos - 1, Math.min(lineEnd, pos + 101)));
    if (lineEnd - (pos - 1) > 100) throw new PillowRefuses("IM: a header line is longer than 100 characters");
    pos = lineEnd;
    if (s.endsWith("\r\n")) s = s.slice(0, -2);
    else if (s.endsWith("\n")) s = s.slice(0, -1);
    const m = LINE.exec(s);
    if (!m) throw new PillowRefuses(`IM: syntax error in IM header: ${s}`);
    const [, k, v] = m;
    if (k === "File size (no of images)" || k === "Scale (x,y)" || k === SIZE) {
      const values = v.replace(/\*/g, ",").split(",").map(number);
      if (k === SIZE) size = values;
    } else if (k === MODE) {
      const open = OPEN[v];
      if (open) [mode, rawmode] = open;
      else if (unreproducedType(v)) throw new CannotReproduce(`IM "${v}"`);
      // Any other value becomes the mode as it is: a real mode name might decode (not reproduced), others cannot.
      else if (/^(1|L|P|RGB|RGBA|RGBX|RGBa|CMYK|YCbCr|LAB|HSV|I|F|LA|La|PA|I;16|I;16L|I;16B|I;16N)$/.test(v))
        throw new CannotReproduce(`IM with image type "${v}"`);
      else mode = `?${v}`;
    } else if (k === LUT) {
      lut = true;
    }
    if (TAGS.has(k)) tags++;
  }
  if (!tags) throw new PillowRefuses("IM: not an IM file");
  if (mode.startsWith("?")) throw new PillowRefuses(`IM: image type "${mode.slice(1)}"`);
  if (size.length !== 2 || typeof size[0] !== "number" || typeof size[1] !== "number")
    throw new PillowRefuses("IM: the image size is not two integers");
  const [width, height] = size;
  if (width <= 0 || height <= 0) throw new PillowRefuses(`IM: ${width}x${height} pixels`);
  // Skip forward to the 0x1A that starts the data.
  if (last === -1) throw new PillowRefuses("IM: file truncated");
  if (last === 0) {
    const sub = data.indexOf(0x1a, pos);
    if (sub === -1) throw new PillowRefuses("IM: file truncated");
    pos = sub + 1;
  }

  let palette: Uint8Array | undefined;
  if (lut) {
    const raw = data.subarray(pos, pos + 768);
    if (raw.length < 768) throw new PillowRefuses("IM: the Lut is truncated");
    pos += 768;
    let grey = true;
    for (let i = 0; i < 256; i++) if (!(raw[i] === raw[i + 256] && raw[i] === raw[i + 512])) grey = false;
    // A grey Lut is kept as `lut`, which nothing applies; any other one is a palette.
    if (!grey && ["L", "LA", "P", "PA"].includes(mode)) {
      if (mode === "L" || mode === "P") [mode, rawmode] = ["P", "P"];
      else [mode, rawmode] = ["PA", "PA;L"];
      palette = new Uint8Array(768);
      for (let i = 0; i < 256; i++) palette.set([raw[i], raw[i + 256], raw[i + 512]], i * 3);
    }
  }
  if (mode === "LA" && rawmode === "PA;L") throw new PillowRefuses("IM: a PA image without a palette (no LA unpacker for PA;L)");
  checkPixelLimit(width, height);
  return pixels(data, pos, width, height, mode, rawmode, palette);
}

/** The raw tile (rawmode, 0, -1): packed lines, bottom-up, all of which the raw decoder needs. */
function pixels(
  data: Uint8Array,
  offset: number,
  width: number,
  height: number,
  mode: string,
  rawmode: string,
  palette: Uint8Array | undefined,
): RgbImage {
  const bits = BITS[rawmode];
  const lineBytes = Math.ceil((width * bits) / 8);
  if (offset + height * lineBytes > data.length) throw new PillowRefuses("IM: image file is truncated");
  const starts = Int32Array.from({ length: height }, (_, y) => offset + (height - 1 - y) * lineBytes);
  const n = width * height;
  const grey = new Uint8Array(n);
  const rgb = (): Uint8Array => new Uint8Array(n * 3);
  switch (rawmode) {
    case "1":
    case "L":
    case "P":
    case "P;2":
    case "P;4":
      for (let y = 0; y < height; y++) unpackIndexLine(rawmode, data, starts[y], width, grey, y * width);
      break;
    case "LA;L":
    case "PA;L":
      // The first plane of each line is L (or P); the second, alpha, is dropped by convert("RGB").
      for (let y = 0; y < height; y++) grey.set(data.subarray(starts[y], starts[y] + width), y * width);
      break;
    case "RGB":
    case "RGB;L":
    case "RGBA;L":
    case "RGBX;L":
    case "CMYK;L": {
      const planar = rawmode !== "RGB";
      const bands = rawmode === "RGB" || rawmode === "RGB;L" ? 3 : 4;
      const out = new Uint8Array(n * bands);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          for (let b = 0; b < bands; b++) out[(y * width + x) * bands + b] = data[starts[y] + (planar ? b * width + x : x * bands + b)];
        }
      }
      if (rawmode === "CMYK;L") return cmykToRgb(width, height, out);
      if (bands === 3) return { width, height, data: out };
      const three = rgb();
      for (let i = 0; i < n; i++) three.set(out.subarray(i * 4, i * 4 + 3), i * 3);
      return { width, height, data: three };
    }
    default: {
      // I;16 (either order) and 32-bit I: Pillow's conversion to RGB clips at 0 and 255.
      const big = rawmode === "I;16B";
      const wide = bits === 32;
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const at = starts[y] + x * (wide ? 4 : 2);
          grey[y * width + x] = clipTo255(wide ? view.getInt32(at, true) : view.getUint16(at, !big));
        }
      }
    }
  }
  if (mode === "P" || mode === "PA") return paletteToRgb(width, height, grey, palette ?? new Uint8Array(0));
  return grayToRgb(width, height, grey);
}
