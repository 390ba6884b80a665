/**
 * Publishing a model for validators, in three stages, so that bad input
 * never leaves anything half-published:
 *
 * 1. offline: the model (loads, no external data), the names and the
 *    commitment's limits, the code folder (zipped locally), the hotkey (only
 *    when committing);
 * 2. read-only: the chain (the subnet, the hotkey's registration and
 *    commitment, the chain's commitment limit), the hub (the repository is
 *    public, not gated, MIT; the token may write; the file a live commitment
 *    points to is not replaced) and the release window;
 * 3. the writes: repository, upload, commitment, extrinsic_record.json.
 *
 * Each write first looks at what is there, so a failed run leaves either
 * nothing new or a state the next run completes, and a re-run of a finished
 * release changes nothing.
 */
import type { ApiPromise } from "@polkadot/api";
import type { KeyringPair } from "@polkadot/keyring/types";
import path from "node:path";
import {
  bestBlock,
  blockTime,
  connect,
  findCommitExtrinsic,
  FinalizationTimeoutError,
  networkUrl,
  readCommitment,
  subnetExists,
  submitCommitment,
  uidOf,
  ChainError,
  type CommittedExtrinsic,
  type OnChainCommitment,
  type SubmitOptions,
} from "./chain.js";
import { checkCommitment, commitmentAdvice, encodeSetCommitment, modelStem, parseCommitment } from "./commitment.js";
import type { Competition } from "../competition/competition.js";
import { sha256File } from "../util/digest.js";
import { InputError } from "../util/errors.js";
import { DEFAULT_CONFIG_REPO, discoverDatasets, HubError, type HubOptions } from "../hub/hub.js";
import { hotkeyFromMnemonic } from "./hotkey.js";
import { checkModel } from "../engine/inference.js";
import { checkNoExternalData } from "../engine/onnx-file.js";
import type { Log } from "../util/log.js";
import { describeError } from "../util/retry.js";
import { CommitLimitError, ReleaseRefusedError, UnsafeReleaseError } from "./errors.js";
import { commitAllowance, readCommitLimit, whenAllowed } from "./limits.js";
import { defaultStem } from "./naming.js";
import {
  checkRepoAcceptable,
  checkWriteAccess,
  codeFiles,
  createPublicRepo,
  downloadedSha256,
  readRecord,
  repoState,
  uploadInOneCommit,
  uploadRecord,
  zipCode,
  RECORD_FILE,
  type ModelRepo,
  type RecordRead,
  type RepoState,
} from "./publish.js";
import { COMMIT_LEAD_MINUTES, eligibleFrom, utc, windowMessage, windowVerdict, type WindowCheck } from "./window.js";

export interface ReleaseRequest {
  readonly modelPath: string;
  readonly repoId: string;
  /** The file name on the hub, `<stem>.onnx`; default: a new name per release (naming.ts). */
  readonly modelName?: string;
  /** What the default name starts with: the release's tag; default: the model file's name. */
  readonly nameLabel?: string;
  readonly codeDir?: string;
  readonly competition: Competition;
  readonly hub: HubOptions;
  /** The competition configuration space, for the package history (default: safescanai/competition-configuration). */
  readonly configRepo?: string;
  readonly network: string;
  readonly netuid: number;
  /** The hotkey's mnemonic: read only when submitting. */
  readonly mnemonic?: string;
  /** false: upload to HuggingFace only (no hotkey needed). */
  readonly submit: boolean;
  /** Default warn. */
  readonly windowCheck?: WindowCheck;
  /** Where the code zip is written. */
  readonly workDir: string;
  /** The clock, for tests. */
  readonly now?: () => Date;
  /** How long the commitment may take to finalize, and how often the wait is logged (tests shorten them). */
  readonly chainWait?: SubmitOptions;
}

export interface ReleaseResult {
  /** The hotkey's SS58 address; none for an upload without submitting. */
  readonly hotkey?: string;
  /** `<stem>.onnx` on the hub. */
  readonly modelName: string;
  readonly modelHash: string;
  readonly commitment: string;
  readonly callData: string;
  readonly hfUrl: string;
  readonly extrinsic?: string;
  /** The commitment's block, and when validators start evaluating it: on packages released from then on. */
  readonly committedBlock?: number;
  readonly eligibleFrom?: Date;
  /** What this run changed; all false on an idempotent re-run. */
  readonly uploaded: boolean;
  readonly committed: boolean;
  readonly recorded: boolean;
}

interface Offline {
  readonly stem: string;
  readonly localHash: string;
  /** The commitment for the local model, which the hub serves byte for byte once uploaded. */
  readonly commitment: string;
  /** Only when submitting. */
  readonly pair?: KeyringPair;
  /** The code zip, written to workDir (undefined without a code-directory, or in a dry run). */
  readonly zip?: { readonly local: string; readonly sha256: string };
}

/** Everything that can be checked without a network: model, names, lengths, code folder, hotkey. */
export async function preflight(req: ReleaseRequest, options: { zip: boolean } = { zip: true }): Promise<Offline> {
  const { log } = req.hub;
  if (!Number.isInteger(req.netuid) || req.netuid < 0 || req.netuid > 0xffff)
    throw new InputError(`netuid ${req.netuid} is not a subnet id (0..65535)`);
  const explicit = req.modelName ? modelStem(req.modelName) : undefined;
  // Before loading: onnxruntime here finds the side file and loads fine, validators get only <stem>.onnx and score 0.
  await checkNoExternalData(req.modelPath, req.modelName);
  await checkModel(req.modelPath, req.competition);
  const localHash = await sha256File(req.modelPath);
  const stem = explicit ?? defaultStem(req.nameLabel || path.basename(req.modelPath), localHash);
  const parts = { repoId: req.repoId, stem, competitionId: req.competition.id, sha256: localHash };
  const commitment = checkCommitment(parts);
  for (const advice of commitmentAdvice(parts)) log.warning(advice);
  let zip: Offline["zip"];
  if (req.codeDir && options.zip) {
    const local = path.join(req.workDir, `${stem}.zip`);
    zip = { local, sha256: await zipCode(req.codeDir, local) };
  } else if (req.codeDir) await codeFiles(req.codeDir);
  if (!req.submit) return { stem, localHash, commitment, zip };
  if (!req.mnemonic)
    throw new InputError(
      "committing on chain needs the hotkey's mnemonic: hotkey-mnemonic (action, from a secret) or HOTKEY_MNEMONIC (CLI)",
    );
  return { stem, localHash, commitment, zip, pair: await hotkeyFromMnemonic(req.mnemonic) };
}

export interface DryRun {
  readonly commitment: string;
  readonly call_data: string;
  /** None without submit. */
  readonly hotkey?: string;
  readonly model_name: string;
  readonly model_hash: string;
}

/** The offline checks and the exact call that would be sent (the hub serves the same bytes, so the local hash is the hash). */
export async function dryRun(req: ReleaseRequest): Promise<DryRun> {
  const { pair, localHash, commitment, stem } = await preflight(req, { zip: false });
  return {
    commitment,
    call_data: encodeSetCommitment(req.netuid, commitment),
    hotkey: pair?.address,
    model_name: `${stem}.onnx`,
    model_hash: localHash,
  };
}

/** The chain as read before anything is written (only when submitting). */
interface ChainView {
  readonly api: ApiPromise;
  readonly pair: KeyringPair;
  readonly current?: OnChainCommitment;
  /** Set when the chain already holds exactly this commitment: its extrinsic. */
  readonly existing?: CommittedExtrinsic;
}

async function readChain(api: ApiPromise, req: ReleaseRequest, offline: Offline & { pair: KeyringPair }): Promise<ChainView> {
  const { log } = req.hub;
  const hotkey = offline.pair.address;
  if ((await subnetExists(api, req.netuid)) === false)
    throw new ReleaseRefusedError(`subnet ${req.netuid} does not exist on ${req.network}: check netuid (CancerAI is subnet 76 on finney)`);
  const uid = await uidOf(api, req.netuid, hotkey);
  if (uid === undefined)
    throw new ReleaseRefusedError(
      `hotkey ${hotkey} is not registered on subnet ${req.netuid} of ${req.network}: register it before releasing ` +
        `(validators only read registered hotkeys' commitments)`,
    );
  log.info(`hotkey ${hotkey} is uid ${uid} on subnet ${req.netuid}`);
  const current = await readCommitment(api, req.netuid, hotkey);
  if (current?.text === offline.commitment) {
    const existing = await findCommitExtrinsic(api, current.block, hotkey, offline.commitment);
    if (!existing)
      throw new ChainError(
        `the commitment is on chain since block ${current.block}, but that block has no matching extrinsic (an archive node may be needed)`,
      );
    return { api, pair: offline.pair, current, existing };
  }
  // The extrinsic lands in the next block at the earliest: the chain's limit is checked there.
  const best = await bestBlock(api);
  const limit = await readCommitLimit(api, req.netuid, hotkey, best + 1);
  if (limit.kind === "unknown") log.info(`the chain's commitment limit was not checked: ${limit.reason}`);
  const allowance = commitAllowance(limit, best + 1, Buffer.byteLength(offline.commitment, "utf8"));
  if (!allowance.ok)
    throw new CommitLimitError(
      `the chain would refuse this commitment now: ${allowance.why}; ${whenAllowed(allowance.nextBlock, best)}. Nothing was ` +
        `uploaded or sent: run the release again then`,
      allowance.nextBlock,
    );
  return { api, pair: offline.pair, current };
}

/** The hub as read before anything is written, and what the release has to write there. */
interface HubView {
  readonly state: RepoState;
  readonly uploads: { path: string; local: string }[];
  readonly record?: RecordRead;
}

function uploadsFor(req: ReleaseRequest, offline: Offline, state: RepoState): { path: string; local: string }[] {
  const uploads: { path: string; local: string }[] = [];
  if (state.files.get(`${offline.stem}.onnx`) !== offline.localHash) uploads.push({ path: `${offline.stem}.onnx`, local: req.modelPath });
  if (offline.zip && state.files.get(`${offline.stem}.zip`) !== offline.zip.sha256)
    uploads.push({ path: `${offline.stem}.zip`, local: offline.zip.local });
  return uploads;
}

async function readHub(req: ReleaseRequest, repo: ModelRepo, offline: Offline, chain?: ChainView): Promise<HubView> {
  const { log } = req.hub;
  const { stem } = offline;
  const state = await repoState(repo);
  checkRepoAcceptable(repo, state);
  if (!offline.zip && !state.files.has(`${stem}.zip`))
    throw new InputError(
      `${req.repoId} has no ${stem}.zip and no code-directory was given: the subnet's rules ask for the training code next to ` +
        `the model; give code-directory`,
    );
  const served = state.files.get(`${stem}.onnx`);
  if (served !== undefined && served !== offline.localHash) await checkNotLive(req, repo, offline, state, chain);
  const record = chain && state.exists ? await readRecord(repo) : undefined;
  if (record?.state === "invalid") log.warning(`${req.repoId}/${RECORD_FILE} is not valid (${record.reason}): it will be rewritten`);
  return { state, uploads: uploadsFor(req, offline, state), record };
}

/**
 * `<stem>.onnx` is on the hub with other bytes. Replacing the file a live commitment points to makes
 * validators see a hash that does not match the commitment: 0 until the new commitment is read.
 */
async function checkNotLive(req: ReleaseRequest, repo: ModelRepo, offline: Offline, state: RepoState, chain?: ChainView): Promise<void> {
  const file = `${req.repoId}/${offline.stem}.onnx`;
  const fix = "leave hf-model-name empty (each release then gets a new name) or give one not used yet";
  if (chain) {
    const live = chain.current ? parseCommitment(chain.current.text) : undefined;
    // Putting back the bytes the live commitment names repairs the file instead.
    if (live?.repoId === req.repoId && live.stem === offline.stem && live.sha256 !== offline.localHash)
      throw new UnsafeReleaseError(
        `${file} is the model the hotkey's commitment points to (block ${chain.current?.block}); replacing it with other bytes makes ` +
          `validators score 0 until the new commitment is read: ${fix}`,
      );
  } else if (state.files.has(RECORD_FILE)) {
    const read = await readRecord(repo);
    const who = read.state === "present" ? ` (it names hotkey ${read.record.hotkey}, extrinsic ${read.record.extrinsic})` : "";
    throw new UnsafeReleaseError(
      `${file} already holds other bytes and ${req.repoId} has an ${RECORD_FILE}${who}: it may be the model a live commitment ` +
        `points to, which an upload without a hotkey cannot check; replacing it would make validators score 0: ${fix}`,
    );
  }
  req.hub.log.info(`${file} holds other bytes that no commitment of this hotkey points to: replacing it`);
}

/** Before committing: the release window, from the competition's package history. */
async function checkWindow(req: ReleaseRequest, now: Date): Promise<void> {
  const { log } = req.hub;
  const mode = req.windowCheck ?? "warn";
  if (mode === "off") return;
  const refuse = mode === "fail";
  let dates: (string | undefined)[];
  try {
    dates = (await discoverDatasets(req.competition.id, req.configRepo ?? DEFAULT_CONFIG_REPO, req.hub)).map((d) => d.date);
  } catch (err) {
    const why = `the competition's package history could not be read (${describeError(err)})`;
    if (refuse)
      throw new UnsafeReleaseError(
        `release-window-check is fail and ${why}: nothing was uploaded or sent; set release-window-check: warn to release anyway`,
      );
    log.warning(`could not check the release window: ${why}`);
    return;
  }
  const verdict = windowVerdict(dates, now);
  const message = windowMessage(verdict, now);
  if (verdict.kind !== "conflict") return log.info(`release window: ${message}`);
  if (refuse)
    throw new UnsafeReleaseError(
      `not releasing (release-window-check: fail): ${message} Nothing was uploaded or sent; set release-window-check: warn to ` +
        `release anyway`,
    );
  log.warning(message);
}

export async function release(req: ReleaseRequest): Promise<ReleaseResult> {
  const { log } = req.hub;
  const offline = await preflight(req);
  // What a failed hub call says of the release, stage by stage.
  const repo: ModelRepo = {
    repoId: req.repoId,
    hub: req.hub,
    standing: "Nothing was written: no repository created, no file uploaded, nothing committed on chain. Run the release again.",
  };
  let api: ApiPromise | undefined;
  try {
    let chain: ChainView | undefined;
    if (offline.pair) {
      api = await connect(req.network);
      chain = await readChain(api, req, { ...offline, pair: offline.pair });
    }
    const hub = await readHub(req, repo, offline, chain);
    const commit = chain !== undefined && chain.existing === undefined;
    const record = chain?.existing ? !recordNames(hub.record, chain.pair.address, chain.existing.id) : commit;
    if (!hub.state.exists || hub.uploads.length > 0 || record) await checkWriteAccess(repo);
    const now = req.now?.() ?? new Date();
    if (commit) await checkWindow(req, now);
    announce(req, offline, hub, chain, commit, record, now);

    // Nothing is written before this line.
    const uploaded = await publishFiles(req, repo, offline, hub, chain);
    const uploadedRepo: ModelRepo = {
      ...repo,
      standing:
        `${req.repoId} holds the model and code${commit ? "; nothing was committed on chain" : ""}. Run the release again: ` +
        `what the hub already holds is not uploaded again.`,
    };
    const modelHash = await downloadedSha256(uploadedRepo, `${offline.stem}.onnx`);
    if (modelHash !== offline.localHash)
      throw new HubError(
        `${req.repoId}/${offline.stem}.onnx on the hub has SHA-256 ${modelHash}, not the local model's ${offline.localHash}: the ` +
          `upload did not take; run the release again`,
      );
    const base = {
      hotkey: chain?.pair.address,
      modelName: `${offline.stem}.onnx`,
      modelHash,
      commitment: offline.commitment,
      callData: encodeSetCommitment(req.netuid, offline.commitment),
      hfUrl: `${req.hub.hubUrl}/${req.repoId}`,
      uploaded,
    };
    if (!chain) return { ...base, committed: false, recorded: false };

    const { extrinsic, eligible } = chain.existing
      ? { extrinsic: chain.existing, eligible: await eligibility(chain.api, chain.existing.block, log) }
      : await commitOnce(chain, req, offline.commitment);
    if (chain.existing) log.info(`the chain already holds this commitment (extrinsic ${extrinsic.id}): not committing again`);
    if (record) await uploadRecord(repo, { hotkey: chain.pair.address, extrinsic: extrinsic.id });
    log.info(record ? `${RECORD_FILE} uploaded: ${extrinsic.id}` : `${RECORD_FILE} already names ${extrinsic.id}`);
    if (eligible)
      log.info(`eligible from ${utc(eligible)} (block ${extrinsic.block}): validators score the model on packages released from then on`);
    return {
      ...base,
      extrinsic: extrinsic.id,
      committedBlock: extrinsic.block,
      eligibleFrom: eligible,
      committed: !chain.existing,
      recorded: record,
    };
  } finally {
    await api?.disconnect();
  }
}

const recordNames = (read: RecordRead | undefined, hotkey: string, extrinsic: string): boolean =>
  read?.state === "present" && read.record.hotkey === hotkey && read.record.extrinsic === extrinsic;

/**
 * When validators start scoring a commitment made in `block`: 120 minutes after its timestamp. Only
 * information: after the commitment is on chain, a failed read must not stop the release.
 */
async function eligibility(api: ApiPromise, block: number, log: Log): Promise<Date | undefined> {
  try {
    const at = await blockTime(api, block);
    return at && eligibleFrom(at);
  } catch (err) {
    log.warning(`could not read the time of block ${block} (${describeError(err)}): the model is eligible 120 minutes after it`);
    return undefined;
  }
}

/** The plan, said before the first write; with a commitment, what it costs. */
function announce(
  req: ReleaseRequest,
  offline: Offline,
  hub: HubView,
  chain: ChainView | undefined,
  commit: boolean,
  record: boolean,
  now: Date,
): void {
  const steps = [
    !hub.state.exists && `create the public model repository ${req.repoId} with an MIT card`,
    hub.uploads.length > 0 && `upload ${hub.uploads.map((u) => u.path).join(" and ")} to ${req.repoId} in one commit`,
    commit && chain && `commit ${offline.commitment} on subnet ${req.netuid} as ${chain.pair.address}`,
    record && `upload ${RECORD_FILE}`,
  ].filter((s): s is string => typeof s === "string");
  req.hub.log.info(steps.length ? `release plan: ${steps.join("; then ")}` : "release plan: everything is already published");
  if (!commit) return;
  const replacing = chain?.current ? ` (this one replaces ${chain.current.text}, committed in block ${chain.current.block})` : "";
  req.hub.log.info(
    `Committing costs a window: validators keep one model per hotkey${replacing} and evaluate a model only on packages ` +
      `released at least ${COMMIT_LEAD_MINUTES} minutes after its commitment, so the hotkey scores 0 on packages released ` +
      `from now until about ${utc(eligibleFrom(now))}.`,
  );
}

async function publishFiles(req: ReleaseRequest, repo: ModelRepo, offline: Offline, hub: HubView, chain?: ChainView): Promise<boolean> {
  const { log } = req.hub;
  let uploads = hub.uploads;
  if (!hub.state.exists) {
    const nothingUploaded = `nothing was uploaded${chain ? " or committed on chain" : ""}. Run the release again: it checks the repository`;
    await createPublicRepo({ ...repo, standing: `${req.repoId} may or may not have been created; ${nothingUploaded}.` });
    // Read back: a 409 means an earlier attempt (or another run) created it, possibly with files already.
    const state = await repoState({ ...repo, standing: `${req.repoId} was created; ${nothingUploaded}.` });
    if (!state.exists)
      throw new HubError(
        `HuggingFace says ${req.repoId} exists, but this token cannot read it (private to another account, or the name is ` +
          `taken): choose another hf-repo-id`,
      );
    checkRepoAcceptable(repo, state);
    uploads = uploadsFor(req, offline, state);
  }
  if (uploads.length === 0) {
    log.info(`${req.repoId} already holds ${offline.stem}.onnx and ${offline.stem}.zip with this content: nothing to upload`);
    return false;
  }
  const names = uploads.map((f) => f.path);
  // The commitment is sent only after the upload: a stalled upload leaves the chain as it was.
  const afterwards =
    `${chain ? "Nothing was committed on chain. " : ""}Run the release again: what the hub already holds with this ` +
    `content is not uploaded again. `;
  const commit = await uploadInOneCommit(repo, uploads, `Release ${offline.stem} (${names.join(", ")})`, afterwards);
  log.info(`uploaded ${names.join(" and ")} to ${req.repoId} in one commit${commit ? ` (${commit.slice(0, 7)})` : ""}`);
  return true;
}

/**
 * A commitment not finalized in time may still be: the record is not written (it would name an
 * extrinsic that may never be final), and the miner is told how to find out and how to finish.
 */
function unfinalized(err: FinalizationTimeoutError, req: ReleaseRequest, hotkey: string): FinalizationTimeoutError {
  const selfCheck = `self-check for hotkey ${hotkey} (mode: self-check, or cancer-ai self-check --hotkey ${hotkey})`;
  const lookUp = err.included
    ? `Look block ${err.included.block} up on a block explorer (https://polkadot.js.org/apps/?rpc=` +
      `${encodeURIComponent(networkUrl(req.network))}#/explorer/query/${err.included.block}) or run ${selfCheck}`
    : `Run ${selfCheck}, or look the hash up on a block explorer, in a few minutes`;
  return new FinalizationTimeoutError(
    `${err.message}. ${RECORD_FILE} was not written. ${lookUp}: once the commitment shows there, run the release again, ` +
      `which finds it on chain and only writes ${RECORD_FILE} (it does not commit again).`,
    err.txHash,
    err.included,
  );
}

/** Sends the commitment (the chain does not hold it yet), verifies it through a fresh read, and tells when it is eligible. */
async function commitOnce(
  chain: ChainView,
  req: ReleaseRequest,
  commitment: string,
): Promise<{ extrinsic: CommittedExtrinsic; eligible?: Date }> {
  const { api, pair } = chain;
  const extrinsic = await submitCommitment(api, pair, req.netuid, commitment, req.hub.log, () => connect(req.network), req.chainWait).catch(
    (err: unknown) => {
      throw err instanceof FinalizationTimeoutError ? unfinalized(err, req, pair.address) : err;
    },
  );
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
    req.hub.log.info(`committed on chain: ${extrinsic.id}`);
    return { extrinsic, eligible: await eligibility(reader, extrinsic.block, req.hub.log) };
  } finally {
    if (reader !== api) await reader.disconnect();
  }
}
