/**
 * The model commitment validators read from chain:
 * `{hf_repo_id}:{model_file_stem}:{competition_id}:{sha256}`, and the
 * SCALE-encoded `Commitments.set_commitment` call that writes it. Pure
 * functions: the limits are checked before any upload or transaction, and the
 * call data can be printed offline (dry run).
 */
import { InputError } from "../util/errors.js";

/** Validators only read `Raw*` fields, and the largest is Raw128: the chain's and the validators' hard limit. */
export const MAX_COMMITMENT_BYTES = 128;
/** The miner CLI's limits (neurons/miner.py). Validators do not check them: exceeding one is a warning, not a refusal. */
export const MAX_REPO_ID_BYTES = 32;
export const MAX_MODEL_FILE_BYTES = 32;
export const MAX_CODE_FILE_BYTES = 31;

export interface Commitment {
  readonly repoId: string;
  /** Model file name without `.onnx`; the code zip is `{stem}.zip`. */
  readonly stem: string;
  readonly competitionId: string;
  /** SHA-256 hex of the model file as downloaded from HuggingFace. */
  readonly sha256: string;
}

const bytes = (s: string): number => Buffer.byteLength(s, "utf8");

/** What validators compare a downloaded model's hash with: 64 lowercase hex digits. */
export const isSha256Hex = (text: string): boolean => /^[0-9a-f]{64}$/.test(text);

export function commitmentString(c: Commitment): string {
  return `${c.repoId}:${c.stem}:${c.competitionId}:${c.sha256}`;
}

/** `name.onnx` -> `name`; the stem the validators rebuild both file names from. */
export function modelStem(modelFileName: string): string {
  if (!modelFileName.endsWith(".onnx"))
    throw new InputError(`the model file name "${modelFileName}" must end in .onnx (validators fetch {stem}.onnx)`);
  return modelFileName.slice(0, -".onnx".length);
}

/**
 * What the chain and the validators refuse, with the part to fix named: a repository id the hub
 * cannot serve, a part with `:` (validators need exactly 4 parts), a hash that is not a SHA-256,
 * more than 128 bytes (no Raw129). Returns the commitment string.
 */
export function checkCommitment(c: Commitment): string {
  const problems: string[] = [];
  if (!/^[\w.-]+\/[\w.-]+$/.test(c.repoId)) problems.push(`hf-repo-id "${c.repoId}" must look like owner/name`);
  if (!c.stem || c.stem.includes(":") || c.stem.includes("/")) problems.push(`model name "${c.stem}" must be non-empty without ":" or "/"`);
  if (c.competitionId.includes(":")) problems.push(`competition id "${c.competitionId}" must not contain ":"`);
  if (!isSha256Hex(c.sha256)) problems.push("the model hash must be 64 lowercase hex digits (SHA-256)");
  const text = commitmentString(c);
  if (bytes(text) > MAX_COMMITMENT_BYTES) {
    const parts = [
      ["hf-repo-id", bytes(c.repoId)],
      ["hf-model-name", bytes(c.stem)],
      ["competition-id", bytes(c.competitionId)],
    ] as const;
    const longest = [...parts].sort((a, b) => b[1] - a[1])[0];
    problems.push(
      `the commitment is ${bytes(text)} bytes, over the chain's ${MAX_COMMITMENT_BYTES} (Raw128): shorten ${longest[0]} ` +
        `(${longest[1]} bytes) by at least ${bytes(text) - MAX_COMMITMENT_BYTES}`,
    );
  }
  if (problems.length > 0) throw new InputError(`cannot commit this model: ${problems.join("; ")}`);
  return text;
}

/** The miner CLI's byte limits a commitment exceeds: advice only, since validators accept anything within 128 bytes. */
export function commitmentAdvice(c: Commitment): string[] {
  const over = (what: string, text: string, limit: number): string[] =>
    bytes(text) > limit
      ? [`${what} "${text}" is ${bytes(text)} bytes, over the miner CLI's ${limit} (validators do not check it; the commitment fits)`]
      : [];
  return [
    ...over("hf-repo-id", c.repoId, MAX_REPO_ID_BYTES),
    ...over("the model file name", `${c.stem}.onnx`, MAX_MODEL_FILE_BYTES),
    ...over("the code file name", `${c.stem}.zip`, MAX_CODE_FILE_BYTES),
  ];
}

/** A reader's view: exactly 4 `:`-separated parts, as validators split it. */
export function parseCommitment(text: string): Commitment | undefined {
  const parts = text.split(":");
  if (parts.length !== 4) return undefined;
  const [repoId, stem, competitionId, sha256] = parts;
  return { repoId, stem, competitionId, sha256 };
}

export interface CallIndex {
  readonly pallet: number;
  readonly call: number;
}

/** Commitments (pallet 18), set_commitment (call 0) on current subtensor runtimes. */
export const SET_COMMITMENT: CallIndex = { pallet: 18, call: 0 };

/** SCALE compact encoding of a small unsigned integer. */
export function compactU32(n: number): Buffer {
  if (n < 1 << 6) return Buffer.from([n << 2]);
  if (n < 1 << 14) return Buffer.from([((n << 2) | 1) & 0xff, n >> 6]);
  const b = Buffer.alloc(4);
  b.writeUInt32LE(((n << 2) | 2) >>> 0);
  return b;
}

/**
 * `Commitments.set_commitment(netuid: u16, info: { fields: [Raw{N}(bytes)] })`:
 * pallet, call, netuid LE, compact field count, Data variant index (RawN is
 * N + 1), the N raw bytes.
 */
export function encodeSetCommitment(netuid: number, commitment: string, index: CallIndex = SET_COMMITMENT): string {
  const raw = Buffer.from(commitment, "utf8");
  if (raw.length > MAX_COMMITMENT_BYTES) throw new InputError(`the commitment is ${raw.length} bytes, over ${MAX_COMMITMENT_BYTES}`);
  if (!Number.isInteger(netuid) || netuid < 0 || netuid > 0xffff) throw new InputError(`netuid ${netuid} is not a u16`);
  const netuidLe = Buffer.alloc(2);
  netuidLe.writeUInt16LE(netuid);
  const call = Buffer.concat([Buffer.from([index.pallet, index.call]), netuidLe, compactU32(1), Buffer.from([raw.length + 1]), raw]);
  return `0x${call.toString("hex")}`;
}
