/**
 * The model's file name on the hub when hf-model-name is not given: a new
 * name for every release. Validators download `<stem>.onnx` and compare its
 * SHA-256 with the hash in the hotkey's commitment, so re-uploading the live
 * `<stem>.onnx` with new bytes scores 0 until the new commitment is read. The
 * default is `<label>-<first 8 hex digits of the model's SHA-256>`: the label
 * is the release's tag (the action on a tag push) or the model file's name.
 * The same model released again gets the same name (a re-run changes
 * nothing); a different model always gets a different one.
 */

/** 18 + "-" + 8 = 27 bytes: `<stem>.zip` then fits the miner CLI's 31 bytes and `<stem>.onnx` its 32. */
export const MAX_LABEL_BYTES = 18;
export const HASH_DIGITS = 8;
const FALLBACK_LABEL = "model";

/**
 * A tag or file name as a file-name prefix: only ASCII letters, digits, `.`, `_` and `-` (what the
 * hub and the `:`-separated commitment both accept), at most MAX_LABEL_BYTES, never empty.
 */
export function labelOf(text: string): string {
  const trim = (s: string): string => s.replace(/^[-.]+|[-.]+$/g, "");
  const cleaned = trim(text.replace(/\.onnx$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-"));
  return trim(cleaned.slice(0, MAX_LABEL_BYTES)) || FALLBACK_LABEL;
}

/** `<label>-<8 hex digits>`: the stem validators rebuild `<stem>.onnx` and `<stem>.zip` from. */
export function defaultStem(label: string, sha256: string): string {
  return `${labelOf(label)}-${sha256.slice(0, HASH_DIGITS)}`;
}
