/**
 * The committed models as validators get them, against the local chain (real signed set_commitment extrinsics)
 * and the local hub: who is read, who is ignored, the top N by Incentive, each model's checks in the validators'
 * order, and the model cache by SHA-256.
 */
import { cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { ApiPromise } from "@polkadot/api";
import type { KeyringPair } from "@polkadot/keyring/types";
import { connect, submitCommitment } from "../src/release/chain.js";
import {
  committedModels,
  modelCacheKey,
  readCommitted,
  selectTop,
  type CommittedModel,
  type CommittedModels,
  type ModelStore,
} from "../src/release/committed.js";
import { parseExtrinsicId, pythonInt } from "../src/release/record-check.js";
import { release } from "../src/release/release.js";
import type { CacheStore } from "../src/util/cache-store.js";
import { sha256File } from "../src/util/digest.js";
import type { Log } from "../src/util/log.js";
import { disconnectApis } from "./servers/chain.js";
import { quiet, recordingLog, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { tempDir } from "./helpers/temp.js";

let env: ReleaseEnv;
const ZERO = "0".repeat(64);
/** hotkey address by name, and each released model's hash. */
const keys: Record<string, string> = {};
let modelHash = "";
/** When the too-recent model was committed + 30 min: every other commitment is then over 120 min old. */
let now: Date;

async function released(name: string, repo = `miner/${name}`) {
  const key = await env.newHotkey();
  const result = await release(await env.request(key.mnemonic, { repoId: repo }));
  keys[name] = key.pair.address;
  modelHash = result.modelHash;
  return { ...key, result };
}

/** uid by name, as read from the chain. */
const uids: Record<string, number> = {};

beforeAll(async () => {
  env = await startReleaseEnv();
  // One connection for every raw commit (env.commitRaw connects each time).
  const chain = await connect(env.chain.url);
  const commitRaw = async (pair: KeyringPair, text: string): Promise<string> =>
    (await submitCommitment(chain, pair, 76, text, quiet, () => connect(env.chain.url))).id;
  await released("valid");
  const gone = await released("gone");
  const oldRecord = await released("oldrecord");
  const wrongHash = await released("wronghash");
  await released("apache");
  env.hub.putFile("model", "miner/apache", "README.md", "---\nlicense: apache-2.0\n---\n");
  const cased = await released("cased");
  const absent = await released("absent");
  env.chain.seal(100); // past the commitment rate limit
  // The current commitment carries another hash; the record still names the first one, which carries the served hash.
  await commitRaw(oldRecord.pair, `miner/oldrecord:skin-v1:tricorder-3:${ZERO}`);
  // The current commitment carries another hash, and the record names it.
  const id = await commitRaw(wrongHash.pair, `miner/wronghash:skin-v1:tricorder-3:${ZERO}`);
  env.hub.putFile("model", "miner/wronghash", "extrinsic_record.json", JSON.stringify({ hotkey: wrongHash.pair.address, extrinsic: id }));
  // Listed when ignoring case, absent under the exact name validators download.
  await commitRaw(cased.pair, `miner/cased:SKIN-V1:tricorder-3:${modelHash}`);
  await commitRaw(absent.pair, `miner/absent:nothing-here:tricorder-3:${modelHash}`);
  const other = await env.newHotkey();
  await commitRaw(other.pair, `miner/other:skin-v1:segmentation-1:${modelHash}`);
  keys.other = other.pair.address;
  const garbled = await env.newHotkey();
  await commitRaw(garbled.pair, "just-a-repo-name");
  keys.garbled = garbled.pair.address;
  const newcomer = await env.newHotkey(false);
  env.chain.deregister(76, gone.pair.address, newcomer.pair.address);
  keys.newcomer = newcomer.pair.address;
  await disconnectApis(chain);
  env.chain.seal(700); // 140 minutes
  await released("recent");

  const api: ApiPromise = await connect(env.chain.url);
  try {
    const set = await readCommitted(api, { netuid: 76, competitionId: "tricorder-3", now: new Date("2030-01-01T00:00:00Z") });
    for (const m of set.models) uids[Object.entries(keys).find(([, k]) => k === m.hotkey)?.[0] ?? m.hotkey] = m.uid;
    const recent = set.models.find((m) => m.hotkey === keys.recent);
    now = new Date((recent?.committedAt?.getTime() ?? 0) + 30 * 60_000);
  } finally {
    await disconnectApis(api);
  }
  // Incentive: valid and oldrecord tie (valid committed first), then wronghash, apache, cased, absent; recent the most.
  const incentive: Record<string, number> = {
    valid: 300,
    oldrecord: 300,
    wronghash: 200,
    apache: 100,
    cased: 50,
    absent: 40,
    recent: 1000,
  };
  for (const [name, value] of Object.entries(incentive)) env.chain.setIncentive(76, uids[name], value);
}, 120_000);
afterAll(async () => {
  await env.close();
});

/** A cache service kept in a folder: save copies the paths in, restore copies them back. */
async function folderCache(): Promise<CacheStore & { saved: string[]; restored: string[]; root: string }> {
  const root = await tempDir();
  const saved: string[] = [];
  const restored: string[] = [];
  return {
    root,
    saved,
    restored,
    async restore(paths, key) {
      const from = path.join(root, key);
      if (!existsSync(from)) return undefined;
      for (const p of paths) await cp(path.join(from, path.basename(p)), p, { recursive: true });
      restored.push(key);
      return key;
    },
    async save(paths, key) {
      for (const p of paths) await cp(p, path.join(root, key, path.basename(p)), { recursive: true });
      saved.push(key);
      return true;
    },
  };
}

async function run(options: { top?: number; store?: ModelStore; log?: Log } = {}): Promise<CommittedModels> {
  return committedModels({
    network: env.chain.url,
    netuid: 76,
    competitionId: "tricorder-3",
    now,
    top: options.top ?? 10,
    hub: { hubUrl: env.hub.url, log: options.log ?? quiet, retry: { attempts: 1, baseDelayMs: 1 } },
    store: options.store ?? { dir: await tempDir(), cache: { restore: async () => undefined, save: async () => false } },
  });
}

const byName = (r: CommittedModels, name: string) => r.checked.find((c) => c.model.hotkey === keys[name])?.check;

describe("committed models", () => {
  let all: CommittedModels;
  beforeAll(async () => {
    all = await run();
  }, 60_000);

  it("reads the registered hotkeys' commitments for the competition in uid order, with their Incentive and age", () => {
    const names = all.models.map((m) => Object.entries(keys).find(([, k]) => k === m.hotkey)?.[0]);
    expect(names).toEqual(["valid", "oldrecord", "wronghash", "apache", "cased", "absent", "recent"]);
    expect(all.models.map((m) => m.uid)).toEqual([...all.models.map((m) => m.uid)].sort((a, b) => a - b));
    const valid = all.models[0];
    expect(valid).toMatchObject({ repo: "miner/valid", stem: "skin-v1", hash: modelHash, incentive: 300, age: "eligible" });
    expect(valid.eligibleFrom?.getTime()).toBe((valid.committedAt?.getTime() ?? 0) + 120 * 60_000);
    expect(all.models.find((m) => m.hotkey === keys.oldrecord)?.hash).toBe(ZERO);
    expect(all.models.find((m) => m.hotkey === keys.recent)).toMatchObject({ age: "too-recent", incentive: 1000 });
  });

  it("lists what validators ignore, with the reason", () => {
    const ignored = Object.fromEntries(all.ignored.map((i) => [Object.entries(keys).find(([, k]) => k === i.hotkey)?.[0], i.code]));
    expect(ignored).toEqual({ gone: "deregistered", newcomer: "no-commitment", other: "other-competition", garbled: "unparsable" });
    expect(all.ignored.find((i) => i.hotkey === keys.other)?.reason).toBe("committed for competition segmentation-1");
  });

  it("a valid model is evaluable: the downloaded file, its hash and the record's extrinsic", async () => {
    const check = byName(all, "valid");
    expect(check).toMatchObject({ status: "evaluable", sha256: modelHash, pioneer: { valid: true, signedByHotkey: true } });
    if (check?.status !== "evaluable") throw new Error("not evaluable");
    expect(await sha256File(check.modelPath)).toBe(modelHash);
    expect(check.pioneer.recordBlock).toBe(all.models[0].block);
  });

  it("a current commitment with another hash, the record naming an older one with the served hash: accepted, as by validators", () => {
    const check = byName(all, "oldrecord");
    expect(check).toMatchObject({
      status: "evaluable",
      sha256: modelHash,
      pioneer: { valid: false, signedByHotkey: true, matchesCurrentCommitment: false },
    });
    if (check?.status !== "evaluable") throw new Error("not evaluable");
    // The record names the first commitment, older than the current one.
    expect(check.record.block).toBeLessThan(all.models.find((m) => m.hotkey === keys.oldrecord)?.block ?? 0);
    expect(check.pioneer.reason).toContain(`carries ${modelHash}, the current commitment ${ZERO}`);
  });

  it("a record naming a commitment with another hash: rejected 'hash', and slashed", () => {
    expect(byName(all, "wronghash")).toMatchObject({
      status: "rejected",
      code: "hash",
      slashed: true,
      sha256: modelHash,
      reason: expect.stringMatching(
        new RegExp(`^Hash validation failed: the commitment at \\d+-\\d+ carries hash ${ZERO}, not the served`),
      ),
    });
  });

  it("a card that is not MIT: rejected with the validators' reason", () => {
    expect(byName(all, "apache")).toMatchObject({
      status: "rejected",
      code: "license",
      slashed: false,
      reason: 'MIT license not found or invalid: miner/apache has card license "apache-2.0", without "mit"',
    });
  });

  it("a file listed only when ignoring case fails the download; an absent one fails the listing", () => {
    expect(byName(all, "cased")).toMatchObject({
      status: "rejected",
      code: "download",
      reason: expect.stringContaining("miner/cased holds skin-v1.onnx, not SKIN-V1.onnx"),
    });
    expect(byName(all, "absent")).toMatchObject({
      status: "rejected",
      code: "no-file",
      reason: "File nothing-here.onnx not found in repository miner/absent",
    });
  });

  it("a model committed less than 120 minutes ago scores 0 until it is eligible, and takes no place in the top N", () => {
    const recent = all.tooRecent.find((c) => c.model.hotkey === keys.recent);
    expect(recent?.check).toMatchObject({ status: "rejected", code: "too-recent" });
    expect(recent?.check.status === "rejected" && recent.check.reason).toMatch(/^Model was submitted too recently: committed .* after /);
    expect(all.checked.some((c) => c.model.hotkey === keys.recent)).toBe(false);
  });

  it("selects the top N by Incentive, ties to the older commitment; the others are not evaluated", async () => {
    const top = await run({ top: 3 });
    expect(top.checked.map((c) => c.model.hotkey)).toEqual([keys.valid, keys.oldrecord, keys.wronghash]);
    expect(top.notEvaluated.map((m) => m.hotkey)).toEqual([keys.apache, keys.cased, keys.absent]);
    // Pure: the tie goes to the lower block, then the lower uid.
    const model = (uid: number, incentive: number, block: number): CommittedModel => ({
      uid,
      hotkey: `h${uid}`,
      block,
      age: "eligible",
      commitment: "",
      repo: "r/r",
      stem: "s",
      hash: "",
      incentive,
    });
    const picked = selectTop([model(0, 5, 10), model(1, 9, 50), model(2, 9, 40), model(3, 5, 10)], 3);
    expect(picked.selected.map((m) => m.uid)).toEqual([2, 1, 0]);
    expect(picked.notEvaluated.map((m) => m.uid)).toEqual([3]);
    expect(() => selectTop([], -1)).toThrow(/whole number/);
  }, 60_000);
});

describe("what validators would see differently", () => {
  it("a record with a UTF-8 byte-order mark: validators' json.load refuses it", async () => {
    const original = env.hub.getFile("model", "miner/valid", "extrinsic_record.json") ?? Buffer.alloc(0);
    env.hub.putFile("model", "miner/valid", "extrinsic_record.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original]));
    try {
      expect((await run({ top: 1 })).checked[0].check).toMatchObject({
        status: "rejected",
        code: "record",
        recordFailure: "invalid",
        reason: expect.stringContaining("byte-order mark"),
      });
    } finally {
      env.hub.putFile("model", "miner/valid", "extrinsic_record.json", original);
    }
  }, 60_000);

  it("a hub that does not answer leaves the model unchecked, never rejected", async () => {
    env.hub.failNext("/api/models/miner/valid", { status: 503, times: 1 });
    const check = (await run({ top: 1 })).checked[0].check;
    expect(check).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/^could not check miner\/valid: /) });
  }, 60_000);
});

describe("the model cache", () => {
  it("saves after a download, restores on the next run, and downloads again over a corrupt entry", async () => {
    const cache = await folderCache();
    const dir = await tempDir();
    const key = modelCacheKey(modelHash);

    const first = await run({ top: 1, store: { dir, cache } });
    expect(first.checked[0].check).toMatchObject({ status: "evaluable", source: "hub" });
    expect(cache.saved).toEqual([key]);

    // The folder persists (the CLI): no cache call, no download.
    expect((await run({ top: 1, store: { dir, cache } })).checked[0].check).toMatchObject({ source: "folder" });

    // A new runner: the folder is empty, the cache has it.
    await rm(dir, { recursive: true, force: true });
    const second = await run({ top: 1, store: { dir, cache } });
    expect(second.checked[0].check).toMatchObject({ status: "evaluable", source: "cache", sha256: modelHash });
    expect(cache.restored).toEqual([key]);

    // A corrupt entry: a warning, then the hub's bytes.
    await rm(dir, { recursive: true, force: true });
    const [entry] = await readdir(path.join(cache.root, key));
    await writeFile(path.join(cache.root, key, entry, "model.onnx"), "not the model");
    const log = recordingLog();
    const third = await run({ top: 1, store: { dir, cache }, log });
    expect(third.checked[0].check).toMatchObject({ status: "evaluable", source: "hub", sha256: modelHash });
    expect(log.warnings).toContainEqual(
      expect.stringContaining(`the cached copy (${key}) does not hash to ${modelHash}; downloading it again`),
    );
  }, 60_000);

  it("a cache service that fails only warns", async () => {
    const failing: CacheStore = {
      restore: async () => {
        throw new Error("cache service down");
      },
      save: async () => {
        throw new Error("cache service down");
      },
    };
    const log = recordingLog();
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const r = await run({ top: 1, store: { dir, cache: failing }, log });
    expect(r.checked[0].check).toMatchObject({ status: "evaluable", source: "hub" });
    expect(log.warnings.filter((w) => w.includes("cache service down"))).toHaveLength(2);
  }, 60_000);
});

describe("the record's extrinsic id, as Python parses it", () => {
  it("accepts what int() accepts and refuses the rest", () => {
    expect(parseExtrinsicId("4898330-1")).toEqual({ block: 4898330, index: 1 });
    expect(parseExtrinsicId(" 100 -+2")).toEqual({ block: 100, index: 2 });
    expect(parseExtrinsicId("1_000-3")).toEqual({ block: 1000, index: 3 });
    expect(parseExtrinsicId("100--1")).toEqual({ block: 100, index: -1 });
    expect(parseExtrinsicId("100")).toBeUndefined();
    expect(parseExtrinsicId("100-0x1")).toBeUndefined();
    expect(parseExtrinsicId("1__0-1")).toBeUndefined();
    expect(pythonInt("")).toBeUndefined();
  });
});
