/**
 * A release against a Xet-backed hub, the way huggingface.co serves every new repo: the model and
 * the code zip go up as xorbs and shards through the Xet CAS (not as whole-file PUTs), the CAS
 * checks them and rebuilds the files, and the bytes the hub then serves have the SHA-256 the
 * release commits to.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { downloadFile, listFiles, type ListFileEntry } from "@huggingface/hub";
import { release, type ReleaseRequest } from "../src/release/release.js";
import type { Log } from "../src/util/log.js";
import { EXAMPLE_DIR } from "./helpers/golden.js";
import { releaseRequest } from "./helpers/release-env.js";
import { tempDir } from "./helpers/temp.js";
import { startHubServer, type HubServer } from "./servers/hub.js";

const REPO_ID = "miner/skin-xet";
const sha = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** protobuf: a base-128 varint, and a length-delimited field. */
const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n % 128) | 0x80, ...varint(Math.floor(n / 128))]);
const field = (number: number, payload: Buffer): Buffer =>
  Buffer.concat([Buffer.from(varint(number * 8 + 2)), Buffer.from(varint(payload.length)), payload]);

/**
 * The example model with `count` float32 weights added, so the file spans many Xet chunks like a
 * real model: an unused initializer in a second graph field (protobuf merges repeated message
 * fields), which onnxruntime loads and drops. `seed` changes a 16 kB stretch, as fine-tuning would.
 */
async function modelWithWeights(dir: string, count: number, seed = 0): Promise<{ file: string; bytes: Buffer }> {
  let x = 2463534242;
  const floats = new Float32Array(count).map(() => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 2 ** 32 - 0.5) * 0.1;
  });
  if (seed) floats.fill(seed / 1000, count >> 1, (count >> 1) + 4096);
  const tensor = Buffer.concat([
    Buffer.from([0x08, ...varint(count)]), // dims
    Buffer.from([0x10, 0x01]), // data_type FLOAT
    field(8, Buffer.from("weights")),
    field(9, Buffer.from(floats.buffer)),
  ]);
  const bytes = Buffer.concat([await readFile(path.join(EXAMPLE_DIR, "model.onnx")), field(7, field(5, tensor))]);
  const file = path.join(dir, `model-${seed}.onnx`);
  await writeFile(file, bytes);
  return { file, bytes };
}

let hub: HubServer;
const warnings: string[] = [];
const log: Log = { info: () => {}, warning: (m) => void warnings.push(m), group: (_, work) => work() };

beforeAll(async () => {
  hub = await startHubServer({ xet: true });
});
afterAll(() => hub.close());

const request = (modelPath: string): Promise<ReleaseRequest> =>
  releaseRequest(hub.url, {
    modelPath,
    repoId: REPO_ID,
    hub: { hubUrl: hub.url, accessToken: "hf_write", log, retry: { attempts: 2, baseDelayMs: 1 } },
  });

async function listed(file: string): Promise<ListFileEntry> {
  for await (const entry of listFiles({ repo: REPO_ID, hubUrl: hub.url })) if (entry.path === file) return entry;
  throw new Error(`${file} is not on the hub`);
}

/** The bytes anyone downloads (the LFS-bridge path validators' plain HTTP downloads take), and their SHA-256. */
async function served(file: string): Promise<string> {
  const blob = await downloadFile({ repo: REPO_ID, path: file, hubUrl: hub.url, xet: false });
  return sha(Buffer.from(await blob!.arrayBuffer()));
}

describe("release to a Xet-backed repository", () => {
  let model: { file: string; bytes: Buffer };
  const cas = () => hub.xet!;

  beforeAll(async () => {
    model = await modelWithWeights(await tempDir(), 750_000);
  });

  it("uploads model and code through the Xet CAS, and the hub serves the committed SHA-256", async () => {
    const result = await release(await request(model.file));
    expect(result).toMatchObject({ uploaded: true, committed: false, modelHash: sha(model.bytes) });
    expect(result.commitment.endsWith(`:${sha(model.bytes)}`)).toBe(true);

    // The path the client took: "xet" offered and chosen, no whole-file PUT, xorbs then shards to the CAS.
    const zipHash = (await listed("skin-v1.zip")).lfs!.oid;
    expect(hub.lfsBatches).toEqual([
      { repo: `models/${REPO_ID}`, transfers: ["basic", "multipart", "xet"], transfer: "xet", oids: [sha(model.bytes), zipHash] },
    ]);
    expect(hub.requests.filter((r) => r.method === "PUT")).toEqual([]);
    const posts = cas().requests.filter((r) => r.method === "POST");
    expect(posts.every((r) => r.status === 200)).toBe(true);
    expect(posts.filter((r) => r.path === "/v1/shards")).toHaveLength(2);
    expect(posts.filter((r) => r.path.startsWith("/v1/xorbs/default/")).length).toBeGreaterThanOrEqual(2);

    // What the hub committed is what the CAS rebuilt from the xorbs, and what a download returns.
    const onnx = await listed("skin-v1.onnx");
    expect(onnx.lfs).toMatchObject({ oid: sha(model.bytes), size: model.bytes.length });
    const file = cas().files.get(onnx.xetHash!)!;
    expect(file.terms.length).toBeGreaterThanOrEqual(1);
    expect(cas().reconstruct(file).equals(model.bytes)).toBe(true);
    expect(hub.getFile("model", REPO_ID, "skin-v1.onnx")?.equals(model.bytes)).toBe(true);
    expect(await served("skin-v1.onnx")).toBe(result.modelHash);
    expect(await served("skin-v1.zip")).toBe(zipHash);
  });

  it("a re-run sends nothing to the CAS and commits nothing", async () => {
    const before = { cas: cas().requests.length, commits: hub.repo("model", REPO_ID)!.commits.length };
    const result = await release(await request(model.file));
    expect(result).toMatchObject({ uploaded: false, modelHash: sha(model.bytes) });
    expect(cas().requests).toHaveLength(before.cas);
    expect(hub.repo("model", REPO_ID)!.commits).toHaveLength(before.commits);
  });

  it("a fine-tuned model uploads only its changed chunks (global dedup), and is served with its own SHA-256", async () => {
    const tuned = await modelWithWeights(await tempDir(), 750_000, 7);
    const xorbsBefore = new Set(cas().xorbs.keys());
    const requestsBefore = cas().requests.length;
    const result = await release(await request(tuned.file));
    expect(result).toMatchObject({ uploaded: true, modelHash: sha(tuned.bytes) });
    expect(
      cas()
        .requests.slice(requestsBefore)
        .find((r) => r.path.startsWith("/v1/chunks/")),
    ).toMatchObject({ status: 200 });
    const sent = [...cas().xorbs.values()].filter((x) => !xorbsBefore.has(x.hash)).flatMap((x) => x.chunks);
    expect(sent.reduce((n, c) => n + c.length, 0)).toBeLessThan(tuned.bytes.length / 5);
    expect(await served("skin-v1.onnx")).toBe(sha(tuned.bytes));
  });

  it("a CAS failure is retried by the release, which still ends with the committed bytes on the hub", async () => {
    const again = await modelWithWeights(await tempDir(), 750_000, 11);
    cas().failNext("/v1/shards", { status: 503 });
    warnings.length = 0;
    const result = await release(await request(again.file));
    expect(warnings).toEqual([expect.stringMatching(/^uploading skin-v1\.onnx to miner\/skin-xet failed \(.*503.*\); retrying/)]);
    expect(result).toMatchObject({ uploaded: true, modelHash: sha(again.bytes) });
    expect(await served("skin-v1.onnx")).toBe(sha(again.bytes));
  });
});
