/**
 * What Pillow 10.4's TiffImagePlugin makes of a TIFF's first IFD (its
 * `_setup`), and whether sharp's decode of it can be turned into Pillow's
 * pixels. libtiff does the codec work on both sides; what differs is what
 * each does around it:
 * - Pillow applies the Orientation tag on load, unlike for any other format
 *   (10.4: ImageOps.exif_transpose in TiffImageFile.load_end; 9.4 the same
 *   transposes through `_tile_orientation`);
 * - associated alpha ("RGBa") is divided out by Pillow's unpacker in
 *   integers (0 where alpha is 0), by libvips on load in floats, and 32-bit
 *   float grey ("F") reaches RGB through Pillow's "L" by truncation: for
 *   both, sharp cannot give the stored samples, so tiff-strips.ts reads them;
 * - a colour map is scaled by // 256 always (libvips keeps maps it thinks
 *   are 8-bit as they are);
 * - modes with no faithful route (LAB, which Pillow turns into RGB through
 *   LittleCMS; signed, 12-bit, 16-bit CMYK or MinIsWhite, YCbCr without JPEG
 *   compression, extra bands...) are refused as unreproducible rather than
 *   guessed.
 */
import { CannotReproduce, PillowRefuses } from "./errors.js";
import { TAG, readIfd0 } from "./tiff-tags.js";
import { OPEN_INFO } from "./tiff-modes.js";

const COMPRESSION: Readonly<Record<number, string>> = {
  1: "raw",
  2: "tiff_ccitt",
  3: "group3",
  4: "group4",
  5: "tiff_lzw",
  6: "tiff_jpeg",
  7: "jpeg",
  8: "tiff_adobe_deflate",
  32771: "tiff_raw_16",
  32773: "packbits",
  32809: "tiff_thunderscan",
  32946: "tiff_deflate",
  34676: "tiff_sgilog",
  34677: "tiff_sgilog24",
  34925: "lzma",
  50000: "zstd",
  50001: "webp",
};

/** Codecs whose output is the same bytes whichever libtiff decodes them (lossless, or JPEG through libjpeg-turbo). */
const REPRODUCIBLE_COMPRESSION = new Set([1, 2, 3, 4, 5, 7, 8, 32773, 32946]);

/** Pillow (mode, rawmode) pairs that sharp's decode reproduces, and the fix-up each needs. */
const ROUTES: Readonly<Record<string, "as-is" | "colormap" | "RGBa" | "F">> = {
  "1/1": "as-is",
  "1/1;I": "as-is",
  "1/1;R": "as-is",
  "1/1;IR": "as-is",
  "L/L": "as-is",
  "L/L;I": "as-is",
  "L/L;R": "as-is",
  "L/L;IR": "as-is",
  "L/L;2": "as-is",
  "L/L;4": "as-is",
  "LA/LA": "as-is",
  "I;16/I;16": "as-is",
  "I;16B/I;16B": "as-is",
  "RGB/RGB": "as-is",
  "RGB/RGB;R": "as-is",
  "RGB/RGBX": "as-is",
  "RGBA/RGBA": "as-is",
  "RGB/RGB;16L": "as-is",
  "RGB/RGB;16B": "as-is",
  "RGBA/RGBA;16L": "as-is",
  "RGBA/RGBA;16B": "as-is",
  "RGB/RGBX;16L": "as-is",
  "RGB/RGBX;16B": "as-is",
  "P/P;1": "colormap",
  "P/P;2": "colormap",
  "P/P;4": "colormap",
  "P/P": "colormap",
  "CMYK/CMYK": "as-is",
  "RGBA/RGBa": "RGBa",
  "F/F;32F": "F",
  "F/F;32BF": "F",
};

export interface TiffPlan {
  /** How sharp's samples become Pillow's: kept, or (colour maps Pillow reads as all 0) black. */
  readonly fix: "as-is" | "black";
  /** Samples sharp would change: decoded from the strips by tiff-strips.ts instead. */
  readonly strips?: "RGBa" | "F";
  readonly littleEndian: boolean;
  /** The Orientation tag, which Pillow applies after loading. */
  readonly orientation: number;
}

export function planTiff(data: Uint8Array): TiffPlan {
  const { littleEndian, tags } = readIfd0(data);
  const one = (tag: number): number | undefined => tags.get(tag)?.[0];
  if (tags.has(TAG.jpegXr)) throw new PillowRefuses("TIFF: Windows Media Photo");
  const compression = one(TAG.compression) ?? 1;
  const compressionName = COMPRESSION[compression];
  if (compressionName === undefined) throw new PillowRefuses(`TIFF: unknown compression ${compression}`);
  let photo = one(TAG.photometric) ?? 0;
  if (compressionName === "tiff_jpeg") photo = 6;
  const fillOrder = one(TAG.fillOrder) ?? 1;
  if (one(TAG.width) === undefined || one(TAG.height) === undefined) throw new PillowRefuses("TIFF: no image size");
  let sampleFormat = tags.get(TAG.sampleFormat) ?? [1];
  if (sampleFormat.length > 1 && sampleFormat.every((v) => v === 1)) sampleFormat = [1];
  let bps = tags.get(TAG.bitsPerSample) ?? [1];
  const extra = tags.get(TAG.extraSamples) ?? [];
  const spp = one(TAG.samplesPerPixel) ?? (compressionName === "tiff_jpeg" && (photo === 2 || photo === 6) ? 3 : 1);
  if (spp > 6) throw new PillowRefuses("TIFF: invalid value for samples per pixel");
  if (spp < bps.length) bps = bps.slice(0, spp);
  else if (spp > bps.length && bps.length === 1) bps = Array.from({ length: spp }, () => bps[0]);
  if (bps.length !== spp) throw new PillowRefuses("TIFF: unknown data organization");
  const key = `${littleEndian ? "II" : "MM"} ${photo} ${sampleFormat.join(",")} ${fillOrder} ${bps.join(",")} ${extra.join(",")}`;
  const found = OPEN_INFO[key];
  if (!found)
    throw new PillowRefuses(`TIFF: unknown pixel mode (photometric ${photo}, ${bps.join("/")} bits, extra samples [${extra.join(",")}])`);
  const [mode, rawmode] = found;
  const what = `TIFF ${mode} (rawmode ${rawmode}, ${compressionName})`;
  // Uncompressed YCbCr is unpacked as 4-byte "RGBX" from 3-byte (or subsampled) samples: the data runs out.
  if (photo === 6 && compressionName === "raw") throw new PillowRefuses("TIFF: uncompressed YCbCr (read as RGBX, image file is truncated)");
  if (!REPRODUCIBLE_COMPRESSION.has(compression)) throw new CannotReproduce(what);
  const planar = one(TAG.planarConfig) ?? 1;
  const route =
    photo === 6 ? (compressionName === "jpeg" && bps.length === 3 && planar === 1 ? "as-is" : undefined) : ROUTES[`${mode}/${rawmode}`];
  if (route === undefined) throw new CannotReproduce(what);
  let fix: TiffPlan["fix"] = "as-is";
  if (route === "colormap") {
    const map = tags.get(TAG.colorMap) ?? [];
    if (map.length === 0) throw new PillowRefuses("TIFF: palette image without a colour map");
    // libvips takes a map with no entry above 255 as 8-bit; Pillow's // 256 makes every entry 0.
    if (map.every((v) => v < 256)) fix = "black";
  }
  const strips = route === "RGBa" || route === "F" ? route : undefined;
  return { fix, strips, littleEndian, orientation: one(TAG.orientation) ?? 1 };
}
