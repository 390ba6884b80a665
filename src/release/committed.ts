/**
 * The committed models of a competition, as validators get them (docs/design/forecast.md §1, §2, §6):
 * the commitments of the hotkeys registered now, their age against "a package released now", the top N
 * by on-chain Incentive, and for each of those the validators' checks in their order — MIT card, the
 * model file listed, the download, its SHA-256 and extrinsic_record.json — ending in a model file to
 * evaluate or in the validators' reason for a 0. Downloads are kept by SHA-256 (the Actions cache in a
 * workflow, the model folder itself on a laptop). Validator references are to safe-scan-ai/cancer-ai at
 * 99ea548: `mm` = cancer_ai/validator/model_manager.py, `cm` = competition_manager.py, `db` = model_db.py.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { ApiPromise } from "@polkadot/api";
import { bestBlock, blockTime, commitmentFromJson, connect, incentives, registeredHotkeys, chainRead } from "./chain.js";
import { parseCommitment, isSha256Hex } from "./commitment.js";
import { downloadedSha256, hasMitLicense, repoState, type ModelRepo, type RepoState } from "./publish.js";
import { verifyRecord, type RecordExtrinsic, type RecordFailure } from "./record-check.js";
import { HubUnavailableError } from "./errors.js";
import { eligibleFrom } from "./window.js";
import { HubError, type HubOptions } from "../hub/hub.js";
import type { CacheStore } from "../util/cache-store.js";
import { sha256File } from "../util/digest.js";
import { CancerAiError, InputError } from "../util/errors.js";
import { describeError, isTransient } from "../util/retry.js";

/** How many committed models are evaluated by default: the top 10 share all but 0.5 % of the rewards (rw:20-31). */
export const DEFAULT_TOP_N = 10;

/** What a forecast says when a hub call fails: it only reads. */
const READ_ONLY = "The forecast only reads: nothing was changed on the hub or on chain; run it again once the hub answers.";

/** A commitment validators read, of a hotkey registered now, for this competition. */
export interface CommittedModel {
  readonly uid: number;
  readonly hotkey: string;
  /** `CommitmentOf.block`: the block of the latest commit (store:125, the record's `date_submitted`, db:247). */
  readonly block: number;
  /** That block's timestamp; undefined when the node does not have the block. */
  readonly committedAt?: Date;
  /** committedAt + 120 min: packages released after it are evaluated (mm:216-281). */
  readonly eligibleFrom?: Date;
  /**
   * "eligible": committed before now − 120 min (strict, db:277 `date_submitted < cutoff_time`); "too-recent":
   * scores 0 on a package released now; "unknown": the block's time could not be read.
   */
  readonly age: "eligible" | "too-recent" | "unknown";
  /** The commitment text (first Raw field). */
  readonly commitment: string;
  readonly repo: string;
  readonly stem: string;
  /** The hash in the current commitment (its 4th part, whatever it holds). */
  readonly hash: string;
  /** `SubtensorModule.Incentive[uid]`, a u16 (65535 = all of the subnet's incentive). */
  readonly incentive: number;
}

export type IgnoreCode = "deregistered" | "no-commitment" | "unparsable" | "other-competition";

/** A commitment (or a registered hotkey) validators do not evaluate for this competition. */
export interface IgnoredCommitment {
  readonly hotkey: string;
  readonly uid?: number;
  readonly commitment?: string;
  readonly block?: number;
  readonly code: IgnoreCode;
  readonly reason: string;
}

export interface CommittedSet {
  readonly netuid: number;
  readonly competitionId: string;
  /** The best block when the commitments were read. */
  readonly atBlock: number;
  readonly now: Date;
  /** In uid order, as validators walk the metagraph (validator_helpers.py:70-84). */
  readonly models: CommittedModel[];
  readonly ignored: IgnoredCommitment[];
}

export interface ReadCommittedOptions {
  readonly netuid: number;
  readonly competitionId: string;
  /** Default: the current time (tests pass one: the local chain's blocks start on 2024-11-01). */
  readonly now?: Date;
}

/** How many block timestamps are read at once. */
const BLOCK_TIME_READS = 8;

/**
 * Step 1: the commitments of the hotkeys registered now, parsed as validators parse them (store:58-60: exactly
 * 4 `:` parts), for this competition (cm:175-179), with their uid, Incentive and age.
 */
export async function readCommitted(api: ApiPromise, options: ReadCommittedOptions): Promise<CommittedSet> {
  const { netuid, competitionId } = options;
  const now = options.now ?? new Date();
  const atBlock = await bestBlock(api);
  const registered = await registeredHotkeys(api, netuid);
  const incentive = await incentives(api, netuid);
  const entries = await chainRead(`the commitments of subnet ${netuid}`, () => api.query.commitments.commitmentOf.entries(netuid));
  const ignored: IgnoredCommitment[] = [];
  const found: Omit<CommittedModel, "committedAt" | "eligibleFrom" | "age">[] = [];
  const committed = new Set<string>();
  for (const [key, value] of entries) {
    const hotkey = key.args[1].toString();
    committed.add(hotkey);
    const uid = registered.get(hotkey);
    const onChain = commitmentFromJson(value.toJSON());
    const base = { hotkey, uid, commitment: onChain?.text, block: onChain?.block };
    // A deregistered hotkey's commitment stays in storage; validators only walk the metagraph (base_validator.py:63).
    if (uid === undefined) {
      ignored.push({ ...base, code: "deregistered", reason: "the hotkey is not registered on the subnet now" });
      continue;
    }
    const parsed = onChain ? parseCommitment(onChain.text) : undefined;
    if (!onChain || !parsed) {
      ignored.push({
        ...base,
        code: "unparsable",
        reason: onChain
          ? `"${onChain.text}" does not split into 4 parts (repo:stem:competition:sha256)`
          : "the commitment has no Raw field, which is all validators read",
      });
      continue;
    }
    if (parsed.competitionId !== competitionId) {
      ignored.push({ ...base, code: "other-competition", reason: `committed for competition ${parsed.competitionId}` });
      continue;
    }
    found.push({
      uid,
      hotkey,
      block: onChain.block,
      commitment: onChain.text,
      repo: parsed.repoId,
      stem: parsed.stem,
      hash: parsed.sha256,
      incentive: incentive.get(uid) ?? 0,
    });
  }
  for (const [hotkey, uid] of registered)
    if (!committed.has(hotkey)) ignored.push({ hotkey, uid, code: "no-commitment", reason: "no commitment on chain" });

  const times = await blockTimes(
    api,
    found.map((m) => m.block),
  );
  const models = found
    .map((m): CommittedModel => {
      const committedAt = times.get(m.block);
      if (!committedAt) return { ...m, age: "unknown" };
      const from = eligibleFrom(committedAt);
      // Eligible for a package released now: release − commit ≥ 120 min (mm:216-281) and commit < now − 120 min (db:277).
      return { ...m, committedAt, eligibleFrom: from, age: from.getTime() < now.getTime() ? "eligible" : "too-recent" };
    })
    .sort((a, b) => a.uid - b.uid);
  ignored.sort((a, b) => (a.uid ?? Infinity) - (b.uid ?? Infinity) || a.hotkey.localeCompare(b.hotkey));
  return { netuid, competitionId, atBlock, now, models, ignored };
}

/** The timestamps of these blocks, each read once, a few at a time. */
async function blockTimes(api: ApiPromise, blocks: number[]): Promise<Map<number, Date | undefined>> {
  const unique = [...new Set(blocks)];
  const times = new Map<number, Date | undefined>();
  for (let i = 0; i < unique.length; i += BLOCK_TIME_READS) {
    const batch = unique.slice(i, i + BLOCK_TIME_READS);
    const read = await Promise.all(batch.map((b) => blockTime(api, b)));
    batch.forEach((b, j) => times.set(b, read[j]));
  }
  return times;
}

export interface TopSelection {
  /** The models to check and evaluate, highest Incentive first. */
  readonly selected: CommittedModel[];
  /** Eligible (or of unknown age) models outside the top N: "not evaluated", still counted among the ranked. */
  readonly notEvaluated: CommittedModel[];
  /** Committed too recently: 0 on a package released now, whatever the model (no check needed). */
  readonly tooRecent: CommittedModel[];
}

/**
 * Step 2 (memo §6): the `n` models with the highest Incentive, ties to the older commitment block, then the lower
 * uid. Too-recent ones take no place: validators give them 0 without looking at the model.
 */
export function selectTop(models: readonly CommittedModel[], n: number): TopSelection {
  if (!Number.isInteger(n) || n < 0)
    throw new InputError(`the number of committed models to evaluate must be a whole number ≥ 0, not ${n}`);
  const tooRecent = models.filter((m) => m.age === "too-recent");
  const ranked = models
    .filter((m) => m.age !== "too-recent")
    .sort((a, b) => b.incentive - a.incentive || a.block - b.block || a.uid - b.uid);
  return { selected: ranked.slice(0, n), notEvaluated: ranked.slice(n), tooRecent };
}

/** Where downloaded models are kept: `<dir>/<sha256>/model.onnx`, and the cache service behind it. */
export interface ModelStore {
  readonly dir: string;
  readonly cache: CacheStore;
}

/** The cache key of a model: its SHA-256, as served. */
export const modelCacheKey = (sha256: string): string => `cancer-ai-model-${sha256}`;

/** `<dir>/<sha256>/model.onnx`: the name does not matter to validators, only the bytes (and their size, mm:198-202). */
export const modelPathFor = (store: ModelStore, sha256: string): string => path.join(store.dir, sha256, "model.onnx");

/** Why validators give a committed model 0 (memo §2). */
export type RejectionCode = "too-recent" | "license" | "no-file" | "download" | "hash" | "record";

/**
 * The checks validators run only inside a group of identical models (get_pioneer_models, mm:449-554): the record's
 * extrinsic must be signed by the hotkey (mm:508-510) and carry the *current* commitment's hash (mm:535-541); the
 * earliest record block among valid members keeps the score (mm:549-552).
 */
export interface PioneerCheck {
  readonly valid: boolean;
  /** The block of the extrinsic the record names: what validators compare among identical models. */
  readonly recordBlock: number;
  readonly signedByHotkey: boolean;
  readonly matchesCurrentCommitment: boolean;
  /** Why it would lose to (or with) an identical model, when not valid. */
  readonly reason?: string;
}

export type CommittedCheck =
  | {
      readonly status: "evaluable";
      /** The model as validators download it, to evaluate. */
      readonly modelPath: string;
      readonly sha256: string;
      readonly bytes?: number;
      readonly record: RecordExtrinsic;
      readonly pioneer: PioneerCheck;
      /** Where the file came from: the model folder, the cache service, or the hub. */
      readonly source: "folder" | "cache" | "hub";
    }
  | {
      readonly status: "rejected";
      readonly code: RejectionCode;
      /** The validators' reason (their wording first), with what this forecast saw. */
      readonly reason: string;
      /** A failed hash check also excludes the hotkey from copy grouping (cm:230-232, :398-399). */
      readonly slashed: boolean;
      /** The served model's hash, when it was downloaded. */
      readonly sha256?: string;
      readonly recordFailure?: RecordFailure;
    }
  | {
      /** The hub did not answer: nothing is known (never a rejection). */
      readonly status: "unavailable";
      readonly reason: string;
    };

export interface CheckOptions {
  readonly hub: HubOptions;
  readonly store: ModelStore;
}

/**
 * Step 3: the validators' checks on one committed model, in their order (memo §2, download_miner_model mm:92-205,
 * then cm:221-232). A hub that does not answer makes the check "unavailable"; a chain that does not answer throws.
 */
export async function checkCommitted(api: ApiPromise, model: CommittedModel, options: CheckOptions): Promise<CommittedCheck> {
  const rejected = (
    code: RejectionCode,
    reason: string,
    extra: { sha256?: string; recordFailure?: RecordFailure; slashed?: boolean } = {},
  ) =>
    ({
      status: "rejected",
      code,
      reason,
      slashed: extra.slashed ?? false,
      sha256: extra.sha256,
      recordFailure: extra.recordFailure,
    }) as const;
  if (model.age === "too-recent")
    return rejected(
      "too-recent",
      `Model was submitted too recently: committed ${model.committedAt?.toISOString()}, evaluated on packages released after ` +
        `${model.eligibleFrom?.toISOString()}`,
    );
  const repo: ModelRepo = { repoId: model.repo, hub: options.hub, standing: READ_ONLY };
  const file = `${model.stem}.onnx`;
  try {
    const state = await repoState(repo);
    const license = licenseProblem(state);
    if (license) return rejected("license", `${license.validators}: ${model.repo} ${license.detail}`);
    // mm:123-135: `fs.ls(repo)` (the root only), `name.split("/")[-1].lower() == filename.lower()`.
    const listed = [...state.files.keys()].filter((p) => !p.includes("/") && p.toLowerCase() === file.toLowerCase());
    if (listed.length === 0) {
      const why = file.includes("/") ? `: validators list only the repository's root, and "${file}" is in a folder` : "";
      return rejected("no-file", `File ${file} not found in repository ${model.repo}${why}`);
    }
    // mm:172-190: hf_hub_download(filename=<stem>.onnx), the exact name: a listing that matched only by case is a 404.
    if (!listed.includes(file))
      return rejected(
        "download",
        `Failed to download model file: ${model.repo} holds ${listed[0]}, not ${file}: validators find it when listing (ignoring ` +
          `case), then download ${file}, which does not exist`,
      );
    if (state.gated)
      return rejected(
        "download",
        `Failed to download model file: ${model.repo} is gated (${state.gated}); validators do not ask for access`,
      );
    const served = state.files.get(file);
    let fetched: Fetched;
    try {
      fetched = await fetchModel(repo, file, served && isSha256Hex(served) ? served : undefined, options);
    } catch (err) {
      // The hub refused the download itself (a 404 after the listing, a 403): validators' hf_hub_download fails alike.
      if (err instanceof HubError && !(err instanceof HubUnavailableError))
        return rejected("download", `Failed to download model file: ${describeError(err)}`);
      throw err;
    }
    const verified = await verifyRecord(api, repo, model.hotkey, fetched.sha256);
    if (verified.status === "fail")
      return rejected(verified.code === "hash" ? "hash" : "record", `Hash validation failed: ${verified.reason}`, {
        sha256: fetched.sha256,
        recordFailure: verified.code,
        slashed: true,
      });
    const { extrinsic } = verified;
    const matchesCurrentCommitment = extrinsic.hash === model.hash;
    // get_pioneer_models bounds-checks the index (mm:500-501) where Python's list indexing took a negative one.
    const problems = [
      ...(verified.signedByHotkey ? [] : [`the record's extrinsic ${extrinsic.id} is signed by ${extrinsic.signer ?? "nobody"}`]),
      ...(matchesCurrentCommitment ? [] : [`the record's extrinsic carries ${extrinsic.hash}, the current commitment ${model.hash}`]),
      ...(extrinsic.index < 0 ? [`the record's index ${extrinsic.index} is negative`] : []),
    ];
    return {
      status: "evaluable",
      modelPath: fetched.path,
      sha256: fetched.sha256,
      record: extrinsic,
      source: fetched.source,
      pioneer: {
        valid: problems.length === 0,
        recordBlock: extrinsic.block,
        signedByHotkey: verified.signedByHotkey,
        matchesCurrentCommitment,
        reason: problems.length ? `among identical models it would lose its score: ${problems.join("; ")}` : undefined,
      },
    };
  } catch (err) {
    if (err instanceof HubUnavailableError || (!(err instanceof CancerAiError) && isTransient(err)))
      return { status: "unavailable", reason: `could not check ${model.repo}: ${describeError(err)}` };
    throw err;
  }
}

/** mm:77-90: model_info fails (missing or private repository: "HF API ERROR"), or its card license lacks "mit". */
function licenseProblem(state: RepoState): { validators: string; detail: string } | undefined {
  const apiError = "Could not verify license due to HF API error";
  if (!state.exists) return { validators: apiError, detail: "does not exist (or is private)" };
  if (state.isPrivate) return { validators: apiError, detail: "is private: validators cannot read it" };
  if (!hasMitLicense(state))
    return { validators: "MIT license not found or invalid", detail: `has card license "${state.license ?? "none"}", without "mit"` };
  return undefined;
}

interface Fetched {
  readonly path: string;
  readonly sha256: string;
  readonly source: "folder" | "cache" | "hub";
}

/**
 * The model as the hub serves it, by content: `expected` is the listing's LFS SHA-256 (what the hub serves now), so
 * a copy already in the folder or in the cache is used only when its bytes hash to it. A corrupt copy is
 * downloaded again, with a warning; a cache that fails only warns. Without `expected` (a non-LFS file) the hub is
 * the only source.
 */
async function fetchModel(repo: ModelRepo, file: string, expected: string | undefined, options: CheckOptions): Promise<Fetched> {
  const { store } = options;
  const { log } = options.hub;
  const where = `${repo.repoId}/${file}`;
  if (expected) {
    const local = modelPathFor(store, expected);
    if (await holds(local, expected)) {
      log.info(`${where}: already downloaded (${local})`);
      return { path: local, sha256: expected, source: "folder" };
    }
    const key = modelCacheKey(expected);
    const restored = await cacheCall(log, `restore of ${key}`, () => store.cache.restore([path.dirname(local)], key));
    if (restored) {
      if (await holds(local, expected)) {
        log.info(`${where}: cache hit (${key})`);
        return { path: local, sha256: expected, source: "cache" };
      }
      log.warning(`${where}: the cached copy (${key}) does not hash to ${expected}; downloading it again`);
      await rm(path.dirname(local), { recursive: true, force: true });
    }
  }
  await mkdir(store.dir, { recursive: true });
  const partial = path.join(store.dir, `.download-${randomUUID()}.onnx`);
  try {
    const sha256 = await downloadedSha256(repo, file, partial);
    const dest = modelPathFor(store, sha256);
    await rm(path.dirname(dest), { recursive: true, force: true });
    await mkdir(path.dirname(dest), { recursive: true });
    await rename(partial, dest);
    if (expected && sha256 !== expected)
      log.warning(`${where}: the hub listed SHA-256 ${expected} but served ${sha256}; using what it served`);
    const key = modelCacheKey(sha256);
    if (await cacheCall(log, `save of ${key}`, () => store.cache.save([path.dirname(dest)], key)))
      log.info(`${where}: saved to the cache as ${key}`);
    return { path: dest, sha256, source: "hub" };
  } finally {
    await rm(partial, { force: true });
  }
}

/** Whether `file` exists and hashes to `sha256`. */
async function holds(file: string, sha256: string): Promise<boolean> {
  return existsSync(file) && (await sha256File(file)) === sha256;
}

/** A cache call that cannot fail the forecast: a fault is a warning and a miss. */
async function cacheCall<T>(log: HubOptions["log"], what: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    log.warning(`cache ${what} failed, continuing without it: ${describeError(err)}`);
    return undefined;
  }
}

export interface CommittedModelsOptions extends ReadCommittedOptions, CheckOptions {
  readonly network: string;
  /**
   * The candidate's own hotkey: its commitment is not one of the others (validators keep one model per
   * hotkey, so a new commitment replaces it). It is checked apart, for a candidate with the same bytes.
   */
  readonly own?: string;
  /** How many committed models to check and evaluate (default DEFAULT_TOP_N). */
  readonly top?: number;
}

export interface CheckedModel {
  readonly model: CommittedModel;
  readonly check: CommittedCheck;
}

export interface CommittedModels extends CommittedSet {
  /** The top N, checked, highest Incentive first. */
  readonly checked: CheckedModel[];
  /** Outside the top N: not evaluated. */
  readonly notEvaluated: CommittedModel[];
  /** Too recent: 0 on a package released now. */
  readonly tooRecent: CheckedModel[];
  /** The own hotkey (options.own), left out of the rest: its uid when registered, its commitment checked. */
  readonly own?: OwnHotkey;
}

export interface OwnHotkey {
  readonly hotkey: string;
  readonly uid?: number;
  /** Its commitment for this competition, checked as validators check it. */
  readonly committed?: CheckedModel;
  /** Why validators read no model of it for this competition (no commitment, another competition, …). */
  readonly ignored?: IgnoredCommitment;
}

/** Steps 1-3 over one connection: the committed models, the top N by Incentive, each checked (and downloaded). */
export async function committedModels(options: CommittedModelsOptions): Promise<CommittedModels> {
  const api = await connect(options.network);
  try {
    const read = await readCommitted(api, options);
    const mine = (entry: { readonly hotkey: string }): boolean => entry.hotkey === options.own;
    const set = { ...read, models: read.models.filter((m) => !mine(m)), ignored: read.ignored.filter((i) => !mine(i)) };
    const { selected, notEvaluated, tooRecent } = selectTop(set.models, options.top ?? DEFAULT_TOP_N);
    const checked: CheckedModel[] = [];
    // One at a time: parallel multi-MB downloads are no faster on a runner, and each check logs its progress.
    for (const model of selected) checked.push({ model, check: await checkCommitted(api, model, options) });
    const late = await Promise.all(tooRecent.map(async (model) => ({ model, check: await checkCommitted(api, model, options) })));
    return {
      ...set,
      checked,
      notEvaluated,
      tooRecent: late,
      ...(options.own && { own: await ownHotkey(api, read, options.own, options) }),
    };
  } finally {
    await api.disconnect();
  }
}

/** The own hotkey as the chain has it: registered or not, its commitment checked, or why there is none. */
async function ownHotkey(api: ApiPromise, set: CommittedSet, hotkey: string, options: CheckOptions): Promise<OwnHotkey> {
  const model = set.models.find((m) => m.hotkey === hotkey);
  const ignored = set.ignored.find((i) => i.hotkey === hotkey);
  const uid = model?.uid ?? ignored?.uid;
  return {
    hotkey,
    ...(uid !== undefined && { uid }),
    ...(model && { committed: { model, check: await checkCommitted(api, model, options) } }),
    ...(ignored && { ignored }),
  };
}
