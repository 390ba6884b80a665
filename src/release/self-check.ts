/**
 * What a validator does to a committed model, step by step, so a miner
 * learns of a rejection before the validators do: registration, the
 * commitment, the HuggingFace repository and files, the model's hash, the
 * extrinsic record and its block, the commitment's age against the newest
 * dataset package, and finally the evaluation. A check fails only where
 * validators reject; what they do not enforce (the code zip, the miner CLI's
 * byte limits, the record's signer) is a warning. A hub or node that does not
 * answer is an error, never a failed check.
 */
import type { ApiPromise } from "@polkadot/api";
import path from "node:path";
import { listFiles } from "@huggingface/hub";
import { blockTime, commitmentFromJson, connect, readCommitment, registeredHotkeys, subnetExists, uidOf } from "./chain.js";
import { commitmentAdvice, isSha256Hex, parseCommitment, type Commitment } from "./commitment.js";
import type { Competition } from "../competition/competition.js";
import { CancerAiError } from "../util/errors.js";
import { discoverDatasets, type HubOptions } from "../hub/hub.js";
import { downloadedSha256, hasMitLicense, hubCall, repoState, RECORD_FILE, type ModelRepo } from "./publish.js";
import { verifyRecord } from "./record-check.js";
import { describeError, httpStatus, isTransient } from "../util/retry.js";
import { runEvaluation, type RunRequest } from "../engine/run.js";
import { modelRejections } from "../engine/verdict.js";
import type { RunReport } from "../engine/results.js";
import { COMMIT_LEAD_MINUTES, eligibleFrom } from "./window.js";
import { HubUnavailableError } from "./errors.js";

export { COMMIT_LEAD_MINUTES };

export type CheckStatus = "pass" | "fail" | "warn" | "skip";

export interface Check {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
}

export interface SelfCheckRequest {
  readonly hotkey: string;
  readonly network: string;
  readonly netuid: number;
  readonly competition: Competition;
  readonly hub: HubOptions;
  readonly configRepo: string;
  /** Where the committed model is downloaded to; with it, the model is also evaluated. */
  readonly evaluate?: Omit<RunRequest, "modelPath" | "competition" | "hub" | "configRepo"> & { readonly modelDir: string };
  readonly now?: Date;
}

export interface SelfCheckResult {
  readonly hotkey: string;
  readonly netuid: number;
  readonly commitment?: Commitment;
  readonly checks: Check[];
  readonly evaluation?: RunReport;
  /** True when no check a validator rejects on failed. */
  readonly passed: boolean;
}

class Checklist {
  readonly checks: Check[] = [];
  add(name: string, status: CheckStatus, detail: string): boolean {
    this.checks.push({ name, status, detail });
    return status !== "fail";
  }
  skipRest(names: string[], why: string): void {
    for (const name of names) this.add(name, "skip", why);
  }
}

const STEPS = [
  "hotkey registered",
  "commitment on chain",
  "HuggingFace repository",
  "model and code files",
  "model hash",
  RECORD_FILE,
  "commitment age",
  "evaluation",
];

/** Said in the error of a hub call that fails during a check. */
const READ_ONLY = "The check only reads: nothing was changed on the hub or on chain; run it again once the hub answers.";

export async function selfCheck(req: SelfCheckRequest): Promise<SelfCheckResult> {
  const list = new Checklist();
  const result = (commitment?: Commitment, evaluation?: RunReport): SelfCheckResult => ({
    hotkey: req.hotkey,
    netuid: req.netuid,
    commitment,
    checks: list.checks,
    evaluation,
    passed: list.checks.every((c) => c.status !== "fail"),
  });
  const api = await connect(req.network);
  try {
    const uid = await uidOf(api, req.netuid, req.hotkey);
    const unregistered =
      uid !== undefined
        ? undefined
        : (await subnetExists(api, req.netuid)) === false
          ? `subnet ${req.netuid} does not exist on ${req.network}`
          : `not registered on subnet ${req.netuid}`;
    if (!list.add(STEPS[0], unregistered ? "fail" : "pass", unregistered ?? `uid ${uid} on subnet ${req.netuid}`)) {
      list.skipRest(STEPS.slice(1), "the hotkey is not registered");
      return result();
    }

    const onChain = await readCommitment(api, req.netuid, req.hotkey);
    const commitment = onChain ? parseCommitment(onChain.text) : undefined;
    const commitmentProblem = !onChain
      ? "no commitment for this hotkey"
      : !commitment
        ? `"${onChain.text}" does not split into 4 parts (repo:stem:competition:sha256)`
        : commitment.competitionId !== req.competition.id
          ? `committed for competition ${commitment.competitionId}, not ${req.competition.id}`
          : !isSha256Hex(commitment.sha256)
            ? `the hash "${commitment.sha256}" is not a SHA-256`
            : undefined;
    // The miner CLI's byte limits: validators read anything that fits the 128-byte commitment.
    const advice = commitment && !commitmentProblem ? commitmentAdvice(commitment) : [];
    const commitmentDetail = commitmentProblem ?? [`${onChain?.text} (block ${onChain?.block})`, ...advice].join("; ");
    if (!list.add(STEPS[1], commitmentProblem ? "fail" : advice.length ? "warn" : "pass", commitmentDetail) || !commitment || !onChain) {
      list.skipRest(STEPS.slice(2), "no usable commitment");
      return result(commitment);
    }

    const repo: ModelRepo = { repoId: commitment.repoId, hub: req.hub, standing: READ_ONLY };
    const state = await repoState(repo);
    const repoProblem = !state.exists
      ? "does not exist (or is private)"
      : state.isPrivate
        ? "is private"
        : state.gated
          ? `is gated (${state.gated}): validators download without asking for access`
          : !hasMitLicense(state)
            ? `card license "${state.license ?? "none"}" does not contain "mit"`
            : undefined;
    if (
      !list.add(
        STEPS[2],
        repoProblem ? "fail" : "pass",
        repoProblem ? `${commitment.repoId} ${repoProblem}` : `${commitment.repoId}: public, license ${state.license}`,
      )
    ) {
      list.skipRest(STEPS.slice(3), "the repository is not usable");
      return result(commitment);
    }

    // Validators download only <stem>.onnx; the code zip is the subnet's rule, which no validator checks.
    const model = `${commitment.stem}.onnx`;
    const code = `${commitment.stem}.zip`;
    const [filesStatus, filesDetail]: [CheckStatus, string] = !state.files.has(model)
      ? ["fail", `missing ${model}${state.files.has(code) ? "" : ` and ${code}`}`]
      : !state.files.has(code)
        ? ["warn", `${model}; no ${code}: validators do not check the code zip, but the subnet's rules ask for the training code`]
        : ["pass", `${model} and ${code}`];
    if (!list.add(STEPS[3], filesStatus, filesDetail)) {
      list.skipRest(STEPS.slice(4), "the model file is missing");
      return result(commitment);
    }

    const modelFile = req.evaluate ? path.join(req.evaluate.modelDir, `${commitment.stem}.onnx`) : undefined;
    const served = await downloadedSha256(repo, `${commitment.stem}.onnx`, modelFile);
    // Validators check the served model against the commitment the record names (next step), not against the
    // current one (model_manager.py verify_hash_from_extrinsic); the current one counts only among identical models.
    list.add(
      STEPS[4],
      served === commitment.sha256 ? "pass" : "warn",
      served === commitment.sha256
        ? served
        : `the hub serves ${served}, the commitment says ${commitment.sha256}: validators compare the served model with the ` +
            `commitment ${RECORD_FILE} names (next step), so they still score it if that one carries ${served.slice(0, 12)}…; ` +
            "but if another hotkey serves the same model, a hotkey whose current commitment does not carry its hash loses it",
    );

    list.add(STEPS[5], ...(await checkRecord(api, repo, req.hotkey, onChain.text, served)));

    list.add(STEPS[6], ...(await checkAge(api, onChain.block, req)));
    if (!req.evaluate || !modelFile) {
      list.add(STEPS[7], "skip", "not requested");
      return result(commitment);
    }
    try {
      const evaluation = await runEvaluation({
        ...req.evaluate,
        modelPath: modelFile,
        competition: req.competition,
        hub: req.hub,
        configRepo: req.configRepo,
      });
      const rejected = modelRejections(evaluation);
      const on = evaluation.datasets.map((d) => d.dataset).join(", ");
      if (rejected.length > 0) list.add(STEPS[7], "fail", rejected.map((d) => `${d.dataset}: ${d.verdict?.message}`).join("; "));
      else if (evaluation.score === null)
        list.add(STEPS[7], "warn", `no score on ${on}: validators would fail every package for every model`);
      else list.add(STEPS[7], "pass", `score ${evaluation.score.toFixed(6)} on ${on}`);
      return result(commitment, evaluation);
    } catch (err) {
      list.add(STEPS[7], "fail", describeError(err));
      return result(commitment);
    }
  } finally {
    await api.disconnect();
  }
}

/**
 * extrinsic_record.json as validators check it (verify_hash_from_extrinsic, record-check.ts): the record must
 * name this hotkey, and the extrinsic it names must be a set_commitment whose first Raw field ends in the served
 * model's hash. The extrinsic's signer is only compared when several hotkeys serve identical models
 * (get_pioneer_models): a record signed by another key is a warning.
 */
async function checkRecord(
  api: ApiPromise,
  repo: ModelRepo,
  hotkey: string,
  text: string,
  servedHash: string,
): Promise<[CheckStatus, string]> {
  const verified = await verifyRecord(api, repo, hotkey, servedHash);
  if (verified.status === "fail") return ["fail", verified.reason];
  const { extrinsic } = verified;
  if (!verified.signedByHotkey)
    return [
      "warn",
      `${extrinsic.id} carries the model's hash but is signed by ${extrinsic.signer ?? "nobody"}, not the hotkey: validators only ` +
        `check the signer when another hotkey serves an identical model, and then this record loses the "earliest commitment" check`,
    ];
  const note = extrinsic.text === text ? "" : ` (an earlier commitment with the same model: ${extrinsic.text})`;
  return ["pass", `${extrinsic.id}: signed by the hotkey, carries the model's hash${note}`];
}

async function checkAge(api: ApiPromise, block: number, req: SelfCheckRequest): Promise<[CheckStatus, string]> {
  const committedAt = await blockTime(api, block);
  if (!committedAt) return ["warn", `block ${block} has no timestamp`];
  const eligible = eligibleFrom(committedAt);
  const now = req.now ?? new Date();
  let newest: string | undefined;
  try {
    newest = (await discoverDatasets(req.competition.id, req.configRepo, req.hub))[0]?.date;
  } catch (err) {
    return ["warn", `committed ${committedAt.toISOString()}; the newest dataset package could not be listed (${describeError(err)})`];
  }
  if (eligible > now) {
    const minutes = Math.ceil((eligible.getTime() - now.getTime()) / 60_000);
    return [
      "warn",
      `committed ${committedAt.toISOString()}: validators evaluate it only on packages released from ` +
        `${eligible.toISOString()}, in ${minutes} min`,
    ];
  }
  const note =
    newest && new Date(newest) < eligible
      ? `; the newest package (${newest}) came out before that, so the next package is the first it is scored on`
      : "";
  return ["pass", `committed ${committedAt.toISOString()}, eligible for packages released from ${eligible.toISOString()}${note}`];
}

export interface LeaderboardRow {
  readonly hotkey: string;
  readonly uid: number;
  readonly block: number;
  readonly commitment: string;
  readonly repo?: string;
  /** The current commitment's hash equals the content id of {stem}.onnx on the hub (advice); undefined: the hub did not answer. */
  readonly hashMatches?: boolean;
  /**
   * Validators verify the model: extrinsic_record.json names this hotkey and a commitment whose hash is the
   * served model's (what they check, rather than the current commitment); undefined: the hub did not answer.
   */
  readonly recordMatches?: boolean;
}

/** The content id of `{stem}.onnx`, null when the repository or the file is not there; a hub that does not answer throws. */
export async function servedModelId(repoId: string, file: string, hub: HubOptions): Promise<string | null> {
  return hubCall(`listing ${repoId}`, { repoId, hub, standing: READ_ONLY }, async (fetch) => {
    try {
      for await (const f of listFiles({ repo: { type: "model", name: repoId }, hubUrl: hub.hubUrl, accessToken: hub.accessToken, fetch })) {
        if (f.path === file) return f.lfs?.oid ?? f.oid ?? null;
      }
      return null;
    } catch (err) {
      if (httpStatus(err) === 404 || httpStatus(err) === 401) return null;
      throw err;
    }
  });
}

/** A check that may meet a hub that does not answer: undefined then ("could not check"), never false. */
export async function unlessUnavailable<T>(hub: HubOptions, what: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (!isTransient(err) && !(err instanceof HubUnavailableError)) throw err;
    hub.log.warning(`could not check ${what}: ${describeError(err)}`);
    return undefined;
  }
}

/**
 * The competition's commitments as validators read them: only hotkeys registered on the subnet now
 * (a deregistered hotkey's commitment stays in storage, and validators ignore it), checked
 * read-only (no model downloads, no evaluation).
 */
export async function leaderboard(network: string, netuid: number, competition: Competition, hub: HubOptions): Promise<LeaderboardRow[]> {
  const api = await connect(network);
  try {
    const registered = await registeredHotkeys(api, netuid);
    const entries = await api.query.commitments.commitmentOf.entries(netuid);
    const rows: LeaderboardRow[] = [];
    for (const [key, value] of entries) {
      const hotkey = key.args[1].toString();
      const uid = registered.get(hotkey);
      const onChain = commitmentFromJson(value.toJSON());
      const parsed = onChain ? parseCommitment(onChain.text) : undefined;
      if (uid === undefined || !onChain || !parsed || parsed.competitionId !== competition.id) continue;
      const repo: ModelRepo = { repoId: parsed.repoId, hub, standing: READ_ONLY };
      const served = await unlessUnavailable(hub, `${parsed.repoId}/${parsed.stem}.onnx`, () =>
        servedModelId(parsed.repoId, `${parsed.stem}.onnx`, hub),
      );
      // The validators' own verification: the record names this hotkey and a commitment carrying the served hash.
      const verified =
        served === undefined
          ? undefined
          : served === null
            ? false
            : await unlessUnavailable(hub, `${parsed.repoId}/${RECORD_FILE}`, async () => {
                const [status] = await checkRecord(api, repo, hotkey, onChain.text, served);
                return status !== "fail";
              });
      rows.push({
        hotkey,
        uid,
        block: onChain.block,
        commitment: onChain.text,
        repo: parsed.repoId,
        hashMatches: served === undefined ? undefined : served === parsed.sha256,
        recordMatches: verified,
      });
    }
    return rows.sort((a, b) => a.block - b.block);
  } catch (err) {
    if (err instanceof CancerAiError) throw err;
    throw new CancerAiError(`reading the commitments of subnet ${netuid} failed: ${describeError(err)}`);
  } finally {
    await api.disconnect();
  }
}
