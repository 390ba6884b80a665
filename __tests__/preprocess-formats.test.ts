/**
 * Every format and mode Pillow reads, against Debian's Pillow (formats.json,
 * written by scripts/golden/generate.py make_format_goldens): the decoded
 * RGB bytes first (where a decoder differs, this says so before any
 * resampling blurs it), then the 512x512 LANCZOS. Entries marked
 * "pillow_10_4" emulate where Pillow 10.4, the validators', differs from 9.4.
 */
import path from "node:path";
import { sniff } from "../src/preprocess/formats/sniff.js";
import { GOLDEN_DIR } from "./helpers/golden.js";
import { bytes, checkFormatGoldens, decodeFailure, readFormatGoldens } from "./helpers/format-goldens.js";

checkFormatGoldens(readFormatGoldens("formats/formats.json"));

describe("files no Pillow plugin opens name their format", () => {
  it.each([
    ["avif.avif", "AVIF"],
    ["heic.heic", "HEIF"],
    ["svg.svg", "SVG"],
    ["pdf.pdf", "PDF"],
    ["jxl.jxl", "JPEG XL"],
  ])("names the format of %s (%s), which libvips could read", async (name, format) => {
    expect((await decodeFailure(name, path.join(GOLDEN_DIR, "formats", name))).reason).toContain(`(${format})`);
  });
});

describe("sniffing follows Pillow's plugin order, never the extension", () => {
  it.each([
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "sharp"],
    ["PNG", bytes([0x89], "PNG\r\n\x1a\n"), "sharp"],
    ["WebP", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "sharp"],
    ["BMP", bytes("BM"), "bmp"],
    ["DIB (a bare BITMAPINFOHEADER)", bytes([40, 0, 0, 0]), "bmp"],
    ["GIF", bytes("GIF89a"), "gif"],
    ["PPM", bytes("P6\n"), "ppm"],
    ["PFM (Pillow 10.4 opens it as mode F)", bytes("Pf\n"), "unreproducible"],
    ["QOI", bytes("qoif"), "qoi"],
    ["TIFF", bytes("II*\0"), "tiff"],
    ["BigTIFF", bytes("MM\0+"), "tiff"],
    ["ICO", bytes([0, 0, 1, 0, 1, 0]), "ico"],
    [
      "an ICO/CUR header listing no images (Pillow's plugins raise, TGA is next)",
      bytes([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 4, 0, 24, 0]),
      "tga",
    ],
    ["IM (no magic number)", bytes("Image type: RGB image\r\n"), "im"],
    ["JPEG 2000", bytes([0xff, 0x4f, 0xff, 0x51]), "jpeg2000"],
    ["a TGA header (no magic: Pillow tries it last)", bytes([0, 0, 2], new Array(9).fill(0), [4, 0, 4, 0, 24, 0]), "tga"],
    ["random bytes", bytes("hello world, not an image"), "refused"],
  ])("%s", (_, head, route) => {
    expect(sniff(head).route).toBe(route);
  });
});
