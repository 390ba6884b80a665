/**
 * The release's waits against the local hub and node: a finalization that trails (the heartbeat says
 * what it waits for), one that never comes (a bounded error that says how to find out and finish,
 * and no extrinsic_record.json naming an unfinalized extrinsic), and an upload that stalls before
 * or after the commitment (the chain is untouched, or the message says it holds the commitment).
 */
import { connect, FinalizationTimeoutError, submitCommitment } from "../src/release/chain.js";
import { UploadStalledError } from "../src/release/errors.js";
import { release } from "../src/release/release.js";
import { disconnectApis } from "./servers/chain.js";
import { recordingLog, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";

let env: ReleaseEnv;
beforeAll(async () => {
  env = await startReleaseEnv();
}, 60_000);
afterAll(() => env.close());
afterEach(() => env.chain.setFinality(0));

const record = (repo: string): unknown => {
  const text = env.hub.getFile("model", repo, "extrinsic_record.json")?.toString();
  return text === undefined ? undefined : JSON.parse(text);
};

describe("finalization", () => {
  it("logs a heartbeat while a trailing finalization is awaited, then returns the extrinsic", async () => {
    const { pair } = await env.newHotkey();
    env.chain.setFinality(700);
    const log = recordingLog();
    const api = await connect(env.chain.url);
    try {
      const text = `miner/beat:beat:tricorder-3:${"1".repeat(64)}`;
      const extrinsic = await submitCommitment(api, pair, 76, text, log, () => connect(env.chain.url), { heartbeatMs: 100 });
      expect(extrinsic.id).toBe(`${extrinsic.block}-1`);
      expect(log.infos).toContain(`commitment included in block ${extrinsic.block} (extrinsic ${extrinsic.id}); waiting for finalization`);
      const beats = log.infos.filter((l) => l.startsWith(`waiting for finalization of block ${extrinsic.block}: `));
      expect(beats.length).toBeGreaterThanOrEqual(2);
      expect(beats[0]).toMatch(/^waiting for finalization of block \d+: \d+ s \(gives up after 600 s\), the chain is at block \d+$/);
      expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([text]);
    } finally {
      await disconnectApis(api);
    }
  }, 30_000);

  it("a finalization that never comes ends in a bounded error and no record; a re-run records without committing again", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    env.chain.setFinality("never");
    const log = recordingLog();
    const request = await env.request(mnemonic, { repoId: "miner/unfinal", chainWait: { timeoutMs: 1500, heartbeatMs: 200 } });
    const started = Date.now();
    const err = await release({ ...request, hub: { ...request.hub, log } }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(FinalizationTimeoutError);
    const { included, txHash, message } = err as FinalizationTimeoutError;
    const block = included?.block ?? -1;
    expect(included).toEqual({ block, index: 1 });
    expect(txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(message).toBe(
      `the commitment is in block ${block} (extrinsic ${block}-1, hash ${txHash}), but the chain did not finalize that block ` +
        `within 1.5 s; it may still be finalized. extrinsic_record.json was not written. Look block ${block} up on a block ` +
        `explorer (https://polkadot.js.org/apps/?rpc=${encodeURIComponent(env.chain.url)}#/explorer/query/${block}) or run ` +
        `self-check for hotkey ${pair.address} (mode: self-check, or cancer-ai self-check --hotkey ${pair.address}): once the ` +
        `commitment shows there, run the release again, which finds it on chain and only writes extrinsic_record.json (it ` +
        `does not commit again).`,
    );
    expect(log.infos.filter((l) => l.startsWith(`waiting for finalization of block ${block}: `)).length).toBeGreaterThanOrEqual(2);
    // Truthful: the files are up, the extrinsic is in a block, and no record names it yet.
    expect(env.hub.getFile("model", "miner/unfinal", "skin-v1.onnx")).toBeDefined();
    expect(record("miner/unfinal")).toBeUndefined();

    env.chain.setFinality(0);
    const blocks = env.chain.blocks.length;
    const again = await release(await env.request(mnemonic, { repoId: "miner/unfinal" }));
    expect(again).toMatchObject({ extrinsic: `${block}-1`, uploaded: false, committed: false, recorded: true });
    expect(env.chain.blocks.length).toBe(blocks);
    expect(record("miner/unfinal")).toEqual({ hotkey: pair.address, extrinsic: `${block}-1` });
  }, 60_000);
});

describe("a stalled upload in a release", () => {
  it("before the commitment: nothing reaches the chain, the error says so, and a re-run releases", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    const request = await env.request(mnemonic, { repoId: "miner/stalled" });
    const blocks = env.chain.blocks.length;
    // The example model and code are small enough to go inline, in the commit call.
    env.hub.failNext("/api/models/miner/stalled/commit/", { status: "silent", times: 2, method: "POST" });
    const started = Date.now();
    const err = await release({ ...request, hub: { ...request.hub, silenceMs: 300 } }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err).toBeInstanceOf(UploadStalledError);
    expect((err as Error).message).toMatch(
      /^the hub stopped responding during the upload of skin-v1\.onnx, skin-v1\.zip to miner\/stalled after [\d.]+ of [\d.]+ MiB: nothing was sent or answered for 0\.3 s \(POST 127\.0\.0\.1:\d+\/api\/models\/miner\/stalled\/commit\/main; 2 attempts with backoff\)\. Nothing was committed on chain\. Run the release again: what the hub already holds with this content is not uploaded again\. /,
    );
    expect((err as Error).message).not.toContain("hf_write");
    expect(env.chain.blocks.length).toBe(blocks);
    expect(env.chain.commitmentOf(76, pair.address)).toBeUndefined();
    expect(env.hub.getFile("model", "miner/stalled", "skin-v1.onnx")).toBeUndefined();

    const result = await release(request);
    expect(result).toMatchObject({ uploaded: true, committed: true, recorded: true });
  }, 60_000);

  it("of the record, after the commitment: the error names the extrinsic on chain, and a re-run only records", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    await release(await env.request(mnemonic, { repoId: "miner/record-stall", submit: false }));
    const request = await env.request(mnemonic, { repoId: "miner/record-stall" });
    env.hub.failNext("/api/models/miner/record-stall/commit/", { status: "silent", times: 2, method: "POST" });
    const err = await release({ ...request, hub: { ...request.hub, silenceMs: 300 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadStalledError);
    const extrinsic = /\(extrinsic (\d+-1)\)/.exec((err as Error).message)?.[1];
    expect((err as Error).message).toMatch(
      /^the hub stopped responding during the upload of extrinsic_record\.json to miner\/record-stall after .*\. The commitment is on chain \(extrinsic \d+-1\), but extrinsic_record\.json was not written: run the release again, which finds the commitment on chain and only uploads the record \(it does not commit again\)\. /,
    );
    expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([expect.stringMatching(/^miner\/record-stall:skin-v1:/)]);
    expect(record("miner/record-stall")).toBeUndefined();

    const blocks = env.chain.blocks.length;
    const again = await release(request);
    expect(again).toMatchObject({ extrinsic, uploaded: false, committed: false, recorded: true });
    expect(env.chain.blocks.length).toBe(blocks);
    expect(record("miner/record-stall")).toEqual({ hotkey: pair.address, extrinsic });
  }, 60_000);
});
