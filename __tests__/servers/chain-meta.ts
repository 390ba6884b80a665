/**
 * The real subtensor runtime metadata (see scripts/subtensor-metadata.mjs) and the SCALE helpers the
 * local chain needs: storage keys with the metadata's hashers, values, events and module errors, all
 * encoded with the metadata's own type table.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Metadata, TypeRegistry } from "@polkadot/types";
import type { Codec } from "@polkadot/types/types";
import { compactToU8a, stringToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import { blake2AsU8a, xxhashAsU8a } from "@polkadot/util-crypto";

export interface SubtensorFixture {
  source: { package: string; version: string; file: string; at: { hash: string; height: string } };
  chainName: string;
  specName: string;
  specVersion: number;
  transactionVersion: number;
  genesisHash: string;
  properties: { ss58Format: number; tokenDecimals: number; tokenSymbol: string };
  runtimeVersion: { specName: string; specVersion: number; transactionVersion: number; apis: [string, number][] } & Record<string, unknown>;
  metadata: `0x${string}`;
}

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "subtensor");

export function loadFixture(file = "mainnet-spec219.json"): SubtensorFixture {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as SubtensorFixture;
}

/**
 * subtensor's own signed extensions carry no data (PhantomData, `()` additional-signed). @polkadot/types
 * treats unknown extensions as no-ops anyway but warns; declaring them keeps the log quiet.
 */
export const SUBTENSOR_SIGNED_EXTENSIONS = {
  SubtensorSignedExtension: { extrinsic: {}, payload: {} },
  CommitmentsSignedExtension: { extrinsic: {}, payload: {} },
};

const HASHERS: Record<string, (data: Uint8Array) => Uint8Array> = {
  Identity: (d) => d,
  Blake2_128: (d) => blake2AsU8a(d, 128),
  Blake2_256: (d) => blake2AsU8a(d, 256),
  Blake2_128Concat: (d) => u8aConcat(blake2AsU8a(d, 128), d),
  Twox128: (d) => xxhashAsU8a(d, 128),
  Twox256: (d) => xxhashAsU8a(d, 256),
  Twox64Concat: (d) => u8aConcat(xxhashAsU8a(d, 64), d),
};

export class ChainTypes {
  readonly registry = new TypeRegistry();
  readonly metadata: Metadata;

  constructor(readonly fixture: SubtensorFixture) {
    this.metadata = new Metadata(this.registry, fixture.metadata);
    this.registry.setMetadata(this.metadata, undefined, SUBTENSOR_SIGNED_EXTENSIONS);
  }

  get v14() {
    return this.metadata.asV14;
  }

  pallet(name: string) {
    const found = this.v14.pallets.find((p) => p.name.eq(name));
    if (!found) throw new Error(`metadata has no pallet ${name}`);
    return found;
  }

  /** A value of metadata type `id` (decoded from bytes, or built from a JS value). */
  type(id: number | { toNumber(): number }, value?: unknown): Codec {
    const n = typeof id === "number" ? id : id.toNumber();
    return this.registry.createType(this.registry.createLookupType(n), value);
  }

  isEmptyType(id: { toNumber(): number }): boolean {
    return this.registry.lookup.getTypeDef(id.toNumber()).type === "Null";
  }

  constant(pallet: string, name: string): Codec {
    const c = this.pallet(pallet).constants.find((x) => x.name.eq(name));
    if (!c) throw new Error(`no constant ${pallet}.${name}`);
    return this.type(c.type, c.value);
  }

  private storageItem(pallet: string, item: string) {
    const storage = this.pallet(pallet).storage.unwrap();
    const entry = storage.items.find((i) => i.name.eq(item));
    if (!entry) throw new Error(`no storage ${pallet}.${item}`);
    return { prefix: storage.prefix.toString(), entry };
  }

  /** The storage key as the runtime computes it: twox128(prefix) ++ twox128(item) ++ hasher(key)... */
  storageKey(pallet: string, item: string, ...args: unknown[]): string {
    const { prefix, entry } = this.storageItem(pallet, item);
    const parts = [xxhashAsU8a(stringToU8a(prefix), 128), xxhashAsU8a(stringToU8a(entry.name.toString()), 128)];
    if (entry.type.isMap) {
      const { hashers, key } = entry.type.asMap;
      const def = this.registry.lookup.getSiType(key).def;
      const keyTypes = hashers.length === 1 ? [key] : def.asTuple.map((t) => t);
      if (args.length !== hashers.length) throw new Error(`${pallet}.${item} takes ${hashers.length} keys`);
      hashers.forEach((h, i) => parts.push(HASHERS[h.type](this.type(keyTypes[i], args[i]).toU8a())));
    }
    return u8aToHex(u8aConcat(...parts));
  }

  /** The metadata type of a storage item's value. */
  storageValueType(pallet: string, item: string): number {
    const { entry } = this.storageItem(pallet, item);
    return (entry.type.isMap ? entry.type.asMap.value : entry.type.asPlain).toNumber();
  }

  private variants(pallet: string, kind: "calls" | "events" | "errors") {
    const p = this.pallet(pallet);
    return this.registry.lookup.getSiType(p[kind].unwrap().type).def.asVariant.variants;
  }

  /** An encoded RuntimeEvent: [pallet index, variant index] ++ the fields, each encoded with its type. */
  event(pallet: string, name: string, ...values: unknown[]): Uint8Array {
    const v = this.variants(pallet, "events").find((x) => x.name.eq(name));
    if (!v) throw new Error(`no event ${pallet}.${name}`);
    const fields = v.fields.map((f, i) => this.type(f.type, values[i]).toU8a());
    return u8aConcat([this.pallet(pallet).index.toNumber(), v.index.toNumber()], ...fields);
  }

  /** `{ index, error }` of DispatchError::Module for a pallet's error, by name. */
  moduleError(pallet: string, name: string): { index: number; error: Uint8Array } {
    const v = this.variants(pallet, "errors").find((x) => x.name.eq(name));
    if (!v) throw new Error(`${pallet} has no error ${name} (has ${this.errorNames(pallet).join(", ")})`);
    return { index: this.pallet(pallet).index.toNumber(), error: new Uint8Array([v.index.toNumber(), 0, 0, 0]) };
  }

  errorNames(pallet: string): string[] {
    return this.variants(pallet, "errors").map((v) => v.name.toString());
  }

  callIndex(pallet: string, call: string): Uint8Array {
    const v = this.variants(pallet, "calls").find((x) => x.name.eq(call));
    if (!v) throw new Error(`no call ${pallet}.${call}`);
    return new Uint8Array([this.pallet(pallet).index.toNumber(), v.index.toNumber()]);
  }

  /** The SCALE Vec<EventRecord> of System.Events: phase ApplyExtrinsic(i), the event, no topics. */
  eventRecords(records: { index: number; event: Uint8Array }[]): Uint8Array {
    const encoded = records.map(({ index, event }) =>
      u8aConcat([0], this.registry.createType("u32", index).toU8a(), event, compactToU8a(0)),
    );
    return u8aConcat(compactToU8a(records.length), ...encoded);
  }
}
