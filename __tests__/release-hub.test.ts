/** The HuggingFace side of a release against the local hub (no chain: submit false, and the dry run). */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { encodeSetCommitment } from "../src/release/commitment.js";
import type { Log } from "../src/util/log.js";
import { dryRun, release, type ReleaseRequest } from "../src/release/release.js";
import { HubUnavailableError } from "../src/release/errors.js";
import { EXAMPLE_DIR, GOLDEN_DIR, REPO } from "./helpers/golden.js";
import { DEV_ADDRESS, releaseRequest } from "./helpers/release-env.js";
import { tempDir } from "./helpers/temp.js";
import { startHubServer, type HubServer } from "./servers/hub.js";

const log: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };
const MODEL = path.join(EXAMPLE_DIR, "model.onnx");
/** Another model that fits tricorder-3: the next release. */
const OTHER_MODEL = path.join(GOLDEN_DIR, "models", "two-input-512.onnx");
let hub: HubServer;
let modelSha = "";

beforeAll(async () => {
  hub = await startHubServer();
  modelSha = createHash("sha256")
    .update(await readFile(MODEL))
    .digest("hex");
});
afterAll(() => hub.close());

const request = (overrides: Partial<ReleaseRequest> = {}): Promise<ReleaseRequest> =>
  releaseRequest(hub.url, {
    modelPath: MODEL,
    hub: { hubUrl: hub.url, accessToken: "hf_write", log, retry: { attempts: 2, baseDelayMs: 1 } },
    ...overrides,
  });

describe("dry run (offline)", () => {
  it("prints the commitment, the exact call data and the hotkey", async () => {
    const plan = await dryRun(await request({ submit: true }));
    const commitment = `miner/skin:skin-v1:tricorder-3:${modelSha}`;
    expect(plan).toEqual({
      commitment,
      call_data: encodeSetCommitment(76, commitment),
      hotkey: DEV_ADDRESS,
      model_name: "skin-v1.onnx",
      model_hash: modelSha,
    });
    expect(plan.call_data.startsWith("0x12004c0004")).toBe(true);
  });
  it("without submit, needs no hotkey and never reads the mnemonic", async () => {
    const plan = await dryRun(await request({ mnemonic: "not a real mnemonic at all" }));
    expect(plan.hotkey).toBeUndefined();
    expect((await dryRun(await request({ mnemonic: undefined }))).commitment).toBe(plan.commitment);
  });
  it("names the model <label>-<8 hex digits of its SHA-256> when hf-model-name is not given", async () => {
    expect((await dryRun(await request({ modelName: undefined }))).model_name).toBe(`model-${modelSha.slice(0, 8)}.onnx`);
    const tagged = await dryRun(await request({ modelName: undefined, nameLabel: "v1.2.0" }));
    expect(tagged).toMatchObject({ model_name: `v1.2.0-${modelSha.slice(0, 8)}.onnx` });
    expect(tagged.commitment).toBe(`miner/skin:v1.2.0-${modelSha.slice(0, 8)}:tricorder-3:${modelSha}`);
  });
  it("only warns about the miner CLI's 32-byte repository id: validators read any commitment within 128 bytes", async () => {
    const warnings: string[] = [];
    const plan = await dryRun(
      await request({
        repoId: "a-very-long-organisation/and-a-long-name",
        hub: { hubUrl: hub.url, log: { ...log, warning: (m) => void warnings.push(m) } },
      }),
    );
    expect(plan.commitment.startsWith("a-very-long-organisation/and-a-long-name:skin-v1:")).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/hf-repo-id ".*" is 40 bytes, over the miner CLI's 32 \(validators do not check it/)]);
  });
  it.each([
    [
      { repoId: `${"o".repeat(30)}/${"n".repeat(30)}` },
      /the commitment is 146 bytes, over the chain's 128 \(Raw128\): shorten hf-repo-id \(61 bytes\) by at least 18/,
    ],
    [{ modelName: "skin.pt" }, /must end in \.onnx/],
    [{ submit: true, mnemonic: "not a real mnemonic at all" }, /hotkey-mnemonic is not a valid BIP39 mnemonic \(6 words/],
    [{ submit: true, mnemonic: undefined }, /committing on chain needs the hotkey's mnemonic/],
    [{ modelPath: path.join(REPO, "package.json") }, /not a loadable ONNX model/],
    [{ netuid: -1 }, /netuid -1 is not a subnet id/],
    [{ codeDir: "/nonexistent/training" }, /code-directory \/nonexistent\/training is not a folder/],
    [{ codeDir: "EMPTY" }, /code-directory .* is empty/],
  ])("refuses %p before any network call", async (change: Partial<ReleaseRequest>, reason) => {
    const before = hub.requests.length;
    const codeDir = change.codeDir === "EMPTY" ? await tempDir() : change.codeDir;
    await expect(dryRun(await request({ ...change, ...(codeDir ? { codeDir } : {}) }))).rejects.toThrow(reason);
    expect(hub.requests.length).toBe(before);
  });
  it("never echoes the mnemonic, even a wrong one", async () => {
    const secret = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon wrong";
    const err = (await dryRun(await request({ submit: true, mnemonic: secret })).catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain("abandon");
  });
});

describe("upload to HuggingFace (submit: false)", () => {
  it("creates a public repo with an MIT card and uploads model and code in one commit, with no hotkey", async () => {
    const result = await release(await request({ mnemonic: undefined }));
    expect(result).toMatchObject({ hotkey: undefined, modelHash: modelSha, uploaded: true, committed: false, recorded: false });
    expect(result.commitment).toBe(`miner/skin:skin-v1:tricorder-3:${modelSha}`);
    const repo = hub.repo("model", "miner/skin");
    expect(repo?.private).toBeFalsy();
    const release1 = repo?.commits.at(-1);
    expect([...(release1?.files.keys() ?? [])].sort()).toEqual([".gitattributes", "README.md", "skin-v1.onnx", "skin-v1.zip"]);
    expect(repo?.commits.at(-2)?.files.has("skin-v1.onnx")).toBe(false);
    expect(hub.getFile("model", "miner/skin", "README.md")?.toString()).toContain("license: mit");
  });

  it("a re-run uploads nothing (same model bytes, same zip bytes), and never reads the mnemonic", async () => {
    const commits = hub.repo("model", "miner/skin")?.commits.length;
    const result = await release(await request({ mnemonic: "not a real mnemonic at all" }));
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

  it("refuses a gated repository: validators download without asking for access", async () => {
    hub.addRepo({ type: "model", name: "miner/gated", cardData: { license: "mit" }, gated: "manual" });
    await expect(release(await request({ repoId: "miner/gated" }))).rejects.toThrow(
      /miner\/gated is gated \(manual\); validators download/,
    );
  });

  it.each([
    ["hf_read", /hf-token is a read token: a release writes to miner\/other, so give a write token of miner/],
    ["hf_other", /hf-token belongs to stranger, which cannot write to miner\/other/],
    ["hf_nonsense", /hf-token is not a valid HuggingFace token/],
  ])("says when the token %s cannot write, before writing anything", async (accessToken, reason) => {
    const before = hub.requests.length;
    await expect(
      release(await request({ repoId: "miner/other", hub: { hubUrl: hub.url, accessToken, log, retry: { attempts: 1, baseDelayMs: 1 } } })),
    ).rejects.toThrow(reason);
    expect(hub.requests.slice(before).filter((r) => r.method !== "GET")).toEqual([]);
    expect(hub.repo("model", "miner/other")).toBeUndefined();
  });

  it("refuses a code-directory that does not exist before creating the repository", async () => {
    const before = hub.requests.length;
    await expect(release(await request({ repoId: "miner/nocode", codeDir: "/nonexistent/training" }))).rejects.toThrow(
      "code-directory /nonexistent/training is not a folder: give the training code's folder",
    );
    expect(hub.requests.length).toBe(before);
    expect(hub.repo("model", "miner/nocode")).toBeUndefined();
  });

  it("a createRepo whose answer was lost is retried, meets 409 'already exists', and counts as created", async () => {
    const warnings: string[] = [];
    const before = hub.requests.length;
    hub.failNext("/api/repos/create", { status: "drop", afterHandling: true });
    const result = await release(
      await request({ repoId: "miner/lost", hub: { ...(await request()).hub, log: { ...log, warning: (m) => void warnings.push(m) } } }),
    );
    expect(result).toMatchObject({ uploaded: true, modelHash: modelSha });
    const creates = hub.requests.slice(before).filter((r) => r.path.startsWith("/api/repos/create"));
    expect(creates.map((r) => r.status)).toEqual([0, 409]);
    expect(warnings).toEqual([expect.stringMatching(/^creating miner\/lost failed \(.*\); retrying/)]);
    expect([...(hub.repo("model", "miner/lost")?.commits.at(-1)?.files.keys() ?? [])].sort()).toEqual([
      ".gitattributes",
      "README.md",
      "skin-v1.onnx",
      "skin-v1.zip",
    ]);
  });

  it("a 409 for a repository this token cannot read is an error naming the fix, not an upload", async () => {
    hub.addRepo({ type: "model", name: "miner/ghost" });
    hub.failNext("/api/models/miner/ghost", { status: 404, times: 2, method: "GET" });
    await expect(release(await request({ repoId: "miner/ghost" }))).rejects.toThrow(
      /HuggingFace says miner\/ghost exists, but this token cannot read it .*: choose another hf-repo-id/,
    );
    expect(hub.repo("model", "miner/ghost")?.commits).toHaveLength(1);
  });

  it("a hub that does not answer is 'could not check', never 'missing': nothing is created", async () => {
    hub.failNext("/api/models/miner/flaky", { status: 503, times: 10 });
    const before = hub.requests.length;
    const err = await release(await request({ repoId: "miner/flaky" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubUnavailableError);
    expect((err as Error).message).toMatch(/^reading model repository miner\/flaky failed: .*the hub did not answer/);
    expect(hub.requests.slice(before).filter((r) => r.method !== "GET")).toEqual([]);
    expect(hub.repo("model", "miner/flaky")).toBeUndefined();
  });

  it("gives each model a name of its own by default, so the files of an earlier release stay", async () => {
    const first = await release(await request({ repoId: "miner/named", modelName: undefined, nameLabel: "v1" }));
    const other = await release(await request({ repoId: "miner/named", modelName: undefined, nameLabel: "v2", modelPath: OTHER_MODEL }));
    expect(first.modelName).toBe(`v1-${modelSha.slice(0, 8)}.onnx`);
    expect(other.modelName).toMatch(/^v2-[0-9a-f]{8}\.onnx$/);
    const files = [...(hub.repo("model", "miner/named")?.commits.at(-1)?.files.keys() ?? [])];
    expect(files).toEqual(expect.arrayContaining([first.modelName, first.modelName.replace(".onnx", ".zip"), other.modelName]));
    expect(hub.getFile("model", "miner/named", first.modelName)?.equals(await readFile(MODEL))).toBe(true);
  });

  it("an upload without a hotkey refuses to replace a model file that may be live (the repository has a record)", async () => {
    hub.addRepo({ type: "model", name: "miner/live", cardData: { license: "mit" } });
    hub.putFile("model", "miner/live", "skin-v1.onnx", await readFile(OTHER_MODEL));
    hub.putFile("model", "miner/live", "skin-v1.zip", "zip");
    hub.putFile("model", "miner/live", "extrinsic_record.json", JSON.stringify({ hotkey: DEV_ADDRESS, extrinsic: "7-1" }));
    const commits = hub.repo("model", "miner/live")?.commits.length;
    await expect(release(await request({ repoId: "miner/live" }))).rejects.toThrow(
      /miner\/live\/skin-v1\.onnx already holds other bytes .* \(it names hotkey 5Dfh\w+, extrinsic 7-1\): .* leave hf-model-name empty/,
    );
    expect(hub.repo("model", "miner/live")?.commits).toHaveLength(commits ?? 0);
  });
});
