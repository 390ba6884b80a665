/**
 * Every failure a miner can act on is one of these classes. The message is
 * the single line shown to the user (CLI stderr, `core.setFailed`), so it must
 * name the file, row or field at fault and say what to do about it, and must
 * never contain a secret.
 */
export class CancerAiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command-line argument or action input is missing or malformed. */
export class InputError extends CancerAiError {}

/** The dataset package (zip, CSV, rows) cannot be evaluated. */
export class DatasetError extends CancerAiError {}

/** One image of the dataset cannot be decoded. */
export class ImageError extends DatasetError {
  constructor(
    readonly file: string,
    readonly reason: string,
    /**
     * unreadable: Pillow cannot read it either, so validators fail the package for every model;
     * unreproducible: Pillow reads it, but this tool cannot promise Pillow's pixels, so no score can be given.
     */
    readonly kind: "unreadable" | "unreproducible" = "unreadable",
  ) {
    super(`cannot read image ${file}: ${reason}`);
  }
}

/** The ONNX model is missing, unreadable or does not fit the competition. */
export class ModelError extends CancerAiError {}

/** Inference failed or took too long for one image. */
export class InferenceError extends CancerAiError {}

/** The command line or the action's inputs are malformed: nothing ran (the CLI exits 2 and points at --help). */
export class UsageError extends InputError {}

/**
 * Where a validator would not score normally, the reason is the verdict:
 * `model` — validators give this model 0 on the package (its fault: fails
 * the gate); `package` — the package fails for every model, so nobody is
 * scored on it (reported, kept out of the model's score and gate).
 */
export type VerdictFault = "model" | "package";

/** Thrown anywhere below the engine where a validator would score 0 or fail; evaluate() turns it into the result's verdict. */
export class ValidatorVerdictError extends CancerAiError {
  constructor(
    readonly fault: VerdictFault,
    /** A stable identifier for tests and tooling, e.g. "external-data", "inference-timeout", "unreadable-image". */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
