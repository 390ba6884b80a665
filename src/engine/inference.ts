/**
 * The validator's ONNX runner: inputs taken by position (0 = image
 * [1, 3, H, W], 1 = demographics [1, 3]), one image per run, output 0 with a
 * leading batch dimension of 1 squeezed, a time limit per image. The model's
 * signature is checked once, up front, so that an incompatible model fails
 * with one clear message instead of deep inside onnxruntime.
 */
import { stat } from "node:fs/promises";
import type ort from "onnxruntime-node";
import type { Competition } from "../competition/competition.js";
import { InferenceError, ModelError } from "../util/errors.js";
import type { TensorSize } from "../preprocess/index.js";
import { loadOrt } from "../util/natives.js";
import { describeError, withTimeout } from "../util/retry.js";

/** The validator gives up on an image after this long. */
export const INFERENCE_TIMEOUT_MS = 20_000;

export interface ModelSignature {
  readonly imageInput: string;
  readonly demographicsInput: string | null;
  readonly output: string;
  /** The size the image tensor is resized to: the model's fixed H x W, or the competition size. */
  readonly inputSize: TensorSize;
}

export interface Model {
  readonly path: string;
  readonly signature: ModelSignature;
  /** Class scores (or a single class value) for one image. */
  predict(image: Float32Array, demographics: readonly number[], file: string): Promise<Float32Array>;
  close(): Promise<void>;
}

type Dims = ReadonlyArray<number | string>;

function fixedDim(d: number | string | undefined): number | null {
  return typeof d === "number" && d > 0 ? d : null;
}

function describeDims(dims: Dims): string {
  return `[${dims.join(", ")}]`;
}

/** Checks the inputs and output against the competition; pure, so it is tested on metadata alone. */
export function checkSignature(
  modelPath: string,
  inputs: readonly ort.InferenceSession.ValueMetadata[],
  outputs: readonly ort.InferenceSession.ValueMetadata[],
  competition: Competition,
): ModelSignature {
  const fail = (why: string): never => {
    throw new ModelError(`${modelPath} cannot be scored for ${competition.id}: ${why}`);
  };
  const classes = competition.classes.length;
  if (inputs.length === 0) fail("it has no inputs");
  if (inputs.length > 2) fail(`it has ${inputs.length} inputs; validators feed only the image (input 0) and the demographics (input 1)`);
  const [image, demographics] = inputs;
  if (!image.isTensor || image.type !== "float32") fail(`input 0 "${image.name}" must be a float32 image tensor [1, 3, H, W]`);
  const dims = image.isTensor ? image.shape : [];
  if (dims.length !== 4) fail(`input 0 "${image.name}" has shape ${describeDims(dims)}; it must be [1, 3, H, W]`);
  const channels = fixedDim(dims[1]);
  if (channels !== null && channels !== 3)
    fail(`input 0 "${image.name}" takes ${channels} channel(s); images are fed as 3 RGB channels [1, 3, H, W]`);
  const batch = fixedDim(dims[0]);
  if (batch !== null && batch !== 1)
    fail(`input 0 "${image.name}" has a fixed batch size of ${batch}; validators run one image at a time (batch 1)`);
  if (demographics) {
    const d = demographics.isTensor ? demographics.shape : [];
    const ok =
      demographics.isTensor &&
      demographics.type === "float32" &&
      d.length === 2 &&
      [null, 1].includes(fixedDim(d[0])) &&
      [null, 3].includes(fixedDim(d[1]));
    if (!ok) fail(`input 1 "${demographics.name}" must be float32 demographics [1, 3] (age, gender, location)`);
  }
  const output = outputs[0];
  if (!output) fail("it has no outputs");
  if (output.isTensor) {
    const shape = output.shape.length > 1 && fixedDim(output.shape[0]) === 1 ? output.shape.slice(1) : output.shape;
    const last = fixedDim(shape[shape.length - 1]);
    if (shape.length > 0 && last !== null && last !== classes) {
      fail(
        `output 0 "${output.name}" has shape ${describeDims(output.shape)}: ${last} scores per image, but ` +
          `${competition.id} has ${classes} classes`,
      );
    }
  }
  const size = competition.imageSize;
  return {
    imageInput: image.name,
    demographicsInput: demographics ? demographics.name : null,
    output: output.name,
    inputSize: { height: fixedDim(dims[2]) ?? size, width: fixedDim(dims[3]) ?? size },
  };
}

export async function loadModel(modelPath: string, competition: Competition, timeoutMs = INFERENCE_TIMEOUT_MS): Promise<Model> {
  const info = await stat(modelPath).catch(() => undefined);
  if (!info?.isFile()) throw new ModelError(`model file ${modelPath} does not exist${info ? " (it is a folder)" : ""}`);
  const { InferenceSession, Tensor } = await loadOrt();
  let session: ort.InferenceSession;
  try {
    // One thread per session, like the validator's runner: outputs then match its own to the last bit.
    session = await InferenceSession.create(modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ["cpu"] });
  } catch (err) {
    throw new ModelError(`${modelPath} is not a loadable ONNX model (onnxruntime: ${describeError(err)})`);
  }
  const signature = checkSignature(modelPath, session.inputMetadata, session.outputMetadata, competition);
  const { width, height } = signature.inputSize;
  const classes = competition.classes.length;

  async function predict(image: Float32Array, demographics: readonly number[], file: string): Promise<Float32Array> {
    const feeds: Record<string, ort.Tensor> = { [signature.imageInput]: new Tensor("float32", image, [1, 3, height, width]) };
    if (signature.demographicsInput) feeds[signature.demographicsInput] = new Tensor("float32", Float32Array.from(demographics), [1, 3]);
    let result: ort.InferenceSession.OnnxValueMapType;
    try {
      result = await withTimeout(
        session.run(feeds, [signature.output]),
        timeoutMs,
        () => new InferenceError(`inference on ${file} took longer than ${timeoutMs / 1000} s, the validator's limit per image`),
      );
    } catch (err) {
      if (err instanceof InferenceError) throw err;
      throw new InferenceError(`inference failed on ${file}: ${describeError(err)}`);
    }
    const out = result[signature.output];
    const dims = out.dims.length > 1 && out.dims[0] === 1 ? out.dims.slice(1) : out.dims;
    const values = out.data;
    if (!(values instanceof Float32Array))
      throw new InferenceError(`output "${signature.output}" is ${out.type}, not float32 (on ${file})`);
    const isScalar = dims.length === 0;
    if (!isScalar && !(dims.length === 1 && dims[0] === classes)) {
      throw new InferenceError(
        `output "${signature.output}" has shape [${out.dims.join(", ")}] on ${file}; ${competition.id} needs ${classes} ` +
          `class scores per image`,
      );
    }
    return values;
  }
  return { path: modelPath, signature, predict, close: () => session.release() };
}

/** The validator's y_pred: numpy argmax (first maximum wins, NaN beats all), or a scalar output's value truncated to an int. */
export function predictedClass(output: Float32Array, classCount: number): number {
  if (output.length === 1 && classCount !== 1) return Math.trunc(output[0]);
  let best = 0;
  for (let i = 0; i < output.length; i++) {
    if (Number.isNaN(output[i])) return i;
    if (output[i] > output[best]) best = i;
  }
  return best;
}
