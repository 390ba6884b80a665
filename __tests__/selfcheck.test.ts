/** Self-check against the local hub and chain: a released model passes, each tampered case fails with its reason. */
import { getCompetition } from "../src/competition/competition.js";
import { release } from "../src/release/release.js";
import { leaderboard, selfCheck, type SelfCheckResult } from "../src/release/self-check.js";
import { startCompetitionHub, type CompetitionHub } from "./helpers/competition-hub.js";
import { quiet, recordingLog, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { leaderboardMarkdown } from "../src/release/summary.js";
import { tempDir } from "./helpers/temp.js";
import { EXAMPLE_DIR } from "./helpers/golden.js";
import path from "node:path";

let env: ReleaseEnv;
let data: CompetitionHub;
const tricorder = getCompetition("tricorder-3");

beforeAll(async () => {
  [env, data] = await Promise.all([startReleaseEnv(), startCompetitionHub()]);
  await data.publish("tricorder-3-2026-11-20.zip", "2026-11-20T00:00:00Z");
}, 60_000);
afterAll(async () => {
  await Promise.all([env.close(), data.server.close()]);
});

/** The model repo lives on env.hub, the datasets on data's hub: the check reads both through one URL each. */
async function check(hotkey: string, evaluate = false): Promise<SelfCheckResult> {
  return selfCheck({
    hotkey,
    network: env.chain.url,
    netuid: 76,
    competition: tricorder,
    hub: { hubUrl: env.hub.url, log: quiet, retry: { attempts: 1, baseDelayMs: 1 } },
    configRepo: "safescanai/competition-configuration",
    evaluate: evaluate
      ? {
          dataset: "hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-11-20.zip",
          count: 1,
          cache: { restore: async () => undefined, save: async () => false },
          downloadDir: await tempDir(),
          modelDir: await tempDir(),
        }
      : undefined,
  });
}

const status = (r: SelfCheckResult, name: string) => r.checks.find((c) => c.name === name);

/** Releases the example model to `repo` with a fresh registered hotkey. */
async function released(repo: string) {
  const key = await env.newHotkey();
  const result = await release(await env.request(key.mnemonic, { repoId: repo }));
  return { ...key, result };
}

describe("self-check", () => {
  it("a model released by the release flow passes every check", async () => {
    const { pair } = await released("miner/good");
    const r = await check(pair.address);
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ["hotkey registered", "pass"],
      ["commitment on chain", "pass"],
      ["HuggingFace repository", "pass"],
      ["model and code files", "pass"],
      ["model hash", "pass"],
      ["extrinsic_record.json", "pass"],
      ["commitment age", "warn"], // the configuration space is not on this hub: the age is still reported
      ["evaluation", "skip"],
    ]);
    expect(r.passed).toBe(true);
  }, 60_000);

  it("an unregistered hotkey", async () => {
    const { pair } = await env.newHotkey(false);
    const r = await check(pair.address);
    expect(status(r, "hotkey registered")).toMatchObject({ status: "fail", detail: "not registered on subnet 76" });
    expect(r.passed).toBe(false);
  }, 60_000);

  it("a malformed commitment", async () => {
    const { pair } = await env.newHotkey();
    await env.commitRaw(pair, "just-a-repo-name");
    const r = await check(pair.address);
    expect(status(r, "commitment on chain")?.detail).toMatch(/does not split into 4 parts/);
  }, 60_000);

  it("a current commitment with another hash: validators check the commitment the record names, and still score it", async () => {
    const { pair } = await released("miner/wronghash");
    env.chain.seal(100); // past the commitment rate limit
    await env.commitRaw(pair, `miner/wronghash:skin-v1:tricorder-3:${"0".repeat(64)}`);
    const r = await check(pair.address);
    expect(status(r, "model hash")).toMatchObject({ status: "warn" });
    expect(status(r, "model hash")?.detail).toMatch(
      /^the hub serves [0-9a-f]{64}, the commitment says 0{64}: validators compare the served model with the commitment extrinsic_record\.json names/,
    );
    // The record still names the first commitment, whose hash is the served model's.
    expect(status(r, "extrinsic_record.json")).toMatchObject({ status: "pass" });
  }, 60_000);

  it("a missing record", async () => {
    const key = await env.newHotkey();
    await release(await env.request(key.mnemonic, { repoId: "miner/norecord", submit: false }));
    const hash = (await release(await env.request(key.mnemonic, { repoId: "miner/norecord", submit: false }))).modelHash;
    await env.commitRaw(key.pair, `miner/norecord:skin-v1:tricorder-3:${hash}`);
    const r = await check(key.pair.address);
    expect(status(r, "extrinsic_record.json")).toMatchObject({
      status: "fail",
      detail: "miner/norecord has no extrinsic_record.json: validators give 0 without it",
    });
  }, 60_000);

  it("a record naming another signer", async () => {
    const { pair, result } = await released("miner/othersigner");
    const other = await env.newHotkey();
    env.hub.putFile(
      "model",
      "miner/othersigner",
      "extrinsic_record.json",
      JSON.stringify({ hotkey: other.pair.address, extrinsic: result.extrinsic }),
    );
    const r = await check(pair.address);
    expect(status(r, "extrinsic_record.json")?.detail).toContain(`it names hotkey ${other.pair.address}`);
  }, 60_000);

  it("a record naming the wrong extrinsic", async () => {
    const { pair, result } = await released("miner/wrongext");
    const [block] = (result.extrinsic ?? "").split("-");
    env.hub.putFile("model", "miner/wrongext", "extrinsic_record.json", JSON.stringify({ hotkey: pair.address, extrinsic: `${block}-0` }));
    const r = await check(pair.address);
    expect(status(r, "extrinsic_record.json")).toMatchObject({
      status: "fail",
      detail: `the extrinsic at ${block}-0 is not a set_commitment with a Raw field`,
    });
  }, 60_000);

  it("a private repository", async () => {
    const { pair } = await released("miner/private");
    const repo = env.hub.repo("model", "miner/private");
    if (repo) repo.private = true;
    const r = await check(pair.address);
    expect(status(r, "HuggingFace repository")).toMatchObject({ status: "fail" });
  }, 60_000);

  it("a card that is not MIT", async () => {
    const { pair } = await released("miner/apache");
    env.hub.putFile("model", "miner/apache", "README.md", "---\nlicense: apache-2.0\n---\n");
    const r = await check(pair.address);
    expect(status(r, "HuggingFace repository")?.detail).toMatch(/card license "apache-2.0" does not contain "mit"/);
  }, 60_000);

  it("evaluates the committed model as downloaded", async () => {
    const { pair } = await released("miner/scored");
    const r = await selfCheck({
      hotkey: pair.address,
      network: env.chain.url,
      netuid: 76,
      competition: tricorder,
      hub: { hubUrl: env.hub.url, log: quiet, retry: { attempts: 1, baseDelayMs: 1 } },
      configRepo: "none/none",
      evaluate: {
        dataset: path.join(EXAMPLE_DIR, "dataset"),
        count: 1,
        cache: { restore: async () => undefined, save: async () => false },
        downloadDir: await tempDir(),
        modelDir: await tempDir(),
      },
    });
    expect(status(r, "evaluation")).toMatchObject({ status: "pass", detail: "score 0.625000 on dataset" });
    expect(r.evaluation?.datasets[0].model_sha256).toBe(r.commitment?.sha256);
  }, 60_000);

  it("a record naming a block the chain does not have", async () => {
    const { pair } = await released("miner/futureblock");
    env.hub.putFile(
      "model",
      "miner/futureblock",
      "extrinsic_record.json",
      JSON.stringify({ hotkey: pair.address, extrinsic: "99999999-1" }),
    );
    const r = await check(pair.address);
    expect(status(r, "extrinsic_record.json")).toMatchObject({
      status: "fail",
      detail: "it names block 99999999, which the chain does not have",
    });
  }, 60_000);

  it("a record that is not JSON", async () => {
    const { pair } = await released("miner/badrecord");
    env.hub.putFile("model", "miner/badrecord", "extrinsic_record.json", "{ not json");
    const r = await check(pair.address);
    expect(status(r, "extrinsic_record.json")?.detail).toMatch(/^miner\/badrecord\/extrinsic_record\.json is not valid: it is not JSON/);
  }, 60_000);

  describe("advice is not a rejection", () => {
    it("a missing code zip is a warning: validators never download it", async () => {
      const { pair, result } = await released("miner/nozip");
      // The same model, committed again under a stem whose zip was never uploaded.
      env.hub.putFile("model", "miner/nozip", "solo.onnx", env.hub.getFile("model", "miner/nozip", result.modelName) ?? "");
      env.chain.seal(100);
      const id = await env.commitRaw(pair, `miner/nozip:solo:tricorder-3:${result.modelHash}`);
      env.hub.putFile("model", "miner/nozip", "extrinsic_record.json", JSON.stringify({ hotkey: pair.address, extrinsic: id }));
      const r = await check(pair.address);
      expect(status(r, "model and code files")).toMatchObject({
        status: "warn",
        detail: expect.stringMatching(/^solo\.onnx; no solo\.zip: validators do not check/),
      });
      expect(status(r, "extrinsic_record.json")?.status).toBe("pass");
      expect(r.passed).toBe(true);
    }, 60_000);

    it("a record whose extrinsic another key signed is a warning: validators compare the signer only among copies", async () => {
      const { pair, result } = await released("miner/cosigned");
      const other = await env.newHotkey();
      const id = await env.commitRaw(other.pair, result.commitment);
      env.hub.putFile("model", "miner/cosigned", "extrinsic_record.json", JSON.stringify({ hotkey: pair.address, extrinsic: id }));
      const r = await check(pair.address);
      expect(status(r, "extrinsic_record.json")).toMatchObject({
        status: "warn",
        detail: expect.stringContaining(`${id} carries the model's hash but is signed by ${other.pair.address}, not the hotkey`),
      });
      expect(r.passed).toBe(true);
    }, 60_000);

    it("a repository id over the miner CLI's 32 bytes that fits the 128-byte commitment is a warning", async () => {
      const { pair } = await released("miner/a-rather-long-model-repository");
      const r = await check(pair.address);
      expect(status(r, "commitment on chain")).toMatchObject({
        status: "warn",
        detail: expect.stringContaining(`hf-repo-id "miner/a-rather-long-model-repository" is 36 bytes, over the miner CLI's 32`),
      });
      expect(r.passed).toBe(true);
    }, 60_000);
  });

  it("leaderboard-check lists every commitment of a registered hotkey with its checks", async () => {
    const rows = await leaderboard(env.chain.url, 76, tricorder, { hubUrl: env.hub.url, log: quiet });
    const good = rows.find((r) => r.repo === "miner/good");
    expect(good).toMatchObject({ hashMatches: true, recordMatches: true, uid: expect.any(Number) });
    // Its current commitment carries another hash, but its record names the first one, which carries the served hash.
    expect(rows.find((r) => r.repo === "miner/wronghash")).toMatchObject({ hashMatches: false, recordMatches: true });
    expect(rows.find((r) => r.repo === "miner/norecord")?.recordMatches).toBe(false);
    expect(rows.some((r) => r.commitment === "just-a-repo-name")).toBe(false);
  }, 60_000);

  it("leaderboard-check leaves out a deregistered hotkey, whose commitment stays in storage", async () => {
    const { pair } = await released("miner/pruned");
    const newcomer = await env.newHotkey(false);
    env.chain.deregister(76, pair.address, newcomer.pair.address);
    expect(env.chain.commitmentOf(76, pair.address)).toBeDefined();
    const rows = await leaderboard(env.chain.url, 76, tricorder, { hubUrl: env.hub.url, log: quiet });
    expect(rows.some((r) => r.hotkey === pair.address || r.repo === "miner/pruned")).toBe(false);
    expect(rows.some((r) => r.repo === "miner/good")).toBe(true);
  }, 60_000);

  it("leaderboard-check says 'could not check' (?) when the hub does not answer, never ✗", async () => {
    env.hub.failNext("/api/models/miner/good/tree", { status: 503, times: 2 });
    const log = recordingLog();
    const rows = await leaderboard(env.chain.url, 76, tricorder, { hubUrl: env.hub.url, log, retry: { attempts: 2, baseDelayMs: 1 } });
    expect(rows.find((r) => r.repo === "miner/good")).toMatchObject({ hashMatches: undefined, recordMatches: undefined });
    expect(log.warnings).toContainEqual(expect.stringMatching(/^could not check miner\/good\/skin-v1\.onnx: /));
    expect(leaderboardMarkdown(rows, tricorder, 76)).toMatch(/\| miner\/good \| \d+ \| \? \| \? \|/);
  }, 60_000);
});
