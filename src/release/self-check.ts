/**
 * What a validator does to a committed model, step by step, so a miner
 * learns of a rejection before the validators do: registration, the
 * commitment, the HuggingFace repository and files, the model's hash, the
 * extrinsic record and its block, the commitment's age against the newest
 * dataset package, and finally the evaluation.
 */
import type { ApiPromise } from "@polkadot/api";
import path from "node:path";
import { listFiles } from "@huggingface/hub";
import { connect, findCommitExtrinsic, readCommitment, uidOf } from "./chain.js";
import { isSha256Hex, parseCommitment, type Commitment } from "./commitment.js";
import type { Competition } from "../competition/competition.js";
import { CancerAiError } from "../util/errors.js";
import { discoverDatasets, type HubOptions } from "../hub/hub.js";
import { downloadedSha256, hasMitLicense, readRecord, repoState, RECORD_FILE, type ModelRepo } from "./publish.js";
import { describeError } from "../util/retry.js";
import { runEvaluation, type RunRequest } from "../engine/run.js";
import { modelRejections } from "../engine/verdict.js";
import type { RunReport } from "../engine/results.js";

/** Validators evaluate a model only on packages released at least this long after its commitment. */
export const COMMIT_LEAD_MINUTES = 120;

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

/** The block's time, from its timestamp inherent (every block carries one). */
export async function blockTime(api: ApiPromise, block: number): Promise<Date | undefined> {
  const { block: content } = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(block));
  const inherent = content.extrinsics.find((ex) => ex.method.section === "timestamp" && ex.method.method === "set");
  return inherent ? new Date(Number(inherent.method.args[0].toString())) : undefined;
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
    if (
      !list.add(
        STEPS[0],
        uid === undefined ? "fail" : "pass",
        uid === undefined ? `not registered on subnet ${req.netuid}` : `uid ${uid} on subnet ${req.netuid}`,
      )
    ) {
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
    if (
      !list.add(STEPS[1], commitmentProblem ? "fail" : "pass", commitmentProblem ?? `${onChain?.text} (block ${onChain?.block})`) ||
      !commitment ||
      !onChain
    ) {
      list.skipRest(STEPS.slice(2), "no usable commitment");
      return result(commitment);
    }

    const repo: ModelRepo = { repoId: commitment.repoId, hub: req.hub };
    const state = await repoState(repo);
    const repoProblem = !state.exists
      ? "does not exist (or is private)"
      : state.isPrivate
        ? "is private"
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

    const missing = [`${commitment.stem}.onnx`, `${commitment.stem}.zip`].filter((f) => !state.files.has(f));
    if (
      !list.add(
        STEPS[3],
        missing.length ? "fail" : "pass",
        missing.length ? `missing ${missing.join(" and ")}` : `${commitment.stem}.onnx and ${commitment.stem}.zip`,
      )
    ) {
      list.skipRest(STEPS.slice(4), "the model file is missing");
      return result(commitment);
    }

    const modelFile = req.evaluate ? path.join(req.evaluate.modelDir, `${commitment.stem}.onnx`) : undefined;
    const served = await downloadedSha256(repo, `${commitment.stem}.onnx`, modelFile);
    list.add(
      STEPS[4],
      served === commitment.sha256 ? "pass" : "fail",
      served === commitment.sha256 ? served : `the hub serves ${served}, the commitment says ${commitment.sha256}`,
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

async function checkRecord(
  api: ApiPromise,
  repo: ModelRepo,
  hotkey: string,
  text: string,
  servedHash: string,
): Promise<[CheckStatus, string]> {
  const record = await readRecord(repo);
  if (!record) return ["fail", `${repo.repoId} has no readable ${RECORD_FILE}`];
  if (record.hotkey !== hotkey) return ["fail", `it names hotkey ${record.hotkey}, not ${hotkey}`];
  const match = /^(\d+)-(\d+)$/.exec(record.extrinsic);
  if (!match) return ["fail", `extrinsic "${record.extrinsic}" is not <block>-<index>`];
  const found = await findCommitExtrinsic(api, Number(match[1]), hotkey, text).catch(() => undefined);
  if (!found || found.index !== Number(match[2])) {
    return ["fail", `block ${match[1]} has no set_commitment at index ${match[2]} signed by ${hotkey} carrying this commitment`];
  }
  if (!text.endsWith(`:${servedHash}`)) return ["fail", `the recorded commitment's hash is not the served model's ${servedHash}`];
  return ["pass", `${record.extrinsic}: signed by the hotkey, carries the model's hash`];
}

async function checkAge(api: ApiPromise, block: number, req: SelfCheckRequest): Promise<[CheckStatus, string]> {
  const committedAt = await blockTime(api, block);
  if (!committedAt) return ["warn", `block ${block} has no timestamp`];
  const eligibleFrom = new Date(committedAt.getTime() + COMMIT_LEAD_MINUTES * 60_000);
  const now = req.now ?? new Date();
  let newest: string | undefined;
  try {
    newest = (await discoverDatasets(req.competition.id, req.configRepo, req.hub))[0]?.date;
  } catch (err) {
    return ["warn", `committed ${committedAt.toISOString()}; the newest dataset package could not be listed (${describeError(err)})`];
  }
  if (eligibleFrom > now) {
    const minutes = Math.ceil((eligibleFrom.getTime() - now.getTime()) / 60_000);
    return [
      "warn",
      `committed ${committedAt.toISOString()}: validators evaluate it only on packages released from ` +
        `${eligibleFrom.toISOString()}, in ${minutes} min`,
    ];
  }
  const note =
    newest && new Date(newest) < eligibleFrom
      ? `; the newest package (${newest}) came out before that, so the next package is the first it is scored on`
      : "";
  return ["pass", `committed ${committedAt.toISOString()}, eligible for packages released from ${eligibleFrom.toISOString()}${note}`];
}

export interface LeaderboardRow {
  readonly hotkey: string;
  readonly block: number;
  readonly commitment: string;
  readonly repo?: string;
  /** The committed hash equals the content id of {stem}.onnx on the hub. */
  readonly hashMatches: boolean;
  /** extrinsic_record.json exists and names this hotkey. */
  readonly recordMatches: boolean;
}

/** Every commitment on the subnet for the competition, checked read-only (no downloads of models, no evaluation). */
export async function leaderboard(network: string, netuid: number, competition: Competition, hub: HubOptions): Promise<LeaderboardRow[]> {
  const api = await connect(network);
  try {
    const entries = await api.query.commitments.commitmentOf.entries(netuid);
    const rows: LeaderboardRow[] = [];
    for (const [key] of entries) {
      const hotkey = key.args[1].toString();
      const onChain = await readCommitment(api, netuid, hotkey);
      const parsed = onChain ? parseCommitment(onChain.text) : undefined;
      if (!onChain || !parsed || parsed.competitionId !== competition.id) continue;
      const repo: ModelRepo = { repoId: parsed.repoId, hub };
      let hashMatches = false;
      try {
        for await (const f of listFiles({
          repo: { type: "model", name: parsed.repoId },
          hubUrl: hub.hubUrl,
          accessToken: hub.accessToken,
        })) {
          if (f.path === `${parsed.stem}.onnx`) hashMatches = f.lfs?.oid === parsed.sha256;
        }
      } catch {
        hashMatches = false;
      }
      const record = await readRecord(repo);
      rows.push({
        hotkey,
        block: onChain.block,
        commitment: onChain.text,
        repo: parsed.repoId,
        hashMatches,
        recordMatches: record?.hotkey === hotkey,
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
