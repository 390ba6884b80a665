/**
 * The subtensor chain through @polkadot/api: registration, the commitment
 * transaction and its read-back. Submission never commits twice: before
 * sending, and after a dropped connection, the chain's own record
 * (`Commitments.CommitmentOf`) decides what happened.
 */
import type { ApiPromise, SubmittableResult } from "@polkadot/api";
import type { KeyringPair } from "@polkadot/keyring/types";
import type { Block } from "@polkadot/types/interfaces";
import type { Codec } from "@polkadot/types/types";
import { encodeSetCommitment } from "./commitment.js";
import { CancerAiError, InputError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import { describeError, withTimeout } from "../util/retry.js";

export const NETWORKS: Readonly<Record<string, string>> = {
  finney: "wss://entrypoint-finney.opentensor.ai:443",
  test: "wss://test.finney.opentensor.ai:443",
  archive: "wss://archive.chain.opentensor.ai:443",
  local: "ws://127.0.0.1:9944",
};

export class ChainError extends CancerAiError {}

/**
 * The node could not be reached, or the connection to it dropped: what the
 * chain holds is unknown rather than refused, so a caller may reconnect and
 * read it again.
 */
export class ChainConnectionError extends ChainError {}

/** How long connecting and loading the chain's metadata may take before the node counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 30_000;

export function networkUrl(network: string): string {
  if (/^wss?:\/\//.test(network)) return network;
  const url = NETWORKS[network];
  if (!url) throw new InputError(`unknown network "${network}": use ${Object.keys(NETWORKS).join(", ")} or a ws(s):// URL`);
  return url;
}

/** A WebSocket error event in one line; an event without a message still says what failed. */
function socketFailure(event: unknown): string {
  return describeError(event) || "the WebSocket connection failed (refused, closed, or not a WebSocket endpoint)";
}

let polkadot: Promise<typeof import("@polkadot/api")> | undefined;

/**
 * @polkadot/api, loaded on first use (an evaluation never pays for it) and
 * with the `ws` package as its WebSocket on every Node. @polkadot/x-ws takes
 * the global WebSocket when there is one (Node 22 on), so it is hidden while
 * the package loads: Node 22's built-in WebSocket never fires 'close' after a
 * failed handshake, and the WsProvider stops its request timer only on
 * 'close', so a CLI that could not reach the chain printed its error and then
 * never exited.
 */
function loadPolkadot(): Promise<typeof import("@polkadot/api")> {
  polkadot ??= (async () => {
    const builtin = Object.getOwnPropertyDescriptor(globalThis, "WebSocket");
    if (builtin) Reflect.deleteProperty(globalThis, "WebSocket");
    try {
      return await import("@polkadot/api");
    } finally {
      if (builtin) Object.defineProperty(globalThis, "WebSocket", builtin);
    }
  })();
  return polkadot;
}

export async function connect(network: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<ApiPromise> {
  const url = networkUrl(network);
  const { ApiPromise, WsProvider } = await loadPolkadot();
  const unreachable = (why: string): ChainConnectionError =>
    new ChainConnectionError(
      `cannot reach the chain at ${url}: ${why}; check the network setting and that the node is reachable from here`,
    );
  const provider = new WsProvider(url, false);
  // Watched before the socket is opened: a refused connection can be reported before
  // provider.connect() has even resolved, and an ApiPromise created after that would wait for a
  // 'connected' or 'error' event that never comes, with nothing left on the event loop (the process
  // then exits 13 without a word).
  const unwatch: (() => void)[] = [];
  const lost = new Promise<never>((_, reject) => {
    unwatch.push(
      provider.on("error", (event: unknown) => reject(unreachable(socketFailure(event)))),
      provider.on("disconnected", () => reject(unreachable("the node closed the connection"))),
    );
  });
  let api: ApiPromise | undefined;
  const open = async (): Promise<ApiPromise> => {
    await provider.connect();
    await provider.isReady;
    api = new ApiPromise({ provider, noInitWarn: true });
    return api.isReadyOrError;
  };
  try {
    // The timer also keeps the event loop alive until one of these settles.
    return await withTimeout(Promise.race([open(), lost]), timeoutMs, () => unreachable(`no answer within ${timeoutMs / 1000} s`));
  } catch (err) {
    await (api ?? provider).disconnect().catch(() => {});
    throw err instanceof ChainError ? err : new ChainError(`cannot use the chain at ${url}: ${describeError(err)}`);
  } finally {
    for (const stop of unwatch) stop();
  }
}

/** A read from the chain; a failure of the node (not an absent value) is said as such, as a ChainError. */
export async function chainRead<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CancerAiError) throw err;
    throw new ChainError(`could not read ${what} from the chain: ${describeError(err)}`);
  }
}

/** The hotkey's uid on the subnet, or undefined when it is not registered. */
export async function uidOf(api: ApiPromise, netuid: number, hotkey: string): Promise<number | undefined> {
  const uid = await chainRead(`the uid of ${hotkey} on subnet ${netuid}`, () => api.query.subtensorModule.uids(netuid, hotkey));
  const option = uid as unknown as { isSome: boolean; unwrap(): { toNumber(): number } };
  return option.isSome ? option.unwrap().toNumber() : undefined;
}

/** Whether the subnet exists (`SubtensorModule.NetworksAdded`); undefined on a runtime without that item. */
export async function subnetExists(api: ApiPromise, netuid: number): Promise<boolean | undefined> {
  const added = (api.query.subtensorModule as unknown as Record<string, ((n: number) => Promise<Codec>) | undefined>).networksAdded;
  if (!added) return undefined;
  return (await chainRead(`whether subnet ${netuid} exists`, () => added(netuid))).toJSON() === true;
}

/** The hotkeys registered on the subnet now (`SubtensorModule.Keys`), with their uids: the ones validators read. */
export async function registeredHotkeys(api: ApiPromise, netuid: number): Promise<Map<string, number>> {
  const entries = await chainRead(`the hotkeys of subnet ${netuid}`, () => api.query.subtensorModule.keys.entries(netuid));
  return new Map(entries.map(([key, hotkey]) => [hotkey.toString(), Number(key.args[1].toString())]));
}

/**
 * `SubtensorModule.Incentive(netuid)`: one u16 per uid (0..65535, the share of the subnet's incentive, which the
 * validators' weights drive); a uid past the end of the vector has 0.
 */
export async function incentives(api: ApiPromise, netuid: number): Promise<Map<number, number>> {
  const query = (api.query.subtensorModule as unknown as Record<string, ((n: number) => Promise<Codec>) | undefined>).incentive;
  if (!query) throw new ChainError("this chain's runtime has no SubtensorModule.Incentive: it is not a subtensor chain");
  const values = (await chainRead(`the incentives of subnet ${netuid}`, () => query(netuid))).toJSON();
  if (!Array.isArray(values)) throw new ChainError(`SubtensorModule.Incentive(${netuid}) is not a list of numbers`);
  return new Map(values.map((v, uid) => [uid, Number(v)]));
}

/** The number of the best block. */
export async function bestBlock(api: ApiPromise): Promise<number> {
  return (await chainRead("the best block", () => api.rpc.chain.getHeader())).number.toNumber();
}

/** The block's time, from its timestamp inherent (every block carries one); undefined for a block the node does not have. */
export async function blockTime(api: ApiPromise, block: number): Promise<Date | undefined> {
  const content = await blockAt(api, block);
  const inherent = content?.extrinsics.find((ex) => ex.method.section === "timestamp" && ex.method.method === "set");
  return inherent ? new Date(Number(inherent.method.args[0].toString())) : undefined;
}

/** A block by number, or undefined when the chain has no such block (yet). */
async function blockAt(api: ApiPromise, block: number): Promise<Block | undefined> {
  return chainRead(`block ${block}`, async () => {
    const hash = await api.rpc.chain.getBlockHash(block);
    if (hash.isEmpty) return undefined;
    return (await api.rpc.chain.getBlock(hash)).block;
  });
}

/** The text of the first `Raw*` field of a CommitmentInfo as JSON (what validators read). */
export function firstRawText(info: unknown): string | undefined {
  const fields = (info as { fields?: Record<string, unknown>[] } | null)?.fields ?? [];
  for (const field of fields) {
    const [variant, data] = Object.entries(field)[0] ?? [];
    if (variant && /^raw/i.test(variant)) return Buffer.from(String(data).replace(/^0x/, ""), "hex").toString("utf8");
  }
  return undefined;
}

export type ExtrinsicLookup =
  | { readonly kind: "no-block" }
  | { readonly kind: "no-extrinsic"; readonly count: number }
  | {
      readonly kind: "found";
      readonly signer?: string;
      readonly isSetCommitment: boolean;
      /** The first Raw field of a set_commitment: what validators split to get the hash. */
      readonly text?: string;
    };

/**
 * The extrinsic `<block>-<index>` names, as validators read it for extrinsic_record.json: a negative index
 * counts from the end, as Python's `block_data["extrinsics"][int(idx_str)]` does (model_manager.py:415).
 */
export async function extrinsicAt(api: ApiPromise, block: number, index: number): Promise<ExtrinsicLookup> {
  const content = await blockAt(api, block);
  if (!content) return { kind: "no-block" };
  const ex = content.extrinsics.at(index);
  if (!ex) return { kind: "no-extrinsic", count: content.extrinsics.length };
  const isSetCommitment = ex.method.section === "commitments" && ex.method.method === "setCommitment";
  return {
    kind: "found",
    signer: ex.isSigned ? ex.signer.toString() : undefined,
    isSetCommitment,
    text: isSetCommitment ? firstRawText(ex.method.args[1]?.toJSON()) : undefined,
  };
}

export interface OnChainCommitment {
  /** The first Raw* field as text (what validators read). */
  readonly text: string;
  /** The block of the latest commit. */
  readonly block: number;
}

export async function readCommitment(api: ApiPromise, netuid: number, hotkey: string): Promise<OnChainCommitment | undefined> {
  const value = await chainRead(`the commitment of ${hotkey}`, () => api.query.commitments.commitmentOf(netuid, hotkey));
  return commitmentFromJson(value.toJSON());
}

/** A `CommitmentOf` registration as JSON -> its first Raw field and its block. */
export function commitmentFromJson(json: unknown): OnChainCommitment | undefined {
  const registration = json as { block?: number; info?: unknown } | null;
  const text = registration ? firstRawText(registration.info) : undefined;
  return text === undefined ? undefined : { text, block: Number(registration?.block ?? 0) };
}

export interface CommittedExtrinsic {
  readonly block: number;
  readonly index: number;
  /** `<block>-<index>`, as extrinsic_record.json names it. */
  readonly id: string;
}

/** Finds, in one block, the set_commitment extrinsic signed by the hotkey that carries `text`. */
export async function findCommitExtrinsic(
  api: ApiPromise,
  block: number,
  hotkey: string,
  text: string,
): Promise<CommittedExtrinsic | undefined> {
  const content = await blockAt(api, block);
  if (!content) return undefined;
  const needle = Buffer.from(text, "utf8").toString("hex");
  const index = content.extrinsics.findIndex(
    (ex) =>
      ex.isSigned &&
      ex.signer.toString() === hotkey &&
      ex.method.section === "commitments" &&
      ex.method.method === "setCommitment" &&
      ex.method.toHex().includes(needle),
  );
  return index < 0 ? undefined : { block, index, id: `${block}-${index}` };
}

function dispatchErrorText(api: ApiPromise, result: SubmittableResult): string | undefined {
  const error = result.dispatchError;
  if (!error) return undefined;
  if (error.isModule) {
    const meta = api.registry.findMetaError(error.asModule);
    return `${meta.section}.${meta.name}: ${meta.docs.join(" ").trim()}`;
  }
  return error.toString();
}

/** What a failed commit means for the miner, by the runtime error's name. */
function adviceFor(error: string): string {
  if (error.includes("AccountNotAllowedCommit")) return " The hotkey is not registered on this subnet: register it first.";
  if (error.includes("SpaceLimitExceeded")) return " The hotkey used up its commitment space for this epoch: retry in the next epoch.";
  if (error.includes("RateLimit")) return " Commitments are rate limited: retry later.";
  return "";
}

interface InBlock {
  block: number;
  index: number;
}

/** How often a submission says it is still waiting. */
export const HEARTBEAT_MS = 6_000;

/**
 * How long inclusion and finalization may take together. Finney finalizes a block in well under a
 * minute; ten minutes without it is a stuck node or a stalled finality gadget, not a slow chain.
 */
export const FINALIZATION_TIMEOUT_MS = 600_000;

export interface SubmitOptions {
  /** Default FINALIZATION_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Default HEARTBEAT_MS. */
  readonly heartbeatMs?: number;
}

/**
 * The commitment was not finalized in time. It may still be: the transaction was sent and, when
 * `included` is set, is in a block of the best chain. What the chain will hold is unknown, not absent.
 */
export class FinalizationTimeoutError extends ChainError {
  constructor(
    message: string,
    readonly txHash: string,
    readonly included?: { readonly block: number; readonly index: number },
  ) {
    super(message);
  }
}

/**
 * Signs and sends set_commitment, waits for finalization, and returns the
 * extrinsic. A connection dropped mid-way is settled by reading the chain
 * again (through `reconnect`): the commitment is there, or it is not, and
 * nothing is sent twice. A finalization that does not come within
 * `timeoutMs` is a FinalizationTimeoutError.
 */
export async function submitCommitment(
  api: ApiPromise,
  pair: KeyringPair,
  netuid: number,
  text: string,
  log: Log,
  reconnect: () => Promise<ApiPromise>,
  options: SubmitOptions = {},
): Promise<CommittedExtrinsic> {
  const timeoutMs = options.timeoutMs ?? FINALIZATION_TIMEOUT_MS;
  const [pallet, call] = api.tx.commitments.setCommitment.callIndex;
  const tx = api.tx(api.createType("Call", encodeSetCommitment(netuid, text, { pallet, call })));
  let inBlock: InBlock | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      // The subscription died with the connection: nothing to unwatch, but the timers must stop.
      const onDisconnect = (): void =>
        done(new ChainConnectionError("the connection to the chain dropped while the commitment was being submitted"), false);
      api.once("disconnected", onDisconnect);
      let unsubscribe: (() => void) | undefined;
      let settled = false;
      const started = Date.now();
      const limit = `gives up after ${timeoutMs / 1000} s`;
      // A line every few seconds while the chain works, so a slow finalization does not look like a hang.
      const heartbeat = setInterval(() => {
        void api.rpc.chain.getHeader().then(
          (header) => {
            if (settled) return;
            const waited = Math.round((Date.now() - started) / 1000);
            const stage = inBlock ? `finalization of block ${inBlock.block}` : "inclusion in a block";
            log.info(`waiting for ${stage}: ${waited} s (${limit}), the chain is at block ${header.number.toNumber()}`);
          },
          () => {},
        );
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      const done = (err?: Error, unwatch = true): void => {
        if (settled) return;
        settled = true;
        clearInterval(heartbeat);
        clearTimeout(timer);
        api.off("disconnected", onDisconnect);
        if (unwatch) unsubscribe?.();
        if (err) reject(err);
        else resolve();
      };
      // The watch ends too (done unsubscribes): a later "finalized" is not waited for, and the release says how to find out.
      const timer = setTimeout(() => {
        // signAndSend signed `tx` in place: its hash is the extrinsic's.
        const hash = tx.hash.toHex();
        done(
          new FinalizationTimeoutError(
            inBlock
              ? `the commitment is in block ${inBlock.block} (extrinsic ${inBlock.block}-${inBlock.index}, hash ${hash}), but the ` +
                  `chain did not finalize that block within ${timeoutMs / 1000} s; it may still be finalized`
              : `the commitment transaction (hash ${hash}) was not included in a block within ${timeoutMs / 1000} s; it may ` + `still be`,
            hash,
            inBlock && { ...inBlock },
          ),
        );
      }, timeoutMs);
      tx.signAndSend(pair, { nonce: -1 }, (result: SubmittableResult) => {
        if (result.status.isInBlock && result.blockNumber !== undefined && result.txIndex !== undefined) {
          inBlock = { block: result.blockNumber.toNumber(), index: result.txIndex };
          log.info(`commitment included in block ${inBlock.block} (extrinsic ${inBlock.block}-${inBlock.index}); waiting for finalization`);
        }
        const failure = dispatchErrorText(api, result);
        if (failure) done(new ChainError(`the chain rejected the commitment: ${failure}.${adviceFor(failure)}`));
        else if (result.status.isFinalized) done();
        else if (result.status.isDropped || result.status.isInvalid || result.status.isUsurped)
          done(new ChainError(`the commitment transaction was ${result.status.type.toLowerCase()} by the node`));
      })
        .then((unsub) => (settled ? unsub() : (unsubscribe = unsub)))
        .catch((err: Error) => done(new ChainError(`the node refused the commitment transaction: ${err.message}`)));
    });
  } catch (err) {
    if (!(err instanceof ChainConnectionError)) throw err;
    log.warning("the connection dropped during submission; reading the chain again to see whether the commitment landed");
    const fresh = await reconnect();
    try {
      const now = await readCommitment(fresh, netuid, pair.address);
      if (now?.text !== text) {
        throw new ChainError(
          "the connection dropped before the commitment reached a block, and it is not on chain: nothing was committed; " +
            "run the release again",
        );
      }
      const found = await findCommitExtrinsic(fresh, now.block, pair.address, text);
      if (!found) throw new ChainError(`the commitment is on chain (block ${now.block}) but its extrinsic was not found in that block`);
      return found;
    } finally {
      await fresh.disconnect();
    }
  }
  if (!inBlock) throw new ChainError("the commitment was finalized but the node reported no block for it");
  return { ...inBlock, id: `${inBlock.block}-${inBlock.index}` };
}
