/**
 * The forecast's rules for one package and across packages, as validators
 * apply them (cancer-ai 99ea548; docs/design/forecast.md sections 4-6): copy
 * groups by signature, the pioneer election, then averages, ranks and shares.
 * Pure: every fact from the chain and the hub is passed in.
 */
import { hysteresisWinner, movingAverage, MOVING_AVERAGE_LENGTH, pySum, rankByAverage, rewardShares } from "../competition/rewards.js";
import { signatureKey, type ComparableResult } from "./copy-signature.js";

/** The pioneer check of one group member (model_manager.py:478-549), or why it fails. */
export interface PioneerCheck {
  readonly valid: boolean;
  /** The block of the extrinsic the record names (mm:549), when valid. */
  readonly block?: number;
  readonly reason?: string;
}

/** What the orchestration read for a member: extrinsic_record.json and the extrinsic it names. */
export interface PioneerFacts {
  readonly hotkey: string;
  /** The hash of the hotkey's current commitment (hotkey_store[...].model_hash, mm:539). */
  readonly commitmentHash: string;
  /** The parsed record, or undefined when it is missing or not JSON. */
  readonly record?: { readonly hotkey?: unknown; readonly extrinsic?: unknown };
  /** The extrinsics of the record's block, or undefined when the block cannot be read. */
  readonly blockExtrinsics?: readonly { readonly signer: string | null; readonly firstRaw: string | null }[];
}

/** Python's int(text, base) for the plain forms validators meet: optional sign, spaces, `_` between digits. */
export function pyInt(text: string, base: 10 | 16): number | undefined {
  let t = text.trim();
  if (base === 16) t = t.replace(/^([+-]?)0[xX]_?/, "$1");
  const digits = base === 10 ? "[0-9]" : "[0-9a-fA-F]";
  if (!new RegExp(`^[+-]?${digits}+(_${digits}+)*$`).test(t)) return undefined;
  const value = parseInt(t.replace(/_/g, ""), base);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** get_pioneer_models' checks for one member (mm:478-549). */
export function pioneerCheck(facts: PioneerFacts): PioneerCheck {
  const fail = (reason: string): PioneerCheck => ({ valid: false, reason });
  const { record } = facts;
  if (!record) return fail("extrinsic_record.json missing or unreadable");
  // mm:485-487: the record's hotkey must be the member's, and the extrinsic id non-empty.
  if (record.hotkey !== facts.hotkey || !record.extrinsic) return fail("extrinsic_record.json names another hotkey or no extrinsic");
  if (typeof record.extrinsic !== "string") return fail("the record's extrinsic is not a string");
  const dash = record.extrinsic.indexOf("-");
  if (dash < 0) return fail(`extrinsic id "${record.extrinsic}" is not <block>-<index>`);
  const idx = record.extrinsic.slice(dash + 1);
  const block = pyInt(record.extrinsic.slice(0, dash), 10);
  // mm:499: hexadecimal when the index starts with 0x.
  const index = pyInt(idx, idx.trim().toLowerCase().startsWith("0x") ? 16 : 10);
  if (block === undefined || index === undefined) return fail(`extrinsic id "${record.extrinsic}" does not parse`);
  if (!facts.blockExtrinsics) return fail(`block ${block} could not be read`);
  if (index < 0 || index >= facts.blockExtrinsics.length) return fail(`extrinsic index ${index} out of bounds in block ${block}`);
  const ext = facts.blockExtrinsics[index];
  if (ext.signer !== facts.hotkey) return fail(`extrinsic ${block}-${index} is signed by ${ext.signer ?? "nobody"}, not the hotkey`);
  if (ext.firstRaw === null) return fail(`extrinsic ${block}-${index} has no Raw field`);
  // mm:535-541: the extrinsic's hash against the hotkey's CURRENT commitment hash.
  const chainHash = ext.firstRaw.split(":").pop();
  if (chainHash !== facts.commitmentHash)
    return fail(`extrinsic ${block}-${index} carries hash ${chainHash}, the commitment ${facts.commitmentHash}`);
  return { valid: true, block };
}

/**
 * One hotkey's result on one package, in uid order. The candidate is the
 * entry with `candidate` set (or, without the flag, hotkey null): last, as a
 * new commitment; or in its hotkey's place when it is that hotkey's
 * committed model (the same bytes), with that commitment's record.
 */
export interface PackageEntry {
  readonly hotkey: string | null;
  readonly candidate?: boolean;
  readonly uid: number | null;
  readonly score: number;
  /** Failed the download hash check (hotkeys_to_slash): never grouped, score 0 (cm:398). */
  readonly slashed: boolean;
  readonly signature?: ComparableResult;
  /** Only read for members of a copy group; a new commitment (hotkey null) is valid with block +Infinity (memo section 6). */
  readonly pioneer?: PioneerCheck;
}

const isCandidate = (e: PackageEntry): boolean => e.candidate ?? e.hotkey === null;

export type EntryStatus = "scored" | "copy" | "invalid-record" | "zero" | "slashed";

export interface PackageOutcome {
  readonly hotkey: string | null;
  readonly candidate: boolean;
  readonly uid: number | null;
  /** The score after the copy rule and slashing. */
  readonly score: number;
  readonly status: EntryStatus;
  readonly reason?: string;
  /** For a copy, the member that keeps the score. */
  readonly copyOf?: { readonly hotkey: string | null; readonly block: number };
}

export interface PackageResult {
  /** The package is void for everyone: a (k,1) signature crash of a model with a score (validator.py:321-343). */
  readonly void?: string;
  readonly outcomes: readonly PackageOutcome[];
  /** Groups of copies (indices into the entries), as group_duplicate_scores finds them. */
  readonly groups: readonly (readonly number[])[];
}

/**
 * One package: group_duplicate_scores (cm:391-408) over entries not slashed
 * with score != 0; per group get_pioneer_models (mm:449-554): members failing
 * the check get 0, the valid member with the lowest record block keeps its
 * score (ties: the first in entry order, min() keeps the first), the others 0;
 * no valid member: all 0. Entries are in uid order, the candidate last.
 */
export function applyCopyRule(entries: readonly PackageEntry[]): PackageResult {
  const groupsByKey = new Map<string, number[]>();
  for (const [i, e] of entries.entries()) {
    if (e.slashed || e.score === 0) continue;
    // An entry without a signature (not evaluated) cannot be grouped.
    if (!e.signature) continue;
    if (e.signature.kind === "crash") {
      return {
        void: e.signature.crash,
        outcomes: entries.map((x) => ({ hotkey: x.hotkey, candidate: isCandidate(x), uid: x.uid, score: x.score, status: "scored" })),
        groups: [],
      };
    }
    const key = signatureKey(e.signature);
    groupsByKey.set(key, [...(groupsByKey.get(key) ?? []), i]);
  }
  const groups = [...groupsByKey.values()].filter((g) => g.length > 1);
  const outcomes: PackageOutcome[] = entries.map((e) => ({
    hotkey: e.hotkey,
    candidate: isCandidate(e),
    uid: e.uid,
    score: e.slashed ? 0 : e.score,
    status: e.slashed ? "slashed" : e.score === 0 ? "zero" : "scored",
  }));
  for (const group of groups) {
    // A new commitment (no hotkey yet) would come after every other member's record.
    const checks = group.map((i): PioneerCheck =>
      entries[i].hotkey === null ? { valid: true, block: Infinity } : (entries[i].pioneer ?? { valid: false, reason: "not checked" }),
    );
    let pioneer = -1;
    checks.forEach((c, j) => {
      if (c.valid && (pioneer < 0 || (c.block ?? Infinity) < (checks[pioneer].block ?? Infinity))) pioneer = j;
    });
    group.forEach((i, j) => {
      const base = outcomes[i];
      if (!checks[j].valid) outcomes[i] = { ...base, score: 0, status: "invalid-record", reason: checks[j].reason };
      else if (j !== pioneer) {
        const p = group[pioneer];
        outcomes[i] = {
          ...base,
          score: 0,
          status: "copy",
          copyOf: { hotkey: entries[p].hotkey, block: checks[pioneer].block ?? Infinity },
        };
      }
    });
  }
  return { outcomes, groups };
}

export interface ForecastRow {
  readonly hotkey: string | null;
  readonly candidate: boolean;
  readonly uid: number | null;
  /** Scores per package after the copy rule, oldest first (void packages left out). */
  readonly packageScores: readonly number[];
  /** The mean over the evaluated packages (steady state), and the validators' sum(last 5)/5 (ramp). */
  readonly average: number;
  readonly ramp: number;
  readonly rank: number | null;
  readonly gapToFirst: number;
  readonly share: number;
  readonly copyOf?: { readonly hotkey: string | null; readonly block: number };
}

export interface Forecast {
  readonly rows: readonly ForecastRow[];
  readonly candidate: {
    readonly rank: number | null;
    readonly rankOf: number;
    readonly share: number;
    readonly copyOf?: ForecastRow["copyOf"];
    /**
     * The candidate ranks first, but within 1e-4 of the best committed model: validators would still log that
     * hotkey as the winner (get_top_hotkey's hysteresis). Rank 1 and its share go to the candidate all the same.
     */
    readonly loggedWinnerStays?: string;
  };
  readonly voidPackages: readonly { readonly index: number; readonly reason: string }[];
}

/**
 * Across packages: each row's scores, its average (steady state: the plain
 * mean of the packages evaluated, newest 5), ranks among averages > 0 with
 * ties in entry order, so a new commitment (listed last) loses ties
 * (pessimistic), shares for the competition weight. Every package must
 * list the same entries in the same order.
 */
export function forecastRows(packages: readonly PackageResult[], weight: number): Forecast {
  const counted = packages.map((p, index) => ({ p, index })).filter(({ p }) => !p.void);
  const voidPackages = packages.flatMap((p, index) => (p.void ? [{ index, reason: p.void }] : []));
  const first = packages[0]?.outcomes ?? [];
  const perRow = first.map((_, i) => counted.map(({ p }) => p.outcomes[i].score));
  const averages = perRow.map((s) => {
    const newest = s.slice(-MOVING_AVERAGE_LENGTH);
    return newest.length === 0 ? 0 : pySum(newest) / newest.length;
  });
  const ramps = perRow.map((s) => movingAverage(s));
  const order = rankByAverage(averages);
  const { shares } = rewardShares(averages, weight);
  const top = order.length > 0 ? averages[order[0]] : 0;
  const rows = first.map((o, i): ForecastRow => {
    const rank = order.indexOf(i);
    const copy = [...counted].reverse().find(({ p }) => p.outcomes[i].copyOf)?.p.outcomes[i].copyOf;
    return {
      hotkey: o.hotkey,
      candidate: o.candidate,
      uid: o.uid,
      packageScores: perRow[i],
      average: averages[i],
      ramp: ramps[i],
      rank: rank < 0 ? null : rank + 1,
      gapToFirst: top - averages[i],
      share: shares[i],
      ...(copy ? { copyOf: copy } : {}),
    };
  });
  const cand = rows.find((r) => r.candidate);
  const stays = cand?.rank === 1 ? loggedWinnerStays(rows) : undefined;
  return {
    rows,
    candidate: {
      rank: cand?.rank ?? null,
      rankOf: order.length,
      share: cand?.share ?? 0,
      ...(cand?.copyOf ? { copyOf: cand.copyOf } : {}),
      ...(stays ? { loggedWinnerStays: stays } : {}),
    },
    voidPackages,
  };
}

/**
 * The hotkey validators would still log as the winner with the candidate on top (rw:118-148): taking the best
 * committed model as the one crowned, at its average now (the score it was crowned with is not on chain).
 */
function loggedWinnerStays(rows: readonly ForecastRow[]): string | undefined {
  const committed = rows.filter((r): r is ForecastRow & { hotkey: string } => !r.candidate && r.hotkey !== null && r.rank !== null);
  if (committed.length === 0) return undefined;
  const best = committed.reduce((a, b) => (b.average > a.average ? b : a));
  // A new commitment has no hotkey yet: "" stands for it, which no SS58 address is.
  const { winner } = hysteresisWinner(
    rows.filter((r) => r.rank !== null).map((r) => [r.candidate ? "" : (r.hotkey ?? ""), r.average] as const),
    { hotkey: best.hotkey, score: best.average },
  );
  return winner === best.hotkey ? best.hotkey : undefined;
}

/** "copy of <hotkey> (block B)", as the report says it. */
export const describeCopy = (copyOf: { readonly hotkey: string | null; readonly block: number }): string =>
  `copy of ${copyOf.hotkey ?? "the candidate"} (block ${copyOf.block})`;
