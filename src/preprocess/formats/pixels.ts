/**
 * Pillow's conversions to RGB (libImaging/Convert.c) for the modes the
 * format decoders produce, written for one output buffer each.
 */
import type { RgbImage } from "../resample.js";

/**
 * "P" -> "RGB". `palette` holds the file's entries as RGB triples. Pillow
 * 10.4 keeps a short palette short and the entries past it are 0 (calloc in
 * ImagingPaletteNew); 9.4 filled them with a grey ramp. 10.4 wins.
 */
export function paletteToRgb(width: number, height: number, indices: Uint8Array, palette: Uint8Array): RgbImage {
  const table = new Uint8Array(256 * 3);
  table.set(palette.subarray(0, Math.min(palette.length - (palette.length % 3), 256 * 3)));
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < width * height; i++, o += 3) {
    const p = indices[i] * 3;
    out[o] = table[p];
    out[o + 1] = table[p + 1];
    out[o + 2] = table[p + 2];
  }
  return { width, height, data: out };
}

/** "L" (and "1", whose samples are already 0 or 255) -> "RGB". */
export function grayToRgb(width: number, height: number, gray: Uint8Array): RgbImage {
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < width * height; i++, o += 3) out[o] = out[o + 1] = out[o + 2] = gray[i];
  return { width, height, data: out };
}

/** Pillow's "I" and "I;16" -> "RGB" (i2rgb, I16_RGB): clipped to 0..255, not scaled. */
export function clipTo255(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : v;
}

/** Pillow's cmyk2rgb: nk = 255 - K, channel = nk - C*nk/255 (MULDIV255 rounding). */
export function cmykToRgb(width: number, height: number, cmyk: Uint8Array): RgbImage {
  const out = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const nk = 255 - cmyk[i * 4 + 3];
    for (let c = 0; c < 3; c++) {
      const t = cmyk[i * 4 + c] * nk + 128;
      out[i * 3 + c] = Math.max(0, nk - (((t >> 8) + t) >> 8));
    }
  }
  return { width, height, data: out };
}

/**
 * ImageOps.exif_transpose's mapping of the TIFF/EXIF Orientation value to a
 * transpose (2 mirror, 3 rotate 180, 4 flip, 5 transpose, 6 rotate 270,
 * 7 transverse, 8 rotate 90); other values leave the image as it is.
 */
export function orient(image: RgbImage, orientation: number): RgbImage {
  if (orientation < 2 || orientation > 8) return image;
  const { width: w, height: h, data } = image;
  const swap = orientation >= 5;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      // The source pixel (sx, sy) that lands on (x, y).
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [w - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [w - 1 - x, h - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, h - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, h - 1 - x];
          break;
        case 7:
          [sx, sy] = [w - 1 - y, h - 1 - x];
          break;
        default:
          [sx, sy] = [w - 1 - y, x];
          break;
      }
      const s = (sy * w + sx) * 3;
      const o = (y * ow + x) * 3;
      out[o] = data[s];
      out[o + 1] = data[s + 1];
      out[o + 2] = data[s + 2];
    }
  }
  return { width: ow, height: oh, data: out };
}
