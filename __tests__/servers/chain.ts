/**
 * A local subtensor (Bittensor) node for tests: Substrate JSON-RPC 2.0 over WebSocket on 127.0.0.1 with
 * the real node-subtensor spec 219 metadata, so the real @polkadot/api client connects, signs and submits
 * exactly the bytes mainnet would receive. See chain-runtime.ts for what happens to those bytes.
 *
 *   const node = await startChainNode();
 *   node.register(76, hotkeyAddress);
 *   const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
 */
import { createHook } from "node:async_hooks";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { compactToU8a, hexToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import { blake2AsHex, cryptoWaitReady, decodeAddress } from "@polkadot/util-crypto";
import { ChainTypes, loadFixture } from "./chain-meta.js";
import { Chain, RpcError, type Block, type CheckedTx } from "./chain-runtime.js";

// `ws` ships no types and @types/ws is not installed: the little used here, typed locally.
interface Socket {
  send(data: string, cb?: (err?: Error) => void): void;
  terminate(): void;
  on(event: "message", cb: (data: Buffer) => void): void;
  on(event: "close", cb: () => void): void;
}
interface Server {
  on(event: "connection", cb: (ws: Socket) => void): void;
  once(event: "listening" | "error", cb: (arg?: Error) => void): void;
  address(): AddressInfo;
  close(cb: () => void): void;
}
const { WebSocketServer } = createRequire(import.meta.url)("ws") as { WebSocketServer: new (o: object) => Server };

export interface ChainNodeOptions {
  /** Fixture under __tests__/fixtures/subtensor (default: mainnet-spec219.json). */
  fixture?: string;
  /** Number of the head block at start (default: the fixture's snapshot height, 4,898,328). */
  firstBlock?: number;
  /** Blocks between two commits of one hotkey on one subnet (default: the metadata's Commitments.RateLimit, 100). */
  rateLimit?: number;
}

export interface ChainNode {
  url: string;
  /** Registers `hotkey` (SS58) on `netuid` (SubtensorModule.Uids / Keys; the subnet then exists); returns its uid. */
  register(netuid: number, hotkey: string, uid?: number): number;
  /** Deregisters `hotkey` (its uid goes to `replacement`, if given); its commitment stays in storage. */
  deregister(netuid: number, hotkey: string, replacement?: string): void;
  /** SubtensorModule.Incentive(netuid)[uid] = `value` (a u16) at the head; other uids keep theirs (0 by default). */
  setIncentive(netuid: number, uid: number, value: number): void;
  /** Commitments.CommitmentOf at the head: the commit block and each field (Raw* as UTF-8, others as hex). */
  commitmentOf(netuid: number, hotkey: string): { block: number; fields: string[] } | undefined;
  /** Every block the node knows: genesis, the start head, then each sealed one. */
  readonly blocks: { number: number; hash: string; extrinsics: string[] }[];
  /** RPC methods called so far, in order. */
  readonly calls: string[];
  /** The next set_commitment dispatch fails with this Commitments error (ExtrinsicFailed, DispatchError::Module). */
  failNextCommit(errorName: string): void;
  /**
   * Closes the submitting client's socket during the next author_submitAndWatchExtrinsic: after "ready"
   * (the extrinsic is dropped with the connection unless `keepInPool`, then sealed right after the drop as
   * a live node would) or after "inBlock" (the extrinsic is on chain; "finalized" is never sent).
   */
  dropNextSubmit(after: "ready" | "inBlock", options?: { keepInPool?: boolean }): void;
  /**
   * When submitted extrinsics' blocks are finalized: 0 (the default) right after inclusion, a delay in
   * ms (the watcher sees "inBlock", then "finalized" that much later, as from a node whose finality
   * trails), or "never" (a stalled finality gadget: "inBlock" only, and the finalized head stays put).
   */
  setFinality(delay: number | "never"): void;
  /** Seals `count` blocks holding only the timestamp inherent (e.g. to pass the rate limit). */
  seal(count?: number): void;
  close(): Promise<void>;
}

type Params = unknown[];
interface Sub {
  kind: string;
  keys?: string[];
}
interface Conn {
  ws: Socket;
  subs: Map<string, Sub>;
  flushed: Promise<void>;
}

const NOTIFY: Record<string, string> = {
  chain_subscribeNewHeads: "chain_newHead",
  chain_subscribeAllHeads: "chain_allHead",
  chain_subscribeFinalizedHeads: "chain_finalizedHead",
  state_subscribeRuntimeVersion: "state_runtimeVersion",
  state_subscribeStorage: "state_storage",
  author_submitAndWatchExtrinsic: "author_extrinsicUpdate",
};
const UNSUBSCRIBE = [
  "chain_unsubscribeNewHeads",
  "chain_unsubscribeAllHeads",
  "chain_unsubscribeFinalizedHeads",
  "state_unsubscribeRuntimeVersion",
  "state_unsubscribeStorage",
  "author_unwatchExtrinsic",
];

// @polkadot/rpc-core drops a subscription 1,750 ms after its last subscriber leaves (refCountDelay), and
// those nest (derive -> query -> rpc), so a client leaves timers running for seconds after disconnect().
// Watching them lets disconnectApis() wait exactly as long as needed, so jest sees no open handle.
const delayedUnsubscribes = new Set<number>();
let watching = false;
function watchDelayedUnsubscribes(): void {
  if (watching) return;
  watching = true;
  createHook({
    init(id, type) {
      if (type !== "Timeout") return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 30;
      if (new Error().stack?.includes("refCountDelay")) delayedUnsubscribes.add(id);
      Error.stackTraceLimit = limit;
    },
    destroy: (id) => void delayedUnsubscribes.delete(id),
  }).enable();
}

/** Disconnects @polkadot/api clients and waits (10 s at most) for their delayed unsubscriptions to run. */
export async function disconnectApis(...apis: { disconnect(): Promise<void> }[]): Promise<void> {
  for (const api of apis) await api.disconnect();
  for (let i = 0; delayedUnsubscribes.size > 0 && i < 100; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

export async function startChainNode(options: ChainNodeOptions = {}): Promise<ChainNode> {
  watchDelayedUnsubscribes();
  await cryptoWaitReady();
  const t = new ChainTypes(loadFixture(options.fixture));
  const rateLimit = options.rateLimit ?? Number(t.constant("Commitments", "RateLimit").toString());
  const chain = new Chain(t, options.firstBlock ?? Number(t.fixture.source.at.height), rateLimit);
  const conns = new Set<Conn>();
  const calls: string[] = [];
  let drop: { after: "ready" | "inBlock"; keepInPool: boolean } | undefined;
  let finality: number | "never" = 0;
  /** The finalized head while finality trails the best block; undefined: it is the best block. */
  let finalized: Block | undefined;
  let nextSub = 0;

  const send = (conn: Conn, message: object): void => {
    const text = JSON.stringify({ jsonrpc: "2.0", ...message });
    conn.flushed = new Promise((resolve) => conn.ws.send(text, () => resolve()));
  };
  const notify = (conn: Conn, id: string, result: unknown): void => {
    const sub = conn.subs.get(id);
    if (sub) send(conn, { method: NOTIFY[sub.kind], params: { subscription: id, result } });
  };
  const hangUp = (conn: Conn): void => {
    conns.delete(conn);
    void conn.flushed.then(() => conn.ws.terminate());
  };
  const at = (hash: unknown): Block => {
    const block = chain.block(hash as string | undefined);
    if (!block) throw new RpcError(4003, "Client error", `UnknownBlock: State already discarded for ${String(hash)}`);
    return block;
  };
  const runtimeVersion = t.fixture.runtimeVersion;
  const metadataVersions = u8aToHex(t.registry.createType("Vec<u32>", [14]).toU8a());
  const opaqueMetadata = u8aConcat(compactToU8a(hexToU8a(t.fixture.metadata).length), hexToU8a(t.fixture.metadata));

  // New blocks go to head subscribers and to storage subscribers whose keys changed.
  chain.onBlock = (block) => {
    const parent = chain.block(block.number - 1) ?? block;
    for (const conn of conns) {
      for (const [id, sub] of conn.subs) {
        if (sub.kind === "chain_subscribeFinalizedHeads" && finalized) continue;
        if (sub.kind.startsWith("chain_")) notify(conn, id, block.header);
        if (sub.kind !== "state_subscribeStorage") continue;
        const changed = (sub.keys ?? []).filter((k) => block.state.get(k) !== parent.state.get(k));
        if (changed.length) notify(conn, id, { block: block.hash, changes: changed.map((k) => [k, block.state.get(k) ?? null]) });
      }
    }
  };

  // A watcher's "finalized" (or an "inBlock" drop) waits until that client has read the block's
  // System.Events, i.e. built its in-block result: @polkadot/api switchMaps statuses, so a "finalized"
  // arriving first would swallow the in-block result (on mainnet finality trails by seconds).
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const delay = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => (timers.delete(timer), fn()), ms);
    timers.add(timer);
  };
  const eventsRead = new Map<string, () => void>();
  const eventsKey = t.storageKey("System", "Events");
  const afterEventsRead = (hash: string, fn: () => void): void => {
    let done = false;
    const fire = () => void (!done && ((done = true), eventsRead.delete(hash), fn()));
    eventsRead.set(hash, () => delay(50, fire)); // margin for the client to finish its in-block result
    delay(1000, fire);
  };

  /** ready -> inBlock -> finalized for a valid extrinsic: each one gets a block of its own. */
  const include = (tx: CheckedTx, conn: Conn, id: string): void => {
    notify(conn, id, "ready");
    const dropping = drop;
    drop = undefined;
    if (dropping?.after === "ready") {
      hangUp(conn);
      if (dropping.keepInPool) chain.seal([tx]);
      return;
    }
    const block = chain.seal([tx]);
    notify(conn, id, { inBlock: block.hash });
    afterEventsRead(block.hash, () => {
      if (dropping?.after === "inBlock") return hangUp(conn);
      if (finality === "never") return; // the watch stays open: "finalized" never comes
      delay(finality, () => {
        if (finalized && finalized.number < block.number) finalize(block);
        notify(conn, id, { finalized: block.hash });
        conn.subs.delete(id); // the node ends the watch after "finalized"
      });
    });
  };
  /** Finality reaches `block`: finalized-head subscribers hear of it. */
  const finalize = (block: Block): void => {
    finalized = block;
    for (const conn of conns)
      for (const [id, sub] of conn.subs) if (sub.kind === "chain_subscribeFinalizedHeads") notify(conn, id, block.header);
  };

  const methods: Record<string, (params: Params, conn: Conn, later: (fn: () => void) => void) => unknown> = {
    rpc_methods: () => ({ version: 1, methods: Object.keys(methods).sort() }),
    system_chain: () => t.fixture.chainName,
    system_name: () => "Subtensor Node",
    system_version: () => "4.0.0-dev",
    system_chainType: () => "Live",
    system_properties: () => t.fixture.properties,
    system_health: () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }),
    system_accountNextIndex: ([address]) => chain.accountNonce(decodeAddress(address as string)),
    chain_getBlockHash: ([n]) => (n === undefined || n === null ? chain.best.hash : (chain.block(Number(n))?.hash ?? null)),
    chain_getFinalizedHead: () => (finalized ?? chain.best).hash,
    chain_getHeader: ([hash]) => chain.block(hash as string)?.header ?? null,
    chain_getBlock: ([hash]) => {
      const b = chain.block(hash as string);
      return b ? { block: { header: b.header, extrinsics: b.extrinsics }, justifications: null } : null;
    },
    state_getRuntimeVersion: ([hash]) => (at(hash), runtimeVersion),
    state_getMetadata: ([hash]) => (at(hash), t.fixture.metadata),
    state_getStorage: ([key, hash], _conn, later) => {
      const b = at(hash);
      if (key === eventsKey) later(() => eventsRead.get(b.hash)?.());
      return b.state.get(key as string) ?? null;
    },
    state_queryStorageAt: ([keys, hash], _conn, later) => {
      const b = at(hash);
      if ((keys as string[]).includes(eventsKey)) later(() => eventsRead.get(b.hash)?.());
      return [{ block: b.hash, changes: (keys as string[]).map((k) => [k, b.state.get(k) ?? null]) }];
    },
    state_getKeysPaged: ([prefix, count, startKey, hash]) =>
      [...at(hash).state.keys()]
        .filter((k) => k.startsWith(prefix as string) && k > ((startKey as string) ?? ""))
        .sort()
        .slice(0, Number(count)),
    state_call: ([name, data, hash]) => {
      at(hash);
      const input = hexToU8a(data as string);
      switch (name) {
        case "Metadata_metadata_versions":
          return metadataVersions; // this fixture is the v14 metadata only
        case "Metadata_metadata_at_version":
          return input[0] === 14 ? u8aToHex(u8aConcat([1], opaqueMetadata)) : "0x00";
        case "Metadata_metadata":
          return u8aToHex(opaqueMetadata);
        case "AccountNonceApi_account_nonce":
          return u8aToHex(t.registry.createType("u32", chain.accountNonce(input)).toU8a());
        default:
          throw new RpcError(4003, "Client error", `Execution failed: Other: Exported method ${String(name)} is not found`);
      }
    },
    author_submitExtrinsic: ([hex]) => {
      chain.seal([chain.check(hex as string)]);
      return blake2AsHex(hexToU8a(hex as string), 256);
    },
    author_submitAndWatchExtrinsic: ([hex], conn, later) => {
      const tx = chain.check(hex as string);
      const id = subscribe(conn, "author_submitAndWatchExtrinsic");
      later(() => include(tx, conn, id));
      return id;
    },
    author_pendingExtrinsics: () => [],
  };
  const subscribe = (conn: Conn, kind: string, keys?: string[]): string => {
    const id = `sub${(++nextSub).toString(36).padStart(13, "0")}`;
    conn.subs.set(id, { kind, keys });
    return id;
  };
  for (const kind of Object.keys(NOTIFY).filter((k) => k !== "author_submitAndWatchExtrinsic")) {
    methods[kind] = ([keys], conn, later) => {
      const id = subscribe(conn, kind, keys as string[] | undefined);
      later(() => {
        if (kind === "state_subscribeRuntimeVersion") notify(conn, id, runtimeVersion);
        else if (kind === "state_subscribeStorage")
          notify(conn, id, {
            block: chain.best.hash,
            changes: ((keys ?? []) as string[]).map((k) => [k, chain.best.state.get(k) ?? null]),
          });
        else notify(conn, id, (kind === "chain_subscribeFinalizedHeads" ? (finalized ?? chain.best) : chain.best).header);
      });
      return id;
    };
  }
  for (const name of UNSUBSCRIBE) methods[name] = ([id], conn) => conn.subs.delete(id as string);

  const handle = (conn: Conn, text: string): void => {
    let req: { id?: number | string; method?: string; params?: Params };
    try {
      req = JSON.parse(text);
    } catch {
      return send(conn, { id: null, error: { code: -32700, message: "Parse error" } });
    }
    const id = req.id ?? null;
    const method = methods[req.method ?? ""];
    calls.push(String(req.method));
    if (!method) return send(conn, { id, error: { code: -32601, message: "Method not found" } });
    const after: (() => void)[] = [];
    try {
      send(conn, { id, result: method(req.params ?? [], conn, (fn) => after.push(fn)) });
    } catch (e) {
      const err = e instanceof RpcError ? e : new RpcError(-32602, "Invalid params", (e as Error).message);
      return send(conn, { id, error: { code: err.code, message: err.rpcMessage, ...(err.data ? { data: err.data } : {}) } });
    }
    for (const fn of after) fn();
  };

  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", () => resolve());
    wss.once("error", reject);
  });
  wss.on("connection", (ws) => {
    const conn: Conn = { ws, subs: new Map(), flushed: Promise.resolve() };
    conns.add(conn);
    ws.on("message", (data) => handle(conn, data.toString("utf8")));
    ws.on("close", () => conns.delete(conn));
  });

  return {
    url: `ws://127.0.0.1:${wss.address().port}`,
    register: (netuid, hotkey, uid) => chain.register(netuid, hotkey, uid),
    deregister: (netuid, hotkey, replacement) => chain.deregister(netuid, hotkey, replacement),
    commitmentOf: (netuid, hotkey) => chain.commitmentOf(netuid, hotkey),
    setIncentive: (netuid, uid, value) => chain.setIncentive(netuid, uid, value),
    get blocks() {
      return chain.blocks.map(({ number, hash, extrinsics }) => ({ number, hash, extrinsics: [...extrinsics] }));
    },
    calls,
    failNextCommit(errorName) {
      t.moduleError("Commitments", errorName); // throws, listing the names, if this runtime has no such error
      chain.failNext.push(errorName);
    },
    dropNextSubmit(after, opts = {}) {
      drop = { after, keepInPool: opts.keepInPool ?? false };
    },
    setFinality(delay) {
      finality = delay;
      // Trailing finality starts from the current head; instant finality catches up at once.
      if (delay === 0) finalized = undefined;
      else finalized ??= chain.best;
    },
    seal(count = 1) {
      for (let i = 0; i < count; i++) chain.seal();
    },
    async close() {
      for (const conn of conns) conn.ws.terminate();
      conns.clear();
      for (const timer of timers) clearTimeout(timer);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
