/**
 * The first frame of a GIF as Pillow 10.4 gives it (GifImagePlugin with the
 * default RGB_AFTER_FIRST strategy): mode "P" with the local palette, else
 * the global one, or "L" when that palette is the identity grey ramp (or
 * there is none). The canvas is the logical screen, grown to hold the frame;
 * outside the frame it is filled with the frame's transparent index if it
 * has one, else index 0. Inside, every index is written, the transparent
 * one included, and convert("RGB") maps them through the palette (entries
 * past a short palette are black in 10.4). Background colour and disposal
 * only matter from frame 1 on.
 *
 * The LZW decoder is libImaging/GifDecode.c step for step, since its
 * treatment of odd streams is what validators see: an end code does not stop
 * it (it reads on until the frame is full), and a stream that ends first is
 * "image file is truncated".
 */
import type { RgbImage } from "../resample.js";
import { PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb, paletteToRgb } from "./pixels.js";

const GIFBITS = 12;
const GIFTABLE = 1 << GIFBITS;

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);

/** The palette, or undefined where Pillow finds it "not needed" (entry i is (i, i, i) throughout). */
function neededPalette(p: Uint8Array): Uint8Array | undefined {
  for (let i = 0; i + 2 < p.length; i += 3) {
    if (!(i / 3 === p[i] && p[i] === p[i + 1] && p[i] === p[i + 2])) return p;
  }
  // Pillow's loop also reads a trailing partial entry, which a short read can leave; it raises IndexError then.
  if (p.length % 3 !== 0) throw new PillowRefuses("GIF: the palette is truncated");
  return undefined;
}

export function decodeGif(data: Uint8Array): RgbImage {
  if (data.length < 13) throw new PillowRefuses("GIF: the header is truncated");
  let width = u16(data, 6);
  let height = u16(data, 8);
  const flags = data[10];
  let pos = 13;
  let globalPalette: Uint8Array | undefined;
  if (flags & 128) {
    const size = 3 << ((flags & 7) + 1);
    globalPalette = neededPalette(data.subarray(pos, Math.min(pos + size, data.length)));
    pos += size;
  }

  const byte = (): number | undefined => (pos < data.length ? data[pos++] : undefined);
  /** GifImageFile.data(): one sub-block, or undefined at a terminator or the end of the file. */
  const subBlock = (): Uint8Array | undefined => {
    const n = byte();
    if (!n) return undefined;
    const block = data.subarray(pos, Math.min(pos + n, data.length));
    pos += n;
    return block;
  };

  let s = byte();
  if (s === undefined || s === 0x3b) throw new PillowRefuses("GIF: no image in the file");
  let transparency: number | undefined;
  let frame:
    | { x0: number; y0: number; x1: number; y1: number; interlace: boolean; bits: number; palette: Uint8Array | false | undefined }
    | undefined;
  for (;;) {
    if (s === undefined) s = byte();
    if (s === undefined || s === 0x3b) break;
    if (s === 0x21) {
      const label = byte();
      let block = subBlock();
      if (label === 249 && block !== undefined) {
        // Pillow reads the delay (bytes 1-2) always and the index (byte 3) when flagged: a short block raises.
        if (block.length < 3 || (block.length < 4 && block[0] & 1)) throw new PillowRefuses("GIF: graphic control extension is truncated");
        if (block[0] & 1) transparency = block[3];
      } else if (label === 254) {
        while (block) block = subBlock();
        s = undefined;
        continue;
      } else if (label === 255 && block !== undefined && String.fromCharCode(...block.subarray(0, 11)) === "NETSCAPE2.0") {
        subBlock();
      }
      while (subBlock());
    } else if (s === 0x2c) {
      if (pos + 9 > data.length) throw new PillowRefuses("GIF: the image descriptor is truncated");
      const x0 = u16(data, pos);
      const y0 = u16(data, pos + 2);
      const x1 = x0 + u16(data, pos + 4);
      const y1 = y0 + u16(data, pos + 6);
      const f = data[pos + 8];
      pos += 9;
      if (x1 > width || y1 > height) {
        width = Math.max(x1, width);
        height = Math.max(y1, height);
        checkPixelLimit(width, height);
      }
      let palette: Uint8Array | false | undefined;
      if (f & 128) {
        const size = 3 << ((f & 7) + 1);
        palette = neededPalette(data.subarray(pos, Math.min(pos + size, data.length))) ?? false;
        pos += size;
      }
      const bits = byte();
      if (bits === undefined) throw new PillowRefuses("GIF: the image data is missing");
      frame = { x0, y0, x1, y1, interlace: (f & 64) !== 0, bits, palette };
      break;
    }
    s = undefined;
  }
  if (!frame) throw new PillowRefuses("GIF: image not found in the first frame");
  checkPixelLimit(width, height);
  const palette = frame.palette === undefined ? globalPalette : frame.palette || undefined;
  const canvas = new Uint8Array(width * height);
  if (transparency !== undefined) canvas.fill(transparency);
  lzw(data, pos, frame.bits, frame.interlace, canvas, width, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
  return palette ? paletteToRgb(width, height, canvas, palette) : grayToRgb(width, height, canvas);
}

/** ImagingGifDecode over everything from `pos` to the end of the file, writing indices into `canvas`. */
function lzw(
  data: Uint8Array,
  pos: number,
  bits: number,
  interlaced: boolean,
  canvas: Uint8Array,
  stride: number,
  xoff: number,
  yoff: number,
  xsize: number,
  ysize: number,
): void {
  if (xsize <= 0 || ysize <= 0) throw new PillowRefuses("GIF: the first frame is empty (tile cannot extend outside image)");
  if (bits > 12) throw new PillowRefuses(`GIF: LZW code size ${bits} (decoder configuration error)`);
  const clear = 1 << bits;
  const end = clear + 1;
  let interlace = interlaced ? 1 : 0;
  let step = interlaced ? 8 : 1;
  const link = new Uint16Array(GIFTABLE);
  const table = new Uint8Array(GIFTABLE);
  const buffer = new Uint8Array(GIFTABLE);
  let state = 1;
  let next = 0;
  let codesize = 0;
  let codemask = 0;
  let bitbuffer = 0;
  let bitcount = 0;
  let blocksize = 0;
  let lastcode = 0;
  let lastdata = 0;
  let x = 0;
  let y = 0;
  /** NEWLINE: false once the last line is done (the decoder returns -1). */
  const newline = (): boolean => {
    x = 0;
    y += step;
    while (y >= ysize) {
      if (interlace === 1) {
        y = 4;
        interlace = 2;
      } else if (interlace === 2) {
        step = 4;
        y = 2;
        interlace = 3;
      } else if (interlace === 3) {
        step = 2;
        y = 1;
        interlace = 0;
      } else {
        return false;
      }
    }
    return true;
  };
  const broken = (why: string): PillowRefuses => new PillowRefuses(`GIF: broken LZW data (${why})`);
  for (;;) {
    if (state === 1) {
      next = clear + 2;
      codesize = bits + 1;
      codemask = (1 << codesize) - 1;
      state = 2;
    }
    while (bitcount < codesize) {
      if (blocksize > 0) {
        bitbuffer |= data[pos++] << bitcount;
        bitcount += 8;
        blocksize--;
      } else {
        // A new sub-block is only started when all of it is there.
        if (pos >= data.length || pos + data[pos] + 1 > data.length) throw new PillowRefuses("GIF: image file is truncated");
        blocksize = data[pos++];
      }
    }
    let c = bitbuffer & codemask;
    bitbuffer >>>= codesize;
    bitcount -= codesize;
    if (c === clear) {
      if (state !== 2) state = 1;
      continue;
    }
    // The end code does not stop Pillow's decoder: it goes on reading codes until the frame is full.
    if (c === end) continue;
    let from: number;
    let length: number;
    if (state === 2) {
      if (c > clear) throw broken("first code after a clear");
      lastdata = lastcode = c;
      state = 3;
      buffer[GIFTABLE - 1] = c;
      from = GIFTABLE - 1;
      length = 1;
    } else {
      const thiscode = c;
      let index = GIFTABLE;
      if (c > next) throw broken("code past the table");
      if (c === next) {
        buffer[--index] = lastdata;
        c = lastcode;
      }
      while (c >= clear) {
        if (index <= 0 || c >= GIFTABLE) throw broken("string too long");
        buffer[--index] = table[c];
        c = link[c];
      }
      lastdata = c;
      // The first byte of the string (the decoder emits it on its own, then the rest from the buffer).
      buffer[--index] = c;
      if (next < GIFTABLE) {
        table[next] = c;
        link[next] = lastcode;
        if (next === codemask && codesize < GIFBITS) {
          codesize++;
          codemask = (1 << codesize) - 1;
        }
        next++;
      }
      lastcode = thiscode;
      from = index;
      length = GIFTABLE - index;
    }
    for (let i = 0; i < length; i++) {
      canvas[(y + yoff) * stride + xoff + x] = buffer[from + i];
      if (++x >= xsize && !newline()) return;
    }
  }
}
