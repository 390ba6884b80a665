/**
 * How often the chain lets a hotkey commit, read from the runtime's own
 * metadata and storage, so that a release refuses before uploading instead of
 * being refused by the chain afterwards. subtensor has had two rules:
 *
 * - a rate limit (spec 219 and the like): `Commitments.LastCommitment(netuid, who)`
 *   plus `RateLimit` blocks (a constant, later a storage value), error
 *   `CommitmentSetRateLimitExceeded`;
 * - a space limit (current runtimes): `Commitments.UsedSpaceOf(netuid, who)` =
 *   `{ last_epoch, used_space }` against `MaxSpace` bytes per subnet epoch, a
 *   commitment counting its Raw bytes but at least 100, error `SpaceLimitExceeded`.
 *   The epoch index is `SubtensorModule.SubnetEpochIndex(netuid)` on the newest
 *   runtimes, `(block + netuid + 1) / (tempo + 1)` before.
 */
import type { ApiPromise } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";

/** Subtensor's target block time. */
export const BLOCK_SECONDS = 12;
/** pallet-commitments: a commitment counts at least this many bytes against the space limit. */
export const MIN_COMMIT_SPACE = 100;

export type CommitLimit =
  | { readonly kind: "rate"; readonly rateLimit: number; readonly lastBlock?: number }
  | {
      readonly kind: "space";
      readonly maxSpace: number;
      readonly usedSpace: number;
      /** The epoch `usedSpace` was counted in. */
      readonly usedEpoch: number;
      /** The epoch the commitment would land in. */
      readonly epoch: number;
      /** The first block of the next epoch, when the runtime lets us tell. */
      readonly nextEpochBlock?: number;
    }
  | { readonly kind: "unknown"; readonly reason: string };

export type Allowance = { readonly ok: true } | { readonly ok: false; readonly why: string; readonly nextBlock?: number };

/** Whether a commitment of `bytes` Raw bytes landing in block `atBlock` passes the chain's limit. */
export function commitAllowance(limit: CommitLimit, atBlock: number, bytes: number): Allowance {
  switch (limit.kind) {
    case "unknown":
      return { ok: true };
    case "rate": {
      if (limit.lastBlock === undefined || atBlock >= limit.lastBlock + limit.rateLimit) return { ok: true };
      return {
        ok: false,
        nextBlock: limit.lastBlock + limit.rateLimit,
        why:
          `the hotkey last committed in block ${limit.lastBlock} and the chain allows one commitment per ${limit.rateLimit} ` +
          `blocks on a subnet (CommitmentSetRateLimitExceeded)`,
      };
    }
    case "space": {
      const required = Math.max(MIN_COMMIT_SPACE, bytes);
      const used = limit.usedEpoch === limit.epoch ? limit.usedSpace : 0;
      if (used + required <= limit.maxSpace) return { ok: true };
      if (required > limit.maxSpace)
        return { ok: false, why: `the commitment counts ${required} bytes, more than the chain's ${limit.maxSpace} per epoch` };
      return {
        ok: false,
        nextBlock: limit.nextEpochBlock,
        why:
          `the hotkey has used ${used} of its ${limit.maxSpace} bytes of commitment space in this epoch and this commitment ` +
          `counts ${required} (SpaceLimitExceeded)`,
      };
    }
  }
}

/** `next commitment allowed at block N (~M min)`, counted from the best block. */
export function whenAllowed(nextBlock: number | undefined, bestBlock: number): string {
  if (nextBlock === undefined) return "next commitment allowed in the subnet's next epoch";
  const minutes = Math.max(1, Math.ceil(((nextBlock - bestBlock) * BLOCK_SECONDS) / 60));
  return `next commitment allowed at block ${nextBlock} (~${minutes} min)`;
}

/** subtensor's get_epoch_index before SubnetEpochIndex: `(block + netuid + 1) / (tempo + 1)`, and where the next epoch starts. */
export function legacyEpoch(netuid: number, block: number, tempo: number): { epoch: number; nextEpochBlock: number } {
  const period = tempo + 1;
  const epoch = Math.floor((block + netuid + 1) / period);
  return { epoch, nextEpochBlock: (epoch + 1) * period - (netuid + 1) };
}

type StorageQuery = (...args: unknown[]) => Promise<Codec>;

/** A storage item of the connected runtime, or undefined when its metadata has none. */
export function storageItem(api: ApiPromise, pallet: string, item: string): StorageQuery | undefined {
  const modules = api.query as unknown as Record<string, Record<string, StorageQuery | undefined> | undefined>;
  return modules[pallet]?.[item];
}

function constant(api: ApiPromise, pallet: string, name: string): Codec | undefined {
  const modules = api.consts as unknown as Record<string, Record<string, Codec | undefined> | undefined>;
  return modules[pallet]?.[name];
}

/** A SCALE number as JSON gives it (number, decimal or hex string); undefined for None. */
export function jsonNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  const text = String(value);
  return /^0x[0-9a-f]+$/i.test(text) ? Number(BigInt(text)) : /^\d+$/.test(text) ? Number(text) : undefined;
}

async function read(query: StorageQuery, ...args: unknown[]): Promise<number | undefined> {
  return jsonNumber((await query(...args)).toJSON());
}

async function epochOf(api: ApiPromise, netuid: number, atBlock: number): Promise<{ epoch: number; nextEpochBlock?: number } | undefined> {
  const tempoQuery = storageItem(api, "subtensorModule", "tempo");
  const tempo = tempoQuery ? await read(tempoQuery, netuid) : undefined;
  const counter = storageItem(api, "subtensorModule", "subnetEpochIndex");
  if (counter) {
    const epoch = (await read(counter, netuid)) ?? 0;
    const lastEpochBlock = storageItem(api, "subtensorModule", "lastEpochBlock");
    const last = lastEpochBlock ? await read(lastEpochBlock, netuid) : undefined;
    return { epoch, nextEpochBlock: last !== undefined && tempo ? last + tempo : undefined };
  }
  return tempo === undefined ? undefined : legacyEpoch(netuid, atBlock, tempo);
}

/** The connected runtime's commitment limit for this hotkey, as it would apply in block `atBlock`. */
export async function readCommitLimit(api: ApiPromise, netuid: number, hotkey: string, atBlock: number): Promise<CommitLimit> {
  const usedSpaceOf = storageItem(api, "commitments", "usedSpaceOf");
  const maxSpace = storageItem(api, "commitments", "maxSpace");
  if (usedSpaceOf && maxSpace) {
    const max = await read(maxSpace);
    const epoch = await epochOf(api, netuid, atBlock);
    if (max === undefined || !epoch) return { kind: "unknown", reason: "the subnet's epoch or the space limit could not be read" };
    const usage = (await usedSpaceOf(netuid, hotkey)).toJSON() as { lastEpoch?: unknown; usedSpace?: unknown } | null;
    return {
      kind: "space",
      maxSpace: max,
      usedSpace: jsonNumber(usage?.usedSpace) ?? 0,
      usedEpoch: jsonNumber(usage?.lastEpoch) ?? -1,
      ...epoch,
    };
  }
  const lastCommitment = storageItem(api, "commitments", "lastCommitment");
  const rateStorage = storageItem(api, "commitments", "rateLimit");
  const rateConstant = constant(api, "commitments", "rateLimit") ?? constant(api, "commitments", "defaultRateLimit");
  const rateLimit = rateStorage ? await read(rateStorage) : jsonNumber(rateConstant?.toJSON());
  if (lastCommitment && rateLimit !== undefined) {
    return { kind: "rate", rateLimit, lastBlock: await read(lastCommitment, netuid, hotkey) };
  }
  return { kind: "unknown", reason: "this runtime's Commitments pallet has neither a space limit (UsedSpaceOf) nor a rate limit" };
}
