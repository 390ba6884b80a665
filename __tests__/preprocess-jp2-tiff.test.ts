/**
 * JPEG 2000 (OpenJPEG's WebAssembly build) and the TIFF modes read from
 * their strips (associated alpha, 32-bit float), against Debian's Pillow
 * (jp2-tiff.json, written by scripts/golden/formats_jp2_tiff.py): the decoded
 * RGB bytes first, then the 512x512 LANCZOS. Entries marked "pillow_10_4"
 * emulate where Pillow 10.4, the validators', differs from 9.4.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeRgb } from "../src/preprocess/decode.js";
import { planJpeg2000 } from "../src/preprocess/formats/jpeg2000.js";
import { resizeLanczos } from "../src/preprocess/resample.js";
import { ImageError } from "../src/util/errors.js";
import { GOLDEN_DIR } from "./helpers/golden.js";

interface Goldens {
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

const goldens: Goldens = JSON.parse(readFileSync(path.join(GOLDEN_DIR, "formats-jp2-tiff", "jp2-tiff.json"), "utf8"));
const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");
const file = (name: string): string => path.join(GOLDEN_DIR, name);

describe("decoded pixels equal Pillow's convert('RGB'), then LANCZOS 512", () => {
  it.each(goldens.images.map((g) => [`${g.file} (${g.format} ${g.mode})${g.pillow_10_4 ? ` [10.4: ${g.pillow_10_4}]` : ""}`, g] as const))(
    "%s",
    async (_, g) => {
      const rgb = await decodeRgb(g.file, file(g.file));
      expect([rgb.width, rgb.height]).toEqual([g.width, g.height]);
      expect(sha256(rgb.data)).toBe(g.rgb_sha256);
      expect(sha256(resizeLanczos(rgb, 512, 512).data)).toBe(g.resized_sha256);
    },
  );
});

describe("what is not reproduced, or not opened, says so", () => {
  it.each(goldens.unreproducible)("%s is refused as unreproducible", async (name) => {
    const err = await decodeRgb(name, file(name)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).reason).toMatch(/^cannot reproduce Pillow's pixels for .+: convert it to PNG$/);
  });

  it.each(goldens.refused.map((r) => [`${r.file} (Pillow 9.4: ${r.pillow_9_4})`, r.file] as const))("%s", async (_, name) => {
    const err = await decodeRgb(name, file(name)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).reason).toMatch(/^Pillow 10\.4 cannot open this file \(.+\)$/);
  });

  it("decodes again after a refusal (the WebAssembly instance is reused)", async () => {
    const name = "formats-jp2-tiff/jp2-rgb-lossless.jp2";
    const first = await decodeRgb(name, file(name));
    await decodeRgb("x", file("formats-jp2-tiff/jp2-truncated.jp2")).catch(() => undefined);
    expect(sha256((await decodeRgb(name, file(name))).data)).toBe(sha256(first.data));
  });
});

describe("JPEG 2000 headers are read as Pillow 10.4 reads them", () => {
  const codestream = (ssiz: number[], extra: number[] = []): Uint8Array => {
    const siz = [0, 0, 0, 0, 0, 9, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, ssiz.length];
    const comps = ssiz.flatMap((s) => [s, 1, 1]);
    return Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 0, 38 + comps.length, ...siz, ...comps, ...extra]);
  };
  it.each([
    ["8-bit grey is L", [7], "L"],
    ["9-bit grey is I;16 (9.4: L)", [8], "I;16"],
    ["8-bit colour is RGB", [7, 7, 7], "RGB"],
  ])("%s", (_, ssiz, mode) => {
    expect(planJpeg2000(codestream(ssiz)).mode).toBe(mode);
  });
  it.each([
    ["two components (LA)", [7, 7]],
    ["signed samples", [0x87]],
    ["12-bit colour", [11, 11, 11]],
  ])("%s are not reproduced", (_, ssiz) => {
    expect(() => planJpeg2000(codestream(ssiz))).toThrow(/cannot reproduce/);
  });
  it("a truncated SIZ segment is refused, as Pillow's struct.unpack fails", () => {
    expect(() => planJpeg2000(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 0, 41, 0, 0]))).toThrow(/Pillow 10\.4 cannot open/);
  });
});
