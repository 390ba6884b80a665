/**
 * The local hub with Xet on (`startHubServer({ xet: true })`), against the real @huggingface/hub
 * client: uploads take the path they take on huggingface.co (LFS batch answers "xet", xorbs and
 * shards go to the CAS), and the CAS checks what it is sent the way the spec says the real one does.
 */
import { createHash, randomBytes } from "node:crypto";
import { createRepo, downloadFile, listFiles, uploadFiles, type ListFileEntry } from "@huggingface/hub";
import { startHubServer, type HubServer } from "./servers/hub.js";
import { blake3, hashHex, parseShard } from "./servers/xet-format.js";

const sha = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");
const bytes = async (blob: Blob | null): Promise<Buffer> => Buffer.from(await blob!.arrayBuffer());

/** Deterministic pseudo-random numbers, so chunk boundaries (and compression choices) are the same every run. */
function prng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Small float32 weights, as in a model file: byte grouping compresses their exponent bytes. */
function weights(count: number, seed = 1): Buffer {
  const rand = prng(seed);
  const floats = new Float32Array(count).map(() => (rand() - 0.5) * 0.1);
  return Buffer.from(floats.buffer);
}

const text = Buffer.from(
  Array.from({ length: 12_000 }, (_, i) => `${i},ISIC_${String(i * 7919).padStart(7, "0")}.jpg,${i % 3},${40 + (i % 50)}\n`).join(""),
);

async function collect(it: AsyncIterable<ListFileEntry>): Promise<ListFileEntry[]> {
  const out: ListFileEntry[] = [];
  for await (const entry of it) out.push(entry);
  return out;
}

/** A fetch that keeps a copy of every body sent to the CAS, to replay (and tamper with) what the real client sent. */
function recorder(casUrl: () => string): { fetch: typeof fetch; sent: Array<{ url: string; body: Buffer }> } {
  const sent: Array<{ url: string; body: Buffer }> = [];
  return {
    sent,
    fetch: (input, init) => {
      const target = String(input instanceof Request ? input.url : input);
      if (target.startsWith(casUrl()) && ArrayBuffer.isView(init?.body))
        sent.push({ url: target, body: Buffer.from(new Uint8Array(init.body.buffer, init.body.byteOffset, init.body.byteLength)) });
      return fetch(input, init);
    },
  };
}

let hub: HubServer;
let hubUrl: string;
const MODEL = { type: "model" as const, name: "miner/xet-1" };
const files = {
  "model.onnx": weights(700_000),
  "noise.bin": randomBytes(600_000),
  "labels.zip": text,
};
const record = recorder(() => hub.xet!.url);

beforeAll(async () => {
  hub = await startHubServer({ xet: true });
  hubUrl = hub.url;
});
afterAll(() => hub.close());

test("BLAKE3 and the Xet hash spelling match published values", () => {
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
  // BLAKE3's own test vectors (empty input, "abc", and the keyed empty input).
  expect(hex(blake3(new Uint8Array(0)))).toBe("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
  expect(hex(blake3(Buffer.from("abc")))).toBe("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85");
  expect(hex(blake3(new Uint8Array(0), Buffer.from("whats the Elvish word for friend")))).toBe(
    "92b2b75604ed3c761f9d6f62392c8a9227ad0ea3f09573e783f1498a4ed60d26",
  );
  // The example of https://huggingface.co/docs/xet/api#converting-hashes-to-strings (whose printed result drops the byte "10").
  expect(hashHex(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe("07060504030201000f0e0d0c0b0a090817161514131211101f1e1d1c1b1a1918");
});

test("uploadFiles takes the Xet path: batch answers xet, xorbs and shards reach the CAS, downloads are the uploaded bytes", async () => {
  await createRepo({ repo: MODEL, hubUrl, accessToken: "hf_write" });
  const upload = Object.entries(files).map(([path, data]) => ({ path, content: new Blob([new Uint8Array(data)]) }));
  upload.push({ path: "README.md", content: new Blob(["---\nlicense: mit\n---\n"]) });
  const out = await uploadFiles({ repo: MODEL, files: upload, hubUrl, accessToken: "hf_write", fetch: record.fetch });
  expect(out?.commit.oid).toBe(hub.repo("model", MODEL.name)?.commits.at(-1)?.id);

  expect(hub.lfsBatches).toEqual([
    { repo: `models/${MODEL.name}`, transfers: ["basic", "multipart", "xet"], transfer: "xet", oids: expect.any(Array) },
  ]);
  // No whole-file PUT: the bytes went to the CAS as xorbs, then a shard per upload stream registered the files.
  expect(hub.requests.filter((r) => r.method === "PUT")).toEqual([]);
  const cas = hub.xet!;
  const calls = cas.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{64}/, "<hash>")} ${r.status}`);
  expect(new Set(calls)).toEqual(
    new Set(["GET /v1/chunks/default/<hash> 404", "POST /v1/xorbs/default/<hash> 200", "POST /v1/shards 200"]),
  );
  // The tokens came with the batch answer (no refresh call), and the session id travelled with every upload.
  expect(hub.requests.some((r) => r.path.includes("xet-write-token"))).toBe(false);
  expect(cas.requests.filter((r) => r.method === "POST").every((r) => r.session)).toBe(true);
  // Float weights, noise and text: the client used byte grouping, no compression and plain LZ4, and all decoded.
  const schemes = new Set([...cas.xorbs.values()].flatMap((x) => x.chunks.map((c) => c.compression)));
  expect(schemes).toEqual(new Set(["bg4-lz4", "none", "lz4"]));

  const listed = await collect(listFiles({ repo: MODEL, hubUrl }));
  for (const [path, data] of Object.entries(files)) {
    const entry = listed.find((e) => e.path === path)!;
    // Xet-backed files keep their LFS pointer (sha256) and add the Xet file hash, as on the Hub.
    expect(entry.lfs).toMatchObject({ oid: sha(data), size: data.length });
    const stored = cas.files.get(entry.xetHash!);
    expect(stored).toMatchObject({ sha256: sha(data), size: data.length });
    expect(cas.reconstruct(stored!).equals(data)).toBe(true);
    expect(sha(await bytes(await downloadFile({ repo: MODEL, path, hubUrl, xet: false })))).toBe(sha(data));
  }
  const readme = listed.find((e) => e.path === "README.md")!;
  expect([readme.lfs, readme.xetHash]).toEqual([undefined, undefined]);
});

test("a changed file is deduplicated against the xorbs already in the CAS; only the new chunks are uploaded", async () => {
  const cas = hub.xet!;
  const before = { requests: cas.requests.length, xorbs: new Set(cas.xorbs.keys()) };
  const tuned = Buffer.from(files["model.onnx"]);
  weights(2_000, 7).copy(tuned, 1_400_000); // 8 kB of "fine-tuned" weights in the middle
  await uploadFiles({
    repo: MODEL,
    files: [{ path: "model.onnx", content: new Blob([new Uint8Array(tuned)]) }],
    hubUrl,
    accessToken: "hf_write",
  });

  const calls = cas.requests.slice(before.requests);
  // The first chunk is known: global dedup answers with the old xorb's (HMAC-keyed) chunk list.
  expect(calls.find((r) => r.path.startsWith("/v1/chunks/"))).toMatchObject({ status: 200 });
  const added = [...cas.xorbs.values()].filter((x) => !before.xorbs.has(x.hash));
  const uploaded = added.reduce((n, x) => n + x.chunks.reduce((m, c) => m + c.length, 0), 0);
  expect(uploaded).toBeGreaterThan(0);
  expect(uploaded).toBeLessThan(tuned.length / 5);

  const entry = (await collect(listFiles({ repo: MODEL, hubUrl }))).find((e) => e.path === "model.onnx")!;
  const file = cas.files.get(entry.xetHash!)!;
  expect(file.terms.some((t) => before.xorbs.has(t.xorb))).toBe(true);
  expect(file.terms.some((t) => !before.xorbs.has(t.xorb))).toBe(true);
  expect(sha(await bytes(await downloadFile({ repo: MODEL, path: "model.onnx", hubUrl, xet: false })))).toBe(sha(tuned));
});

describe("the CAS refuses what it should, given the client's own xorbs and shards", () => {
  const post = (path: string, body: Uint8Array, token?: string) =>
    fetch(`${hub.xet!.url}${path}`, {
      method: "POST",
      body: new Uint8Array(body),
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } }));
  const write = () => hub.xet!.issueToken(`models/${MODEL.name}`, "write").accessToken;
  const xorb = () => record.sent.find((s) => s.url.includes("/v1/xorbs/"))!;
  const shard = () => record.sent.find((s) => s.url.endsWith("/v1/shards"))!.body;

  it("asks for a write token", async () => {
    const path = new URL(xorb().url).pathname;
    expect((await post(path, xorb().body)).status).toBe(401);
    expect((await post(path, xorb().body, hub.xet!.issueToken(`models/${MODEL.name}`, "read").accessToken)).status).toBe(403);
    expect((await post(path, xorb().body, hub.xet!.issueToken(`models/${MODEL.name}`, "write", -1).accessToken)).status).toBe(401);
    expect(await post(path, xorb().body, write())).toEqual({ status: 200, body: { was_inserted: false } });
  });

  it("rejects a xorb whose bytes do not hash to its name", async () => {
    const body = Buffer.from(xorb().body);
    body[body.length >> 1] ^= 0xff;
    const res = await post(new URL(xorb().url).pathname, body, write());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/xorb hash mismatch|not a valid xorb/);
    expect((await post(`/v1/xorbs/default/${"ab".repeat(32)}`, xorb().body, write())).body.error).toMatch(/xorb hash mismatch/);
  });

  it("rejects a shard naming a missing xorb, a wrong verification hash, or a SHA-256 its bytes do not have", async () => {
    const original = shard();
    expect(await post("/v1/shards", original, write())).toEqual({ status: 200, body: { result: 0 } });
    const terms = parseShard(original).files[0].terms.length;
    const tamper = (at: number): Buffer => {
      const copy = Buffer.from(original);
      copy[at] ^= 0x01;
      return copy;
    };
    // The first file starts after the 48-byte header: its header, its terms, their verification entries, its SHA-256.
    const firstTerm = 96;
    const firstVerification = 96 + 48 * terms;
    const sha256 = 96 + 96 * terms;
    expect((await post("/v1/shards", tamper(firstTerm), write())).body.error).toMatch(
      /references xorb [0-9a-f]{64}, which was not uploaded/,
    );
    expect((await post("/v1/shards", tamper(firstVerification), write())).body.error).toMatch(/wrong verification hash/);
    expect((await post("/v1/shards", tamper(sha256), write())).body.error).toMatch(
      /the rebuilt bytes have SHA-256 [0-9a-f]{64}, the shard declares/,
    );
    expect((await post("/v1/shards", original.subarray(0, 100), write())).body.error).toMatch(/not a valid shard/);
  });
});

test("short-lived tokens: the client refreshes through the upload action's href (the xet-write-token route)", async () => {
  const shortLived = await startHubServer({ xet: true, xetTokenTtlSeconds: 30 });
  try {
    const repo = { type: "model" as const, name: "miner/xet-refresh" };
    await createRepo({ repo, hubUrl: shortLived.url, accessToken: "hf_write" });
    const data = weights(50_000, 3);
    await uploadFiles({
      repo,
      files: [{ path: "w.onnx", content: new Blob([new Uint8Array(data)]) }],
      hubUrl: shortLived.url,
      accessToken: "hf_write",
    });
    expect(shortLived.requests).toEqual(
      expect.arrayContaining([{ method: "GET", path: "/api/models/miner/xet-refresh/xet-write-token/main", status: 200 }]),
    );
    expect(shortLived.xet!.requests.filter((r) => r.method === "POST").map((r) => r.status)).toEqual([200, 200]);
    expect(sha(await bytes(await downloadFile({ repo, path: "w.onnx", hubUrl: shortLived.url, xet: false })))).toBe(sha(data));
  } finally {
    await shortLived.close();
  }
});

test("a client that does not offer xet gets basic: a Xet-backed repo still takes a plain LFS upload", async () => {
  const repo = { type: "model" as const, name: "miner/xet-legacy" };
  await createRepo({ repo, hubUrl, accessToken: "hf_write" });
  const data = weights(40_000, 5);
  const casCalls = hub.xet!.requests.length;
  await uploadFiles({
    repo,
    files: [{ path: "w.onnx", content: new Blob([new Uint8Array(data)]) }],
    hubUrl,
    accessToken: "hf_write",
    useXet: false,
  });
  expect(hub.lfsBatches.at(-1)).toMatchObject({ transfers: ["basic", "multipart"], transfer: "basic" });
  expect(hub.requests.filter((r) => r.method === "PUT" && r.path.startsWith("/__lfs/upload/models/miner/xet-legacy/"))).toHaveLength(1);
  expect(hub.xet!.requests).toHaveLength(casCalls);
  expect(sha(await bytes(await downloadFile({ repo, path: "w.onnx", hubUrl, xet: false })))).toBe(sha(data));
});
