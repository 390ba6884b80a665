/**
 * JPEG 2000 (OpenJPEG's WebAssembly build) and the TIFF modes read from
 * their strips (associated alpha, 32-bit float), against Debian's Pillow
 * (jp2-tiff.json, written by scripts/golden/formats_jp2_tiff.py): the decoded
 * RGB bytes first, then the 512x512 LANCZOS. Entries marked "pillow_10_4"
 * emulate where Pillow 10.4, the validators', differs from 9.4.
 */
import { decodeRgb } from "../src/preprocess/decode.js";
import { planJpeg2000 } from "../src/preprocess/formats/jpeg2000.js";
import { checkFormatGoldens, goldenFile, readFormatGoldens, sha256 } from "./helpers/format-goldens.js";

checkFormatGoldens(readFormatGoldens("formats-jp2-tiff/jp2-tiff.json"));

it("decodes JPEG 2000 again after a refusal (the WebAssembly instance is reused)", async () => {
  const name = "formats-jp2-tiff/jp2-rgb-lossless.jp2";
  const first = await decodeRgb(name, goldenFile(name));
  await decodeRgb("x", goldenFile("formats-jp2-tiff/jp2-truncated.jp2")).catch(() => undefined);
  expect(sha256((await decodeRgb(name, goldenFile(name))).data)).toBe(sha256(first.data));
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
