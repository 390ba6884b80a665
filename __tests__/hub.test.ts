import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "../src/util/cache-store.js";
import { resolveDatasets } from "../src/dataset/remote.js";
import { discoverDatasets, parseHfUri, type HubOptions } from "../src/hub/hub.js";
import type { Log } from "../src/util/log.js";
import { CONFIG_SPACE, DATASET_REPO, startCompetitionHub, type CompetitionHub } from "./helpers/competition-hub.js";
import { tempDir } from "./helpers/temp.js";

const lines: string[] = [];
const log: Log = { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), group: (_, work) => work() };
const fastRetry = { attempts: 3, baseDelayMs: 1 };

/** A cache that really keeps folders (by copying), like the service does with tarballs. */
function folderCache(root: string): CacheStore & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    async restore(paths, key, restoreKeys = []) {
      const hit = [key, ...restoreKeys].find((k) => existsSync(path.join(root, k)));
      if (!hit) return undefined;
      await cp(path.join(root, hit), paths[0], { recursive: true });
      return hit;
    },
    async save(paths, key) {
      saved.push(key);
      await cp(paths[0], path.join(root, key), { recursive: true });
      return true;
    },
  };
}

let hub: CompetitionHub;
let opts: HubOptions;
beforeAll(async () => {
  hub = await startCompetitionHub();
  await hub.publish("tricorder-3-2026-10-01.zip", "2026-10-01T00:00:00Z");
  await hub.publish("tricorder-3-2026-11-20.zip", "2026-11-20T00:00:00Z");
  await hub.publish("tricorder-3-2026-11-01.zip", "2026-11-01T00:00:00Z");
  opts = { hubUrl: hub.server.url, log, retry: fastRetry };
});
afterAll(() => hub.server.close());
beforeEach(() => {
  lines.length = 0;
});

describe("dataset discovery", () => {
  it("lists the competition's packages under dataset_hf_dir, newest first", async () => {
    const refs = await discoverDatasets("tricorder-3", CONFIG_SPACE, opts);
    expect(refs.map((r) => r.path)).toEqual([
      "packages/tricorder-3-2026-11-20.zip",
      "packages/tricorder-3-2026-11-01.zip",
      "packages/tricorder-3-2026-10-01.zip",
    ]);
    expect(refs[0]).toMatchObject({ repo: DATASET_REPO, date: "2026-11-20T00:00:00.000Z" });
    expect(refs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(refs[0].oid).toBe(refs[0].sha256);
  });

  it("names the known competitions when none matches", async () => {
    await expect(discoverDatasets("tricorder-9", CONFIG_SPACE, opts)).rejects.toThrow(
      'no organisation publishes datasets for competition "tricorder-9" in safescanai/competition-configuration; ' +
        "competitions configured there: melanoma-1, tricorder-3",
    );
  });

  it("retries a failing hub with backoff, then succeeds", async () => {
    hub.server.failNext("/tree/", { times: 2, status: 503 });
    const refs = await discoverDatasets("tricorder-3", CONFIG_SPACE, opts);
    expect(refs).toHaveLength(3);
    expect(lines.filter((l) => l.includes("retrying"))).toHaveLength(2);
  });

  it("gives up with a clear error when the hub stays down", async () => {
    hub.server.failNext("/tree/", { times: 5, status: "drop" });
    await expect(discoverDatasets("tricorder-3", CONFIG_SPACE, opts)).rejects.toThrow(
      /listing space safescanai\/competition-configuration on http:\/\/127\.0\.0\.1:\d+ failed: .*unreachable or failing/,
    );
  });

  it("explains a missing or private configuration space", async () => {
    await expect(discoverDatasets("tricorder-3", "nobody/nothing", opts)).rejects.toThrow(/private: pass an hf-token/);
  });

  it("reads a private dataset repository with a token, and explains without one", async () => {
    hub.server.addRepo({ type: "dataset", name: "miner/private-data", private: true });
    hub.server.putFile("dataset", "miner/private-data", "p.zip", Buffer.from("zip"), { lfs: true });
    const uri = "hf://miner/private-data/p.zip";
    const none = { restore: async () => undefined, save: async () => false };
    const options = (accessToken?: string) => ({
      competitionId: "tricorder-3",
      count: 1,
      hub: { ...opts, accessToken },
      cache: none,
      downloadDir: dir,
    });
    const dir = await tempDir();
    await expect(resolveDatasets(uri, options())).rejects.toThrow(/private: pass an hf-token/);
    const [source] = await resolveDatasets(uri, options("hf_read"));
    expect((await readFile(source.localPath)).toString()).toBe("zip");
  });

  it.each([
    ["hf://owner/repo/packages/p.zip", { repo: "owner/repo", path: "packages/p.zip" }],
    ["hf://datasets/owner/repo/p.zip", { repo: "owner/repo", path: "p.zip" }],
  ])("parses %s", (uri, expected) => {
    expect(parseHfUri(uri)).toEqual(expected);
  });
  it.each(["hf://repo-only/p.zip", "hf://owner/repo/p.tar", "https://x/y/z.zip"])("refuses %s", (uri) => {
    expect(() => parseHfUri(uri)).toThrow(/is not a dataset URI/);
  });
});

describe("downloading and caching packages", () => {
  it("downloads on a miss, saves, and hits the cache on the next run", async () => {
    const cacheRoot = await tempDir();
    const cache = folderCache(cacheRoot);
    const first = await resolveDatasets("latest", {
      competitionId: "tricorder-3",
      count: 2,
      hub: opts,
      cache,
      downloadDir: await tempDir(),
    });
    expect(first.map((s) => s.name)).toEqual(["tricorder-3-2026-11-20.zip", "tricorder-3-2026-11-01.zip"]);
    expect(lines.filter((l) => l.includes("cache miss"))).toHaveLength(2);
    expect(cache.saved).toHaveLength(2);

    lines.length = 0;
    const requestsBefore = hub.server.requests.filter((r) => r.path.includes("/resolve/") && r.path.endsWith(".zip")).length;
    const second = await resolveDatasets("latest", {
      competitionId: "tricorder-3",
      count: 2,
      hub: opts,
      cache,
      downloadDir: await tempDir(),
    });
    expect(lines.filter((l) => l.includes("cache hit"))).toHaveLength(2);
    expect(hub.server.requests.filter((r) => r.path.includes("/resolve/") && r.path.endsWith(".zip")).length).toBe(requestsBefore);
    expect(await readFile(second[0].localPath)).toEqual(await readFile(first[0].localPath));
  });

  it("downloads again when the cached copy is corrupt", async () => {
    const cacheRoot = await tempDir();
    const cache = folderCache(cacheRoot);
    const [first] = await resolveDatasets("latest", {
      competitionId: "tricorder-3",
      count: 1,
      hub: opts,
      cache,
      downloadDir: await tempDir(),
    });
    const key = cache.saved[0];
    await writeFile(path.join(cacheRoot, key, path.basename(first.localPath)), "corrupted");
    lines.length = 0;
    const [again] = await resolveDatasets("latest", {
      competitionId: "tricorder-3",
      count: 1,
      hub: opts,
      cache,
      downloadDir: await tempDir(),
    });
    expect(lines.some((l) => l.includes("cached copy is corrupt"))).toBe(true);
    expect(await readFile(again.localPath)).toEqual(await readFile(first.localPath));
  });

  it("reuses an earlier download in the same folder without the cache (the CLI's case)", async () => {
    const downloadDir = await tempDir();
    const none: CacheStore = { restore: async () => undefined, save: async () => false };
    await resolveDatasets("hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-10-01.zip", {
      competitionId: "tricorder-3",
      count: 1,
      hub: opts,
      cache: none,
      downloadDir,
    });
    lines.length = 0;
    const [source] = await resolveDatasets("hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-10-01.zip", {
      competitionId: "tricorder-3",
      count: 1,
      hub: opts,
      cache: none,
      downloadDir,
    });
    expect(lines.some((l) => l.includes("already downloaded"))).toBe(true);
    expect(source.ref?.path).toBe("packages/tricorder-3-2026-10-01.zip");
  });

  it("retries a dropped download", async () => {
    hub.server.failNext("/resolve/", { times: 1, status: "drop" });
    const [source] = await resolveDatasets("latest", {
      competitionId: "tricorder-3",
      count: 1,
      hub: opts,
      cache: folderCache(await tempDir()),
      downloadDir: await tempDir(),
    });
    expect(existsSync(source.localPath)).toBe(true);
    expect(lines.some((l) => l.includes("retrying"))).toBe(true);
  });

  it("takes a local folder as it is", async () => {
    const dir = await tempDir();
    await rm(dir, { recursive: true });
    await expect(
      resolveDatasets(dir, { competitionId: "tricorder-3", count: 1, hub: opts, cache: folderCache(dir), downloadDir: dir }),
    ).rejects.toThrow(/does not exist: give "latest", an hf:\/\/ URI, or a folder or \.zip package/);
  });
});
