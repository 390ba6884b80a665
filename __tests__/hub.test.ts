import { existsSync, readFileSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "../src/util/cache-store.js";
import { resolveDatasets } from "../src/dataset/remote.js";
import { discoverDatasets, HubError, parseHfUri, readCompetitionConfig, safeLoadYaml, type HubOptions } from "../src/hub/hub.js";
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

  it("gives up on a hub that accepts the connection and never answers, in bounded time", async () => {
    hub.server.failNext("/tree/", { times: 2, status: "silent" });
    const started = Date.now();
    await expect(
      discoverDatasets("tricorder-3", CONFIG_SPACE, { ...opts, silenceMs: 300, retry: { attempts: 2, baseDelayMs: 1 } }),
    ).rejects.toThrow(
      /listing space safescanai\/competition-configuration on http:\/\/127\.0\.0\.1:\d+ failed: no progress for 0\.3 s on GET 127\.0\.0\.1:\d+\/api\/spaces\/safescanai\/competition-configuration\/tree\/main \(/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lines.filter((l) => l.includes("retrying"))).toHaveLength(1);
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

  it.each<[string, RegExp]>([
    ["hf_revoked", /the hub rejected the hf-token: check the secret's value, and that the token is not expired or revoked/],
    ["hf_other", /it does not exist, or it is private: the hf-token given cannot read it/],
  ])("tells a rejected token (%s) from one that cannot read the space", async (token, message) => {
    await expect(discoverDatasets("tricorder-3", "nobody/nothing", { ...opts, accessToken: token })).rejects.toThrow(message);
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

// What the validator's code did with each configuration: scripts/golden/generate.py (validator_verdict_goldens) ran
// PyYAML and the copied fetch_organization_data_references / sync_organizations_data_references on the same files.
interface ConfigCase {
  name: string;
  /** [path, text] in the hub's listing order. */
  files: [string, string][];
  skipped: [string, string][];
  error?: string;
  organizations?: { competition_id: string; organization_id: string; dataset_hf_repo: string; dataset_hf_dir: string }[];
  first?: { organization_id: string; dataset_hf_repo: string } | null;
}
const verdicts = JSON.parse(readFileSync("__tests__/fixtures/validator-verdicts.json", "utf8")) as {
  yaml_parses: ({ yaml: string; skipped: string } | { yaml: string; value: unknown })[];
  configs: ConfigCase[];
};

/** A YAML value as the fixture writes Python's: mappings as objects with string keys. */
function plain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  return Array.isArray(value) ? value.map(plain) : value;
}

describe("safeLoadYaml (PyYAML's safe_load: a YAMLError skips the file)", () => {
  it.each(verdicts.yaml_parses.map((c) => [JSON.stringify(c.yaml), c] as const))("%s", (_name, c) => {
    const load = safeLoadYaml(c.yaml);
    if ("skipped" in c) expect(load).toMatchObject({ ok: false });
    else expect(load.ok && plain(load.value)).toEqual(c.value);
  });
});

describe("the competition configuration, as validators read it", () => {
  let spaces = 0;
  const published = new Set<string>();
  /** A dataset repo with one package, so that discovery can end in it. */
  const dataRepo = (repo: string): void => {
    if (published.has(repo)) return;
    published.add(repo);
    hub.server.addRepo({ type: "dataset", name: repo });
    hub.server.putFile("dataset", repo, "p.zip", Buffer.from("zip"), { lfs: true, commitDate: new Date("2026-01-01") });
  };

  it.each(verdicts.configs.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const space = `test/config-${++spaces}`;
    hub.addConfig(space, c.files);
    for (const org of c.organizations ?? []) dataRepo(org.dataset_hf_repo);
    if (c.error) {
      const error = await discoverDatasets("tricorder-3", space, opts).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HubError);
      expect((error as Error).message).toContain(`the competition configuration ${space} cannot be loaded as the subnet's code loads it`);
    } else {
      const organizations = await readCompetitionConfig(space, opts);
      expect(organizations.map(({ file: _file, org_id, ...rest }) => ({ ...rest, organization_id: org_id }))).toEqual(c.organizations);
      lines.length = 0;
      if (c.first) {
        const [ref] = await discoverDatasets("tricorder-3", space, opts);
        expect(ref.repo).toBe(c.first.dataset_hf_repo);
      } else {
        await expect(discoverDatasets("tricorder-3", space, opts)).rejects.toThrow(
          'no organisation publishes datasets for competition "tricorder-3"',
        );
      }
    }
    for (const [file] of c.skipped) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^warning: ${space}: ${file} is not valid YAML and is skipped`)));
    }
    expect(lines.filter((l) => l.includes("is not valid YAML"))).toHaveLength(c.skipped.length);
  });

  it("reads every organisation's packages, newest first across them, as validators' dataset monitor does", async () => {
    hub.addConfig("test/two-orgs", [
      ["datasets/z-first.yaml", "- {org_id: first, competition_id: tricorder-3, dataset_hf_repo: first/data, dataset_hf_dir: p/}\n"],
      [
        "datasets/a-second.yaml",
        "- {org_id: second, competition_id: tricorder-3, dataset_hf_repo: second/data}\n" +
          "- {org_id: third, competition_id: tricorder-3, dataset_hf_repo: third/data}\n",
      ],
    ]);
    for (const repo of ["first/data", "second/data", "third/data"]) hub.server.addRepo({ type: "dataset", name: repo });
    for (const repo of ["first/data", "second/data"]) {
      hub.server.putFile("dataset", repo, "p/old.zip", Buffer.from("old"), { lfs: true, commitDate: new Date("2026-01-01") });
      hub.server.putFile("dataset", repo, "p/new.zip", Buffer.from("new"), { lfs: true, commitDate: new Date("2026-02-01") });
    }
    hub.server.putFile("dataset", "third/data", "x/newest.zip", Buffer.from("newest"), { lfs: true, commitDate: new Date("2026-03-01") });
    const refs = await discoverDatasets("tricorder-3", "test/two-orgs", opts);
    expect(refs.map((r) => `${r.repo}/${r.path}`)).toEqual([
      "third/data/x/newest.zip",
      "first/data/p/new.zip",
      "second/data/p/new.zip",
      "first/data/p/old.zip",
      "second/data/p/old.zip",
    ]);
    expect(lines.find((l) => l.includes("organisations publish packages for tricorder-3"))).toContain(
      "3 organisations publish packages for tricorder-3, and validators score each one's: " +
        "first (first/data), second (second/data), third (third/data)",
    );
  });

  it("fails the whole configuration on a YAML file that is not UTF-8, as Python's open() raises outside the YAMLError catch", async () => {
    // CPython 3.11 + PyYAML: yaml.safe_load on a file opened as UTF-8 raises UnicodeDecodeError, not a YAMLError.
    hub.addConfig("test/latin-1", [
      ["datasets/a.yaml", "- {org_id: a, competition_id: tricorder-3, dataset_hf_repo: first/data}\n"],
      ["datasets/b.yaml", Buffer.from("- {org_id: caf\xe9, competition_id: x, dataset_hf_repo: y}\n", "latin1")],
    ]);
    await expect(discoverDatasets("tricorder-3", "test/latin-1", opts)).rejects.toThrow("datasets/b.yaml: it is not valid UTF-8");
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

  /** The newest package, downloaded afresh (no cache, a new folder). */
  const downloadLatest = async (hubOptions = opts) => {
    const [source] = await resolveDatasets("latest", {
      competitionId: "tricorder-3",
      count: 1,
      hub: hubOptions,
      cache: folderCache(await tempDir()),
      downloadDir: await tempDir(),
    });
    return source;
  };

  it("retries a dropped download", async () => {
    hub.server.failNext("/resolve/", { times: 1, status: "drop" });
    const source = await downloadLatest();
    expect(existsSync(source.localPath)).toBe(true);
    expect(lines.some((l) => l.includes("retrying"))).toBe(true);
  });

  it("retries a download whose body request is answered 503 (the client reports it as a bare string)", async () => {
    // The first GET, a one-byte range probe, goes through; the download itself is answered 503 once.
    hub.server.failNext("/__lfs/cdn/", { times: 1, status: 503, method: "GET", skip: 1 });
    const source = await downloadLatest();
    expect(existsSync(source.localPath)).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^warning: downloading hf:\/\/.+ failed \(.*503.*\); retrying/));
  });

  it("retries a download that stalls half-way, and logs its progress", async () => {
    // The client's first GET is a one-byte range probe: the second is the download itself.
    hub.server.failNext("/__lfs/cdn/", { times: 2, status: "stall", method: "GET" });
    const source = await downloadLatest({ ...opts, silenceMs: 300, progressMs: 50 });
    expect(existsSync(source.localPath)).toBe(true);
    expect(
      lines.some((l) =>
        /failed \(no progress for 0\.3 s on GET 127\.0\.0\.1:\d+\/__lfs\/cdn\/[0-9a-f]{64} \([\d.]+ MiB received in this attempt\)\); retrying/.test(
          l,
        ),
      ),
    ).toBe(true);
    // While it waits, the log says how far it got and how long it has been silent.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^downloading packages\/.+\.zip: [\d.]+ of [\d.]+ MiB received; nothing received for [\d.]+ s \(giving up after 0\.3 s\)$/,
      ),
    );
  });

  it("takes a local folder as it is", async () => {
    const dir = await tempDir();
    await rm(dir, { recursive: true });
    await expect(
      resolveDatasets(dir, { competitionId: "tricorder-3", count: 1, hub: opts, cache: folderCache(dir), downloadDir: dir }),
    ).rejects.toThrow(/does not exist: give "latest", an hf:\/\/ URI, or a folder or \.zip package/);
  });
});
