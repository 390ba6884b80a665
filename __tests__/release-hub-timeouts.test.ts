/**
 * Every hub call of a release and of a self-check is bounded: a hub that accepts the connection and
 * goes silent (before answering, or half-way through an answer) is given up on within the silence
 * window, retried with backoff, and then reported with an error that names the request (never its
 * query or the token) and says what was and was not done; a first failure is retried and the call
 * completes; the model's download back logs its progress and its waits.
 */
import { createHash, randomBytes } from "node:crypto";
import { HubStalledError, HubUnavailableError } from "../src/release/errors.js";
import {
  checkWriteAccess,
  createPublicRepo,
  downloadedSha256,
  readRecord,
  repoState,
  RECORD_FILE,
  type ModelRepo,
} from "../src/release/publish.js";
import { release } from "../src/release/release.js";
import { selfCheck } from "../src/release/self-check.js";
import { getCompetition } from "../src/competition/competition.js";
import type { HubOptions } from "../src/hub/hub.js";
import { recordingLog, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { startHubServer, type HubServer } from "./servers/hub.js";
import { timed } from "./helpers/timed.js";

const SILENCE_MS = 300;
const TOKEN = "hf_write";
const STANDING = "Nothing was written yet.";
const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

function hubOptions(url: string): HubOptions & { log: ReturnType<typeof recordingLog> } {
  return {
    hubUrl: url,
    accessToken: TOKEN,
    log: recordingLog(),
    retry: { attempts: 2, baseDelayMs: 1 },
    silenceMs: SILENCE_MS,
    progressMs: 100,
  };
}

/** Two silence windows and a backoff, not a hang (nor the default minute). */
const BOUND_MS = 2 * SILENCE_MS + 2000;

describe("hub calls of a release", () => {
  let hub: HubServer;
  beforeAll(async () => {
    hub = await startHubServer();
  });
  afterAll(() => hub.close());

  function modelRepo(name: string, exists = true): { repo: ModelRepo; log: ReturnType<typeof recordingLog> } {
    if (exists && !hub.repo("model", name)) hub.addRepo({ type: "model", name, cardData: { license: "mit" } });
    const opts = hubOptions(hub.url);
    return { repo: { repoId: name, hub: opts, standing: STANDING }, log: opts.log };
  }

  function expectClean(lines: string[]): void {
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      // No query string: the client's own URLs carry them (?expand=..., a presigned link's signature).
      expect(line).not.toMatch(/\?\w+=/);
    }
  }

  const calls: [string, string, string, string, (repo: ModelRepo) => Promise<unknown>][] = [
    ["checking hf-token", "miner/silent", "GET", "/api/whoami-v2", checkWriteAccess],
    ["reading model repository miner/silent", "miner/silent", "GET", "/api/models/miner/silent/revision/HEAD", repoState],
    ["creating miner/new", "miner/new", "POST", "/api/repos/create", createPublicRepo],
    [`reading miner/silent/${RECORD_FILE}`, "miner/silent", "GET", `/miner/silent/resolve/main/${RECORD_FILE}`, readRecord],
  ];
  it.each(calls)("a hub silent on %s is given up on within bounds, with a clear error", async (what, name, method, path, call) => {
    const { repo, log } = modelRepo(name, name !== "miner/new");
    hub.failNext(path, { status: "silent", times: 2, method });
    const { error, ms } = await timed(call(repo));
    expect(error).toBeInstanceOf(HubStalledError);
    expect(error).toBeInstanceOf(HubUnavailableError);
    const message = (error as Error).message;
    const request = `${method} 127\\.0\\.0\\.1:\\d+${path.replace(/[.]/g, "\\.")}`;
    expect(message).toMatch(
      new RegExp(
        `^${what.replace(/[./]/g, "\\$&")} failed: the hub stopped responding: no progress for 0\\.3 s on ${request} ` +
          `\\(0\\.0 MiB received in this attempt\\); 2 attempts with backoff\\. Nothing was written yet\\. If it stalls again, ` +
          `check the runner's network and the hub's status\\.$`,
      ),
    );
    expect(log.warnings).toEqual([
      expect.stringMatching(new RegExp(`^${what.replace(/[./]/g, "\\$&")} failed \\(no progress .*\\); retrying`)),
    ]);
    expect(ms).toBeLessThan(BOUND_MS);
    expectClean([message, ...log.infos, ...log.warnings]);
  });

  it("a listing whose answer stops half-way is given up on: a read's body is bounded too", async () => {
    const { repo } = modelRepo("miner/half-listing");
    hub.failNext("/api/models/miner/half-listing/tree/", { status: "stall", times: 2, method: "GET" });
    const { error, ms } = await timed(repoState(repo));
    expect(error).toBeInstanceOf(HubStalledError);
    expect((error as Error).message).toMatch(
      /^listing miner\/half-listing failed: the hub stopped responding: no progress for 0\.3 s on GET 127\.0\.0\.1:\d+\/api\/models\/miner\/half-listing\/tree\/main \(/,
    );
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("a hub still failing after the retries names the request and its answer, not the URL's query", async () => {
    const { repo, log } = modelRepo("miner/down");
    hub.failNext("/api/models/miner/down", { status: 503, times: 2, method: "GET" });
    const error = await repoState(repo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubUnavailableError);
    expect(error).not.toBeInstanceOf(HubStalledError);
    expect((error as Error).message).toMatch(
      /^reading model repository miner\/down failed: GET 127\.0\.0\.1:\d+\/api\/models\/miner\/down\/revision\/HEAD answered 503 \(Injected failure \(503\)\) \(the hub did not answer; 2 attempts with backoff\)\. Nothing was written yet\.$/,
    );
    expectClean([(error as Error).message, ...log.warnings]);
  });

  it.each([
    ["a 503", 503 as const],
    ["a dropped connection", "drop" as const],
  ])("%s on the first attempt of each read is retried, and the reads succeed", async (_, status) => {
    const { repo, log } = modelRepo("miner/flaky-once");
    const model = randomBytes(64 << 10);
    hub.putFile("model", "miner/flaky-once", "m.onnx", model, { lfs: true });
    hub.putFile("model", "miner/flaky-once", RECORD_FILE, JSON.stringify({ hotkey: "5Fh", extrinsic: "7-1" }));
    hub.failNext("/api/whoami-v2", { status });
    hub.failNext("/api/models/miner/flaky-once/revision/", { status, method: "GET" });
    hub.failNext("/api/models/miner/flaky-once/tree/", { status });
    hub.failNext(`/resolve/main/${RECORD_FILE}`, { status });
    // The download's first GET is the client's one-byte range probe: the fault hits the download itself.
    hub.failNext("/__lfs/cdn/", { status, skip: 1, method: "GET" });
    await checkWriteAccess(repo);
    const state = await repoState(repo);
    expect(state).toMatchObject({ exists: true, license: "mit" });
    expect(await readRecord(repo)).toEqual({ state: "present", record: { hotkey: "5Fh", extrinsic: "7-1" } });
    expect(await downloadedSha256(repo, "m.onnx")).toBe(sha256(model));
    expect(log.warnings).toHaveLength(5);
    for (const what of [
      "checking hf-token",
      "reading model repository",
      "listing",
      `reading miner/flaky-once/${RECORD_FILE}`,
      "downloading",
    ])
      expect(log.warnings).toContainEqual(
        expect.stringMatching(new RegExp(`^${what} .*failed \\(.*\\); retrying in 0\\.0 s \\(attempt 2 of 2\\)$`)),
      );
    expectClean(log.warnings);
  });

  it("the model's download back logs bytes, rate and ETA, and its wait, before giving up on a stalled body", async () => {
    const { repo, log } = modelRepo("miner/stall-download");
    hub.putFile("model", "miner/stall-download", "big.onnx", randomBytes(4 << 20), { lfs: true });
    // Probe and download, twice: each download sends half the file, then nothing.
    hub.failNext("/__lfs/cdn/", { status: "stall", times: 4, method: "GET" });
    const { error, ms } = await timed(downloadedSha256(repo, "big.onnx"));
    expect(error).toBeInstanceOf(HubStalledError);
    expect((error as Error).message).toMatch(
      /^downloading miner\/stall-download\/big\.onnx failed: the hub stopped responding: no progress for 0\.3 s on GET 127\.0\.0\.1:\d+\/__lfs\/cdn\/[0-9a-f]{64} \(2\.0 MiB received in this attempt\); 2 attempts with backoff\. Nothing was written yet\./,
    );
    expect(log.infos).toContainEqual(
      expect.stringMatching(/^downloading miner\/stall-download\/big\.onnx: 2\.0 of 4\.0 MiB received \([\d.]+ MiB\/s, ETA \d+ s\)$/),
    );
    expect(log.infos).toContainEqual(
      expect.stringMatching(
        /^downloading miner\/stall-download\/big\.onnx: 2\.0 of 4\.0 MiB received; nothing received for 0\.\d s \(giving up after 0\.3 s\)$/,
      ),
    );
    expect(ms).toBeLessThan(BOUND_MS);
    expectClean([(error as Error).message, ...log.infos, ...log.warnings]);
  });
});

describe("hub calls of a self-check and of a release, end to end", () => {
  let env: ReleaseEnv;
  beforeAll(async () => {
    env = await startReleaseEnv();
  }, 60_000);
  afterAll(() => env.close());

  it("a self-check whose model download stalls ends with a clear error, not a failed check", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    await release(await env.request(mnemonic, { repoId: "miner/checked" }));
    env.hub.failNext("/__lfs/cdn/", { status: "stall", times: 4, method: "GET" });
    const log = recordingLog();
    const { error, ms } = await timed(
      selfCheck({
        hotkey: pair.address,
        network: env.chain.url,
        netuid: 76,
        competition: getCompetition("tricorder-3"),
        hub: { ...hubOptions(env.hub.url), accessToken: undefined, log },
        configRepo: "safescanai/competition-configuration",
      }),
    );
    expect(error).toBeInstanceOf(HubStalledError);
    expect((error as Error).message).toMatch(
      /^downloading miner\/checked\/skin-v1\.onnx failed: the hub stopped responding: no progress for 0\.3 s on GET 127\.0\.0\.1:\d+\/__lfs\/cdn\/[0-9a-f]{64} \([\d.]+ MiB received in this attempt\); 2 attempts with backoff\. The check only reads: nothing was changed on the hub or on chain; run it again once the hub answers\. If it stalls again/,
    );
    expect(ms).toBeLessThan(BOUND_MS + 2000);
  }, 30_000);

  it("a release whose whoAmI goes silent says that nothing was written", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    const request = await env.request(mnemonic, { repoId: "miner/silent-token" });
    env.hub.failNext("/api/whoami-v2", { status: "silent", times: 2 });
    const error = await release({ ...request, hub: { ...request.hub, silenceMs: SILENCE_MS } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubStalledError);
    expect((error as Error).message).toMatch(
      /^checking hf-token failed: the hub stopped responding: .*; 2 attempts with backoff\. Nothing was written: no repository created, no file uploaded, nothing committed on chain\. Run the release again\. /,
    );
    expect(env.hub.repo("model", "miner/silent-token")).toBeUndefined();
    expect(env.chain.commitmentOf(76, pair.address)).toBeUndefined();
  }, 30_000);
});
