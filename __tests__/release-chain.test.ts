/** The whole release against the local hub and the local subtensor node, with the real clients. */
import path from "node:path";
import { blockTime, ChainConnectionError, connect, readCommitment } from "../src/release/chain.js";
import { CommitLimitError, ReleaseRefusedError, UnsafeReleaseError } from "../src/release/errors.js";
import { release } from "../src/release/release.js";
import { disconnectApis } from "./servers/chain.js";
import { GOLDEN_DIR } from "./helpers/golden.js";
import { recordingLog, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";

/** Another model that fits tricorder-3: the next release. */
const NEXT_MODEL = path.join(GOLDEN_DIR, "models", "two-input-512.onnx");

let env: ReleaseEnv;
beforeAll(async () => {
  env = await startReleaseEnv();
}, 60_000);
afterAll(() => env.close());

describe("release to HuggingFace and the chain", () => {
  it("uploads, commits, records the extrinsic and reads it back", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    const result = await release(await env.request(mnemonic));
    expect(result.extrinsic).toMatch(/^\d+-1$/);
    expect(result).toMatchObject({ hotkey: pair.address, uploaded: true, committed: true, recorded: true });
    expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([result.commitment]);
    expect(JSON.parse(env.hub.getFile("model", "miner/skin", "extrinsic_record.json")?.toString() ?? "{}")).toEqual({
      hotkey: pair.address,
      extrinsic: result.extrinsic,
    });
    const api = await connect(env.chain.url);
    try {
      expect((await readCommitment(api, 76, pair.address))?.text).toBe(result.commitment);
    } finally {
      await disconnectApis(api);
    }

    // The same tag again: nothing is uploaded, committed or recorded.
    const blocks = env.chain.blocks.length;
    const commits = env.hub.repo("model", "miner/skin")?.commits.length;
    const again = await release(await env.request(mnemonic));
    expect(again).toMatchObject({ extrinsic: result.extrinsic, uploaded: false, committed: false, recorded: false });
    expect(env.chain.blocks.length).toBe(blocks);
    expect(env.hub.repo("model", "miner/skin")?.commits.length).toBe(commits);
  }, 60_000);

  it("refuses an unregistered hotkey before uploading anything", async () => {
    const { mnemonic, pair } = await env.newHotkey(false);
    await expect(release(await env.request(mnemonic, { repoId: "miner/unregistered" }))).rejects.toThrow(
      `hotkey ${pair.address} is not registered on subnet 76`,
    );
    expect(env.hub.repo("model", "miner/unregistered")).toBeUndefined();
  }, 60_000);

  it("reports a dispatch error by name", async () => {
    const { mnemonic } = await env.newHotkey();
    env.chain.failNextCommit("CommitmentSetRateLimitExceeded");
    await expect(release(await env.request(mnemonic, { repoId: "miner/limited" }))).rejects.toThrow(
      /the chain rejected the commitment: commitments\.CommitmentSetRateLimitExceeded.*retry later/,
    );
  }, 60_000);

  it("a connection dropped after inclusion still yields the extrinsic, committed once", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    env.chain.dropNextSubmit("inBlock");
    const result = await release(await env.request(mnemonic, { repoId: "miner/dropped" }));
    expect(result.committed).toBe(true);
    expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([result.commitment]);
    const again = await release(await env.request(mnemonic, { repoId: "miner/dropped" }));
    expect(again).toMatchObject({ committed: false, extrinsic: result.extrinsic });
  }, 60_000);

  it("a connection dropped before inclusion commits nothing and says to re-run; the re-run commits once", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    env.chain.dropNextSubmit("ready");
    await expect(release(await env.request(mnemonic, { repoId: "miner/retry" }))).rejects.toThrow(
      /nothing was committed; run the release again/,
    );
    expect(env.chain.commitmentOf(76, pair.address)).toBeUndefined();
    const result = await release(await env.request(mnemonic, { repoId: "miner/retry" }));
    expect(result.committed).toBe(true);
    expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([result.commitment]);
  }, 60_000);

  it("names the unreachable node, before uploading anything", async () => {
    const { mnemonic } = await env.newHotkey();
    const attempt = release(await env.request(mnemonic, { repoId: "miner/unreachable", network: "ws://127.0.0.1:9" }));
    await expect(attempt).rejects.toThrow(/^cannot reach the chain at ws:\/\/127\.0\.0\.1:9: .+; check the network/);
    await expect(attempt).rejects.toBeInstanceOf(ChainConnectionError);
    expect(env.hub.repo("model", "miner/unreachable")).toBeUndefined();
  }, 60_000);

  it("says when the subnet does not exist, before uploading anything", async () => {
    const { mnemonic } = await env.newHotkey();
    const attempt = release(await env.request(mnemonic, { repoId: "miner/nosubnet", netuid: 77 }));
    await expect(attempt).rejects.toThrow(/^subnet 77 does not exist on ws:\/\/127\.0\.0\.1:\d+: check netuid/);
    await expect(attempt).rejects.toBeInstanceOf(ReleaseRefusedError);
    expect(env.hub.repo("model", "miner/nosubnet")).toBeUndefined();
  }, 60_000);

  it("refuses a rate-limited hotkey before uploading, saying when it may commit again; then releases", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    const [block] = (await env.commitRaw(pair, `miner/old:old-model:tricorder-3:${"0".repeat(64)}`)).split("-").map(Number);
    const blocks = env.chain.blocks.length;
    const attempt = release(await env.request(mnemonic, { repoId: "miner/limited-early" }));
    await expect(attempt).rejects.toThrow(
      `the chain would refuse this commitment now: the hotkey last committed in block ${block} and the chain allows one ` +
        `commitment per 100 blocks on a subnet (CommitmentSetRateLimitExceeded); next commitment allowed at block ${block + 100} ` +
        `(~20 min). Nothing was uploaded or sent: run the release again then`,
    );
    await expect(attempt).rejects.toMatchObject({ nextBlock: block + 100 });
    await expect(attempt).rejects.toBeInstanceOf(CommitLimitError);
    expect(env.hub.repo("model", "miner/limited-early")).toBeUndefined();
    expect(env.chain.blocks.length).toBe(blocks);

    env.chain.seal(99); // the extrinsic lands in block + 100
    const result = await release(await env.request(mnemonic, { repoId: "miner/limited-early" }));
    expect(result).toMatchObject({ committed: true, committedBlock: block + 100 });
  }, 60_000);

  it("says when the model becomes eligible: 120 minutes after its block", async () => {
    const { mnemonic } = await env.newHotkey();
    const log = recordingLog();
    const request = await env.request(mnemonic, { repoId: "miner/eligible" });
    const result = await release({ ...request, hub: { ...request.hub, log } });
    const api = await connect(env.chain.url);
    try {
      const at = await blockTime(api, result.committedBlock ?? 0);
      expect(result.eligibleFrom?.getTime()).toBe((at?.getTime() ?? 0) + 120 * 60_000);
    } finally {
      await disconnectApis(api);
    }
    const utc = `${result.eligibleFrom?.toISOString().slice(0, 10)} ${result.eligibleFrom?.toISOString().slice(11, 16)} UTC`;
    expect(log.infos).toContain(
      `eligible from ${utc} (block ${result.committedBlock}): validators score the model on packages released from then on`,
    );
    expect(log.infos.find((m) => m.startsWith("Committing costs a window"))).toMatch(
      /validators keep one model per hotkey and evaluate a model only on packages released at least 120 minutes after its commitment, so the hotkey scores 0 on packages released from now until about/,
    );
    const plan = log.infos.find((m) => m.startsWith("release plan: "));
    expect(plan).toMatch(/^release plan: create the public model repository miner\/eligible with an MIT card; then upload .*; then commit/);
    expect(log.infos.indexOf(plan ?? "")).toBeLessThan(log.infos.findIndex((m) => m.startsWith("created public model repository")));
  }, 60_000);

  it("gives the next release a new file name, and refuses to replace the file the live commitment points to", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    const first = await release(await env.request(mnemonic, { repoId: "miner/series", modelName: undefined, nameLabel: "v1" }));
    env.chain.seal(100);
    const commits = env.hub.repo("model", "miner/series")?.commits.length;
    const blocks = env.chain.blocks.length;
    const overwrite = release(await env.request(mnemonic, { repoId: "miner/series", modelName: first.modelName, modelPath: NEXT_MODEL }));
    await expect(overwrite).rejects.toThrow(
      new RegExp(`^miner/series/${first.modelName} is the model the hotkey's commitment points to \\(block \\d+\\); replacing it`),
    );
    await expect(overwrite).rejects.toBeInstanceOf(UnsafeReleaseError);
    expect(env.hub.repo("model", "miner/series")?.commits.length).toBe(commits);
    expect(env.chain.blocks.length).toBe(blocks);

    // The live file was overwritten behind the release's back: the committed bytes are put back, not refused.
    env.hub.putFile("model", "miner/series", first.modelName, "tampered");
    expect(await release(await env.request(mnemonic, { repoId: "miner/series", modelName: first.modelName }))).toMatchObject({
      uploaded: true,
      committed: false,
      modelHash: first.modelHash,
    });

    const next = await release(
      await env.request(mnemonic, { repoId: "miner/series", modelName: undefined, nameLabel: "v2", modelPath: NEXT_MODEL }),
    );
    expect(next.modelName).toMatch(/^v2-[0-9a-f]{8}\.onnx$/);
    expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([next.commitment]);
    expect(env.hub.getFile("model", "miner/series", first.modelName)).toBeDefined();
  }, 60_000);

  describe("the release window", () => {
    // Packages came every day at 12:00 UTC; it is 11:00 the next day.
    const DAYS = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"].map((d) => `${d}T12:00:00.000Z`);
    const now = () => new Date("2026-11-21T11:00:00Z");
    beforeAll(() => env.publishPackages(DAYS));

    it("warn: says a package is likely inside the 120 minutes, and releases", async () => {
      const { mnemonic } = await env.newHotkey();
      const log = recordingLog();
      const request = await env.request(mnemonic, { repoId: "miner/window-warn", windowCheck: "warn", now });
      const result = await release({ ...request, hub: { ...request.hub, log } });
      expect(result.committed).toBe(true);
      expect(log.warnings).toEqual([
        expect.stringMatching(
          /^a dataset package is likely to come out within 120 minutes of this commitment: packages came every 24 h \(the newest 5 releases, the last at 2026-11-20 12:00 UTC\), so the next is expected around 2026-11-21 12:00 UTC \(±15 min\)\..* Release right after that package is out \(after 2026-11-21 12:15 UTC\)/,
        ),
      ]);
    }, 60_000);

    it("fail: refuses before uploading anything", async () => {
      const { mnemonic } = await env.newHotkey();
      const blocks = env.chain.blocks.length;
      const attempt = release(await env.request(mnemonic, { repoId: "miner/window-fail", windowCheck: "fail", now }));
      await expect(attempt).rejects.toThrow(/^not releasing \(release-window-check: fail\): a dataset package is likely to come out/);
      await expect(attempt).rejects.toBeInstanceOf(UnsafeReleaseError);
      expect(env.hub.repo("model", "miner/window-fail")).toBeUndefined();
      expect(env.chain.blocks.length).toBe(blocks);
    }, 60_000);

    it("fail: releases when the next package is expected after the window", async () => {
      const { mnemonic } = await env.newHotkey();
      const later = () => new Date("2026-11-21T12:30:00Z"); // the 12:00 package is out
      const log = recordingLog();
      const request = await env.request(mnemonic, { repoId: "miner/window-clear", windowCheck: "fail", now: later });
      const result = await release({ ...request, hub: { ...request.hub, log } });
      expect(result.committed).toBe(true);
      expect(log.infos).toContain(
        "release window: packages came every 24 h (the newest 5 releases, the last at 2026-11-20 12:00 UTC), so the next is " +
          "expected around 2026-11-22 12:00 UTC (±15 min): after this commitment's 120-minute window (until 2026-11-21 14:30 UTC)",
      );
    }, 60_000);
  });
});
