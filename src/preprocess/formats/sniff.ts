/**
 * Which of Pillow 10.4's plugins would open a file, from its first bytes, in
 * the order Image.open tries them: BMP, DIB, GIF, JPEG, PPM and PNG first
 * (Image.preinit), then every other plugin in registration order, where only
 * TGA has no magic number and so gets whatever the others turned down. The
 * extension is never looked at, by Pillow or here.
 */
import { tgaHeader, type TgaHeader } from "./tga.js";

export type Sniffed =
  /** sharp (libvips) decodes it to Pillow's pixels: the fast path. */
  | { readonly route: "sharp"; readonly format: "JPEG" | "PNG" | "WebP" }
  /** A format decoded here, or planned here and decoded by sharp (TIFF). */
  | { readonly route: "bmp"; readonly dib: boolean }
  | { readonly route: "gif" | "ppm" | "qoi" | "tiff" }
  | { readonly route: "tga"; readonly header: TgaHeader }
  /** PCX, DCX, ICO, SGI, SUN raster, XBM and IM: small decoders of their own (formats/pcx.ts ... im.ts). */
  | { readonly route: "pcx" | "dcx" | "ico" | "sgi" | "sun" | "xbm" | "im" }
  /** JPEG 2000: decoded by OpenJPEG compiled to WebAssembly (formats/jpeg2000.ts). */
  | { readonly route: "jpeg2000" }
  /** Pillow opens it; this tool does not reproduce its pixels. */
  | { readonly route: "unreproducible"; readonly format: string }
  /** No Pillow 10.4 plugin opens it. */
  | { readonly route: "refused"; readonly format: string };

/** How many bytes of the file `sniff` needs (TGA's header is the longest look). */
export const SNIFF_BYTES = 32;

const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));
const le32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const startsWith = (b: Uint8Array, bytes: readonly number[]): boolean => bytes.every((v, i) => b[i] === v);

/** IM has no magic number: its _open parses "Key: value" lines. A first line with one of its keys is taken for one. */
const IM_FIRST_KEY =
  /^\r*(Comment|Date|Digitalization equipment|File size \(no of images\)|Lut|Name|Scale \(x,y\)|Image size \(x\*y\)|Image type):/;

/** Plugins after preinit with a magic number, in Pillow 10.4's registration order, that this tool does not decode. */
const OTHER_PLUGINS: readonly (readonly [string, (b: Uint8Array) => boolean])[] = [
  ["BLP", (b) => ["BLP1", "BLP2"].includes(ascii(b, 0, 4))],
  ["BUFR", (b) => ["BUFR", "ZCZC"].includes(ascii(b, 0, 4))],
  // CUR and ICO raise TypeError/IndexError (so Pillow goes on, e.g. to TGA) when the header lists no images.
  ["CUR", (b) => startsWith(b, [0, 0, 2, 0]) && (b[4] | (b[5] << 8)) > 0],
  ["DCX", (b) => b.length >= 4 && le32(b, 0) === 987654321],
  ["DDS", (b) => ascii(b, 0, 4) === "DDS "],
  ["EPS", (b) => ascii(b, 0, 4) === "%!PS" || (b.length >= 4 && le32(b, 0) === 0xc6d3d0c5)],
  ["FITS", (b) => ascii(b, 0, 6) === "SIMPLE"],
  ["FLI", (b) => b.length >= 6 && [0xaf11, 0xaf12].includes(b[4] | (b[5] << 8))],
  ["FTEX", (b) => ascii(b, 0, 4) === "FTEX"],
  [
    "GBR",
    (b) =>
      b.length >= 8 &&
      ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >= 20 &&
      [1, 2].includes(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]) >>> 0),
  ],
  ["GRIB", (b) => ascii(b, 0, 4) === "GRIB" && b[7] === 1],
  ["HDF5", (b) => startsWith(b, [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])],
  ["ICNS", (b) => ascii(b, 0, 4) === "icns"],
  ["ICO", (b) => startsWith(b, [0, 0, 1, 0]) && (b[4] | (b[5] << 8)) > 0],
  ["IM", (b) => IM_FIRST_KEY.test(ascii(b, 0, 32))],
  [
    "JPEG 2000",
    (b) => startsWith(b, [0xff, 0x4f, 0xff, 0x51]) || startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
  ],
  ["McIdas", (b) => startsWith(b, [0, 0, 0, 0, 0, 0, 0, 4])],
  ["MPEG", (b) => startsWith(b, [0, 0, 1, 0xb3])],
  ["MSP", (b) => ["DanM", "LinS"].includes(ascii(b, 0, 4))],
  ["PCX", (b) => b[0] === 10 && [0, 2, 3, 5].includes(b[1])],
  ["PIXAR", (b) => startsWith(b, [0x80, 0xe8, 0, 0])],
  ["PSD", (b) => ascii(b, 0, 4) === "8BPS"],
];

/** The plugins with a magic number that are decoded here, by the name the lists give them. */
const DECODED: Readonly<Record<string, Sniffed>> = {
  DCX: { route: "dcx" },
  ICO: { route: "ico" },
  IM: { route: "im" },
  PCX: { route: "pcx" },
  XBM: { route: "xbm" },
};

/** After TGA: SGI, SUN... come before it; these have magic numbers but are registered after TIFF and WebP. */
const LATE_PLUGINS: readonly (readonly [string, (b: Uint8Array) => boolean])[] = [
  ["WMF", (b) => startsWith(b, [0xd7, 0xcd, 0xc6, 0x9a]) || (startsWith(b, [1, 0, 0, 0]) && ascii(b, 40, 44) === " EMF")],
  // Image.open's prefix is 16 bytes, and bytes.lstrip() strips only ASCII whitespace.
  ["XBM", (b) => /^[ \t\n\r\v\f]*#define/.test(ascii(b, 0, 16))],
  ["XPM", (b) => ascii(b, 0, 9) === "/* XPM */"],
  ["XVThumb", (b) => ascii(b, 0, 6) === "P7 332"],
];

/** Formats libvips or common tools produce that no Pillow 10.4 plugin opens, named for the message. */
function nameUnopenable(b: Uint8Array): string {
  const brand = ascii(b, 4, 12);
  if (brand === "ftypavif" || brand === "ftypavis") return "AVIF";
  if (/^ftyp(heic|heix|hevc|heim|heis|hevm|hevs|mif1|msf1)$/.test(brand)) return "HEIF";
  if (startsWith(b, [0xff, 0x0a]) || startsWith(b, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return "JPEG XL";
  if (ascii(b, 0, 5) === "%PDF-") return "PDF";
  const text = ascii(b, 0, b.length).trimStart().toLowerCase();
  if (text.startsWith("<svg") || text.startsWith("<?xml")) return "SVG";
  if (startsWith(b, [0x1f, 0x8b])) return "gzip-compressed data";
  if (b.length === 0) return "an empty file";
  return "an unrecognised format";
}

export function sniff(b: Uint8Array): Sniffed {
  // Image.preinit's plugins.
  if (b[0] === 0x42 && b[1] === 0x4d) return { route: "bmp", dib: false };
  if (b.length >= 4 && [12, 40, 52, 56, 64, 108, 124].includes(le32(b, 0))) return { route: "bmp", dib: true };
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return { route: "gif" };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { route: "sharp", format: "JPEG" };
  // PPM's _accept; a magic it does not know then raises SyntaxError and Pillow goes on.
  if (b[0] === 0x50 && b.length > 1 && "0123456fy".includes(String.fromCharCode(b[1]))) {
    // _read_magic: up to 6 characters, ending at whitespace.
    let magic = "";
    for (let i = 0; i < 6 && i < b.length && ![0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(b[i]); i++) magic += String.fromCharCode(b[i]);
    if (!["P1", "P2", "P3", "P4", "P5", "P6", "Pf", "P0CMYK", "PyP", "PyRGBA", "PyCMYK"].includes(magic)) magic = "";
    if (magic && /^P[1-6]$/.test(magic)) return { route: "ppm" };
    if (magic) return { route: "unreproducible", format: `PPM ${magic}` };
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { route: "sharp", format: "PNG" };
  // Image.init's plugins, in order.
  for (const [format, accept] of OTHER_PLUGINS)
    if (accept(b)) return format === "JPEG 2000" ? { route: "jpeg2000" } : (DECODED[format] ?? { route: "unreproducible", format });
  if (ascii(b, 0, 4) === "qoif") return { route: "qoi" };
  if (b.length >= 2 && ((b[0] << 8) | b[1]) === 474) return { route: "sgi" };
  if (b.length >= 4 && ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0 === 0x59a66a95) return { route: "sun" };
  const tga = tgaHeader(b);
  if (tga) return { route: "tga", header: tga };
  const tiffMagic = ascii(b, 0, 4);
  if (["MM\x00\x2a", "II\x2a\x00", "MM\x2a\x00", "II\x00\x2a", "MM\x00\x2b", "II\x2b\x00"].includes(tiffMagic)) {
    // Pillow lists the byte-swapped headers too, but then reads the byte order from the first two bytes only.
    if (tiffMagic === "MM\x2a\x00" || tiffMagic === "II\x00\x2a")
      return { route: "unreproducible", format: "TIFF with a byte-swapped header" };
    return { route: "tiff" };
  }
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return { route: "sharp", format: "WebP" };
  for (const [format, accept] of LATE_PLUGINS) if (accept(b)) return DECODED[format] ?? { route: "unreproducible", format };
  return { route: "refused", format: nameUnopenable(b) };
}
