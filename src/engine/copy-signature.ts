/**
 * The validators' copy signature of a scored model, exactly: the key that
 * tricorder_common.py get_comparable_result (tc:815-848 at cancer-ai 99ea548)
 * groups results by. Two models whose keys are equal on a package are copies
 * there (competition_manager.py:391-408).
 */
import { createHash } from "node:crypto";
import { pyRound } from "./scoring.js";

/** The SHA-256 key, from the rows sampled (tc:832-846). */
export interface CopySignature {
  readonly kind: "sha256";
  readonly sha256: string;
  /** The JSON that was hashed, e.g. `[[1,0.7],[0,0.5]]`. */
  readonly encoded: string;
  /** Rows sampled: 0, step, 2*step, ... (between 200 and 399 from n = 200 on). */
  readonly rows: number;
  readonly step: number;
}

/** No rows at all (tc:825-829): the key is (round(accuracy, 6), round(weighted_f1, 6)). */
export interface MetricsSignature {
  readonly kind: "metrics";
  readonly accuracy: number;
  readonly weightedF1: number;
}

/**
 * Outputs of shape (k, 1) per image, more than one image: `float()` of an
 * (n, 1) array raises in tc:844, the exception escapes evaluate()
 * (competition_manager.py:356) and the package is void for every hotkey
 * (validator.py:321-343).
 */
export interface SignatureCrash {
  readonly kind: "crash";
  readonly crash: string;
}

export type ComparableResult = CopySignature | MetricsSignature | SignatureCrash;

/** max_signature_samples (tc:831). */
export const MAX_SIGNATURE_SAMPLES = 200;

/** The rows get_comparable_result samples from n: range(0, n, max(1, n // 200)). */
export function signatureRows(n: number): { readonly step: number; readonly indices: number[] } {
  const step = Math.max(1, Math.floor(n / MAX_SIGNATURE_SAMPLES));
  const indices: number[] = [];
  for (let i = 0; i < n; i += step) indices.push(i);
  return { step, indices };
}

/**
 * Python's float repr, which json.dumps writes: shortest round-trip digits
 * (the digits of JS toString), fixed notation only for decimal exponents
 * -4 <= e < 16 with ".0" on integral values, else `d.ddde-XX` with at least
 * two exponent digits; NaN and the infinities as json.dumps spells them
 * (allow_nan=True). JSON.stringify differs on all of these.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest round-trip digits, as repr does.
  const [mantissa, exponentText] = Math.abs(x).toExponential().split("e");
  const exponent = Number(exponentText);
  const digits = mantissa.replace(".", "");
  if (exponent < -4 || exponent >= 16) {
    const e = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${"0".repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** numpy's argmax of a float64 row: the first NaN if any, else the first maximum. */
function rowArgmax(row: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < row.length; i++) {
    if (Number.isNaN(row[i])) return i;
    if (row[i] > row[best]) best = i;
  }
  return best;
}

/** json.dumps(signature, separators=(",", ":")) of [(class, prob), ...]. */
export function encodeSignature(pairs: readonly (readonly [number, number])[]): string {
  return `[${pairs.map(([c, p]) => `[${c},${pyFloatRepr(p)}]`).join(",")}]`;
}

type Row = readonly number[];
/** predictions_raw as validators hold it (y_pred.tolist(), tc:769): per image a scalar, k values, or k values of 1. */
export type PredictionsRaw = readonly number[] | readonly Row[] | readonly (readonly Row[])[];

/**
 * get_comparable_result for one result. Values must be the elements as
 * doubles (outputNumbers: float32/float16 exact, int64 to the nearest double,
 * bool 0/1), which is what np.asarray(..., dtype=float) makes of them
 * (tc:820). `metrics` are the result's accuracy and weighted_f1, used only
 * when there are no rows.
 */
export function copySignature(
  predictionsRaw: PredictionsRaw,
  metrics: { accuracy: number; weightedF1: number } = { accuracy: 0, weightedF1: 0 },
): ComparableResult {
  const n = predictionsRaw.length;
  if (n === 0) return { kind: "metrics", accuracy: pyRound(metrics.accuracy), weightedF1: pyRound(metrics.weightedF1) };
  let rows: readonly Row[];
  const first = predictionsRaw[0];
  if (typeof first === "number") {
    // A 1-D stack (one value per image) is reshaped to one column (tc:821-822): argmax 0, the value itself.
    rows = (predictionsRaw as readonly number[]).map((v) => [v]);
  } else if (first.length > 0 && typeof first[0] !== "number") {
    // (n, k, 1): argmax over axis 1 leaves (n, 1); indexing gives (n, n, 1)-shaped probabilities per row.
    if (n > 1) {
      return {
        kind: "crash",
        crash:
          "outputs of shape (k, 1) per image: get_comparable_result's float() of an array of " +
          `${n} values raises (only size-1 arrays can be converted), which voids the package for every hotkey`,
      };
    }
    rows = [(first as readonly Row[]).map((cell) => cell[0])];
  } else {
    rows = predictionsRaw as readonly Row[];
  }
  const { step, indices } = signatureRows(n);
  const pairs = indices.map((i): [number, number] => {
    const c = rowArgmax(rows[i]);
    return [c, pyRound(rows[i][c])];
  });
  const encoded = encodeSignature(pairs);
  return { kind: "sha256", sha256: createHash("sha256").update(encoded, "utf8").digest("hex"), encoded, rows: indices.length, step };
}

/** A string equal for two results exactly when validators' keys are equal (tuples of a hash, or of two floats). */
export function signatureKey(signature: CopySignature | MetricsSignature): string {
  if (signature.kind === "sha256") return `sha256:${signature.sha256}`;
  // Python's tuple equality: -0.0 == 0.0.
  return `metrics:${pyFloatRepr(signature.accuracy + 0)},${pyFloatRepr(signature.weightedF1 + 0)}`;
}
