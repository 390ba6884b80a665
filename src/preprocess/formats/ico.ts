/**
 * ICO as Pillow 10.4's IcoImagePlugin opens it: the directory's entries
 * sorted by colour depth, then (stably) by area, largest first, so the frame
 * shown is the largest one with the lowest depth. A frame is either a PNG
 * (handed back for decode.ts to give to sharp, like any PNG) or a DIB read by
 * bmp.ts with only the top half of its height. Pillow then adds the AND mask
 * (or, at 32 bits, the fourth byte of each pixel) as alpha, which
 * convert("RGB") drops again; only reading the mask can fail, and that is
 * checked as Pillow's frombuffer checks it.
 *
 * Whatever makes Pillow's ICO plugin raise makes Image.open fail: the
 * plugins after it reject the ICO magic (TGA would read it as a colour-mapped
 * image without a colour map, which it cannot decode).
 */
import type { RgbImage } from "../resample.js";
import { decodeIconDib } from "./bmp.js";
import { PillowRefuses } from "./errors.js";

export type IcoFrame = RgbImage | { readonly png: Uint8Array };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

interface Entry {
  readonly depth: number;
  readonly square: number;
  readonly bpp: number;
  readonly size: number;
  readonly offset: number;
}

/** ceil(log(n, 2)) for n in 1..255 (math.log is exact enough there that this is the same integer). */
const ceilLog2 = (n: number): number => (n <= 1 ? 0 : 32 - Math.clz32(n - 1));

export function decodeIco(data: Uint8Array): IcoFrame {
  const count = u16(data, 4);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    if (at + 16 > data.length) throw new PillowRefuses("ICO: the directory is truncated");
    const width = data[at] || 256;
    const height = data[at + 1] || 256;
    const colours = data[at + 2];
    const bpp = u16(data, at + 6);
    // color_depth = bpp or (nb_color != 0 and ceil(log(nb_color, 2))) or 256
    entries.push({
      depth: bpp || ceilLog2(colours) || 256,
      square: width * height,
      bpp,
      size: u32(data, at + 8),
      offset: u32(data, at + 12),
    });
  }
  if (entries.length === 0) throw new PillowRefuses("ICO: no images in the directory");
  // Python's sorts are stable, and so is Array.prototype.sort: by depth, then by area descending.
  entries.sort((a, b) => a.depth - b.depth);
  entries.sort((a, b) => b.square - a.square);
  const entry = entries[0];

  const at = entry.offset;
  // The frame is parsed from the ICO's own file object: everything from its offset to the end of the file.
  if (PNG_MAGIC.every((v, i) => data[at + i] === v)) return { png: data.subarray(at) };

  const { image, pixels } = decodeIconDib(data, at);
  const { width: w, height: h } = image;
  if (entry.bpp === 32) {
    // The alpha bytes: read(w * h * 4)[3::4] from the pixels, then frombuffer("L") needs w * h of them.
    if (Math.max(0, data.length - pixels) < w * h * 4)
      throw new PillowRefuses("ICO: the 32-bit frame is truncated (buffer is not large enough)");
  } else {
    // The AND mask: rows padded to 32 bits, read from the end of the entry's data.
    const maskStride = Math.ceil(w / 32) * 4;
    const total = maskStride * h;
    const maskAt = entry.offset + entry.size - total;
    if (maskAt < 0) throw new PillowRefuses("ICO: the AND mask starts before the file (negative seek value)");
    const got = Math.max(0, Math.min(total, data.length - maskAt));
    // The raw decoder needs every line, the last one without its padding.
    if (got < (h - 1) * maskStride + Math.ceil(w / 8)) throw new PillowRefuses("ICO: the AND mask is truncated (not enough image data)");
  }
  return image;
}
