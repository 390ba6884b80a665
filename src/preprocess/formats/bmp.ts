/**
 * BMP and DIB as Pillow 10.4's BmpImagePlugin reads them, rule for rule:
 * header sizes 12, 40, 52, 56, 64, 108 and 124 (9.4 lacked 52 and 56);
 * 1/4/8-bit palettes ("1" or "L" when the palette is exactly black/white or
 * the grey ramp, even when that mode then misreads the bits), 16/24/32-bit,
 * the bitfield layouts it lists (others raise), RLE8/RLE4 through its
 * Python decoder (including its quirks: a delta reads 4 bytes, data ending
 * early fails), top-down rows, and 32-bit alpha dropped as convert("RGB") does.
 * ICO's DIB frames come through here too (decodeIconDib).
 */
import type { RgbImage } from "../resample.js";
import { PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb, paletteToRgb } from "./pixels.js";
import { rawBits, rawLines, unpackIndexLine, unpackRgbLine } from "./raw.js";

const RAW = 0;
const RLE8 = 1;
const RLE4 = 2;
const BITFIELDS = 3;

const BIT2RAWMODE: Readonly<Record<number, string>> = { 1: "P;1", 4: "P;4", 8: "P", 16: "BGR;15", 24: "BGR", 32: "BGRX" };

/** Pillow's MASK_MODES: (bits, masks) -> rawmode; any other layout raises "Unsupported BMP bitfields layout". */
const MASK_MODES: Readonly<Record<string, string>> = {
  "32:ff0000,ff00,ff,0": "BGRX",
  "32:ff000000,ff0000,ff00,0": "XBGR",
  "32:ff000000,ff00,ff,0": "BGXR",
  "32:ff000000,ff0000,ff00,ff": "ABGR",
  "32:ff,ff00,ff0000,ff000000": "RGBA",
  "32:ff0000,ff00,ff,ff000000": "BGRA",
  "32:ff000000,ff00,ff,ff0000": "BGAR",
  "32:0,0,0,0": "BGRA",
  "24:ff0000,ff00,ff": "BGR",
  "16:f800,7e0,1f": "BGR;16",
  "16:7c00,3e0,1f": "BGR;15",
};

class Reader {
  pos: number;
  constructor(
    readonly data: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }
  /** Python's fp.read(n): at most n bytes, fewer at the end of the file. */
  read(n: number): Uint8Array {
    const out = this.data.subarray(this.pos, Math.min(this.pos + n, this.data.length));
    this.pos += out.length;
    return out;
  }
  u32(): number {
    const b = this.read(4);
    if (b.length < 4) throw new PillowRefuses("BMP: the header is truncated");
    return u32(b, 0);
  }
}

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** `dib`: a bare DIB (Pillow's "DIB" format, header at byte 0); otherwise a BMP file ("BM" + 14-byte file header). */
export function decodeBmp(data: Uint8Array, dib: boolean): RgbImage {
  return bitmap(data, dib, 0, false).image;
}

/**
 * An ICO frame's DIB, as IcoFile.frame reads it: DibImageFile at `start`
 * (the file's absolute positions, as its fp has them), then only the top
 * half of the height the header gives (the rest is the AND mask), as
 * `im._size = (w, int(h / 2))` does. `pixels` is where the XOR rows start.
 */
export function decodeIconDib(data: Uint8Array, start: number): { image: RgbImage; pixels: number } {
  return bitmap(data, true, start, true);
}

function bitmap(data: Uint8Array, dib: boolean, at: number, icon: boolean): { image: RgbImage; pixels: number } {
  const fp = new Reader(data, at);
  let offset = 0;
  if (!dib) {
    const head = fp.read(14);
    if (head.length < 14) throw new PillowRefuses("BMP: the file header is truncated");
    offset = u32(head, 10);
  }
  const headerSize = fp.u32();
  if (headerSize - 4 > 0 && fp.pos + headerSize - 4 > data.length) throw new PillowRefuses("BMP: the info header is truncated");
  const h = fp.read(Math.max(0, headerSize - 4));
  let width: number;
  let height: number;
  let bits: number;
  let compression = RAW;
  let colors = 0;
  let paletteSize = 4;
  let direction: 1 | -1 = -1;
  let rgbaMask: number[] = [];
  if (headerSize === 12) {
    width = u16(h, 0);
    height = u16(h, 2);
    bits = u16(h, 6);
    paletteSize = 3;
  } else if ([40, 52, 56, 64, 108, 124].includes(headerSize)) {
    const yFlip = h[7] === 0xff;
    direction = yFlip ? 1 : -1;
    width = u32(h, 0);
    height = yFlip ? 2 ** 32 - u32(h, 4) : u32(h, 4);
    bits = u16(h, 10);
    compression = u32(h, 12);
    colors = u32(h, 28);
    if (compression === BITFIELDS) {
      if (h.length >= 48) {
        rgbaMask = [u32(h, 36), u32(h, 40), u32(h, 44), h.length >= 52 ? u32(h, 48) : 0];
      } else {
        // A 40-byte header keeps its three masks after it; the fourth RGBQUAD byte is not alpha.
        rgbaMask = [fp.u32(), fp.u32(), fp.u32(), 0];
      }
    }
  } else {
    throw new PillowRefuses(`BMP: unsupported header type (${headerSize})`);
  }
  const what = dib ? "DIB" : "BMP";
  checkPixelLimit(width, height);
  if (width <= 0 || height <= 0) throw new PillowRefuses(`${what}: ${width}x${height} pixels`);
  if (icon) {
    height = Math.floor(height / 2);
    // A frame 0 rows high: IcoImageFile's size check raises SyntaxError, and no later plugin takes the ICO magic.
    if (height === 0) throw new PillowRefuses("ICO: a frame less than 2 rows high");
  }

  if (!colors) colors = 2 ** bits;
  if (offset === 14 + headerSize && bits <= 8) offset += 4 * colors;
  let rawmode = BIT2RAWMODE[bits];
  if (rawmode === undefined) throw new PillowRefuses(`${what}: unsupported pixel depth (${bits})`);
  let rle = false;
  if (compression === BITFIELDS) {
    const key = (masks: number[]): string => `${bits}:${masks.map((m) => m.toString(16)).join(",")}`;
    const found = bits === 32 ? MASK_MODES[key(rgbaMask)] : bits === 24 || bits === 16 ? MASK_MODES[key(rgbaMask.slice(0, 3))] : undefined;
    if (found === undefined) throw new PillowRefuses(`${what}: unsupported bitfields layout`);
    rawmode = found;
  } else if (compression === RLE8 || compression === RLE4) {
    rle = true;
  } else if (compression !== RAW) {
    throw new PillowRefuses(
      `${what}: unsupported compression (${compression}${compression === 4 ? ", JPEG" : compression === 5 ? ", PNG" : ""})`,
    );
  }

  let mode = bits <= 8 ? "P" : "RGB";
  let palette: Uint8Array | undefined;
  if (mode === "P") {
    if (!(colors > 0 && colors <= 65536)) throw new PillowRefuses(`${what}: unsupported palette size (${colors})`);
    const raw = fp.read(paletteSize * colors);
    const indices = colors === 2 ? [0, 255] : Array.from({ length: colors }, (_, i) => i);
    const grayscale = indices.every((val, ind) => {
      const at = ind * paletteSize;
      return at + 3 <= raw.length && raw[at] === (val & 255) && raw[at + 1] === (val & 255) && raw[at + 2] === (val & 255);
    });
    if (grayscale) {
      // Pillow then reads the pixels with rawmode "1" or "L" whatever the bit depth.
      mode = colors === 2 ? "1" : "L";
      rawmode = mode;
    } else {
      // putpalette unpacks whole entries and refuses more than 256 of them ("invalid palette size").
      const entries = Math.floor((raw.length * 8) / (paletteSize * 8));
      if (entries > 256) throw new PillowRefuses(`${what}: a palette of ${entries} colours`);
      palette = new Uint8Array(entries * 3);
      for (let i = 0; i < entries; i++) {
        palette[i * 3] = raw[i * paletteSize + 2];
        palette[i * 3 + 1] = raw[i * paletteSize + 1];
        palette[i * 3 + 2] = raw[i * paletteSize];
      }
    }
  }
  const start = offset || fp.pos;

  if (rle) {
    if (mode !== "P" && mode !== "L") throw new PillowRefuses(`${what}: RLE data for a ${mode} image`);
    const indices = decodeRle(data, start, width, height, compression === RLE4, direction);
    return { image: palette ? paletteToRgb(width, height, indices, palette) : grayToRgb(width, height, indices), pixels: start };
  }

  const stride = ((width * bits + 31) >> 3) & ~3;
  const { starts } = rawLines(what, data, start, width, height, rawmode, stride, direction);
  if (mode === "RGB") {
    const out = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) unpackRgbLine(rawmode, data, starts[y], width, out, y * width * 3);
    return { image: { width, height, data: out }, pixels: start };
  }
  rawBits(rawmode);
  const indices = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) unpackIndexLine(rawmode, data, starts[y], width, indices, y * width);
  return { image: palette ? paletteToRgb(width, height, indices, palette) : grayToRgb(width, height, indices), pixels: start };
}

/** BmpRleDecoder.decode, then set_as_raw(data, (rawmode, 0, direction)): one index byte per pixel. */
function decodeRle(file: Uint8Array, start: number, width: number, height: number, rle4: boolean, direction: 1 | -1): Uint8Array {
  const dest = width * height;
  // Grows like Python's bytearray; an absolute run may overshoot the image, which set_as_raw ignores.
  let data = new Uint8Array(dest + 512);
  let length = 0;
  const push = (value: number, count: number): void => {
    if (length + count > data.length) {
      const bigger = new Uint8Array(Math.max(data.length * 2, length + count));
      bigger.set(data.subarray(0, length));
      data = bigger;
    }
    data.fill(value, length, length + count);
    length += count;
  };
  let pos = start;
  let x = 0;
  while (length < dest) {
    if (pos + 2 > file.length) break;
    let count = file[pos];
    const byte = file[pos + 1];
    pos += 2;
    if (count) {
      if (x + count > width) count = Math.max(0, width - x);
      if (rle4) {
        for (let i = 0; i < count; i++) push(i % 2 === 0 ? byte >> 4 : byte & 0x0f, 1);
      } else {
        push(byte, count);
      }
      x += count;
    } else if (byte === 0) {
      // End of line: pad to the row's end.
      if (length % width !== 0) push(0, width - (length % width));
      x = 0;
    } else if (byte === 1) {
      break;
    } else if (byte === 2) {
      // Pillow reads two bytes, ignores them, and takes right/up from the next two.
      if (pos + 2 > file.length) break;
      pos += 2;
      if (pos + 2 > file.length) throw new PillowRefuses("BMP: RLE delta past the end of the file");
      const right = file[pos];
      const up = file[pos + 1];
      pos += 2;
      push(0, right + up * width);
      x = length % width;
    } else {
      const byteCount = rle4 ? byte >> 1 : byte;
      const got = Math.min(byteCount, file.length - pos);
      for (let i = 0; i < got; i++) {
        const v = file[pos + i];
        if (rle4) {
          push(v >> 4, 1);
          push(v & 0x0f, 1);
        } else {
          push(v, 1);
        }
      }
      pos += got;
      if (got < byteCount) break;
      x += byte;
      // Word alignment is on the absolute file position.
      if (pos % 2 !== 0) pos += 1;
    }
  }
  if (length < dest) throw new PillowRefuses("BMP: the RLE data ends before the last pixel (not enough image data)");
  const out = new Uint8Array(dest);
  for (let row = 0; row < height; row++) {
    const y = direction === 1 ? row : height - 1 - row;
    out.set(data.subarray(row * width, row * width + width), y * width);
  }
  return out;
}
