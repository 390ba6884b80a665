/**
 * extrinsic_record.json as validators verify it (cancer_ai/validator/model_manager.py
 * verify_hash_from_extrinsic, mm:363-447 at 99ea548): the record must name the hotkey, and the
 * extrinsic it names must carry, in its first Raw field, a commitment whose last `:` part is the
 * downloaded model's SHA-256. Neither the signer nor the *current* commitment is checked there:
 * both only matter among identical models (get_pioneer_models, mm:449-554), so they are reported
 * beside the verdict, not in it. Shared by the self-check and the committed-models forecast.
 */
import type { ApiPromise } from "@polkadot/api";
import { extrinsicAt } from "./chain.js";
import { readRecord, RECORD_FILE, type ExtrinsicRecord, type ModelRepo } from "./publish.js";

/** Why validators reject a record (each scores the model 0 and slashes it, cm:228-232). */
export type RecordFailure = "missing" | "invalid" | "hotkey" | "extrinsic-id" | "no-block" | "no-extrinsic" | "not-commitment" | "hash";

/** The extrinsic the record names, as found on chain. */
export interface RecordExtrinsic {
  /** `<block>-<index>` as written in the record. */
  readonly id: string;
  readonly block: number;
  /** As Python indexes the block's extrinsics: a negative index counts from the end (`"100--1"`). */
  readonly index: number;
  readonly signer?: string;
  /** The extrinsic's first Raw field (the commitment text it carries). */
  readonly text: string;
  /** `text.split(":")[-1]`: what validators compare with the downloaded model's hash (mm:418-420). */
  readonly hash: string;
}

export type RecordVerification =
  | {
      readonly status: "fail";
      readonly code: RecordFailure;
      /** What validators would say, in words, with the fix where there is one. */
      readonly reason: string;
      readonly record?: ExtrinsicRecord;
      readonly extrinsic?: RecordExtrinsic;
    }
  | {
      readonly status: "pass";
      readonly record: ExtrinsicRecord;
      readonly extrinsic: RecordExtrinsic;
      /** The extrinsic is signed by the hotkey: needed to keep a score among identical models (mm:508-510). */
      readonly signedByHotkey: boolean;
    };

/**
 * Python's `int(text)` for the decimal strings validators parse (mm:397, :415): surrounding whitespace, a sign,
 * and single underscores between digits are accepted; anything else raises (undefined here).
 */
export function pythonInt(text: string): number | undefined {
  const match = /^\s*([+-]?)(\d(?:_?\d)*)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[2].replace(/_/g, ""));
  if (!Number.isSafeInteger(value)) return undefined;
  return match[1] === "-" ? -value : value;
}

/** `blk_str, idx_str = extrinsic_id.split("-", 1)` then `int()` of each (mm:396-397, :415); undefined where Python raises. */
export function parseExtrinsicId(id: string): { block: number; index: number } | undefined {
  const dash = id.indexOf("-");
  if (dash < 0) return undefined;
  const block = pythonInt(id.slice(0, dash));
  const index = pythonInt(id.slice(dash + 1));
  return block === undefined || index === undefined ? undefined : { block, index };
}

/**
 * Verifies the record of `repo` for `hotkey` against the hash of the model as downloaded. Hub or chain
 * failures (not absences) throw, as HubUnavailableError or ChainError: then nothing is known.
 */
export async function verifyRecord(api: ApiPromise, repo: ModelRepo, hotkey: string, servedHash: string): Promise<RecordVerification> {
  const read = await readRecord(repo);
  if (read.state === "missing")
    return { status: "fail", code: "missing", reason: `${repo.repoId} has no ${RECORD_FILE}: validators give 0 without it` };
  if (read.state === "invalid")
    return { status: "fail", code: "invalid", reason: `${repo.repoId}/${RECORD_FILE} is not valid: ${read.reason}` };
  const { record } = read;
  const fail = (code: RecordFailure, reason: string, extrinsic?: RecordExtrinsic): RecordVerification => ({
    status: "fail",
    code,
    reason,
    record,
    extrinsic,
  });
  // mm:387-389: `record.get("hotkey") != hotkey`.
  if (record.hotkey !== hotkey) return fail("hotkey", `it names hotkey ${record.hotkey}, not ${hotkey}`);
  // mm:391-393: an empty id is "missing"; one Python cannot split and int() raises, which mm:445-447 turns into a failure.
  const parsed = record.extrinsic ? parseExtrinsicId(record.extrinsic) : undefined;
  if (!parsed) return fail("extrinsic-id", `extrinsic "${record.extrinsic}" is not <block>-<index>`);
  const { block, index } = parsed;
  const at = block < 0 ? ({ kind: "no-block" } as const) : await extrinsicAt(api, block, index);
  if (at.kind === "no-block") return fail("no-block", `it names block ${block}, which the chain does not have`);
  if (at.kind === "no-extrinsic") return fail("no-extrinsic", `block ${block} has ${at.count} extrinsics, none at index ${index}`);
  // The validators read call_args["info"]["fields"] of whatever extrinsic it is (mm:418-420); only set_commitment carries one.
  if (!at.isSetCommitment || at.text === undefined)
    return fail("not-commitment", `the extrinsic at ${record.extrinsic} is not a set_commitment with a Raw field`);
  const extrinsic: RecordExtrinsic = {
    id: record.extrinsic,
    block,
    index,
    signer: at.signer,
    text: at.text,
    hash: at.text.split(":").at(-1) ?? "",
  };
  // mm:438-440: an exact comparison with the hex digest (lowercase) of the downloaded file.
  if (extrinsic.hash !== servedHash)
    return fail(
      "hash",
      `the commitment at ${record.extrinsic} carries hash ${extrinsic.hash}, not the served model's ${servedHash}`,
      extrinsic,
    );
  return { status: "pass", record, extrinsic, signedByHotkey: at.signer === hotkey };
}
