import path from "node:path";
import type { InferenceSession } from "onnxruntime-node";
import { getCompetition } from "../src/competition/competition.js";
import { ModelError } from "../src/util/errors.js";
import { checkSignature, loadModel, predictedClass } from "../src/engine/inference.js";
import { withTimeout } from "../src/util/retry.js";
import { GOLDEN_DIR, REPO } from "./helpers/golden.js";

const tricorder = getCompetition("tricorder-3");
const tensor = (name: string, shape: (number | string)[], type: "float32" | "int64" = "float32"): InferenceSession.ValueMetadata => ({
  name,
  isTensor: true,
  type,
  shape,
});
const image = tensor("image", ["N", 3, 512, 512]);
const demographics = tensor("demo", ["N", 3]);
const scores = tensor("out", ["N", 11]);

describe("model signature", () => {
  it.each([
    ["symbolic dims mean 512", [tensor("i", ["N", 3, "H", "W"])], [scores], { width: 512, height: 512 }, null],
    ["fixed 224x224", [tensor("i", [1, 3, 224, 224])], [scores], { width: 224, height: 224 }, null],
    ["non-square fixed input (H=200, W=300)", [tensor("i", [1, 3, 200, 300])], [scores], { width: 300, height: 200 }, null],
    ["image + demographics", [image, demographics], [scores], { width: 512, height: 512 }, "demo"],
    ["output of unknown shape", [image], [tensor("out", [])], { width: 512, height: 512 }, null],
  ])("accepts %s", (_, inputs, outputs, size, demo) => {
    const s = checkSignature("m.onnx", inputs, outputs, tricorder);
    expect(s.inputSize).toEqual(size);
    expect(s.demographicsInput).toBe(demo);
  });

  it.each([
    ["no inputs", [], [scores], /no inputs/],
    ["three inputs", [image, demographics, demographics], [scores], /3 inputs/],
    ["a 1-channel image", [tensor("i", [1, 1, 512, 512])], [scores], /1 channel/],
    ["an NHWC image", [tensor("i", [1, 512, 512, 3])], [scores], /512 channel/],
    ["a rank-2 image", [tensor("i", [1, 786432])], [scores], /must be \[1, 3, H, W\]/],
    ["an int64 image", [tensor("i", [1, 3, 512, 512], "int64")], [scores], /float32 image/],
    ["a fixed batch of 8", [tensor("i", [8, 3, 512, 512])], [scores], /batch size of 8/],
    ["demographics of 4 values", [image, tensor("d", [1, 4])], [scores], /demographics \[1, 3\]/],
    ["3 class scores", [image], [tensor("out", [1, 3])], /3 scores per image, but tricorder-3 has 11 classes/],
    ["no outputs", [image], [], /no outputs/],
  ])("refuses %s with a reason", (_, inputs, outputs, reason) => {
    expect(() => checkSignature("m.onnx", inputs, outputs, tricorder)).toThrow(ModelError);
    expect(() => checkSignature("m.onnx", inputs, outputs, tricorder)).toThrow(reason);
  });
});

describe("predicted class is numpy's argmax", () => {
  it.each([
    [[0.1, 0.5, 0.5, 0.2], 1],
    [[3, 2, 1], 0],
    [[-1, -0.5, -2], 1],
    [[0.1, NaN, 0.9], 1],
    [[7.9], 7],
  ])("%p -> %p", (values, expected) => {
    expect(predictedClass(Float32Array.from(values), 11)).toBe(expected);
  });
});

describe("loading models", () => {
  it.each([
    ["bad-3-outputs.onnx", /3 scores per image/],
    ["bad-1-channel.onnx", /1 channel/],
  ])("%s fails with a clear reason", async (file, reason) => {
    await expect(loadModel(path.join(GOLDEN_DIR, "models", file), tricorder)).rejects.toThrow(reason);
  });
  it("a file that is not ONNX fails naming the file", async () => {
    const file = path.join(REPO, "package.json");
    await expect(loadModel(file, tricorder)).rejects.toThrow(new RegExp(`${file.replace(/[/.]/g, "\\$&")} is not a loadable ONNX model`));
  });
  it("runs one image and returns its 11 scores", async () => {
    const model = await loadModel(path.join(GOLDEN_DIR, "models", "one-input-dynamic.onnx"), tricorder);
    try {
      const scores = await model.predict(new Float32Array(3 * 512 * 512), [0, 0, 0], "black.jpg");
      expect(scores).toHaveLength(11);
    } finally {
      await model.close();
    }
  });
});

describe("the per-image time limit", () => {
  it("rejects with the caller's error when the work outlives it", async () => {
    const never = new Promise<number>(() => {});
    await expect(withTimeout(never, 10, () => new Error("slow.jpg took longer than 0.01 s"))).rejects.toThrow(/slow\.jpg/);
  });
  it("passes the result through when the work is quicker", async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, () => new Error("late"))).resolves.toBe(7);
  });
});
