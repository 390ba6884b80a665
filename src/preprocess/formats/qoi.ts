/**
 * QOI as Pillow 10.4's QoiImagePlugin decodes it (Pillow 9.4 has no QOI, so
 * nothing here could be checked against Debian's Pillow: the tests use
 * hand-made streams and the reference encoder's rules). One quirk is kept on
 * purpose: Pillow seeds the colour index with the initial pixel (0, 0, 0, 255)
 * at slot 53, where the specification leaves it (0, 0, 0, 0).
 */
import type { RgbImage } from "../resample.js";
import { PillowRefuses, checkPixelLimit } from "./errors.js";

export function decodeQoi(data: Uint8Array): RgbImage {
  if (data.length < 14) throw new PillowRefuses("QOI: the header is truncated");
  const be32 = (at: number): number => ((data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]) >>> 0;
  const width = be32(4);
  const height = be32(8);
  checkPixelLimit(width, height);
  if (width === 0 || height === 0) throw new PillowRefuses(`QOI: ${width}x${height} pixels`);
  const pixels = width * height;
  const out = new Uint8Array(pixels * 3);
  const seen = new Uint8Array(64 * 4);
  let [r, g, b, a] = [0, 0, 0, 255];
  const remember = (): void => {
    const slot = ((r * 3 + g * 5 + b * 7 + a * 11) % 64) * 4;
    seen[slot] = r;
    seen[slot + 1] = g;
    seen[slot + 2] = b;
    seen[slot + 3] = a;
  };
  remember();
  let pos = 14;
  const next = (): number => {
    if (pos >= data.length) throw new PillowRefuses("QOI: the data ends before the last pixel");
    return data[pos++];
  };
  let n = 0;
  while (n < pixels) {
    const op = next();
    if (op === 0xfe) {
      r = next();
      g = next();
      b = next();
    } else if (op === 0xff) {
      r = next();
      g = next();
      b = next();
      a = next();
    } else if (op >> 6 === 0) {
      const slot = (op & 63) * 4;
      [r, g, b, a] = [seen[slot], seen[slot + 1], seen[slot + 2], seen[slot + 3]];
    } else if (op >> 6 === 1) {
      r = (r + ((op >> 4) & 3) - 2) & 255;
      g = (g + ((op >> 2) & 3) - 2) & 255;
      b = (b + (op & 3) - 2) & 255;
    } else if (op >> 6 === 2) {
      const second = next();
      const dg = (op & 63) - 32;
      r = (r + dg + (second >> 4) - 8) & 255;
      g = (g + dg) & 255;
      b = (b + dg + (second & 15) - 8) & 255;
    } else {
      // A run repeats the previous pixel and, in Pillow, leaves the index alone.
      for (let k = (op & 63) + 1; k > 0 && n < pixels; k--, n++) out.set([r, g, b], n * 3);
      continue;
    }
    remember();
    out[n * 3] = r;
    out[n * 3 + 1] = g;
    out[n * 3 + 2] = b;
    n++;
  }
  return { width, height, data: out };
}
