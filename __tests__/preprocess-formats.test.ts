/**
 * Every format and mode Pillow reads, against Debian's Pillow (formats.json,
 * written by scripts/golden/generate.py make_format_goldens): the decoded
 * RGB bytes first (where a decoder differs, this says so before any
 * resampling blurs it), then the 512x512 LANCZOS. Entries marked
 * "pillow_10_4" emulate where Pillow 10.4, the validators', differs from 9.4.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeRgb } from "../src/preprocess/decode.js";
import { sniff } from "../src/preprocess/formats/sniff.js";
import { resizeLanczos } from "../src/preprocess/resample.js";
import { ImageError } from "../src/util/errors.js";
import { GOLDEN_DIR } from "./helpers/golden.js";

interface FormatGoldens {
  pillow: string;
  images: {
    file: string;
    format: string;
    mode: string;
    width: number;
    height: number;
    rgb_sha256: string;
    resized_sha256: string;
    pillow_10_4?: string;
  }[];
  unreproducible: string[];
  refused: { file: string; pillow_9_4: string }[];
}

const goldens: FormatGoldens = JSON.parse(readFileSync(path.join(GOLDEN_DIR, "formats", "formats.json"), "utf8"));
const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

describe("decoded pixels equal Pillow's convert('RGB'), then LANCZOS 512", () => {
  it.each(goldens.images.map((g) => [`${g.file} (${g.format} ${g.mode})${g.pillow_10_4 ? ` [10.4: ${g.pillow_10_4}]` : ""}`, g] as const))(
    "%s",
    async (_, g) => {
      const rgb = await decodeRgb(g.file, path.join(GOLDEN_DIR, g.file));
      expect([rgb.width, rgb.height]).toEqual([g.width, g.height]);
      expect(sha256(rgb.data)).toBe(g.rgb_sha256);
      expect(sha256(resizeLanczos(rgb, 512, 512).data)).toBe(g.resized_sha256);
    },
  );
});

describe("files Pillow cannot open fail as on validators", () => {
  it.each(goldens.refused.map((r) => [`${r.file} (Pillow 9.4: ${r.pillow_9_4})`, r.file] as const))("%s", async (_, file) => {
    const err = await decodeRgb(file, path.join(GOLDEN_DIR, file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).message).toContain(file);
    expect((err as ImageError).reason).toMatch(/^Pillow 10\.4 cannot open this file \(.+\)$/);
  });

  it.each([
    ["avif.avif", "AVIF"],
    ["heic.heic", "HEIF"],
    ["svg.svg", "SVG"],
    ["pdf.pdf", "PDF"],
    ["jxl.jxl", "JPEG XL"],
  ])("names the format of %s (%s), which libvips could read", async (name, format) => {
    const err = (await decodeRgb(name, path.join(GOLDEN_DIR, "formats", name)).catch((e: unknown) => e)) as ImageError;
    expect(err.reason).toContain(`(${format})`);
  });
});

describe("files Pillow opens but this tool cannot reproduce fail clearly", () => {
  it.each(goldens.unreproducible)("%s", async (file) => {
    const err = await decodeRgb(file, path.join(GOLDEN_DIR, file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).reason).toMatch(/^cannot reproduce Pillow's pixels for .+: convert it to PNG$/);
  });
});

describe("sniffing follows Pillow's plugin order, never the extension", () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
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
