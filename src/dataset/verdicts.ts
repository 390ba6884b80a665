/**
 * The ways a package fails for every model on the validators, each with the
 * stable code the report and tests key on. The places in the validator's
 * code (safe-scan-ai/cancer-ai) are named in each message, so a miner can
 * check them; the order the validator meets them in is the order
 * readDataset() checks them in (dataset_manager.py prepare_dataset, then the
 * competition handler's constructor, then preprocess_and_serialize_data).
 */
import { ValidatorVerdictError } from "../util/errors.js";

export type PackageVerdictCode =
  /** A zip without any CSV: set_dataset_handler raises NotImplementedError. */
  | "no-csv"
  /** The CSV is not UTF-8: reading it raises UnicodeDecodeError. */
  | "csv-not-utf8"
  /** A field over 131,072 characters: csv raises "field larger than field limit (131072)". */
  | "csv-field-limit"
  /** A row longer than the header: its extra fields sit under the key None, and None.lower() raises. */
  | "csv-extra-fields"
  /** More than 2 invalid age/gender/location/label values: _validate_data raises "Not enough valid data to evaluate.". */
  | "not-enough-valid-data"
  /** A label that is not a class short name: _convert_labels raises "Invalid label: ...". */
  | "invalid-label"
  /** A header and no rows: every model's metrics are computed on empty arrays. */
  | "empty-dataset"
  /** No image would be prepared (no path column, or none of the files is there): every model is recorded with 0. */
  | "no-images"
  /** Some images are skipped: the predictions no longer match the labels and every model is recorded with 0. */
  | "missing-images";

export function packageVerdict(code: PackageVerdictCode, reason: string): ValidatorVerdictError {
  return new ValidatorVerdictError("package", code, `validators would fail this package for every model: ${reason}`);
}

/** A CSV value for a message: quoted, and cut short when it is a long field. */
export function quoted(value: string): string {
  return value.length <= 80 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 40))}... (${value.length} characters)`;
}

/** What every model gets when the validator prepared `prepared` of `total` images (get_model_result's error). */
export function lengthMismatch(total: number, prepared: number): string {
  return (
    `every model's predictions (${prepared}) then fail to match the labels (${total}) and each model is recorded with score 0 ` +
    `("Error in get_model_result: Found input variables with inconsistent numbers of samples: [${total}, ${prepared}]")`
  );
}
