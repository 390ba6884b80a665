/**
 * The validator's runner: the model's signature, inference in its own
 * process with the 20 s limit per image, and what validators make of output
 * 0 of any shape and type. Expectations for the models under
 * fixtures/golden/outputs/ come from scripts/golden/generate.py
 * (make_output_goldens): numpy's forward pass, the runner's squeeze,
 * get_model_result's np.array + astype/argmax and sklearn, run in Python.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ort, { type InferenceSession } from "onnxruntime-node";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate } from "../src/engine/evaluate.js";
import { checkSignature, loadModel } from "../src/engine/inference.js";
import { argmax, astypeInt, decodeOutput, halfToNumber, ruleFor, squeezed } from "../src/engine/prediction.js";
import type { EvaluationResult } from "../src/engine/results.js";
import { ModelError, ValidatorVerdictError } from "../src/util/errors.js";
import { toChwTensorScalar } from "../src/preprocess/tensor.js";
import type { Log } from "../src/util/log.js";
import { GOLDEN_DIR, REPO, type GoldenMetrics } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const tricorder = getCompetition("tricorder-3");
const OUTPUTS = path.join(GOLDEN_DIR, "outputs");

interface OutputsGolden {
  files: string[];
  models: Record<string, { note: string; error?: string; y_pred?: number[]; predicted?: string[]; metrics?: GoldenMetrics }>;
  gather_error_first_failure: string;
}
const outputs = JSON.parse(await readFile(path.join(OUTPUTS, "outputs.json"), "utf8")) as OutputsGolden;

/** Whether the reference forward gave NaN for image i (the scalar model's NaN is INT64_MIN, the NaN model's class 3). */
const hadNaN = (name: string, i: number): boolean =>
  (name === "scalar.onnx" && outputs.models[name].y_pred?.[i] === -(2 ** 63)) ||
  (name === "nan-1x11.onnx" && outputs.models[name].y_pred?.[i] === 3);

function recordingLog(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warning: (m) => warnings.push(m), group: (_, work) => work() };
}

function run(model: string, log: Log = recordingLog(), inferenceTimeoutMs?: number): Promise<EvaluationResult> {
  return evaluate({ modelPath: path.join(OUTPUTS, "models", model), dataset: OUTPUTS, competition: tricorder, log, inferenceTimeoutMs });
}

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
    // Validators score these (badly): the tool must too, not refuse them.
    ["3 class scores", [image], [tensor("out", [1, 3])], { width: 512, height: 512 }, null],
    ["12 class scores", [image], [tensor("out", [1, 12])], { width: 512, height: 512 }, null],
    ["int64 output", [image], [tensor("out", [1, 11], "int64")], { width: 512, height: 512 }, null],
  ])("accepts %s", (_, inputs, outputs, size, demo) => {
    const s = checkSignature("m.onnx", inputs, outputs, tricorder);
    expect(s.inputSize).toEqual(size);
    expect(s.demographicsInput).toBe(demo);
  });

  it("fetches every tensor output, as validators run with output_names=None", () => {
    const s = checkSignature("m.onnx", [image], [scores, tensor("aux", [1]), { name: "map", isTensor: false }], tricorder);
    expect([s.output, s.fetches]).toEqual(["out", ["out", "aux"]]);
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
    ["no outputs", [image], [], /no outputs/],
  ])("refuses %s with a reason", (_, inputs, outputs, reason) => {
    expect(() => checkSignature("m.onnx", inputs, outputs, tricorder)).toThrow(ModelError);
    expect(() => checkSignature("m.onnx", inputs, outputs, tricorder)).toThrow(reason);
  });

  it("a sequence or map as output 0 is the validators' 0 (their runner reads its .shape)", () => {
    const check = (): unknown => checkSignature("m.onnx", [image], [{ name: "seq", isTensor: false }], tricorder);
    expect(check).toThrow(ValidatorVerdictError);
    expect(check).toThrow(/^validators would score 0: output 0 "seq" of m\.onnx is not a tensor/);
  });
});

describe("numpy's semantics, element by element", () => {
  it.each([
    [[0.1, 0.5, 0.5, 0.2], 1],
    [[3, 2, 1], 0],
    [[-1, -0.5, -2], 1],
    [[0.1, NaN, 0.9], 1],
    [[NaN, NaN], 0],
    [[-Infinity, -Infinity], 0],
    [[-0, 0], 0],
    [[7.9], 0],
  ])("argmax %p = %p (first maximum, NaN wins)", (values, expected) => {
    expect(argmax(Float64Array.from(values), values.length)).toBe(expected);
  });

  it("argmax compares 64-bit integers exactly", () => {
    expect(argmax(BigInt64Array.from([2n ** 62n, 2n ** 62n + 1n, -5n]), 3)).toBe(1);
    expect(argmax(BigUint64Array.from([1n, 2n ** 64n - 1n]), 2)).toBe(1);
  });

  // numpy 1.24 on x86-64 (Debian's), as numpy 2.0.2 on the validators' x86-64:
  // np.array([...]).astype(int) -> truncation; NaN, inf and out-of-range -> INT64_MIN; uint64 wraps.
  it.each([
    [3.7, 3n],
    [-3.7, -3n],
    [-0.5, 0n],
    [42.0, 42n],
    [NaN, -(2n ** 63n)],
    [Infinity, -(2n ** 63n)],
    [-Infinity, -(2n ** 63n)],
    [1e20, -(2n ** 63n)],
    [2 ** 63, -(2n ** 63n)],
    [-(2 ** 63), -(2n ** 63n)],
    [2 ** 62, 2n ** 62n],
    [2n ** 64n - 1n, -1n],
    [-7n, -7n],
  ])("astype(int) of %p = %p", (value, expected) => {
    expect(astypeInt(value)).toBe(expected);
  });

  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x0001, 2 ** -24],
    [0x7bff, 65504],
    [0x7c00, Infinity],
    [0x8000, -0],
  ])("float16 bits %p = %p", (bits, expected) => {
    expect(Object.is(halfToNumber(bits), expected)).toBe(true);
  });
  it("float16 NaN", () => expect(halfToNumber(0x7e00)).toBeNaN());

  it("decodes each type from its bytes", () => {
    const bytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
    expect(decodeOutput("float64", [2], bytes(Float64Array.from([0.25, NaN]))).values).toEqual(Float64Array.from([0.25, NaN]));
    expect(decodeOutput("int64", [1], bytes(BigInt64Array.from([-3n]))).values).toEqual(BigInt64Array.from([-3n]));
    expect(decodeOutput("bool", [2], Uint8Array.from([0, 1])).values).toEqual(Uint8Array.from([0, 1]));
    expect(decodeOutput("float16", [1], bytes(Uint16Array.from([0x3c00]))).values).toEqual(Float64Array.from([1]));
  });

  // onnx_runner.py: `if len(single_result.shape) > 1 and single_result.shape[0] == 1: np.squeeze(axis=0)`.
  it.each([
    [[1, 11], [11]],
    [[1], [1]],
    [[], []],
    [[11], [11]],
    [[1, 1], [1]],
    [
      [2, 11],
      [2, 11],
    ],
    [
      [1, 11, 1],
      [11, 1],
    ],
  ])("the runner squeezes %p to %p", (dims, expected) => {
    expect(squeezed(dims)).toEqual(expected);
  });

  it.each([
    [[], { kind: "value" }],
    [[11], { kind: "argmax", over: 11 }],
    [[1], { kind: "argmax", over: 1 }],
    [[12], { kind: "argmax", over: 12 }],
    [[11, 1], { kind: "argmax", over: 11 }],
  ])("per-image shape %p: %p", (shape, rule) => {
    expect(ruleFor(shape, "out")).toEqual(rule);
  });

  it.each([
    [[0], /argmax of an empty sequence/],
    [[0, 1], /argmax of an empty sequence/],
    [[2, 11], /leaves \[11\] per image/],
    [[11, 0], /leaves \[0\] per image/],
    [[3, 4, 5], /leaves \[4, 5\] per image/],
  ])("per-image shape %p is the validators' 0", (shape, reason) => {
    expect(() => ruleFor(shape, "out")).toThrow(ValidatorVerdictError);
    expect(() => ruleFor(shape, "out")).toThrow(reason);
  });
});

describe("output 0 of any shape and type, end to end against the validator's code in Python", () => {
  const scored = Object.entries(outputs.models).filter(([name, m]) => !m.error && name !== "loop-50k.onnx");
  it.each(scored)("%s is scored as validators score it", async (name, expected) => {
    const log = recordingLog();
    const result = await run(name, log);
    expect(result.verdict).toBeUndefined();
    expect(result.predictions.map((p) => p.predicted)).toEqual(expected.predicted);
    const m = expected.metrics as GoldenMetrics;
    expect([result.accuracy, result.weighted_f1, result.precision, result.recall, result.fbeta, result.score]).toEqual([
      m.accuracy,
      m.weighted_f1,
      m.precision,
      m.recall,
      m.fbeta,
      m.score,
    ]);
    expect(result.confusion_matrix).toEqual(m.confusion_matrix);
    expect(result.f1_by_class).toEqual(m.f1_by_class);
    // One line about an unusual output (and one about NaN), and only one, whatever the number of images.
    const usual = ["float64-1x11.onnx", "float16-1x11.onnx", "nan-1x11.onnx"].includes(name);
    expect(log.warnings.filter((w) => / per image: validators /.test(w)).length).toBe(usual ? 0 : 1);
    expect(log.warnings.filter((w) => / is NaN on /.test(w)).length).toBe(expected.y_pred?.some((_, i) => hadNaN(name, i)) ? 1 : 0);
  });

  it.each([
    ["rows-2x11.onnx", "unscorable-output", /gives \[2, 11\] per image.*sklearn/],
    ["empty-1x0.onnx", "unscorable-output", /argmax of an empty sequence/],
    ["ragged.onnx", "ragged-output", /is \[1\] on images\/lesion-00\.png but \[2\] on images\/lesion-01\.png; np\.array cannot stack/],
    ["sequence.onnx", "non-tensor-output", /is not a tensor/],
  ])("%s: validators fail it, so the result is their 0 with the reason", async (name, code, reason) => {
    if (outputs.models[name]) expect(outputs.models[name].error).toBeDefined();
    const result = await run(name);
    expect(result.verdict).toMatchObject({ fault: "model", code });
    expect(result.verdict?.message).toMatch(/^validators would score 0: /);
    expect(result.verdict?.message).toMatch(reason);
    expect(result.score).toBe(0);
  });

  it("says what validators make of an unusual output, in one line", async () => {
    const log = recordingLog();
    await run("scores-1x12.onnx", log);
    expect(log.warnings).toContainEqual(
      'output 0 "probs" is float32 [1, 12] per image: validators take numpy\'s argmax over its 12 values; an index from 11 on is ' +
        "outside tricorder-3's 11 classes and counts as a wrong prediction",
    );
  });

  it("an out-of-range class is readable in the predictions", async () => {
    const result = await run("scalar.onnx");
    expect(result.predictions.map((p) => p.predicted)).toContain("-9223372036854775808");
    expect(result.predictions.map((p) => p.predicted)).toContain("24");
  });
});

describe("the 20 s limit per image, enforced", () => {
  it("a model within the limit scores as validators score it", async () => {
    const expected = outputs.models["loop-50k.onnx"];
    const result = await run("loop-50k.onnx");
    expect(result.verdict).toBeUndefined();
    expect(result.predictions.map((p) => p.predicted)).toEqual(expected.predicted);
    expect(result.score).toBe(expected.metrics?.score);
  });

  it("an image over the limit is the validators' 0, naming the image and the time", async () => {
    // 50,000 Loop iterations take ~0.1 s per image on a CI runner: far over 5 ms.
    const result = await run("loop-50k.onnx", recordingLog(), 5);
    expect(result.verdict).toMatchObject({ fault: "model", code: "inference-timeout" });
    expect(result.verdict?.message).toMatch(
      /^validators would score 0: image images\/lesion-00\.png took (more than 0\.005 s in the model \(stopped after [\d.]+ s\)|[\d.]+ s in the model), over their 0\.005 s limit per image/,
    );
  });

  it("a model that never returns does not hang the job: its process is killed at the limit", async () => {
    const started = performance.now();
    const result = await run("loop-forever.onnx", recordingLog(), 300);
    expect(result.verdict).toMatchObject({ fault: "model", code: "inference-timeout" });
    expect(result.verdict?.message).toMatch(
      /image images\/lesion-00\.png took more than 0\.3 s in the model \(stopped after [\d.]+ s\), over their 0\.3 s/,
    );
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it("an inference error is the validators' 0, naming the image and onnxruntime's reason", async () => {
    const result = await run("gather-error.onnx");
    expect(result.verdict).toMatchObject({ fault: "model", code: "inference-error" });
    expect(result.verdict?.message).toContain(`onnxruntime failed on image ${outputs.gather_error_first_failure}`);
    expect(result.verdict?.message).toMatch(/indices|out of (data )?bounds/i);
  });
});

describe("loading models", () => {
  it("bad-1-channel.onnx fails with a clear reason", async () => {
    await expect(loadModel(path.join(GOLDEN_DIR, "models", "bad-1-channel.onnx"), tricorder)).rejects.toThrow(/1 channel/);
  });
  it("a model with 3 class scores loads (validators score it)", async () => {
    const model = await loadModel(path.join(GOLDEN_DIR, "models", "bad-3-outputs.onnx"), tricorder);
    await model.close();
  });
  it("a file that is not ONNX fails naming the file", async () => {
    const file = path.join(REPO, "package.json");
    await expect(loadModel(file, tricorder)).rejects.toThrow(new RegExp(`${file.replace(/[/.]/g, "\\$&")} is not a loadable ONNX model`));
  });

  it("outputs are bit for bit those of one onnxruntime session in this process, with the validator's options", async () => {
    process.env.ORT_DISABLE_TELEMETRY = "1"; // this process's own session: no telemetry files either
    const file = path.join(GOLDEN_DIR, "models", "two-input-512.onnx");
    const reference = await ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ["cpu"] });
    const model = await loadModel(file, tricorder);
    try {
      for (let seed = 1; seed <= 3; seed++) {
        const rgb = Uint8Array.from({ length: 512 * 512 * 3 }, (_, i) => (i * 7919 * seed) % 256);
        const demo = [30 + seed, seed % 2, seed];
        const expected = await reference.run({
          // The validator's x / 255, planar: the table, not the kernel the inference process uses.
          image: new ort.Tensor("float32", toChwTensorScalar({ width: 512, height: 512, data: rgb }), [1, 3, 512, 512]),
          demographics: new ort.Tensor("float32", Float32Array.from(demo), [1, 3]),
        });
        const { output: actual } = await model.predict(rgb, demo, `seed-${seed}.png`);
        expect(actual.dims).toEqual([1, 11]);
        expect(Buffer.from((actual.values as Float32Array).buffer)).toEqual(
          Buffer.from((expected.probabilities.data as Float32Array).buffer),
        );
      }
    } finally {
      await model.close();
      await reference.release();
    }
  });

  it("onnxruntime writes no telemetry files (.ses, mat-debug-*.log) into the temp folder", async () => {
    const dir = await tempDir();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const model = await loadModel(path.join(GOLDEN_DIR, "models", "one-input-dynamic.onnx"), tricorder);
      await model.predict(new Uint8Array(512 * 512 * 3), [0, 0, 0], "black.png");
      await model.close();
    } finally {
      process.env.TMPDIR = saved;
    }
    // (From the sources, the process's TypeScript loader keeps its cache there: that is tsx's, not onnxruntime's.)
    expect((await readdir(dir)).filter((f) => /\.ses$|^mat-debug/.test(f))).toEqual([]);
  });
});
