import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ImageError } from "../src/util/errors.js";
import { decodeRgb } from "../src/preprocess/decode.js";
import { MAX_KERNEL_MEMORY, runKernels, runPlanes } from "../src/preprocess/kernels.js";
import { preprocessImage } from "../src/preprocess/index.js";
import { axisCoefficients, resizeLanczos, resizeLanczosScalar, type RgbImage } from "../src/preprocess/resample.js";
import { SCALED, TRUNCATED, secondResize, toChwTensor, toChwTensorScalar } from "../src/preprocess/tensor.js";
import { GOLDEN_DATASET, GOLDEN_DIR, REPO, golden } from "./helpers/golden.js";
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

describe("the SIMD kernels compute the scalar passes' bytes", () => {
  /** Noise with runs of 0 and 255, so that LANCZOS rings past both ends and clip8 clamps. */
  function image(width: number, height: number, seed: number): RgbImage {
    const data = new Uint8Array(width * height * 3);
    let x = seed;
    for (let i = 0; i < data.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      data[i] = (i / 3 / width) % 16 < 4 ? ((i / 3) % 7 < 3 ? 0 : 255) : x >>> 24;
    }
    return { width, height, data };
  }
  it.each([
    [1, 1, 512, 512],
    [3, 2, 5, 7],
    [37, 53, 512, 512],
    [600, 450, 512, 512],
    [2048, 1536, 512, 512],
    [1500, 200, 512, 512],
    [180, 900, 512, 512],
    [1000, 512, 512, 512],
    [512, 1000, 512, 512],
    [512, 512, 224, 224],
    [512, 512, 300, 200],
    [40, 30, 1000, 999],
    [7001, 9, 512, 512],
  ])("%p x %p -> %p x %p", (w, h, tw, th) => {
    const src = image(w, h, w * 31 + h);
    expect(sha256(resizeLanczos(src, tw, th).data)).toBe(sha256(resizeLanczosScalar(src, tw, th).data));
  });

  it("float planes: every byte value, every tail length", () => {
    for (const pixels of [256, 1, 15, 17, 257]) {
      const img = { width: pixels, height: 1, data: Uint8Array.from({ length: pixels * 3 }, (_, i) => (i * 85 + (i >> 2)) & 255) };
      const simd = toChwTensor(img);
      const scalar = toChwTensorScalar(img);
      expect(Array.from(new Uint32Array(simd.buffer))).toEqual(Array.from(new Uint32Array(scalar.buffer)));
    }
  });

  it("declines images too large for their memory, which the scalar code then resizes", () => {
    const rows = Math.ceil(MAX_KERNEL_MEMORY / (3 * 20000));
    const plan = {
      inWidth: 20000,
      outWidth: 512,
      outHeight: 512,
      firstRow: 0,
      rows,
      horizontal: axisCoefficients(20000, 512),
      vertical: axisCoefficients(rows, 512),
    };
    expect(runKernels(plan, new Uint8Array(0))).toBeNull();
    expect(runPlanes(new Uint8Array(0), MAX_KERNEL_MEMORY / 12, new Float32Array(0))).toBe(false);
  });

  it("writes into a recycled tensor of the right size, and only then", () => {
    const img = { width: 2, height: 1, data: Uint8Array.from([255, 0, 51, 0, 255, 102]) };
    const recycled = new Float32Array(6);
    expect(toChwTensor(img, recycled)).toBe(recycled);
    expect(toChwTensor(img, new Float32Array(12))).toHaveLength(6);
  });
});

it("kernels-wasm.ts is the build of kernels.wat", () => {
  expect(() => execFileSync(process.execPath, [path.join(REPO, "scripts", "build-wasm.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
});
