/** The HuggingFace side of a release against the local hub (no chain: submit false, and the dry run). */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { encodeSetCommitment } from "../src/release/commitment.js";
import type { Log } from "../src/util/log.js";
import { dryRun, release, type ReleaseRequest } from "../src/release/release.js";
import { EXAMPLE_DIR, REPO } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";
import { startHubServer, type HubServer } from "./servers/hub.js";

/** Substrate's well-known development phrase; with no derivation path its sr25519 account is this address. */
export const DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
export const DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";

const log: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };
const MODEL = path.join(EXAMPLE_DIR, "model.onnx");
let hub: HubServer;
let modelSha = "";

beforeAll(async () => {
  hub = await startHubServer();
  modelSha = createHash("sha256")
    .update(await readFile(MODEL))
    .digest("hex");
});
afterAll(() => hub.close());

async function request(overrides: Partial<ReleaseRequest> = {}): Promise<ReleaseRequest> {
  return {
    modelPath: MODEL,
    repoId: "miner/skin",
    modelName: "skin-v1.onnx",
    codeDir: path.join(REPO, "__tests__", "fixtures", "code"),
    competition: getCompetition("tricorder-3"),
    hub: { hubUrl: hub.url, accessToken: "hf_write", log, retry: { attempts: 2, baseDelayMs: 1 } },
    network: "local",
    netuid: 76,
    mnemonic: DEV_PHRASE,
    submit: false,
    workDir: await tempDir(),
    ...overrides,
  };
}

describe("dry run (offline)", () => {
  it("prints the commitment, the exact call data and the hotkey", async () => {
    const plan = await dryRun(await request());
    const commitment = `miner/skin:skin-v1:tricorder-3:${modelSha}`;
    expect(plan).toEqual({ commitment, call_data: encodeSetCommitment(76, commitment), hotkey: DEV_ADDRESS, model_hash: modelSha });
    expect(plan.call_data.startsWith("0x12004c0004")).toBe(true);
  });
  it.each([
    [{ repoId: "a-very-long-organisation/and-a-long-name" }, /hf-repo-id .* bytes; validators accept at most 32/],
    [{ modelName: "skin.pt" }, /must end in \.onnx/],
    [{ mnemonic: "not a real mnemonic at all" }, /hotkey-mnemonic is not a valid BIP39 mnemonic \(6 words/],
    [{ modelPath: path.join(REPO, "package.json") }, /not a loadable ONNX model/],
    [{ netuid: -1 }, /netuid -1 is not a subnet id/],
  ])("refuses %p before any network call", async (change, reason) => {
    const before = hub.requests.length;
    await expect(dryRun(await request(change as Partial<ReleaseRequest>))).rejects.toThrow(reason);
    expect(hub.requests.length).toBe(before);
  });
  it("never echoes the mnemonic, even a wrong one", async () => {
    const secret = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon wrong";
    const err = (await dryRun(await request({ mnemonic: secret })).catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain("abandon");
  });
});

describe("upload to HuggingFace (submit: false)", () => {
  it("creates a public repo with an MIT card and uploads model and code in one commit", async () => {
    const result = await release(await request());
    expect(result).toMatchObject({ hotkey: DEV_ADDRESS, modelHash: modelSha, uploaded: true, committed: false, recorded: false });
    expect(result.commitment).toBe(`miner/skin:skin-v1:tricorder-3:${modelSha}`);
    const repo = hub.repo("model", "miner/skin");
    expect(repo?.private).toBeFalsy();
    const release1 = repo?.commits.at(-1);
    expect([...(release1?.files.keys() ?? [])].sort()).toEqual([".gitattributes", "README.md", "skin-v1.onnx", "skin-v1.zip"]);
    expect(repo?.commits.at(-2)?.files.has("skin-v1.onnx")).toBe(false);
    expect(hub.getFile("model", "miner/skin", "README.md")?.toString()).toContain("license: mit");
  });

  it("a re-run uploads nothing (same model bytes, same zip bytes)", async () => {
    const commits = hub.repo("model", "miner/skin")?.commits.length;
    const result = await release(await request());
    expect(result.uploaded).toBe(false);
    expect(hub.repo("model", "miner/skin")?.commits.length).toBe(commits);
  });

  it("refuses a private repository", async () => {
    hub.addRepo({ type: "model", name: "miner/secret", private: true, cardData: { license: "mit" } });
    await expect(release(await request({ repoId: "miner/secret" }))).rejects.toThrow(
      /miner\/secret is private; validators can only download public repositories/,
    );
  });

  it("refuses a card whose license is not MIT, naming it", async () => {
    hub.addRepo({ type: "model", name: "miner/apache", cardData: { license: "apache-2.0" } });
    await expect(release(await request({ repoId: "miner/apache" }))).rejects.toThrow(/declares license "apache-2.0"; validators reject/);
  });

  it("says when the token cannot write", async () => {
    await expect(
      release(
        await request({
          repoId: "miner/other",
          hub: { hubUrl: hub.url, accessToken: "hf_read", log, retry: { attempts: 1, baseDelayMs: 1 } },
        }),
      ),
    ).rejects.toThrow(/is hf-token a write token of the repository's owner\?/);
  });
});
