/**
 * Uploads are bounded by silence, not by duration: a hub that takes part of an upload and then stops
 * reading, or takes it all and never answers, is given up on within the silence window (retried, then
 * a clear error), while a slow upload that keeps moving runs as long as it needs.
 */
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { UploadStalledError } from "../src/release/errors.js";
import { uploadInOneCommit, type ModelRepo } from "../src/release/publish.js";
import type { HubOptions } from "../src/hub/hub.js";
import { recordingLog } from "./helpers/release-env.js";
import { tempDir } from "./helpers/temp.js";
import { startHubServer, type HubServer } from "./servers/hub.js";
import { timed } from "./helpers/timed.js";

const SILENCE_MS = 300;
const TOKEN = "hf_write";

async function randomFile(name: string, bytes: number): Promise<{ path: string; local: string }> {
  const local = path.join(await tempDir(), name);
  await writeFile(local, randomBytes(bytes));
  return { path: name, local };
}

function modelRepo(server: HubServer, name: string, overrides: Partial<HubOptions> = {}) {
  server.addRepo({ type: "model", name, cardData: { license: "mit" } });
  const log = recordingLog();
  const hub: HubOptions = {
    hubUrl: server.url,
    accessToken: TOKEN,
    log,
    retry: { attempts: 2, baseDelayMs: 1 },
    silenceMs: SILENCE_MS,
    progressMs: 100,
    ...overrides,
  };
  const repo: ModelRepo = { repoId: name, hub };
  return { repo, log, commits: () => server.repo("model", name)?.commits.length ?? 0 };
}

describe("uploads through plain LFS PUTs", () => {
  let hub: HubServer;
  beforeAll(async () => {
    hub = await startHubServer();
  });
  afterAll(() => hub.close());

  it("a hub that stops reading the body mid-upload is given up on within the silence window, with a clear error", async () => {
    const { repo, log, commits } = modelRepo(hub, "miner/stall-body");
    const file = await randomFile("big.onnx", 24 << 20);
    const before = commits();
    hub.failNext("/__lfs/upload/", { status: "stall-body", afterBytes: 1 << 20, times: 2, method: "PUT" });
    const { error, ms } = await timed(uploadInOneCommit(repo, [file], "Release big", "Nothing was committed on chain. "));
    expect(error).toBeInstanceOf(UploadStalledError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^the hub stopped responding during the upload of big\.onnx to miner\/stall-body after ([\d.]+) of 24\.0 MiB: nothing was sent or answered for 0\.3 s \(PUT 127\.0\.0\.1:\d+\/__lfs\/upload\/models\/miner\/stall-body\/[0-9a-f]{64}; 2 attempts with backoff\)\. Nothing was committed on chain\. If it stalls again, check the runner's network and the hub's status\.$/,
    );
    // It stopped mid-way: past what the hub read, short of the whole file.
    const sent = Number(/after ([\d.]+) of/.exec(message)?.[1]);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThan(24);
    expect(log.warnings).toEqual([
      expect.stringMatching(/^uploading big\.onnx to miner\/stall-body failed \(no progress for 0\.3 s on PUT .*\); retrying in 0\.0 s/),
    ]);
    // Two silence windows and a backoff, not a hang (nor the default minute).
    expect(ms).toBeLessThan(5000);
    expect(commits()).toBe(before);
    for (const line of [message, ...log.infos, ...log.warnings]) expect(line).not.toContain(TOKEN);
  });

  it("a hub that takes the files and never answers the commit is given up on, naming the call", async () => {
    const { repo, log, commits } = modelRepo(hub, "miner/silent-commit");
    const file = await randomFile("model.onnx", 2 << 20);
    const before = commits();
    hub.failNext("/api/models/miner/silent-commit/commit/", { status: "silent", times: 2, method: "POST" });
    const { error, ms } = await timed(uploadInOneCommit(repo, [file], "Release model"));
    expect(error).toBeInstanceOf(UploadStalledError);
    expect((error as Error).message).toMatch(
      /^the hub stopped responding during the upload of model\.onnx to miner\/silent-commit after [\d.]+ of 2\.0 MiB: nothing was sent or answered for 0\.3 s \(POST 127\.0\.0\.1:\d+\/api\/models\/miner\/silent-commit\/commit\/main; 2 attempts with backoff\)\. Run the upload again/,
    );
    expect(ms).toBeLessThan(5000);
    expect(commits()).toBe(before);
    expect(log.warnings).toHaveLength(1);
  });

  it("a stall on the first attempt only is retried, and the upload completes", async () => {
    const { repo, log, commits } = modelRepo(hub, "miner/stall-once");
    const file = await randomFile("model.onnx", 4 << 20);
    hub.failNext("/__lfs/upload/", { status: "stall-body", afterBytes: 256 << 10, method: "PUT" });
    const before = commits();
    expect(await uploadInOneCommit(repo, [file], "Release model")).toMatch(/^[0-9a-f]{40}$/);
    expect(commits()).toBe(before + 1);
    expect(log.warnings).toEqual([expect.stringMatching(/failed \(no progress for 0\.3 s on PUT .*\); retrying/)]);
  });

  it("a slow upload that keeps moving is not aborted, however long it takes, and logs its progress", async () => {
    // A socket drains in bursts, and a few MB still sit in kernel buffers after the last slice is taken
    // (on loopback, ~0.35 s at this rate): the window must exceed that, as 60 s does on any usable link.
    const silenceMs = 1000;
    const { repo, log, commits } = modelRepo(hub, "miner/slow", { silenceMs });
    const file = await randomFile("slow.onnx", 48 << 20);
    hub.failNext("/__lfs/upload/", { status: "slow", bytesPerSecond: 16 << 20, method: "PUT" });
    const before = commits();
    const { value, error, ms } = await timed(uploadInOneCommit(repo, [file], "Release slow"));
    expect(error).toBeUndefined();
    expect(value).toMatch(/^[0-9a-f]{40}$/);
    expect(commits()).toBe(before + 1);
    // Several silence windows long: only silence counts, not duration.
    expect(ms).toBeGreaterThan(2.5 * silenceMs);
    expect(log.warnings).toEqual([]);
    const progress = log.infos.filter((l) => l.startsWith("uploading slow.onnx to miner/slow: "));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.some((l) => /: [\d.]+ of 48\.0 MiB sent \([\d.]+ MiB\/s, ETA \d+ s\)$/.test(l))).toBe(true);
    // One line per interval at most, not one per chunk.
    expect(progress.length).toBeLessThan(ms / 100 + 2);
    expect(hub.getFile("model", "miner/slow", "slow.onnx")?.length).toBe(48 << 20);
  });
});

describe("uploads through the Xet CAS", () => {
  let hub: HubServer;
  beforeAll(async () => {
    hub = await startHubServer({ xet: true });
  });
  afterAll(() => hub.close());

  // The CAS checks xorbs in this very process (hashing MBs blocks the event loop for a while): a longer window.
  const silenceMs = 1000;

  it("a CAS that stops reading a xorb is given up on, retried, and the upload completes", async () => {
    const { repo, log } = modelRepo(hub, "miner/xet-stall-once", { silenceMs });
    const file = await randomFile("model.onnx", 2 << 20);
    hub.xet!.failNext("/v1/xorbs/", { status: "stall-body", afterBytes: 64 << 10, method: "POST" });
    expect(await uploadInOneCommit(repo, [file], "Release model")).toMatch(/^[0-9a-f]{40}$/);
    expect(log.warnings).toEqual([
      expect.stringMatching(/failed \(no progress for 1\.0 s on POST 127\.0\.0\.1:\d+\/v1\/xorbs\/default\/[0-9a-f]{64} .*\); retrying/),
    ]);
  });

  it("a CAS that never answers ends in the clear error, with nothing committed", async () => {
    const { repo, commits } = modelRepo(hub, "miner/xet-silent", { silenceMs });
    const file = await randomFile("model.onnx", 1 << 20);
    const before = commits();
    hub.xet!.failNext("/v1/", { status: "silent", times: 20, method: "POST" });
    const { error, ms } = await timed(uploadInOneCommit(repo, [file], "Release model"));
    expect(error).toBeInstanceOf(UploadStalledError);
    expect((error as Error).message).toMatch(/^the hub stopped responding during the upload of model\.onnx to miner\/xet-silent after/);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(ms).toBeLessThan(2 * silenceMs + 3000);
    expect(commits()).toBe(before);
  });
});
