/**
 * What validators make of output 0, whatever its shape and type. Their
 * runner (onnx_runner.py) squeezes a leading dimension of 1 only when the
 * output has more than one dimension; their handler (tricorder_common.py,
 * get_model_result) stacks every image's output with np.array, then takes
 * y_pred.astype(int) if that stack is 1-D, else np.argmax(y_pred, axis=1);
 * sklearn then needs one class per image. This module follows those steps
 * image by image, and throws the validators' verdict where numpy or sklearn
 * would raise (their handler then records an error result: a score of 0).
 *
 * | per image, squeezed | stacked   | y_pred                                   |
 * | ()                  | (n,)      | the value as int64 (truncated; NaN etc. INT64_MIN) |
 * | (k,)                | (n, k)    | argmax over the k values (k = 1: always 0) |
 * | (k, 1)              | (n, k, 1) | argmax over the k values (a column sklearn accepts) |
 * | (k, m), m != 1; 3+ dims | ...   | sklearn raises: more than one class per image |
 * | k = 0               |           | numpy raises: argmax of an empty sequence |
 * | differs by image    |           | numpy raises: inhomogeneous shape        |
 */
import type { Competition } from "../competition/competition.js";
import { ValidatorVerdictError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import type { TensorType } from "../workers/inference-protocol.js";

type NumberValues = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

export interface ModelOutput {
  readonly type: TensorType;
  /** As onnxruntime returned it, before the validator's squeeze. */
  readonly dims: readonly number[];
  /** The elements, exact: numbers for every type up to 32 bits (float16 decoded, bool as 0/1), bigints for 64-bit integers. */
  readonly values: NumberValues | BigInt64Array | BigUint64Array;
}

/** numpy's float16, exactly (every half is a double). */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** The typed view of an output's bytes (which must sit in a buffer of their own, aligned). */
export function decodeOutput(type: TensorType, dims: readonly number[], bytes: Uint8Array): ModelOutput {
  const { buffer, byteOffset, byteLength } = bytes;
  const view = <T>(Type: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }): T =>
    new Type(buffer, byteOffset, byteLength / Type.BYTES_PER_ELEMENT);
  const values = {
    float32: () => view(Float32Array),
    float64: () => view(Float64Array),
    float16: () => Float64Array.from(view(Uint16Array), halfToNumber),
    int8: () => view(Int8Array),
    uint8: () => view(Uint8Array),
    bool: () => view(Uint8Array),
    int16: () => view(Int16Array),
    uint16: () => view(Uint16Array),
    int32: () => view(Int32Array),
    uint32: () => view(Uint32Array),
    int64: () => view(BigInt64Array),
    uint64: () => view(BigUint64Array),
  }[type]();
  return { type, dims, values };
}

/** The output as plain numbers, for results.json (64-bit integers rounded to the nearest double). */
export const outputNumbers = (output: ModelOutput): number[] => Array.from(output.values, Number);

const INT64_MIN = -(2n ** 63n);

/**
 * numpy's astype(int) (int64) of one element. Floats truncate toward zero;
 * NaN, infinities and values outside int64 give INT64_MIN, the x86-64
 * conversion's "integer indefinite" (validators run on x86-64; numpy warns
 * "invalid value encountered in cast" and goes on). uint64 wraps.
 */
export function astypeInt(value: number | bigint): bigint {
  if (typeof value === "bigint") return BigInt.asIntN(64, value);
  if (!Number.isFinite(value) || value >= 2 ** 63 || value < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(value));
}

/** numpy's argmax over the first `count` elements: the first NaN if there is one, else the first maximum. */
export function argmax(values: ModelOutput["values"], count: number): number {
  let best = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isNaN(v)) return i;
    if (v > values[best]) best = i;
  }
  return best;
}

function hasNaN(values: ModelOutput["values"], count: number): boolean {
  for (let i = 0; i < count; i++) if (typeof values[i] === "number" && Number.isNaN(values[i])) return true;
  return false;
}

/** The validator's squeeze: a leading 1 goes only from an output of 2 or more dimensions. */
export const squeezed = (dims: readonly number[]): readonly number[] => (dims.length > 1 && dims[0] === 1 ? dims.slice(1) : dims);

type Rule = { readonly kind: "value" } | { readonly kind: "argmax"; readonly over: number };

const describe = (dims: readonly number[]): string => `[${dims.join(", ")}]`;
const FLOAT_TYPES: readonly TensorType[] = ["float32", "float64", "float16"];

/** What validators do with outputs of this per-image shape, or the verdict where numpy or sklearn raises. */
export function ruleFor(shape: readonly number[], outputName: string): Rule {
  const fail = (why: string): never => {
    throw new ValidatorVerdictError("model", "unscorable-output", `validators would score 0: output 0 "${outputName}" ${why}`);
  };
  if (shape.length === 0) return { kind: "value" };
  if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) {
    if (shape[0] === 0) fail(`gives ${describe(shape)} per image, no values: numpy's argmax of an empty sequence raises`);
    return { kind: "argmax", over: shape[0] };
  }
  return fail(
    `gives ${describe(shape)} per image: np.argmax(y_pred, axis=1) leaves ${describe(shape.slice(1))} per image, and ` +
      "sklearn's metrics refuse anything but one class per image",
  );
}

export interface ClassPrediction {
  /** The class index as validators compute it; any value outside the classes counts as wrong. */
  readonly index: number;
  /** The class's short name, or the index itself (exact, even beyond 2^53) for one outside the classes. */
  readonly label: string;
}

/**
 * The validators' y_pred, one image at a time: the first image fixes the
 * shape (and, if unusual, gets one warning saying what validators make of
 * it); an image whose shape differs is the verdict np.array would give.
 */
interface FirstImage {
  readonly file: string;
  readonly dims: readonly number[];
  readonly shape: readonly number[];
  readonly rule: Rule;
}

export class PredictionStack {
  /** The first image's output, which every other image's must match in shape. */
  private first: FirstImage | undefined;
  private warnedNaN = false;

  constructor(
    private readonly competition: Competition,
    private readonly outputName: string,
    private readonly log: Log,
  ) {}

  add(output: ModelOutput, file: string): ClassPrediction {
    const shape = squeezed(output.dims);
    if (!this.first) {
      this.first = { file, dims: output.dims, shape, rule: ruleFor(shape, this.outputName) };
      const note = this.unusual(output.type, this.first.rule);
      if (note) this.log.warning(`output 0 "${this.outputName}" is ${output.type} ${describe(output.dims)} per image: validators ${note}`);
    } else if (describe(shape) !== describe(this.first.shape)) {
      throw new ValidatorVerdictError(
        "model",
        "ragged-output",
        `validators would score 0: output 0 "${this.outputName}" is ${describe(this.first.dims)} on ${this.first.file} but ` +
          `${describe(output.dims)} on ${file}; np.array cannot stack outputs of different shapes, so their scoring fails`,
      );
    }
    const { rule } = this.first;
    const exact = rule.kind === "value" ? astypeInt(output.values[0]) : BigInt(argmax(output.values, rule.over));
    const index = Number(exact);
    const known = Number.isInteger(index) && index >= 0 && index < this.competition.classes.length;
    const label = known ? this.competition.classes[index].short : exact.toString();
    if (!this.warnedNaN && hasNaN(output.values, rule.kind === "value" ? 1 : rule.over)) {
      this.warnedNaN = true;
      const consequence =
        rule.kind === "value"
          ? `numpy's astype(int) turns it into ${label}, a wrong prediction for validators`
          : `numpy's argmax takes the first NaN as the maximum, so validators predict ${label} there`;
      this.log.warning(`output 0 "${this.outputName}" is NaN on ${file} (maybe on other images too): ${consequence}`);
    }
    return { index, label };
  }

  /** What validators do with an unusual output, or undefined for class scores of the competition's length. */
  private unusual(type: TensorType, rule: Rule): string | undefined {
    const classes = this.competition.classes.length;
    const id = this.competition.id;
    const shape = this.first?.shape ?? [];
    if (rule.kind === "value") {
      return (
        "take its value as the class index, truncated to an integer (numpy astype(int)); " +
        `a value outside 0..${classes - 1} counts as a wrong prediction`
      );
    }
    if (rule.over === 1) return `take numpy's argmax over its single value: every image is predicted ${this.competition.classes[0].short}`;
    const column = shape.length === 2 ? ` (a column of ${rule.over})` : "";
    if (rule.over > classes) {
      return (
        `take numpy's argmax over its ${rule.over} values${column}; an index from ${classes} on is outside ${id}'s ` +
        `${classes} classes and counts as a wrong prediction`
      );
    }
    if (rule.over < classes) {
      return `take numpy's argmax over its ${rule.over} values${column}; classes ${rule.over}..${classes - 1} can never be predicted`;
    }
    if (column) return `take numpy's argmax over its ${rule.over} values${column}`;
    if (!FLOAT_TYPES.includes(type)) return "take numpy's argmax over these values (the first maximum wins a tie)";
    return undefined;
  }
}
