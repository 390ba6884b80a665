/**
 * The state machine behind the local subtensor node: blocks with a storage snapshot each, the checks a
 * real node runs on a submitted extrinsic (decode, additional-signed data, sr25519 signature, nonce) and
 * the dispatch of Commitments.set_commitment as pallet-commitments (spec 219) does it.
 */
import type { Codec } from "@polkadot/types/types";
import type { Call } from "@polkadot/types/interfaces";
import { bnToU8a, compactFromU8a, compactToU8a, hexToU8a, u8aConcat, u8aToHex, u8aToString } from "@polkadot/util";
import { blake2AsHex, blake2AsU8a, decodeAddress, ed25519Verify, sr25519Verify } from "@polkadot/util-crypto";
import type { ChainTypes } from "./chain-meta.js";

export class RpcError extends Error {
  constructor(
    readonly code: number,
    readonly rpcMessage: string,
    readonly data?: string,
  ) {
    super(data ? `${code}: ${rpcMessage}: ${data}` : `${code}: ${rpcMessage}`);
  }
}
/** sp_runtime InvalidTransaction, as the author RPC reports it (1010). */
const invalid = (why: string) => new RpcError(1010, "Invalid Transaction", why);
/** What a runtime that cannot decode the extrinsic makes the pool report (1002). */
const undecodable = (why: string) =>
  new RpcError(1002, "Verification Error", `Runtime error: Execution failed: Bad input data provided to validate_transaction: ${why}`);

export interface HeaderJson {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}
export interface Block {
  number: number;
  hash: string;
  header: HeaderJson;
  extrinsics: string[];
  state: Map<string, string>;
}
export interface CheckedTx {
  hex: string;
  signer: Uint8Array;
  tip: bigint;
  call: Call;
}

const BLOCK_MS = 12_000;
const TIME0 = Date.UTC(2024, 10, 1); // timestamp of the first block: fixed, so runs are reproducible
// Illustrative weights (the runtime's benchmarks are not in the metadata).
const TIMESTAMP_INFO = { weight: { refTime: 1_000_000_000, proofSize: 1_493 }, class: "Mandatory", paysFee: "Yes" };
const COMMIT_INFO = { weight: { refTime: 38_000_000, proofSize: 0 }, class: "Operational", paysFee: "No" };

/** sp_runtime::generic::Era: immortal (0x00) or mortal (2 bytes: period and quantized phase). */
function decodeEra(bytes: Uint8Array, p: number): { length: number; birth: (current: number) => number } {
  if (bytes[p] === 0) return { length: 1, birth: () => 0 };
  const encoded = bytes[p] + (bytes[p + 1] << 8);
  const period = 2 << (encoded % 16);
  const phase = (encoded >> 4) * Math.max(period >> 12, 1);
  if (period < 4 || phase >= period) throw undecodable("Invalid period and phase");
  return { length: 2, birth: (current) => Math.floor((Math.max(current, phase) - phase) / period) * period + phase };
}

export class Chain {
  readonly blocks: Block[] = [];
  readonly failNext: string[] = [];
  private readonly byHash = new Map<string, Block>();
  private readonly nextUid = new Map<number, number>();
  private readonly first: number;
  onBlock: (block: Block) => void = () => {};

  constructor(
    readonly t: ChainTypes,
    firstBlock: number,
    readonly rateLimit: number,
  ) {
    this.first = firstBlock;
    // Genesis keeps mainnet's hash (CheckGenesis signs it), which its stand-in header does not hash to.
    const genesis = this.add({
      number: 0,
      hash: t.fixture.genesisHash,
      parentHash: `0x${"00".repeat(32)}`,
      extrinsics: [],
      state: new Map(),
    });
    const state = new Map<string, string>();
    this.put(state, "System", "BlockHash", [0], hexToU8a(genesis.hash));
    this.put(state, "System", "Number", [], bnToU8a(firstBlock, { bitLength: 32 }));
    // The head at start, numbered like the fixture's snapshot; blocks between genesis and it are unknown.
    this.add({ number: firstBlock, parentHash: genesis.hash, extrinsics: [], state });
  }

  get best(): Block {
    return this.blocks[this.blocks.length - 1];
  }

  block(at?: string | number | null): Block | undefined {
    if (at === undefined || at === null) return this.best;
    return typeof at === "number" ? this.blocks.find((b) => b.number === at) : this.byHash.get(at.toLowerCase());
  }

  /** Appends a block; its hash is blake2_256 of its SCALE header, as clients recompute it (genesis excepted). */
  private add(b: { number: number; hash?: string; parentHash: string; extrinsics: Uint8Array[]; state: Map<string, string> }): Block {
    // Roots: plain blake2 digests, not Patricia trie roots (no client here checks them).
    const stateRoot = blake2AsHex([...b.state].sort().flat().join(""), 256);
    const extrinsicsRoot = blake2AsHex(u8aConcat(...b.extrinsics), 256);
    const header = { parentHash: b.parentHash, number: `0x${b.number.toString(16)}`, stateRoot, extrinsicsRoot, digest: { logs: [] } };
    const hash = b.hash ?? this.t.registry.createType("Header", { ...header, number: b.number }).hash.toHex();
    const block = { number: b.number, hash, header, extrinsics: b.extrinsics.map((x) => u8aToHex(x)), state: b.state };
    this.blocks.push(block);
    this.byHash.set(block.hash, block);
    return block;
  }

  get(state: Map<string, string>, pallet: string, item: string, ...args: unknown[]): Codec | undefined {
    const raw = state.get(this.t.storageKey(pallet, item, ...args));
    return raw === undefined ? undefined : this.t.type(this.t.storageValueType(pallet, item), hexToU8a(raw));
  }

  put(state: Map<string, string>, pallet: string, item: string, args: unknown[], value: Uint8Array): void {
    state.set(this.t.storageKey(pallet, item, ...args), u8aToHex(value));
  }

  /** Registers a hotkey on a subnet (SubtensorModule.Uids / Keys) in the head state; the subnet then exists (NetworksAdded). */
  register(netuid: number, hotkey: string, uid = this.nextUid.get(netuid) ?? 0): number {
    const who = decodeAddress(hotkey);
    this.put(this.best.state, "SubtensorModule", "NetworksAdded", [netuid], new Uint8Array([1]));
    this.put(this.best.state, "SubtensorModule", "Uids", [netuid, who], this.t.registry.createType("u16", uid).toU8a());
    this.put(this.best.state, "SubtensorModule", "Keys", [netuid, uid], who);
    this.nextUid.set(netuid, Math.max(uid + 1, this.nextUid.get(netuid) ?? 0));
    return uid;
  }

  /**
   * Deregisters a hotkey, as pruning does: its uid goes to `replacement` (a new hotkey) or is
   * emptied. Its CommitmentOf stays in storage, as on subtensor.
   */
  deregister(netuid: number, hotkey: string, replacement?: string): void {
    const who = decodeAddress(hotkey);
    const uid = this.get(this.best.state, "SubtensorModule", "Uids", netuid, who);
    if (!uid) throw new Error(`${hotkey} is not registered on subnet ${netuid}`);
    this.best.state.delete(this.t.storageKey("SubtensorModule", "Uids", netuid, who));
    this.best.state.delete(this.t.storageKey("SubtensorModule", "Keys", netuid, Number(uid.toString())));
    if (replacement) this.register(netuid, replacement, Number(uid.toString()));
  }

  /** Sets SubtensorModule.Incentive(netuid)[uid] in the head state (the vector grows with zeros). */
  setIncentive(netuid: number, uid: number, value: number): void {
    const current = this.get(this.best.state, "SubtensorModule", "Incentive", netuid);
    const values = current ? (current.toJSON() as number[]) : [];
    while (values.length <= uid) values.push(0);
    values[uid] = value;
    this.put(
      this.best.state,
      "SubtensorModule",
      "Incentive",
      [netuid],
      this.t.type(this.t.storageValueType("SubtensorModule", "Incentive"), values).toU8a(),
    );
  }

  commitmentOf(netuid: number, hotkey: string): { block: number; fields: string[] } | undefined {
    const reg = this.get(this.best.state, "Commitments", "CommitmentOf", netuid, decodeAddress(hotkey));
    if (!reg) return undefined;
    const { block, info } = reg as unknown as { block: Codec; info: { fields: { type: string; value: Codec }[] } };
    const fields = info.fields.map((f) => (f.type.startsWith("Raw") ? u8aToString(f.value.toU8a(true)) : f.value.toHex()));
    return { block: Number(block.toString()), fields };
  }

  accountNonce(who: Uint8Array, state = this.best.state): number {
    const info = this.get(state, "System", "Account", who);
    return info ? Number((info as unknown as { nonce: Codec }).nonce.toString()) : 0;
  }

  /** Decodes and validates a submitted extrinsic like the transaction pool does; throws RpcError. */
  check(hex: string): CheckedTx {
    const { t } = this;
    const bytes = hexToU8a(hex);
    const [offset, length] = compactFromU8a(bytes);
    if (offset + length.toNumber() !== bytes.length)
      throw new RpcError(1001, "Extrinsic has invalid format", "Not enough data to fill buffer");
    let p = offset;
    const version = bytes[p++];
    if ((version & 0x7f) !== 4) throw undecodable(`Could not decode \`UncheckedExtrinsic\`: unsupported version ${version & 0x7f}`);
    if (!(version & 0x80))
      throw new RpcError(1011, "Unknown Transaction Validity", "Could not find an unsigned validator for the unsigned transaction");
    if (bytes[p] !== 0)
      throw new RpcError(1011, "Unknown Transaction Validity", "Could not lookup information required to validate the transaction");
    const signer = bytes.slice(p + 1, p + 33);
    const sigType = bytes[p + 33];
    const signature = bytes.slice(p + 34, p + 34 + (sigType === 2 ? 65 : 64));
    p += 34 + signature.length;
    if (sigType > 2) throw undecodable("Could not decode `MultiSignature`, variant doesn't exist");

    // The extra data, one value per signed extension, in the metadata's order.
    const extensions = t.v14.extrinsic.signedExtensions;
    const extraStart = p;
    const extras: Record<string, Codec> = {};
    let era = decodeEra(new Uint8Array([0]), 0);
    let call: Call;
    try {
      for (const ext of extensions) {
        const id = ext.identifier.toString();
        if (id === "CheckMortality") {
          era = decodeEra(bytes, p);
          p += era.length;
        } else {
          extras[id] = t.type(ext.type, bytes.subarray(p));
          p += extras[id].encodedLength;
        }
      }
      call = t.registry.createType("Call", bytes.subarray(p));
    } catch (e) {
      throw e instanceof RpcError ? e : undecodable(`Could not decode \`UncheckedExtrinsic\`: ${(e as Error).message}`);
    }
    const extra = bytes.subarray(extraStart, p);
    const callBytes = bytes.subarray(p);
    if (call.encodedLength !== callBytes.length) throw undecodable("Input buffer has still data left after decoding!");
    const isCommit = call.section === "commitments" && call.method === "setCommitment";
    const maxFields = Number(t.constant("Commitments", "MaxFields").toString());
    if (isCommit && (call.args[1] as unknown as { fields: unknown[] }).fields.length > maxFields) {
      throw undecodable("Could not decode `CommitmentInfo::fields`: BoundedVec exceeds its limit");
    }

    // What the signer signed: call ++ extra ++ additional-signed data (hashed when over 256 bytes).
    const current = this.best.number + 1; // validation runs on top of the best block
    const blockHashCount = Number(t.constant("System", "BlockHashCount").toString());
    const additional = extensions.map((ext) => {
      switch (ext.identifier.toString()) {
        case "CheckSpecVersion":
          return bnToU8a(t.fixture.specVersion, { bitLength: 32 });
        case "CheckTxVersion":
          return bnToU8a(t.fixture.transactionVersion, { bitLength: 32 });
        case "CheckGenesis":
          return hexToU8a(t.fixture.genesisHash);
        case "CheckMortality": {
          const birth = this.block(era.birth(current)); // System.BlockHash keeps genesis and the last BlockHashCount
          if (!birth || (birth.number > 0 && current - birth.number > blockHashCount))
            throw invalid("Transaction has an ancient birth block");
          return hexToU8a(birth.hash);
        }
        case "CheckMetadataHash":
          return new Uint8Array([0]); // runtime built without a metadata hash: None
        default:
          if (!t.isEmptyType(ext.additionalSigned))
            throw new Error(`test chain: unknown additional-signed data for ${ext.identifier.toString()}`);
          return new Uint8Array();
      }
    });
    let payload = u8aConcat(callBytes, extra, ...additional);
    if (payload.length > 256) payload = blake2AsU8a(payload, 256);
    const verify = sigType === 1 ? sr25519Verify : sigType === 0 ? ed25519Verify : () => false;
    if (!verify(payload, signature, signer)) throw invalid("Transaction has a bad signature");

    if (signer.every((b) => b === 0)) throw invalid("Invalid signing address");
    if (!isCommit) throw invalid("Transaction call is not expected"); // this node dispatches only set_commitment
    const nonce = Number(extras.CheckNonce.toString());
    const expected = this.accountNonce(signer);
    if (nonce < expected) throw invalid("Transaction is outdated");
    // A real pool parks a nonce from the future until the gap fills; this node refuses it outright.
    if (nonce > expected) throw invalid("Transaction will be valid in the future");
    const tip = BigInt(extras.ChargeTransactionPayment.toString());
    if (tip > 0n) throw invalid("Inability to pay some fees (e.g. account balance too low)"); // test hotkeys hold no TAO
    return { hex: u8aToHex(bytes), signer, tip, call };
  }

  /** Builds the next block: the timestamp inherent at index 0, then `txs`; finalized at once. */
  seal(txs: CheckedTx[] = []): Block {
    const { t } = this;
    const parent = this.best;
    const number = parent.number + 1;
    const state = new Map(parent.state);
    const now = TIME0 + (number - this.first - 1) * BLOCK_MS;
    const inherent = u8aConcat([4], t.callIndex("Timestamp", "set"), compactToU8a(now));
    const extrinsics = [u8aConcat(compactToU8a(inherent.length), inherent)];
    const records = [{ index: 0, event: t.event("System", "ExtrinsicSuccess", TIMESTAMP_INFO) }];
    for (const tx of txs) {
      const index = extrinsics.length;
      extrinsics.push(hexToU8a(tx.hex));
      const account = this.get(state, "System", "Account", tx.signer)?.toU8a() ?? t.type(t.storageValueType("System", "Account")).toU8a();
      account.set(bnToU8a(this.accountNonce(tx.signer, state) + 1, { bitLength: 32 }), 0); // AccountInfo starts with nonce: u32
      this.put(state, "System", "Account", [tx.signer], account);
      const error = this.dispatch(state, number, tx, (event) => records.push({ index, event }));
      records.push({ index, event: t.event("TransactionPayment", "TransactionFeePaid", tx.signer, tx.tip, tx.tip) });
      records.push({
        index,
        event: error
          ? t.event("System", "ExtrinsicFailed", { Module: t.moduleError("Commitments", error) }, COMMIT_INFO)
          : t.event("System", "ExtrinsicSuccess", COMMIT_INFO),
      });
    }
    this.put(state, "Timestamp", "Now", [], bnToU8a(now, { bitLength: 64 }));
    this.put(state, "System", "Number", [], bnToU8a(number, { bitLength: 32 }));
    this.put(state, "System", "ParentHash", [], hexToU8a(parent.hash));
    this.put(state, "System", "BlockHash", [parent.number], hexToU8a(parent.hash));
    this.put(state, "System", "Events", [], t.eventRecords(records));
    this.put(state, "System", "EventCount", [], bnToU8a(records.length, { bitLength: 32 }));
    const block = this.add({ number, parentHash: parent.hash, extrinsics, state });
    this.onBlock(block);
    return block;
  }

  /** pallet-commitments set_commitment (spec 219); returns the module error's name when it fails. */
  private dispatch(state: Map<string, string>, number: number, tx: CheckedTx, emit: (event: Uint8Array) => void): string | undefined {
    const [netuid, info] = tx.call.args;
    const forced = this.failNext.shift();
    if (forced) return forced;
    if (!this.get(state, "SubtensorModule", "Uids", netuid, tx.signer)) return "AccountNotAllowedCommit";
    const last = this.get(state, "Commitments", "LastCommitment", netuid, tx.signer);
    if (last && number < Number(last.toString()) + this.rateLimit) return "CommitmentSetRateLimitExceeded";
    // InitialDeposit and FieldDeposit are 0 on this runtime, so the deposit stays 0.
    const registration = this.t.type(this.t.storageValueType("Commitments", "CommitmentOf"), {
      deposit: 0,
      block: number,
      info: info.toU8a(),
    });
    this.put(state, "Commitments", "CommitmentOf", [netuid, tx.signer], registration.toU8a());
    this.put(state, "Commitments", "LastCommitment", [netuid, tx.signer], bnToU8a(number, { bitLength: 32 }));
    emit(this.t.event("Commitments", "Commitment", netuid, tx.signer));
    return undefined;
  }
}
