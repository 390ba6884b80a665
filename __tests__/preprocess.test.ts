import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ImageError } from "../src/errors.js";
import { decodeRgb } from "../src/preprocess/decode.js";
import { preprocessImage } from "../src/preprocess/index.js";
import { axisCoefficients, resizeLanczos } from "../src/preprocess/resample.js";
import { SCALED, TRUNCATED, secondResize, toChwTensor } from "../src/preprocess/tensor.js";
import { GOLDEN_DATASET, GOLDEN_DIR, golden } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

describe("decode + LANCZOS 512 equal Pillow byte for byte", () => {
  it.each(golden.images.map((g) => [`${g.file} (${g.mode} ${g.width}x${g.height})`, g] as const))("%s", async (_, g) => {
    const rgb = await decodeRgb(g.file, path.join(GOLDEN_DATASET, g.file));
    expect([rgb.width, rgb.height]).toEqual([g.width, g.height]);
    expect(sha256(rgb.data)).toBe(g.rgb_sha256);
    expect(sha256(resizeLanczos(rgb, 512, 512).data)).toBe(g.resized_sha256);
  });
});

describe("the resampler alone equals Pillow's (lossless PNG inputs)", () => {
  it.each(golden.resample.map((g) => [`${g.file} -> ${g.width}x${g.height}`, g] as const))("%s", async (_, g) => {
    const rgb = await decodeRgb(g.file, path.join(GOLDEN_DIR, g.file));
    expect(sha256(resizeLanczos(rgb, g.width, g.height).data)).toBe(g.sha256);
  });
});

describe("the runner's second resize equals Pillow's", () => {
  it.each(golden.second_resize.map((g) => [`${g.file} -> ${g.width}x${g.height}`, g] as const))("%s", async (_, g) => {
    const rgb = resizeLanczos(await decodeRgb(g.file, path.join(GOLDEN_DATASET, g.file)), 512, 512);
    expect(sha256(secondResize(rgb, g.width, g.height).data)).toBe(g.sha256);
  });
});

describe("float conversion tables equal numpy's float32 arithmetic", () => {
  it("float32(v) / 255", () => {
    const bits = new Uint32Array(SCALED.buffer.slice(0));
    expect(Array.from(bits)).toEqual(golden.float_tables.scaled_bits);
  });
  it("(x * 255).astype(uint8)", () => {
    expect(Array.from(TRUNCATED)).toEqual(golden.float_tables.truncated);
  });
});

describe("tensor layout", () => {
  it("is planar CHW", () => {
    const t = toChwTensor({ width: 2, height: 1, data: Uint8Array.from([255, 0, 51, 0, 255, 102]) });
    expect(Array.from(t)).toEqual([1, 0, 0, 1, SCALED[51], SCALED[102]]);
  });
  it("preprocessImage gives 3 x H x W floats for the model's input size", async () => {
    const file = golden.images[0].file;
    const tensor = await preprocessImage(file, path.join(GOLDEN_DATASET, file), 512, { width: 300, height: 200 });
    expect(tensor.length).toBe(3 * 300 * 200);
  });
});

describe("resampler coefficients", () => {
  it.each([
    [1920, 512],
    [512, 1920],
    [7, 512],
    [513, 512],
  ])("each output pixel's weights sum to 1.0 in 22-bit fixed point (%p -> %p)", (inSize, outSize) => {
    const c = axisCoefficients(inSize, outSize);
    for (let i = 0; i < outSize; i++) {
      let sum = 0;
      for (let k = 0; k < c.count[i]; k++) sum += c.weights[i * c.taps + k];
      expect(Math.abs(sum - (1 << 22))).toBeLessThanOrEqual(c.count[i]);
    }
  });
  it("leaves an image of the target size untouched (Pillow returns a copy)", () => {
    const img = { width: 2, height: 2, data: new Uint8Array(12).fill(7) };
    expect(resizeLanczos(img, 2, 2)).toBe(img);
  });
});

describe("unreadable images fail with the file's name", () => {
  it.each([
    ["garbage.jpg", Buffer.from("this is not an image")],
    ["truncated.jpg", readFileSync(path.join(GOLDEN_DATASET, "images/jpeg420.jpg")).subarray(0, 4000)],
    ["empty.png", Buffer.alloc(0)],
  ])("%s", async (name, bytes) => {
    const dir = await tempDir();
    const file = path.join(dir, name);
    await import("node:fs/promises").then((fs) => fs.writeFile(file, bytes));
    const err = await decodeRgb(name, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).message).toContain(name);
  });
});
