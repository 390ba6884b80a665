/**
 * Publishing a model for validators: pre-flight checks (all offline, before
 * anything is uploaded or sent), the HuggingFace upload, the on-chain
 * commitment and extrinsic_record.json. Each step first looks at what is
 * already there, so a re-run of the same release changes nothing.
 */
import type { ApiPromise } from "@polkadot/api";
import type { KeyringPair } from "@polkadot/keyring/types";
import path from "node:path";
import { connect, findCommitExtrinsic, readCommitment, submitCommitment, uidOf, ChainError, type CommittedExtrinsic } from "./chain.js";
import { checkCommitment, encodeSetCommitment, modelStem } from "./commitment.js";
import type { Competition } from "../competition/competition.js";
import { sha256File } from "../util/digest.js";
import { InputError } from "../util/errors.js";
import type { HubOptions } from "../hub/hub.js";
import { hotkeyFromMnemonic } from "./hotkey.js";
import { loadModel } from "../engine/inference.js";
import { checkNoExternalData } from "../engine/onnx-file.js";
import {
  checkRepoAcceptable,
  createPublicRepo,
  downloadedSha256,
  readRecord,
  repoState,
  uploadInOneCommit,
  uploadRecord,
  zipCode,
  RECORD_FILE,
  type ModelRepo,
} from "./publish.js";

export interface ReleaseRequest {
  readonly modelPath: string;
  readonly repoId: string;
  /** The file name on the hub, `<stem>.onnx` (default: the model file's name). */
  readonly modelName?: string;
  readonly codeDir?: string;
  readonly competition: Competition;
  readonly hub: HubOptions;
  readonly network: string;
  readonly netuid: number;
  readonly mnemonic: string;
  /** false: upload to HuggingFace only. */
  readonly submit: boolean;
  /** Where the code zip is written. */
  readonly workDir: string;
}

export interface ReleaseResult {
  readonly hotkey: string;
  readonly modelHash: string;
  readonly commitment: string;
  readonly callData: string;
  readonly hfUrl: string;
  readonly extrinsic?: string;
  /** What this run changed; all false on an idempotent re-run. */
  readonly uploaded: boolean;
  readonly committed: boolean;
  readonly recorded: boolean;
}

interface Preflight {
  readonly pair: KeyringPair;
  readonly stem: string;
  readonly localHash: string;
  /** The commitment for the local model, which the hub serves byte for byte once uploaded. */
  readonly commitment: string;
}

/** Everything that can be checked without a network: model, names, lengths, hotkey. */
export async function preflight(req: ReleaseRequest): Promise<Preflight> {
  const stem = modelStem(req.modelName || path.basename(req.modelPath));
  // Before loading: onnxruntime here finds the side file and loads fine, validators get only <stem>.onnx and score 0.
  await checkNoExternalData(req.modelPath, `${stem}.onnx`);
  await (await loadModel(req.modelPath, req.competition)).close();
  const localHash = await sha256File(req.modelPath);
  const commitment = checkCommitment({ repoId: req.repoId, stem, competitionId: req.competition.id, sha256: localHash });
  if (!Number.isInteger(req.netuid) || req.netuid < 0 || req.netuid > 0xffff)
    throw new InputError(`netuid ${req.netuid} is not a subnet id (0..65535)`);
  const pair = await hotkeyFromMnemonic(req.mnemonic);
  return { pair, stem, localHash, commitment };
}

export interface DryRun {
  readonly commitment: string;
  readonly call_data: string;
  readonly hotkey: string;
  readonly model_hash: string;
}

/** The offline checks and the exact call that would be sent (the hub serves the same bytes, so the local hash is the hash). */
export async function dryRun(req: ReleaseRequest): Promise<DryRun> {
  const { pair, localHash, commitment } = await preflight(req);
  return { commitment, call_data: encodeSetCommitment(req.netuid, commitment), hotkey: pair.address, model_hash: localHash };
}

export async function release(req: ReleaseRequest): Promise<ReleaseResult> {
  const { log } = req.hub;
  const { pair, stem, localHash, commitment } = await preflight(req);
  const hotkey = pair.address;
  let api: ApiPromise | undefined;
  try {
    if (req.submit) {
      api = await connect(req.network);
      const uid = await uidOf(api, req.netuid, hotkey);
      if (uid === undefined)
        throw new ChainError(
          `hotkey ${hotkey} is not registered on subnet ${req.netuid} of ${req.network}: register it before releasing ` +
            `(validators only read registered hotkeys' commitments)`,
        );
      log.info(`hotkey ${hotkey} is uid ${uid} on subnet ${req.netuid}`);
    }
    const repo: ModelRepo = { repoId: req.repoId, hub: req.hub };
    const uploaded = await publishFiles(req, repo, stem, localHash);
    const modelHash = await downloadedSha256(repo, `${stem}.onnx`);
    if (modelHash !== localHash)
      throw new ChainError(
        `${req.repoId}/${stem}.onnx on the hub has SHA-256 ${modelHash}, not the local model's ${localHash}: the upload did not take`,
      );
    const base = {
      hotkey,
      modelHash,
      commitment,
      callData: encodeSetCommitment(req.netuid, commitment),
      hfUrl: `${req.hub.hubUrl}/${req.repoId}`,
      uploaded,
    };
    if (!api) return { ...base, committed: false, recorded: false };

    const { extrinsic, committed } = await commitOnce(api, pair, req, commitment);
    const existing = await readRecord(repo);
    const recorded = existing?.hotkey !== hotkey || existing.extrinsic !== extrinsic.id;
    if (recorded) await uploadRecord(repo, { hotkey, extrinsic: extrinsic.id });
    log.info(recorded ? `${RECORD_FILE} uploaded: ${extrinsic.id}` : `${RECORD_FILE} already names ${extrinsic.id}`);
    return { ...base, extrinsic: extrinsic.id, committed, recorded };
  } finally {
    await api?.disconnect();
  }
}

async function publishFiles(req: ReleaseRequest, repo: ModelRepo, stem: string, localHash: string): Promise<boolean> {
  const { log } = req.hub;
  let state = await repoState(repo);
  if (!state.exists) {
    await createPublicRepo(repo);
    state = await repoState(repo);
  }
  checkRepoAcceptable(repo, state);
  const files: { path: string; local: string }[] = [];
  if (state.files.get(`${stem}.onnx`) !== localHash) files.push({ path: `${stem}.onnx`, local: req.modelPath });
  if (req.codeDir) {
    const zip = path.join(req.workDir, `${stem}.zip`);
    const zipHash = await zipCode(req.codeDir, zip);
    if (state.files.get(`${stem}.zip`) !== zipHash) files.push({ path: `${stem}.zip`, local: zip });
  } else if (!state.files.has(`${stem}.zip`)) {
    throw new InputError(
      `${req.repoId} has no ${stem}.zip and no code-directory was given: validators expect the training code next to the model`,
    );
  }
  if (files.length === 0) {
    log.info(`${req.repoId} already holds ${stem}.onnx and ${stem}.zip with this content: nothing to upload`);
    return false;
  }
  const commit = await uploadInOneCommit(repo, files, `Release ${stem} (${files.map((f) => f.path).join(", ")})`);
  log.info(`uploaded ${files.map((f) => f.path).join(" and ")} to ${req.repoId} in one commit${commit ? ` (${commit.slice(0, 7)})` : ""}`);
  return true;
}

/** Commits unless the chain already holds exactly this commitment for the hotkey. */
async function commitOnce(
  api: ApiPromise,
  pair: KeyringPair,
  req: ReleaseRequest,
  commitment: string,
): Promise<{ extrinsic: CommittedExtrinsic; committed: boolean }> {
  const { log } = req.hub;
  const current = await readCommitment(api, req.netuid, pair.address);
  if (current?.text === commitment) {
    const found = await findCommitExtrinsic(api, current.block, pair.address, commitment);
    if (!found)
      throw new ChainError(
        `the commitment is on chain since block ${current.block}, but that block has no matching extrinsic (an archive node may be needed)`,
      );
    log.info(`the chain already holds this commitment (extrinsic ${found.id}): not committing again`);
    return { extrinsic: found, committed: false };
  }
  const extrinsic = await submitCommitment(api, pair, req.netuid, commitment, log, () => connect(req.network));
  // After a dropped connection the first API is dead: verify through a new one.
  const reader = api.isConnected ? api : await connect(req.network);
  try {
    const readBack = await readCommitment(reader, req.netuid, pair.address);
    const verified = await findCommitExtrinsic(reader, extrinsic.block, pair.address, commitment);
    if (readBack?.text !== commitment || verified?.id !== extrinsic.id) {
      throw new ChainError(
        `the commitment was finalized as ${extrinsic.id}, but reading it back does not show it signed by ${pair.address}`,
      );
    }
  } finally {
    if (reader !== api) await reader.disconnect();
  }
  log.info(`committed on chain: ${extrinsic.id}`);
  return { extrinsic, committed: true };
}
