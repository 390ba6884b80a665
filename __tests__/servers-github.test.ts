import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { tempDir } from "./helpers/temp.js";
import { startGitHubServer, type GitHubServer } from "./servers/github.js";

type GitHubModule = typeof import("@actions/github");
type CacheModule = typeof import("@actions/cache");
type ArtifactModule = typeof import("@actions/artifact");

let server: GitHubServer;
let github: GitHubModule;
let cache: CacheModule;
let artifact: ArtifactModule;
const originalEnv = { ...process.env };
/** What @actions/core printed; it writes workflow commands straight to stdout. */
let stdout = "";

beforeAll(async () => {
  server = await startGitHubServer();
  // RUNNER_TEMP: where @actions/cache puts archives; unset, it falls back to /home/actions/temp.
  setEnv({ ...server.env(), RUNNER_TEMP: await tempDir() });
  // Imported only now: @actions/github fixes its default baseUrl from GITHUB_API_URL at import time,
  // and @actions/artifact's findBy paths rely on that default. One at a time: jest's ESM loader can
  // fail concurrent imports of graphs that share a module ("request for './context.js' is not in cache").
  github = await import("@actions/github");
  cache = await import("@actions/cache");
  artifact = await import("@actions/artifact");
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
}, 60_000);

afterAll(async () => {
  jest.restoreAllMocks();
  for (const name of Object.keys(process.env)) if (!(name in originalEnv)) delete process.env[name];
  Object.assign(process.env, originalEnv);
  await server?.close();
});

function setEnv(vars: Record<string, string>): void {
  Object.assign(process.env, vars);
}

async function writeTree(root: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

async function expectTree(root: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    expect(await readFile(path.join(root, name))).toEqual(Buffer.from(content));
  }
}

describe("GitHub REST through Octokit", () => {
  it("creates, pages through, updates and reads issue comments", async () => {
    const { owner, repo } = server;
    const octokit = github.getOctokit(server.writeToken, { baseUrl: server.apiUrl });
    for (let i = 0; i < 104; i++) server.addComment(7, `seed ${i}`);

    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 7, body: "hello" });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ body: "hello", user: { login: "github-actions[bot]", type: "Bot" } });
    expect(created.data.html_url).toBe(`https://github.com/${owner}/${repo}/issues/7#issuecomment-${created.data.id}`);

    const before = server.state.requests.length;
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 7, per_page: 50 });
    expect(all).toHaveLength(105);
    expect(all.map((c) => c.body).slice(-2)).toEqual(["seed 103", "hello"]);
    const pages = server.state.requests.slice(before).map((r) => new URL(r.path, server.apiUrl).searchParams.get("page") ?? "1");
    expect(pages).toEqual(["1", "2", "3"]);

    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: "edited" });
    expect(updated.data.body).toBe("edited");
    const fetched = await octokit.rest.issues.getComment({ owner, repo, comment_id: created.data.id });
    expect(fetched.data).toMatchObject({ id: created.data.id, body: "edited" });
    expect(server.state.comments.get(created.data.id)?.body).toBe("edited");
  });

  it("refuses writes with a read-only token and anything without a valid one", async () => {
    const { owner, repo, apiUrl } = server;
    const readOnly = github.getOctokit(server.readToken, { baseUrl: apiUrl });
    await expect(readOnly.rest.issues.createComment({ owner, repo, issue_number: 8, body: "x" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Resource not accessible by integration"),
    });
    expect((await readOnly.rest.issues.listComments({ owner, repo, issue_number: 8 })).data).toEqual([]);

    const { GitHub } = await import("@actions/github/lib/utils");
    const anonymous = new GitHub({ baseUrl: apiUrl });
    await expect(anonymous.rest.issues.listComments({ owner, repo, issue_number: 8 })).rejects.toMatchObject({ status: 401 });
    const wrongToken = github.getOctokit("ghs_nope", { baseUrl: apiUrl });
    await expect(wrongToken.rest.issues.listComments({ owner, repo, issue_number: 8 })).rejects.toMatchObject({ status: 401 });
  });
});

describe("@actions/cache (service v2)", () => {
  it("saves a directory and restores the same bytes into an emptied one", async () => {
    const dir = path.join(await tempDir(), "deps");
    const files = { "a.txt": "alpha\n", "nested/b.bin": randomBytes(300_000) };
    await writeTree(dir, files);

    expect(await cache.saveCache([dir], "roundtrip-1")).toBeGreaterThan(0);
    await rm(dir, { recursive: true });
    expect(await cache.restoreCache([dir], "roundtrip-1")).toBe("roundtrip-1");
    await expectTree(dir, files);
  });

  it("misses, falls back to the newest restore-key match, and refuses an existing key", async () => {
    const dir = path.join(await tempDir(), "deps");
    await writeTree(dir, { "v.txt": "old" });
    expect(await cache.saveCache([dir], "deps-linux-old")).toBeGreaterThan(0);
    await writeTree(dir, { "v.txt": "new" });
    expect(await cache.saveCache([dir], "deps-linux-new")).toBeGreaterThan(0);

    expect(await cache.restoreCache([dir], "deps-mac-1")).toBeUndefined();
    // The version hashes the paths, so the same key under another path is a miss.
    expect(await cache.restoreCache([`${dir}-other`], "deps-linux-new")).toBeUndefined();

    await rm(dir, { recursive: true });
    expect(await cache.restoreCache([dir], "deps-mac-1", ["deps-linux-"])).toBe("deps-linux-new");
    await expectTree(dir, { "v.txt": "new" });

    // An existing key is a ReserveCacheError, which saveCache logs and answers with -1.
    stdout = "";
    expect(await cache.saveCache([dir], "deps-linux-old")).toBe(-1);
    expect(stdout).toContain("Failed to save: Unable to reserve cache with key deps-linux-old");
    expect(server.state.requests.at(-1)).toMatchObject({ path: expect.stringContaining("/CreateCacheEntry"), status: 409 });
  });
});

describe("@actions/artifact", () => {
  const files = { "report.txt": "accuracy 0.93\n", "plots/roc.bin": randomBytes(200_000) };

  it("uploads, lists and downloads an artifact of the current run", async () => {
    const root = await tempDir();
    await writeTree(root, files);
    const client = new artifact.DefaultArtifactClient();

    const paths = Object.keys(files).map((f) => path.join(root, f));
    const uploaded = await client.uploadArtifact("results", paths, root);
    expect(uploaded.id).toBeGreaterThan(0);
    await expect(client.uploadArtifact("results", paths, root)).rejects.toThrow(
      /\(409\) Conflict: an artifact with this name already exists/,
    );

    const { artifacts } = await client.listArtifacts();
    expect(artifacts).toEqual([expect.objectContaining({ id: uploaded.id, name: "results", size: uploaded.size })]);

    const out = await tempDir();
    expect(await client.downloadArtifact(uploaded.id ?? 0, { path: out })).toMatchObject({ downloadPath: out });
    await expectTree(out, files);
  });

  it("downloads another run's artifact through the REST API and a redirect to the blob", async () => {
    const root = await tempDir();
    await writeTree(root, files);
    const client = new artifact.DefaultArtifactClient();
    setEnv(server.env(2002));
    const uploaded = await client.uploadArtifact(
      "model",
      Object.keys(files).map((f) => path.join(root, f)),
      root,
    );
    setEnv(server.env());

    // The current run's own listing does not include the other run's artifact.
    expect((await client.listArtifacts()).artifacts.map((a) => a.name)).not.toContain("model");

    const findBy = { token: server.readToken, workflowRunId: 2002, repositoryOwner: server.owner, repositoryName: server.repo };
    expect((await client.listArtifacts({ findBy })).artifacts).toEqual([expect.objectContaining({ id: uploaded.id, name: "model" })]);
    const { artifact: found } = await client.getArtifact("model", { findBy });
    expect(found.id).toBe(uploaded.id);

    const out = await tempDir();
    await client.downloadArtifact(found.id, { path: out, findBy });
    await expectTree(out, files);
    expect(server.state.requests).toContainEqual({
      method: "GET",
      path: `/repos/${server.owner}/${server.repo}/actions/artifacts/${found.id}/zip`,
      status: 302,
    });
  });
});
