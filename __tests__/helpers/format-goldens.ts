/**
 * The format goldens (written by scripts/golden: formats/formats.json,
 * formats-rare/rare.json, formats-jp2-tiff/jp2-tiff.json) and the checks
 * every one of them gets: Pillow's decoded RGB bytes first (where a decoder
 * differs, this says so before any resampling blurs it), then the 512x512
 * LANCZOS; the files Pillow refuses and those this tool does not reproduce
 * fail as they must. Entries marked "pillow_10_4" emulate where Pillow 10.4,
 * the validators', differs from Debian's 9.4.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeRgb } from "../../src/preprocess/decode.js";
import { resizeLanczos } from "../../src/preprocess/resample.js";
import { ImageError } from "../../src/util/errors.js";
import { GOLDEN_DIR } from "./golden.js";

export interface FormatGoldens {
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

export const readFormatGoldens = (json: string): FormatGoldens => JSON.parse(readFileSync(path.join(GOLDEN_DIR, json), "utf8"));

export const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** A golden file's path: goldens name files relative to GOLDEN_DIR. */
export const goldenFile = (name: string): string => path.join(GOLDEN_DIR, name);

/** A file's first bytes for sniffing: strings as Latin-1 characters, arrays as byte values. */
export const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

/** The failure decoding `name` ends in (an ImageError, or the test fails). */
export async function decodeFailure(name: string, file = goldenFile(name)): Promise<ImageError> {
  const err = await decodeRgb(name, file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImageError);
  return err as ImageError;
}

export function checkFormatGoldens(goldens: FormatGoldens): void {
  describe("decoded pixels equal Pillow's convert('RGB'), then LANCZOS 512", () => {
    it.each(
      goldens.images.map((g) => [`${g.file} (${g.format} ${g.mode})${g.pillow_10_4 ? ` [10.4: ${g.pillow_10_4}]` : ""}`, g] as const),
    )("%s", async (_, g) => {
      const rgb = await decodeRgb(g.file, goldenFile(g.file));
      expect([rgb.width, rgb.height]).toEqual([g.width, g.height]);
      expect(sha256(rgb.data)).toBe(g.rgb_sha256);
      expect(sha256(resizeLanczos(rgb, 512, 512).data)).toBe(g.resized_sha256);
    });
  });

  describe("files Pillow cannot open fail as on validators", () => {
    it.each(goldens.refused.map((r) => [`${r.file} (Pillow 9.4: ${r.pillow_9_4})`, r.file] as const))("%s", async (_, file) => {
      const err = await decodeFailure(file);
      expect(err.message).toContain(file);
      expect(err.reason).toMatch(/^Pillow 10\.4 cannot open this file \(.+\)$/);
    });
  });

  describe("files Pillow opens but this tool cannot reproduce fail clearly", () => {
    it.each(goldens.unreproducible)("%s", async (file) => {
      expect((await decodeFailure(file)).reason).toMatch(/^cannot reproduce Pillow's pixels for .+: convert it to PNG$/);
    });
  });
}
