/**
 * PCX, DCX, ICO, SGI, SUN raster, XBM and IM against Debian's Pillow
 * (formats-rare/rare.json, written by scripts/golden/formats_rare.py): the
 * decoded RGB bytes first, then the 512x512 LANCZOS; the files Pillow
 * refuses fail as on validators. Entries marked "pillow_10_4" emulate where
 * Pillow 10.4, the validators', differs from 9.4.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeRgb } from "../src/preprocess/decode.js";
import { sniff } from "../src/preprocess/formats/sniff.js";
import { resizeLanczos } from "../src/preprocess/resample.js";
import { ImageError } from "../src/util/errors.js";
import { GOLDEN_DIR } from "./helpers/golden.js";

interface RareGoldens {
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

const goldens: RareGoldens = JSON.parse(readFileSync(path.join(GOLDEN_DIR, "formats-rare", "rare.json"), "utf8"));
const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

describe("rare formats: decoded pixels equal Pillow's convert('RGB'), then LANCZOS 512", () => {
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

describe("rare formats Pillow cannot open fail as on validators", () => {
  it.each(goldens.refused.map((r) => [`${r.file} (Pillow 9.4: ${r.pillow_9_4})`, r.file] as const))("%s", async (_, file) => {
    const err = await decodeRgb(file, path.join(GOLDEN_DIR, file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).message).toContain(file);
    expect((err as ImageError).reason).toMatch(/^Pillow 10\.4 cannot open this file \(.+\)$/);
  });
});

describe("rare-format files Pillow opens but this tool does not reproduce fail clearly", () => {
  it.each(goldens.unreproducible)("%s", async (file) => {
    const err = await decodeRgb(file, path.join(GOLDEN_DIR, file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).reason).toMatch(/^cannot reproduce Pillow's pixels for .+: convert it to PNG$/);
  });
});

describe("sniffing the rare formats", () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
  it.each([
    ["PCX", bytes([10, 5, 1, 8]), "pcx"],
    ["DCX", bytes([0xb1, 0x68, 0xde, 0x3a]), "dcx"],
    ["ICO", bytes([0, 0, 1, 0, 1, 0]), "ico"],
    ["SGI", bytes([1, 0xda, 0, 1]), "sgi"],
    ["SUN raster", bytes([0x59, 0xa6, 0x6a, 0x95]), "sun"],
    ["XBM", bytes("  #define a_width 8\n"), "xbm"],
    // Pillow's prefix is 16 bytes, and bytes.lstrip() leaves a no-break space alone.
    ["XBM's #define past the 16-byte prefix", bytes("          #define a_width 8\n"), "refused"],
    ["XBM after a no-break space", bytes([0xa0], "#define a_width 8\n"), "refused"],
    ["IM", bytes("Image type: RGB image\r\n"), "im"],
  ])("%s", (_, head, route) => {
    expect(sniff(head).route).toBe(route);
  });
});
