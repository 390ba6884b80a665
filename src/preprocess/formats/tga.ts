/**
 * Targa as Pillow 10.4's TgaImagePlugin reads it. TGA has no magic number:
 * Pillow tries it on any file the plugins before it turned down, and
 * accepts it when the header is plausible (`tgaHeader`). Grey 1/8-bit, grey
 * + alpha 16-bit, colour-mapped 8-bit (15/16, 24 or 32-bit maps), true
 * colour 16/24/32-bit, uncompressed or RLE (ImagingTgaRleDecode: a repeat
 * packet crossing a scanline is an error, a literal one is not), bottom-up
 * or top-down, mirrored when the descriptor says right-to-left.
 */
import type { RgbImage } from "../resample.js";
import { CannotReproduce, PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb, paletteToRgb } from "./pixels.js";
import { rawBits, rawLines, unpackIndexLine, unpackRgbLine } from "./raw.js";

/** (imagetype & 7, depth) -> rawmode, Pillow's MODES. */
const MODES: Readonly<Record<string, string>> = {
  "1,8": "P",
  "3,1": "1",
  "3,8": "L",
  "3,16": "LA",
  "2,16": "BGRA;15Z",
  "2,24": "BGR",
  "2,32": "BGRA",
};

export interface TgaHeader {
  idLength: number;
  colorMapType: number;
  imageType: number;
  width: number;
  height: number;
  depth: number;
  flags: number;
}

/** The header if TgaImageFile._open would get past its checks (it raises SyntaxError, so Pillow tries the next plugin). */
export function tgaHeader(data: Uint8Array): TgaHeader | undefined {
  if (data.length < 18) return undefined;
  const header = {
    idLength: data[0],
    colorMapType: data[1],
    imageType: data[2],
    width: data[12] | (data[13] << 8),
    height: data[14] | (data[15] << 8),
    depth: data[16],
    flags: data[17],
  };
  if (header.colorMapType > 1 || header.width === 0 || header.height === 0 || ![1, 8, 16, 24, 32].includes(header.depth)) return undefined;
  if (![1, 2, 3, 9, 10, 11].includes(header.imageType)) return undefined;
  if (header.colorMapType && ![16, 24, 32].includes(data[7])) return undefined;
  return header;
}

export function decodeTga(data: Uint8Array, h: TgaHeader): RgbImage {
  const { width, height, depth, imageType } = h;
  checkPixelLimit(width, height);
  const kind = imageType & 7;
  const mode =
    kind === 3
      ? depth === 1
        ? "1"
        : depth === 16
          ? "LA"
          : "L"
      : kind === 1
        ? h.colorMapType
          ? "P"
          : "L"
        : depth === 24
          ? "RGB"
          : "RGBA";
  if (mode === "L" && kind === 1) throw new PillowRefuses("TGA: colour-mapped pixels without a colour map (no L/P unpacker)");
  if (h.colorMapType && mode !== "P") throw new CannotReproduce(`TGA ${mode} with a colour map`);
  const ystep = h.flags & 0x20 ? 1 : -1;
  const mirror = (h.flags & 0x10) !== 0;
  let pos = 18 + h.idLength;

  let palette: Uint8Array | undefined;
  if (h.colorMapType) {
    const start = data[3] | (data[4] << 8);
    const size = data[5] | (data[6] << 8);
    const mapDepth = data[7];
    const entryBytes = mapDepth === 16 ? 2 : mapDepth / 8;
    const raw = new Uint8Array(entryBytes * start + entryBytes * size);
    const got = data.subarray(pos, Math.min(pos + entryBytes * size, data.length));
    raw.set(got, entryBytes * start);
    pos += got.length;
    const entries = Math.floor(((entryBytes * start + got.length) * 8) / (entryBytes * 8));
    if (entries > 256) throw new PillowRefuses(`TGA: a colour map of ${entries} entries`);
    palette = new Uint8Array(entries * 3);
    const rawmode = mapDepth === 16 ? "BGRA;15Z" : mapDepth === 24 ? "BGR" : "BGRA";
    unpackRgbLine(rawmode, raw, 0, entries, palette, 0);
  }

  const rawmode = MODES[`${kind},${depth}`];
  if (rawmode === undefined) throw new PillowRefuses(`TGA: no decoder for image type ${imageType} at ${depth} bits`);
  const colour = mode === "RGB" || mode === "RGBA";
  const lineBytes = Math.ceil((width * rawBits(rawmode)) / 8);
  // One unpacked line per row, in file order; row r lands on image row rows[r].
  const lines = imageType & 8 ? rleLines(data, pos, lineBytes, height, depth) : undefined;
  const raw = lines ? undefined : rawLines("TGA", data, pos, width, height, rawmode, 0, ystep);
  const out = new Uint8Array(width * height * (colour ? 3 : 1));
  for (let r = 0; r < height; r++) {
    const y = lines ? (ystep === 1 ? r : height - 1 - r) : r;
    const [src, at] = lines ? [lines, r * lineBytes] : [data, raw!.starts[r]];
    if (colour) unpackRgbLine(rawmode, src, at, width, out, y * width * 3);
    else if (rawmode === "LA") for (let x = 0; x < width; x++) out[y * width + x] = src[at + 2 * x];
    else unpackIndexLine(rawmode, src, at, width, out, y * width);
  }
  let image = colour ? { width, height, data: out } : palette ? paletteToRgb(width, height, out, palette) : grayToRgb(width, height, out);
  if (mirror) image = mirrorRows(image);
  return image;
}

/** ImagingTgaRleDecode: the image's lines in file order, `lineBytes` each. */
function rleLines(data: Uint8Array, pos: number, lineBytes: number, height: number, depthBits: number): Uint8Array {
  const depth = depthBits >> 3;
  if (depth === 0) throw new PillowRefuses("TGA: RLE at 1 bit per pixel never ends");
  const out = new Uint8Array(lineBytes * height);
  let x = 0;
  let row = 0;
  while (row < height) {
    if (pos >= data.length) throw new PillowRefuses("TGA: image file is truncated");
    const n = depth * ((data[pos] & 0x7f) + 1);
    if (data[pos] & 0x80) {
      if (pos + 1 + depth > data.length) throw new PillowRefuses("TGA: image file is truncated");
      if (x + n > lineBytes) throw new PillowRefuses("TGA: an RLE repeat packet crosses a scanline (decoder overrun)");
      for (let i = 0; i < n; i += depth) out.set(data.subarray(pos + 1, pos + 1 + depth), row * lineBytes + x + i);
      pos += 1 + depth;
      x += n;
    } else {
      if (pos + 1 + n > data.length) throw new PillowRefuses("TGA: image file is truncated");
      // A literal packet may run on into the next lines.
      let from = pos + 1;
      let left = n;
      pos += 1 + n;
      while (left > 0 && row < height) {
        const take = Math.min(left, lineBytes - x);
        out.set(data.subarray(from, from + take), row * lineBytes + x);
        from += take;
        left -= take;
        x += take;
        if (x >= lineBytes) {
          x = 0;
          row++;
        }
      }
      continue;
    }
    if (x >= lineBytes) {
      x = 0;
      row++;
    }
  }
  return out;
}

function mirrorRows(image: RgbImage): RgbImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out.set(data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3), (y * width + width - 1 - x) * 3);
  }
  return { width, height, data: out };
}
