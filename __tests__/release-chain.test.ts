/** The whole release against the local hub and the local subtensor node, with the real clients. */
import { ChainConnectionError, connect, readCommitment } from "../src/release/chain.js";
import { release } from "../src/release/release.js";
import { disconnectApis } from "./servers/chain.js";
import { startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";

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
});
