/**
 * The validator's ONNX runner: inputs taken by position (0 = image
 * [1, 3, H, W], 1 = demographics [1, 3]), one image per run, every output
 * fetched and output 0 kept, a time limit per image. The session lives in a
 * child process (workers/inference-pool.ts) so that the limit can be
 * enforced. The model's signature is checked once, up front, so that an
 * incompatible model fails with one clear message instead of deep inside
 * onnxruntime.
 */
import { stat } from "node:fs/promises";
import type ort from "onnxruntime-node";
import type { Competition } from "../competition/competition.js";
import { InferenceError, ModelError, ValidatorVerdictError } from "../util/errors.js";
import type { TensorSize } from "../preprocess/index.js";
import { loadOrt } from "../util/natives.js";
import { describeError } from "../util/retry.js";
import {
  InferencePool,
  LoadFailure,
  RunFailure,
  PoolStopped,
  RunTimeout,
  UnsupportedOutput,
  type InputTensor,
  type ModelMetadata,
} from "../workers/inference-pool.js";
import { decodeOutput, type ModelOutput } from "./prediction.js";

/** The validator gives up on an image after this long (ONNX_INFERENCE_TIMEOUT, asyncio.wait_for). */
export const INFERENCE_TIMEOUT_MS = 20_000;

export interface ModelSignature {
  readonly imageInput: string;
  readonly demographicsInput: string | null;
  readonly output: string;
  /** Every tensor output: validators run the session with output_names=None, so all are computed (and any may fail). */
  readonly fetches: readonly string[];
  /** The size the image tensor is resized to: the model's fixed H x W, or the competition size. */
  readonly inputSize: TensorSize;
}

export interface Inferred {
  /** Output 0, as onnxruntime returned it (any shape and type). */
  readonly output: ModelOutput;
  /** Time in the model (session.run). */
  readonly ms: number;
}

export interface Model {
  readonly path: string;
  readonly signature: ModelSignature;
  /**
   * Runs one image: its packed 8-bit RGB rows at the model's input size,
   * which the session gets as the validator's float tensor (x / 255,
   * planar). Each session runs its images in the order of the calls, each
   * timed from its turn, so a caller may call ahead and keep the sessions
   * busy. The pixels must stay untouched until this settles. Rejects with
   * the validators' verdict when the image goes past their limit or
   * onnxruntime fails on it.
   */
  predict(rgb: Uint8Array, demographics: readonly number[], file: string): Promise<Inferred>;
  /** Sessions running (each in its own process, with one onnxruntime thread). */
  readonly sessions: number;
  /** Starts one more session; resolves once it takes images (rejects if it could not load: the others go on). */
  addSession(): Promise<void>;
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
  if (!output.isTensor) {
    // onnx_runner.py reads single_result.shape: a list (sequence) or dict (map) has none, the AttributeError
    // escapes the runner, which then returns no predictions at all.
    throw new ValidatorVerdictError(
      "model",
      "non-tensor-output",
      `validators would score 0: output 0 "${output.name}" of ${modelPath} is not a tensor (a sequence or map), and their ` +
        "runner fails reading its shape; export the class scores as output 0",
    );
  }
  const size = competition.imageSize;
  return {
    imageInput: image.name,
    demographicsInput: demographics ? demographics.name : null,
    output: output.name,
    fetches: outputs.filter((o) => o.isTensor).map((o) => o.name),
    inputSize: { height: fixedDim(dims[2]) ?? size, width: fixedDim(dims[3]) ?? size },
  };
}

export interface LoadOptions {
  /** The limit per image (default: the validator's 20 s); tests use a small one. */
  readonly timeoutMs?: number;
  /** Sessions to start with (default 1; more can be added). */
  readonly sessions?: number;
}

/** "20 s", "23.4 s"; a test's limit of a few milliseconds keeps its digits. */
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(ms < 100 ? 3 : 1))} s`;

/** The verdict (or plain failure) an inference error stands for, naming the image. */
function inferenceFailure(err: unknown, file: string, timeoutMs: number): Error {
  if (err instanceof RunTimeout) {
    const took = err.killed
      ? `more than ${seconds(timeoutMs)} in the model (stopped after ${seconds(err.ms)})`
      : `${seconds(err.ms)} in the model`;
    return new ValidatorVerdictError(
      "model",
      "inference-timeout",
      `validators would score 0: image ${file} took ${took}, over their ${seconds(timeoutMs)} limit per image ` +
        "(they drop the rest of its chunk of 200 images, and the predictions then no longer match the labels)",
    );
  }
  if (err instanceof RunFailure) {
    return new ValidatorVerdictError(
      "model",
      "inference-error",
      `validators would score 0: onnxruntime failed on image ${file} (${err.message.split("\n")[0]}); ` +
        "the image gets no prediction, and the predictions then no longer match the labels",
    );
  }
  if (err instanceof UnsupportedOutput) {
    return new ModelError(`output 0 of the model is a ${err.outputType} tensor on ${file}; this tool reads numeric and bool outputs only`);
  }
  // The process died: a crash or the machine's memory, which says nothing certain about a validator's run.
  return new InferenceError(`inference on ${file} stopped: ${err instanceof Error ? err.message : String(err)}`);
}

/**
 * The model's inputs and outputs, read by a session in this process, for a
 * check before any work (the evaluation itself reads them from its
 * inference process). Graph optimizations are off here: they change neither
 * inputs nor outputs, and cost time.
 */
async function readMetadata(modelPath: string): Promise<ModelMetadata> {
  // onnxruntime 1.30 reads this when it first starts: unset, it writes .ses and mat-debug-*.log files into the temp dir.
  process.env.ORT_DISABLE_TELEMETRY ??= "1";
  const { InferenceSession } = await loadOrt();
  let session: ort.InferenceSession;
  try {
    session = await InferenceSession.create(modelPath, {
      graphOptimizationLevel: "disabled",
      logSeverityLevel: 3,
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionProviders: ["cpu"],
    });
  } catch (err) {
    throw notLoadable(modelPath, err);
  }
  try {
    return { inputs: session.inputMetadata, outputs: session.outputMetadata };
  } finally {
    await session.release();
  }
}

/**
 * onnxruntime's own words, without the C++ source location and signature it
 * puts in front of them ("…/model.cc:187 onnxruntime::Model::Model(…) ModelProto
 * does not have a graph."): a miner can act on the last sentence only.
 */
function onnxruntimeReason(err: unknown): string {
  const text = describeError(err);
  const located = /onnxruntime_src\/\S+:\d+ /.exec(text);
  if (!located) return text;
  const rest = text.slice(located.index + located[0].length);
  return rest.slice(rest.lastIndexOf(") ") + 2) || rest;
}

const notLoadable = (modelPath: string, err: unknown): ModelError =>
  new ModelError(`${modelPath} is not a loadable ONNX model (onnxruntime: ${onnxruntimeReason(err)})`);

async function checkModelFile(modelPath: string): Promise<void> {
  const info = await stat(modelPath).catch(() => undefined);
  if (!info?.isFile())
    throw new ModelError(info ? `model file ${modelPath} is a folder, not an .onnx file` : `model file ${modelPath} does not exist`);
  if (info.size === 0) throw new ModelError(`model file ${modelPath} is empty (0 bytes): was the export cut short?`);
}

/** The model checked against the competition without starting its inference process: for a check before any work. */
export async function checkModel(modelPath: string, competition: Competition): Promise<ModelSignature> {
  await checkModelFile(modelPath);
  const { inputs, outputs } = await readMetadata(modelPath);
  return checkSignature(modelPath, inputs, outputs, competition);
}

export async function loadModel(modelPath: string, competition: Competition, options: LoadOptions = {}): Promise<Model> {
  const timeoutMs = options.timeoutMs ?? INFERENCE_TIMEOUT_MS;
  await checkModelFile(modelPath);
  let pool: InferencePool;
  try {
    pool = InferencePool.start({ modelPath, timeoutMs, processes: options.sessions });
  } catch (err) {
    throw new InferenceError(`the inference process for ${modelPath} could not start: ${describeError(err)}`);
  }
  let signature: ModelSignature;
  try {
    // The inputs and outputs as the inference process's session sees them: this process need not load onnxruntime.
    const { inputs, outputs } = await pool.loaded;
    signature = checkSignature(modelPath, inputs, outputs, competition);
  } catch (err) {
    await pool.close();
    if (err instanceof LoadFailure) throw notLoadable(modelPath, err);
    if (err instanceof PoolStopped)
      throw new InferenceError(`the inference process for ${modelPath} stopped while loading it: ${err.message}`);
    throw err;
  }
  const { width, height } = signature.inputSize;

  async function predict(rgb: Uint8Array, demographics: readonly number[], file: string): Promise<Inferred> {
    const feeds: InputTensor[] = [{ name: signature.imageInput, encoding: "rgb8", data: rgb, dims: [1, 3, height, width] }];
    if (signature.demographicsInput)
      feeds.push({ name: signature.demographicsInput, encoding: "float32", data: Float32Array.from(demographics), dims: [1, 3] });
    try {
      const output = await pool.run(feeds, signature.fetches, signature.output);
      return { output: decodeOutput(output.type, output.dims, output.bytes), ms: output.ms };
    } catch (err) {
      throw inferenceFailure(err, file, timeoutMs);
    }
  }
  return {
    path: modelPath,
    signature,
    predict,
    get sessions() {
      return pool.size;
    },
    addSession: () => pool.grow(),
    close: () => pool.close(),
  };
}
