/**
 * PCX as Pillow 10.4's PcxImagePlugin reads it, and DCX (DcxImagePlugin:
 * a directory of PCX pages, of which Image.open shows page 0). Modes: "1"
 * (1 bit, 1 plane), "P" from bit planes (1 bit, 2 or 4 planes, the header's
 * 16-colour palette), "L" or "P" at 8 bits (a palette trailer that is not the
 * grey ramp makes it "P") and "RGB" (8 bits, 3 planes). ImagingPcxDecode is
 * followed byte for byte, quirks included: the line stride is Pillow's own
 * guess, not the header's; planes are found where the unpacker expects them
 * ((width + 7) / 8 apart for bit planes, width apart after its memmove for
 * RGB), which scrambles some narrow images just as Pillow does; a run
 * crossing the end of a line is an error; and the data is read to the end
 * of the file, palette trailer included, until the last line is done.
 */
import type { RgbImage } from "../resample.js";
import { CannotReproduce, PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb, paletteToRgb } from "./pixels.js";
import { unpackIndexLine } from "./raw.js";
import { tgaHeader } from "./tga.js";

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** Bits per pixel of each rawmode, as Unpack.c registers them (the decoder's `state->bits`). */
const BITS: Readonly<Record<string, number>> = { "1": 1, "P;2L": 2, "P;4L": 4, L: 8, P: 8, "RGB;L": 24 };

export function decodePcx(data: Uint8Array): RgbImage {
  return pcxPage(data, 0, "PCX");
}

/** DcxImageFile._open: the directory (up to 1024 offsets, ended by 0) must be readable; then page 0 as PCX. */
export function decodeDcx(data: Uint8Array): RgbImage {
  const offsets: number[] = [];
  for (let i = 0; i < 1024; i++) {
    const at = 4 + 4 * i;
    // i32 of a short read is a struct.error (SyntaxError); no later plugin takes the DCX magic.
    if (at + 4 > data.length) throw new PillowRefuses("DCX: the page directory is truncated");
    const offset = u32(data, at);
    if (!offset) break;
    offsets.push(offset);
  }
  if (offsets.length === 0) throw new PillowRefuses("DCX: no pages (attempt to seek outside sequence)");
  return pcxPage(data, offsets[0], "DCX");
}

/** PcxImageFile._open with its header at `start`, then its tile. */
function pcxPage(data: Uint8Array, start: number, what: "PCX" | "DCX"): RgbImage {
  const s = data.subarray(start, start + 128);
  // What _open raises as SyntaxError (or IndexError/struct.error) sends Pillow on to other plugins.
  const notThis = (why: string): Error =>
    // For a bare PCX only TGA could take the file next (version 0 makes its colour-map type 0).
    what === "PCX" && tgaHeader(data)
      ? new CannotReproduce(`PCX that Pillow's PCX plugin rejects (${why}) and then tries as TGA`)
      : new PillowRefuses(`${what}: ${why}`);
  if (!(s[0] === 10 && [0, 2, 3, 5].includes(s[1]))) throw notThis("not a PCX file");
  if (s.length < 68) throw notThis("the header is truncated");
  const width = u16(s, 8) + 1 - u16(s, 4);
  const height = u16(s, 10) + 1 - u16(s, 6);
  if (width <= 0 || height <= 0) throw notThis("bad PCX image size");
  const version = s[1];
  const bits = s[3];
  const planes = s[65];
  const providedStride = u16(s, 66);
  // fp.tell() after read(128): the tile starts there, unless the 8-bit branch seeks back to byte 128 of the file.
  let offset = start + s.length;
  let mode: "1" | "P" | "L" | "RGB";
  let rawmode: string;
  let palette: Uint8Array | undefined;
  if (bits === 1 && planes === 1) {
    mode = "1";
    rawmode = "1";
  } else if (bits === 1 && (planes === 2 || planes === 4)) {
    mode = "P";
    rawmode = `P;${planes}L`;
    palette = s.subarray(16, 64);
  } else if (version === 5 && bits === 8 && planes === 1) {
    mode = "L";
    rawmode = "L";
    // fp.seek(-769, SEEK_END) on a shorter file is an OSError (Invalid argument): Pillow refuses it.
    if (data.length < 769) throw new PillowRefuses(`${what}: an 8-bit image in a file shorter than its 769-byte palette trailer`);
    const trailer = data.subarray(data.length - 769);
    if (trailer[0] === 12) {
      for (let i = 0; i < 256; i++) {
        if (trailer[i * 3 + 1] !== i || trailer[i * 3 + 2] !== i || trailer[i * 3 + 3] !== i) {
          mode = "P";
          rawmode = "P";
          palette = trailer.subarray(1);
          break;
        }
      }
    }
    // fp.seek(128): absolute, so a DCX page's pixels are read from byte 128 of the DCX file.
    offset = 128;
  } else if (version === 5 && bits === 8 && planes === 3) {
    mode = "RGB";
    rawmode = "RGB;L";
  } else {
    throw new PillowRefuses(`${what}: unknown PCX mode (version ${version}, ${bits} bits, ${planes} planes)`);
  }
  checkPixelLimit(width, height);

  // "Don't trust the passed in stride": Pillow's own, made even only when the header's differs.
  let stride = Math.floor((width * bits + 7) / 8);
  if (providedStride !== stride) stride += stride % 2;
  const lineBytes = planes * stride;
  if (Math.floor((width * BITS[rawmode] + 7) / 8) > lineBytes)
    throw new PillowRefuses(`${what}: lines shorter than the pixels (buffer overrun)`);

  const lines = decodeLines(data, offset, width, height, lineBytes, what);
  const out = new Uint8Array(width * height * (mode === "RGB" ? 3 : 1));
  for (let y = 0; y < height; y++) unpackLine(rawmode, lines.subarray(y * lineBytes, (y + 1) * lineBytes), width, out, y);
  if (mode === "RGB") return { width, height, data: out };
  return palette ? paletteToRgb(width, height, out, palette) : grayToRgb(width, height, out);
}

/** ImagingPcxDecode over the rest of the file: each line as the decoder's buffer holds it when it calls the unpacker. */
function decodeLines(data: Uint8Array, pos: number, width: number, height: number, lineBytes: number, what: string): Uint8Array {
  const out = new Uint8Array(lineBytes * height);
  const buffer = new Uint8Array(lineBytes);
  let x = 0;
  let y = 0;
  let overrun = false;
  for (;;) {
    if (pos >= data.length) throw new PillowRefuses(`${what}: image file is truncated`);
    if ((data[pos] & 0xc0) === 0xc0) {
      if (pos + 1 >= data.length) throw new PillowRefuses(`${what}: image file is truncated`);
      for (let n = data[pos] & 0x3f; n > 0; n--) {
        // The decoder notes IMAGING_CODEC_OVERRUN and goes on; ImageFile.load raises it once the image is done.
        if (x >= lineBytes) {
          overrun = true;
          break;
        }
        buffer[x++] = data[pos + 1];
      }
      pos += 2;
    } else {
      buffer[x++] = data[pos++];
    }
    if (x >= lineBytes) {
      if (lineBytes % width && lineBytes > width) {
        // Pillow's memmove of padded planes, "skipping first band", with its own idea of how many bands there are.
        const bands = Math.floor(lineBytes / width);
        const bandStride = Math.floor(lineBytes / bands);
        for (let i = 1; i < bands; i++) buffer.copyWithin(i * width, i * bandStride, i * bandStride + width);
      }
      out.set(buffer, y * lineBytes);
      x = 0;
      if (++y >= height) break;
    }
  }
  if (overrun) throw new PillowRefuses(`${what}: a run crosses the end of a line (buffer overrun)`);
  return out;
}

/** The unpackers: "1", "L"/"P" as bytes; "P;2L"/"P;4L" bit planes (width + 7) / 8 apart; "RGB;L" byte planes width apart. */
function unpackLine(rawmode: string, line: Uint8Array, width: number, out: Uint8Array, y: number): void {
  if (rawmode === "RGB;L") {
    for (let x = 0, o = y * width * 3; x < width; x++, o += 3) {
      out[o] = line[x];
      out[o + 1] = line[x + width];
      out[o + 2] = line[x + 2 * width];
    }
  } else if (rawmode === "P;2L" || rawmode === "P;4L") {
    const planes = rawmode === "P;2L" ? 2 : 4;
    const s = (width + 7) >> 3;
    for (let x = 0; x < width; x++) {
      const m = 128 >> (x & 7);
      let v = 0;
      for (let p = 0; p < planes; p++) if (line[(x >> 3) + p * s] & m) v |= 1 << p;
      out[y * width + x] = v;
    }
  } else {
    unpackIndexLine(rawmode, line, 0, width, out, y * width);
  }
}
