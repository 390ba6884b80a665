/**
 * The local hub against the real @huggingface/hub client: if these pass, code that talks to
 * huggingface.co through that client can be tested against `startHubServer()`.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  createRepo,
  datasetInfo,
  downloadFile,
  fileDownloadInfo,
  HubApiError,
  listFiles,
  modelInfo,
  pathsInfo,
  repoExists,
  spaceInfo,
  uploadFiles,
  whoAmI,
  type ListFileEntry,
} from "@huggingface/hub";
import { startHubServer, type HubServer } from "./servers/hub.js";

const MODEL = "miner/melanoma-1";
const DATASET = "safescanai/test-dataset";
const SPACE = "safescanai/leaderboard";
const sha = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");
const bytes = async (blob: Blob | null): Promise<Buffer> => Buffer.from(await blob!.arrayBuffer());

async function collect(it: AsyncIterable<ListFileEntry>): Promise<ListFileEntry[]> {
  const out: ListFileEntry[] = [];
  for await (const entry of it) out.push(entry);
  return out;
}

let server: HubServer;
let hubUrl: string;
const onnx = randomBytes(300_000);
const commits: Record<string, string> = {};

beforeAll(async () => {
  // A tiny page size so every listing below also goes through Link-header pagination.
  server = await startHubServer({ pageSize: 2 });
  hubUrl = server.url;
  server.addRepo({ type: "model", name: MODEL, cardData: { license: "mit", tags: ["onnx"] } });
  commits.onnx = server.putFile("model", MODEL, "model.onnx", onnx, {
    commitDate: new Date("2024-01-10T00:00:00Z"),
    commitTitle: "Add model",
  }).commitId;
  commits.config = server.putFile("model", MODEL, "config/preprocess.json", '{"size":224}', {
    commitDate: new Date("2024-03-01T00:00:00Z"),
  }).commitId;
  commits.notes = server.putFile("model", MODEL, "notes.txt", "hello", { commitDate: new Date("2024-02-01T00:00:00Z") }).commitId;

  server.addRepo({ type: "model", name: "miner/secret", private: true });
  server.putFile("model", "miner/secret", "model.onnx", randomBytes(1000));
  server.addRepo({ type: "dataset", name: DATASET });
  server.putFile("dataset", DATASET, "data/test.zip", randomBytes(2000));
  server.putFile("dataset", DATASET, "data/labels.csv", "image,label\na.jpg,1\n");
  server.addRepo({ type: "space", name: SPACE, sdk: "gradio" });
  server.putFile("space", SPACE, "app.py", "print('hi')\n");
});

afterAll(() => server.close());

test("listFiles recursive+expand reports per-file lastCommit, LFS info and directories across pages", async () => {
  const entries = await collect(listFiles({ repo: MODEL, recursive: true, expand: true, hubUrl }));
  const files = entries.filter((e) => e.type === "file").sort((a, b) => b.lastCommit!.date.localeCompare(a.lastCommit!.date));
  expect(files.map((f) => [f.path, f.lastCommit!.date.slice(0, 10)])).toEqual([
    ["config/preprocess.json", "2024-03-01"],
    ["notes.txt", "2024-02-01"],
    ["model.onnx", "2024-01-10"],
    [".gitattributes", "1970-01-01"],
    ["README.md", "1970-01-01"],
  ]);
  const model = files.find((f) => f.path === "model.onnx")!;
  expect(model.lastCommit).toEqual({ id: commits.onnx, title: "Add model", date: "2024-01-10T00:00:00.000Z" });
  expect(model.lfs).toEqual({ oid: sha(onnx), size: onnx.length, pointerSize: expect.any(Number) });
  expect(model.size).toBe(onnx.length);
  expect(model.oid).toMatch(/^[0-9a-f]{40}$/);
  expect(files.find((f) => f.path === "notes.txt")!.lfs).toBeUndefined();
  expect(entries.find((e) => e.path === "config")).toMatchObject({ type: "directory", lastCommit: { id: commits.config } });
  // 6 entries at 2 per page: the client followed the Link header twice.
  expect(server.requests.filter((r) => r.path.startsWith(`/api/models/${MODEL}/tree/main`) && r.path.includes("cursor="))).toHaveLength(2);

  const infos = await pathsInfo({ repo: MODEL, paths: ["notes.txt", "config", "missing.txt"], expand: true, hubUrl });
  expect(infos.map((i) => [i.path, i.type, i.lastCommit.id])).toEqual([
    ["notes.txt", "file", commits.notes],
    ["config", "directory", commits.config],
  ]);
  expect(infos[0].lastCommit.date).toEqual(new Date("2024-02-01T00:00:00Z"));
});

test("listFiles of a dataset (non-recursive, sub-folder) and of a space", async () => {
  const root = await collect(listFiles({ repo: { type: "dataset", name: DATASET }, hubUrl }));
  expect(root.map((e) => [e.path, e.type])).toEqual([
    [".gitattributes", "file"],
    ["data", "directory"],
  ]);
  const data = await collect(listFiles({ repo: `datasets/${DATASET}`, path: "data", hubUrl }));
  expect(data.map((e) => [e.path, !!e.lfs])).toEqual([
    ["data/labels.csv", false],
    ["data/test.zip", true],
  ]);
  const space = await collect(listFiles({ repo: { type: "space", name: SPACE }, recursive: true, hubUrl }));
  expect(space.map((e) => e.path)).toEqual([".gitattributes", "app.py"]);
  expect(await spaceInfo({ name: SPACE, hubUrl })).toMatchObject({ name: SPACE, sdk: "gradio", private: false });
  expect(await datasetInfo({ name: DATASET, hubUrl })).toMatchObject({ name: DATASET, private: false });
});

test("downloadFile and fileDownloadInfo for regular and LFS files, with the client's default xet setting", async () => {
  expect((await bytes(await downloadFile({ repo: MODEL, path: "notes.txt", hubUrl }))).toString()).toBe("hello");
  const lfs = await bytes(await downloadFile({ repo: MODEL, path: "model.onnx", hubUrl }));
  expect(sha(lfs)).toBe(sha(onnx));
  // LFS goes through a 302 to the signed "CDN" link, as on huggingface.co.
  expect(server.requests).toEqual(
    expect.arrayContaining([
      { method: "GET", path: `/${MODEL}/resolve/main/model.onnx`, status: 302 },
      expect.objectContaining({ path: expect.stringMatching(/^\/__lfs\/cdn\//), status: 206 }),
    ]),
  );

  const info = await fileDownloadInfo({ repo: MODEL, path: "model.onnx", hubUrl });
  expect(info).toMatchObject({ size: onnx.length, etag: `"${sha(onnx)}"`, xet: undefined });
  const plain = await fileDownloadInfo({ repo: { type: "dataset", name: DATASET }, path: "data/labels.csv", hubUrl });
  expect(plain).toMatchObject({
    size: 20,
    etag: expect.stringMatching(/^"[0-9a-f]{40}"$/),
    url: `${hubUrl}/datasets/${DATASET}/resolve/main/data/labels.csv`,
  });
  expect(await fileDownloadInfo({ repo: MODEL, path: "nope.bin", hubUrl })).toBeNull();
  expect(await downloadFile({ repo: MODEL, path: "nope.bin", hubUrl })).toBeNull();

  // Pinned to an older commit, the later file does not exist yet.
  expect(await downloadFile({ repo: MODEL, path: "notes.txt", revision: commits.onnx, hubUrl })).toBeNull();
  expect(server.requests.some((r) => /xet/i.test(r.path))).toBe(false);
});

test("private repos are invisible without the owner's token", async () => {
  const repo = "miner/secret";
  await expect(modelInfo({ name: repo, hubUrl })).rejects.toMatchObject({ statusCode: 401 });
  await expect(collect(listFiles({ repo, hubUrl, accessToken: "hf_other" }))).rejects.toMatchObject({ statusCode: 404 });
  await expect(downloadFile({ repo, path: "model.onnx", hubUrl })).rejects.toBeInstanceOf(HubApiError);
  expect(await repoExists({ repo, hubUrl })).toBe(false);
  expect(await repoExists({ repo, hubUrl, accessToken: "hf_read" })).toBe(true);
  const files = await collect(listFiles({ repo, hubUrl, accessToken: "hf_read" }));
  expect(files.map((f) => f.path)).toContain("model.onnx");
  expect(await modelInfo({ name: repo, hubUrl, accessToken: "hf_write" })).toMatchObject({ private: true });
  await expect(modelInfo({ name: repo, hubUrl, accessToken: "hf_bogus" })).rejects.toMatchObject({ statusCode: 401 });
  expect(await whoAmI({ hubUrl, accessToken: "hf_write" })).toMatchObject({ type: "user", name: "miner" });
});

test("modelInfo returns cardData from README front matter and the head sha", async () => {
  const info = await modelInfo({ name: MODEL, hubUrl, additionalFields: ["cardData", "sha"] });
  expect(info).toMatchObject({ name: MODEL, private: false, cardData: { license: "mit" }, sha: commits.notes });
  expect(info.updatedAt).toEqual(new Date("2024-02-01T00:00:00Z"));
});

test("createRepo then uploadFiles: LFS + regular files in one commit, over plain LFS (no Xet)", async () => {
  const repo = { type: "model" as const, name: "miner/release-1" };
  const { repoUrl } = await createRepo({ repo, hubUrl, accessToken: "hf_write" });
  expect(repoUrl).toBe(`${hubUrl}/miner/release-1`);
  await expect(createRepo({ repo, hubUrl, accessToken: "hf_write" })).rejects.toMatchObject({ statusCode: 409 });

  const zip = Buffer.concat([Buffer.from("PK\x03\x04"), randomBytes(5000)]);
  const readme = "---\nlicense: apache-2.0\n---\n# Release\n";
  const files = [
    { path: "model.onnx", content: new Blob([new Uint8Array(onnx)]) },
    { path: "README.md", content: new Blob([readme]) },
    { path: "submission/code.zip", content: new Blob([new Uint8Array(zip)]) },
  ];
  await expect(uploadFiles({ repo, files, hubUrl, accessToken: "hf_read" })).rejects.toMatchObject({ statusCode: 403 });

  // Watch the LFS negotiation: the client offers xet, the server picks basic.
  const batches: Array<{ offered: string[]; chosen: string }> = [];
  const spy: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (String(input).endsWith("/info/lfs/objects/batch")) {
      const answer = (await res.clone().json()) as { transfer: string };
      batches.push({ offered: (JSON.parse(String(init?.body)) as { transfers: string[] }).transfers, chosen: answer.transfer });
    }
    return res;
  };
  const out = await uploadFiles({ repo, files, hubUrl, accessToken: "hf_write", commitTitle: "Release v1", fetch: spy });
  expect(out?.commit.oid).toMatch(/^[0-9a-f]{40}$/);
  expect(batches).toEqual([{ offered: ["basic", "multipart", "xet"], chosen: "basic" }]);

  const stored = server.repo("model", "miner/release-1")!;
  expect(stored.commits.map((c) => c.title)).toEqual(["initial commit", "Release v1"]);
  const head = stored.commits.at(-1)!;
  expect(head.id).toBe(out?.commit.oid);
  expect([...head.files].map(([p, f]) => [p, !!f.lfs, f.commitId === head.id])).toEqual([
    [".gitattributes", false, false],
    ["model.onnx", true, true],
    ["README.md", false, true],
    ["submission/code.zip", true, true],
  ]);
  expect(server.requests.filter((r) => r.method === "PUT").map((r) => r.status)).toEqual([200, 200]);

  for (const [path, data] of [
    ["model.onnx", onnx],
    ["README.md", Buffer.from(readme)],
    ["submission/code.zip", zip],
  ] as const) {
    const got = await bytes(await downloadFile({ repo, path, hubUrl, accessToken: "hf_write" }));
    expect(sha(got)).toBe(sha(data));
  }
  expect(await modelInfo({ name: "miner/release-1", hubUrl, additionalFields: ["cardData"] })).toMatchObject({
    cardData: { license: "apache-2.0" },
  });
});

test("the client does not retry: a 503 or a dropped connection reaches the caller after one request", async () => {
  const count = (pattern: string) => server.requests.filter((r) => r.path.includes(pattern)).length;

  server.failNext(`/api/models/${MODEL}/tree/`, { status: 503 });
  const before = count("/tree/");
  const err: unknown = await collect(listFiles({ repo: MODEL, hubUrl })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HubApiError);
  expect((err as HubApiError).statusCode).toBe(503);
  expect(count("/tree/") - before).toBe(1);
  expect(await collect(listFiles({ repo: MODEL, hubUrl }))).not.toHaveLength(0);

  server.failNext("/resolve/main/notes.txt", { status: "drop" });
  const notesBefore = count("/resolve/main/notes.txt");
  const dropped: unknown = await downloadFile({ repo: MODEL, path: "notes.txt", hubUrl }).catch((e: unknown) => e);
  // fetch's TypeError comes from Node's realm, so under jest `instanceof TypeError` is false: match by name.
  expect(dropped).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "UND_ERR_SOCKET" } });
  expect(
    server.requests
      .filter((r) => r.path.endsWith("/resolve/main/notes.txt"))
      .map((r) => r.status)
      .slice(notesBefore),
  ).toEqual([0]);
  expect((await bytes(await downloadFile({ repo: MODEL, path: "notes.txt", hubUrl }))).toString()).toBe("hello");

  // A failed commit call leaves the repo untouched; re-running the upload skips the LFS PUT.
  const repo = { type: "model" as const, name: "miner/retry" };
  server.addRepo(repo);
  const weights = randomBytes(4000);
  const files = [{ path: "weights.onnx", content: new Blob([new Uint8Array(weights)]) }];
  server.failNext("/api/models/miner/retry/commit/main", { status: 503 });
  const putsBefore = count("/__lfs/upload/");
  await expect(uploadFiles({ repo, files, hubUrl, accessToken: "hf_write" })).rejects.toMatchObject({ statusCode: 503 });
  expect(server.getFile("model", repo.name, "weights.onnx")).toBeUndefined();
  await uploadFiles({ repo, files, hubUrl, accessToken: "hf_write" });
  expect(server.getFile("model", repo.name, "weights.onnx")?.equals(weights)).toBe(true);
  expect(count("/__lfs/upload/") - putsBefore).toBe(1);
});
