/**
 * X11 bitmaps as Pillow 10.4's XbmImagePlugin reads them: its header
 * expression over the first 512 bytes (width and height defines, an optional
 * hotspot, then anything up to the last "_bits[]" there), then
 * ImagingXbmDecode from the end of that match: every 'x' starts a byte made
 * of the next two characters (a character that is not a hex digit counts as
 * 0), least significant bit first, 1 = white. Data ending before the last
 * line is "image file is truncated"; a header it does not match fails, as no
 * later plugin takes a file starting with "#define".
 */
import type { RgbImage } from "../resample.js";
import { PillowRefuses, checkPixelLimit } from "./errors.js";
import { grayToRgb } from "./pixels.js";

/**
 * xbm_head, over latin-1 text: Python's bytes \s is [ \t\n\r\f\v] and its "."
 * is anything but \n (JavaScript's would also stop at \r).
 */
const XBM_HEAD = new RegExp(
  "^[ \\t\\n\\r\\f\\v]*#define[ \\t]+[^\\n]*_width[ \\t]+([0-9]+)[\\r\\n]+" +
    "#define[ \\t]+[^\\n]*_height[ \\t]+([0-9]+)[\\r\\n]+" +
    "(?:#define[ \\t]+[^_]*_x_hot[ \\t]+[0-9]+[\\r\\n]+#define[ \\t]+[^_]*_y_hot[ \\t]+[0-9]+[\\r\\n]+)?" +
    "[\\x00-\\xff]*_bits\\[\\]",
);

/** The HEX macro of XbmDecode.c. */
function hex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return 0;
}

export function decodeXbm(data: Uint8Array): RgbImage {
  const head = String.fromCharCode(...data.subarray(0, 512));
  const m = XBM_HEAD.exec(head);
  if (!m) throw new PillowRefuses("XBM: not a XBM file");
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width === 0 || height === 0) throw new PillowRefuses(`XBM: ${width}x${height} pixels`);
  checkPixelLimit(width, height);
  const lineBytes = (width + 7) >> 3;
  const out = new Uint8Array(width * height);
  let pos = m[0].length;
  for (let y = 0; y < height; y++) {
    for (let b = 0; b < lineBytes; b++) {
      while (pos < data.length && data[pos] !== 0x78) pos++;
      if (pos + 3 > data.length) throw new PillowRefuses("XBM: image file is truncated");
      const byte = (hex(data[pos + 1]) << 4) + hex(data[pos + 2]);
      pos += 3;
      // "1;R": least significant bit first, a set bit is white.
      for (let bit = 0; bit < 8 && b * 8 + bit < width; bit++) out[y * width + b * 8 + bit] = byte & (1 << bit) ? 255 : 0;
    }
  }
  return grayToRgb(width, height, out);
}
