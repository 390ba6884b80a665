/**
 * The local subtensor node against the real @polkadot/api client: if these pass, code that writes a
 * commitment through @polkadot/api can be tested against `startChainNode()` with the bytes mainnet gets.
 */
import { ApiPromise, Keyring, WsProvider, type SubmittableResult } from "@polkadot/api";
import type { SubmittableExtrinsic } from "@polkadot/api/types";
import type { KeyringPair } from "@polkadot/keyring/types";
import type { Codec } from "@polkadot/types/types";
import type { Option } from "@polkadot/types";
import type { SignedBlock } from "@polkadot/types/interfaces";
import { u8aToString } from "@polkadot/util";
import { loadFixture } from "./servers/chain-meta.js";
import { disconnectApis, startChainNode, type ChainNode } from "./servers/chain.js";

// Generated once with mnemonicGenerate() for these tests only: never funded, never used elsewhere.
const MNEMONIC = "category suggest work turkey lesson female fantasy erosion above family affair clerk";
const HOTKEY = "5ERyH3QuPTf1S4Rxmd5s92XVTYCxy1HNGi3GcmcUBBAPrZNZ";
const NETUID = 76;
const fixture = loadFixture();

type Registration = { block: Codec; info: { fields: { type: string; value: Codec }[] } };
type Tx = SubmittableExtrinsic<"promise">;

let node: ChainNode;
let api: ApiPromise;
let keyring: Keyring;
const apis: ApiPromise[] = [];

const connect = async (autoConnectMs?: number): Promise<ApiPromise> => {
  const created = await ApiPromise.create({ provider: new WsProvider(node.url, autoConnectMs), noInitWarn: true });
  apis.push(created);
  return created;
};
/** The commitment as CHAIN.md spells it: one field, RawN with N the UTF-8 byte length. */
const commit = (text: string, length = Buffer.byteLength(text), on = api): Tx =>
  on.tx.commitments.setCommitment(NETUID, { fields: [{ [`Raw${length}`]: text }] });
/** A registered (or not) test hotkey derived from the test mnemonic. */
const hotkey = (path: string, register = true): KeyringPair => {
  const pair = keyring.addFromUri(`${MNEMONIC}${path}`);
  if (register) node.register(NETUID, pair.address);
  return pair;
};

/** signAndSend, collecting every status until "finalized". */
function submit(tx: Tx, pair: KeyringPair, options: object = {}): Promise<SubmittableResult[]> {
  return new Promise((resolve, reject) => {
    const results: SubmittableResult[] = [];
    let unsub: (() => void) | undefined;
    let done = false;
    tx.signAndSend(pair, options, (result) => {
      results.push(result as SubmittableResult);
      if (result.status.isFinalized) {
        done = true;
        unsub?.();
        resolve(results);
      }
    }).then((u) => (done ? u() : (unsub = u)), reject);
  });
}
/** Runs `fn` with console.error muted: @polkadot logs every refused RPC and every lost socket there. */
async function quietly<T>(fn: () => Promise<T> | T): Promise<T> {
  const error = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = error;
  }
}
const statuses = (results: SubmittableResult[]) => results.map((r) => r.status.type);
const moduleError = (results: SubmittableResult[]) => {
  const error = results.at(-1)!.dispatchError!;
  expect(error.isModule).toBe(true);
  const { section, name, docs } = api.registry.findMetaError(error.asModule);
  return { section, name, docs: docs.join(" ") };
};
const readCommitment = async (address: string, on = api): Promise<{ block: number; text: string } | undefined> => {
  const value = (await on.query.commitments.commitmentOf(NETUID, address)) as Option<Codec>;
  if (value.isNone) return undefined;
  const { block, info } = value.unwrap() as unknown as Registration;
  const raw = info.fields.find((f) => f.type.startsWith("Raw"))!;
  return { block: Number(block.toString()), text: u8aToString(raw.value.toU8a(true)) };
};

beforeAll(async () => {
  node = await startChainNode();
  node.register(NETUID, HOTKEY, 7);
  api = await connect();
  keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
});

afterAll(async () => {
  await disconnectApis(...apis);
  await node.close();
});

test("the client connects with subtensor's metadata, runtime version and properties", () => {
  expect(keyring.addFromUri(MNEMONIC).address).toBe(HOTKEY);
  expect(api.genesisHash.toHex()).toBe(fixture.genesisHash);
  expect(api.runtimeVersion.specName.toString()).toBe("node-subtensor");
  expect(api.runtimeVersion.specVersion.toNumber()).toBe(219);
  expect(api.runtimeVersion.transactionVersion.toNumber()).toBe(1);
  expect([api.registry.chainSS58, api.registry.chainDecimals, api.registry.chainTokens]).toEqual([42, [9], ["TAO"]]);
  expect(api.registry.signedExtensions).toEqual([
    "CheckNonZeroSender",
    "CheckSpecVersion",
    "CheckTxVersion",
    "CheckGenesis",
    "CheckMortality",
    "CheckNonce",
    "CheckWeight",
    "ChargeTransactionPayment",
    "SubtensorSignedExtension",
    "CommitmentsSignedExtension",
    "CheckMetadataHash",
  ]);
  expect(api.registry.findMetaCall(new Uint8Array([18, 0])).method).toBe("setCommitment");
  expect(api.consts.commitments.maxFields.toString()).toBe("1");
  // The metadata came through the runtime API (state_call Metadata_metadata_at_version), as on a live node.
  expect(node.calls).toEqual(expect.arrayContaining(["rpc_methods", "state_getRuntimeVersion", "system_properties", "state_call"]));
});

test("the encoded call for netuid 76 and 'hello' is CHAIN.md's example", () => {
  expect(commit("hello").method.toHex()).toBe("0x12004c00040668656c6c6f");
});

test("a commitment over 128 bytes cannot be encoded, and RawN must be the UTF-8 byte length", async () => {
  await quietly(() => {
    expect(() => commit("x".repeat(129))).toThrow(/unable to find 'Raw129'/);
    expect(() => commit("x".repeat(129), 128)).toThrow(/Expected input with 128 bytes/);
    expect(() => commit("héllo", 5)).toThrow(/Expected input with 5 bytes/);
  });
  expect(commit("x".repeat(128)).method.toU8a().length).toBe(2 + 2 + 1 + 1 + 128);
});

test("a registered hotkey commits: in-block result, read-back and the block all agree", async () => {
  const pair = keyring.addFromUri(MNEMONIC);
  const results = await submit(commit("hello world"), pair);
  expect(statuses(results)).toEqual(["Ready", "InBlock", "Finalized"]);
  const inBlock = results.find((r) => r.status.isInBlock)!;
  const sealed = node.blocks.at(-1)!;
  expect(inBlock.status.asInBlock.toHex()).toBe(sealed.hash);
  expect([inBlock.blockNumber?.toNumber(), inBlock.txIndex]).toEqual([sealed.number, 1]);
  expect(inBlock.events.map(({ event }) => `${event.section}.${event.method}`)).toEqual([
    "commitments.Commitment",
    "transactionPayment.TransactionFeePaid",
    "system.ExtrinsicSuccess",
  ]);
  expect(inBlock.events[0].event.data.toJSON()).toEqual([NETUID, HOTKEY]);

  expect(await readCommitment(HOTKEY)).toEqual({ block: sealed.number, text: "hello world" });
  expect(node.commitmentOf(NETUID, HOTKEY)).toEqual({ block: sealed.number, fields: ["hello world"] });
  // Registration { deposit: u64, block: u32, info: { fields: [Raw11(..)] } }, SCALE as the runtime stores it.
  const raw = await api.rpc.state.getStorage.raw(api.query.commitments.commitmentOf.key(NETUID, HOTKEY));
  const blockLe = Buffer.alloc(4);
  blockLe.writeUInt32LE(sealed.number);
  expect(raw).toBe(`0x${"00".repeat(8)}${blockLe.toString("hex")}040c${Buffer.from("hello world").toString("hex")}`);
  expect((await api.query.subtensorModule.uids(NETUID, HOTKEY)).toJSON()).toBe(7);
  expect((await api.query.subtensorModule.keys(NETUID, 7)).toString()).toBe(HOTKEY);
  expect((await api.rpc.system.accountNextIndex(HOTKEY)).toNumber()).toBe(1);

  // The extrinsic id "<block>-<index>": index 0 is the timestamp inherent, 1 the hotkey's signed commit.
  const { block } = (await api.rpc.chain.getBlock(sealed.hash)) as SignedBlock;
  expect(block.header.number.toNumber()).toBe(sealed.number);
  const [inherent, signed] = block.extrinsics;
  expect([inherent.isSigned, `${inherent.method.section}.${inherent.method.method}`]).toEqual([false, "timestamp.set"]);
  expect([signed.isSigned, signed.signer.toString(), `${signed.method.section}.${signed.method.method}`]).toEqual([
    true,
    HOTKEY,
    "commitments.setCommitment",
  ]);
  expect(signed.method.args[0].toJSON()).toBe(NETUID);
  expect(signed.method.args[1].toJSON()).toEqual({ fields: [{ raw11: "0x68656c6c6f20776f726c64" }] });
  expect(signed.toHex()).toBe(sealed.extrinsics[1]);
});

test("the node refuses a bad signature, a stale nonce and too many fields as a real node does", async () => {
  const pair = hotkey("//refused");
  await quietly(async () => {
    const signed = await commit("hello").signAsync(pair);
    const tampered = `${signed.toHex().slice(0, -2)}70`; // "hellp": the signature no longer matches
    await expect(api.rpc.author.submitExtrinsic(tampered)).rejects.toThrow("1010: Invalid Transaction: Transaction has a bad signature");
    await submit(commit("hello"), pair, { era: 0 }); // immortal era: signs over the genesis hash
    await expect(submit(commit("again"), pair, { nonce: 0 })).rejects.toThrow("1010: Invalid Transaction: Transaction is outdated");
    await expect(submit(commit("later"), pair, { nonce: 5 })).rejects.toThrow("Transaction will be valid in the future");
    const two = api.tx.commitments.setCommitment(NETUID, { fields: [{ Raw1: "a" }, { Raw1: "b" }] });
    await expect(submit(two, pair)).rejects.toThrow(/1002: Verification Error: .*BoundedVec exceeds its limit/);
  });
});

test("an unregistered hotkey's commit is included but fails with AccountNotAllowedCommit", async () => {
  const stranger = hotkey("//stranger", false);
  const results = await submit(commit("hello"), stranger);
  expect(results.at(-1)!.events.map(({ event }) => event.method)).toEqual(["TransactionFeePaid", "ExtrinsicFailed"]);
  expect(moduleError(results)).toEqual({
    section: "commitments",
    name: "AccountNotAllowedCommit",
    docs: "Account is not allow to make commitments to the chain",
  });
  expect(await readCommitment(stranger.address)).toBeUndefined();
  expect((await api.rpc.system.accountNextIndex(stranger.address)).toNumber()).toBe(1); // the nonce is spent all the same
});

test("the 100-block rate limit and failNextCommit give decodable module errors", async () => {
  const pair = hotkey("//rate");
  await submit(commit("first"), pair);
  expect(moduleError(await submit(commit("second"), pair)).name).toBe("CommitmentSetRateLimitExceeded");
  node.seal(100);
  expect(() => node.failNextCommit("SpaceLimitExceeded")).toThrow(/no error SpaceLimitExceeded .*TooManyFieldsInCommitmentInfo/);
  node.failNextCommit("TooManyFieldsInCommitmentInfo");
  expect(moduleError(await submit(commit("third"), pair)).name).toBe("TooManyFieldsInCommitmentInfo");
  expect((await readCommitment(pair.address))?.text).toBe("first");
  await submit(commit("fourth"), pair);
  expect((await readCommitment(pair.address))?.text).toBe("fourth");
});

test("dropNextSubmit('inBlock'): the watch dies with the socket, the commitment is on chain for a reconnecting reader", async () => {
  await quietly(async () => {
    const client = await connect(100);
    const pair = hotkey("//drop");
    node.dropNextSubmit("inBlock");
    const seen: SubmittableResult[] = [];
    const disconnected = new Promise((resolve) => client.once("disconnected", resolve));
    const signed = commit("dropped", undefined, client);
    await signed.signAndSend(pair, (r) => void seen.push(r as SubmittableResult));
    await disconnected;
    expect(statuses(seen)).toEqual(["Ready", "InBlock"]); // never "Finalized"
    expect(seen[1].txIndex).toBe(1);
    expect(node.commitmentOf(NETUID, pair.address)?.fields).toEqual(["dropped"]);

    await new Promise((resolve) => client.once("connected", resolve));
    expect(await readCommitment(pair.address, client)).toEqual({ block: node.blocks.at(-1)!.number, text: "dropped" });
    // A blind retry of the same bytes cannot commit twice: its nonce is spent.
    await expect(client.rpc.author.submitExtrinsic(signed.toHex())).rejects.toThrow("Transaction is outdated");
  });
});

test("dropNextSubmit('ready'): the extrinsic goes with the connection unless it stays in the pool", async () => {
  await quietly(async () => {
    for (const keepInPool of [false, true]) {
      const client = await connect(100);
      const pair = hotkey(`//ready-${keepInPool}`);
      node.dropNextSubmit("ready", { keepInPool });
      const disconnected = new Promise((resolve) => client.once("disconnected", resolve));
      await commit("maybe", undefined, client).signAndSend(pair, () => {});
      await disconnected;
      expect(node.commitmentOf(NETUID, pair.address)?.fields).toEqual(keepInPool ? ["maybe"] : undefined);
    }
  });
});
