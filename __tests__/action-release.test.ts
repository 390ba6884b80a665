/**
 * The bundled action releasing on a tag push and self-checking, as the runner runs it, with a known
 * mnemonic and HF token that must appear in no output, file or error.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { EXAMPLE_DIR, REPO } from "./helpers/golden.js";
import { startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { runAction, type RunnerResult } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";

let env: ReleaseEnv;
let mnemonic = "";
let address = "";
beforeAll(async () => {
  env = await startReleaseEnv();
  ({
    mnemonic,
    pair: { address },
  } = await env.newHotkey());
}, 60_000);
afterAll(() => env.close());

const tagPush = { name: "push", payload: { repository: { full_name: "miner/model", default_branch: "main" } } };

async function releaseStep(inputs: Record<string, string>, runnerTemp: string): Promise<RunnerResult> {
  return runAction({
    inputs: {
      // Releasing is explicit: a tag push in mode evaluate only scores (action-release-modes.test.ts).
      mode: "release",
      "model-path": path.join(EXAMPLE_DIR, "model.onnx"),
      dataset: path.join(EXAMPLE_DIR, "dataset"),
      "hf-repo-id": "miner/tagged",
      "hf-model-name": "skin-v2.onnx",
      "code-directory": path.join(REPO, "__tests__", "fixtures", "code"),
      "hf-endpoint": env.hub.url,
      "hf-token": "hf_write",
      "hotkey-mnemonic": mnemonic,
      network: env.chain.url,
      comment: "false",
      ...inputs,
    },
    event: tagPush,
    env: { GITHUB_REPOSITORY: "miner/model", GITHUB_REF: "refs/tags/v1.0.0", RUNNER_TEMP: runnerTemp },
  });
}

/** Every word of the mnemonic and the token, wherever the run could have written them. */
async function expectNoSecrets(r: RunnerResult, runnerTemp: string): Promise<void> {
  const printed = r.stdout.replace(/^::add-mask::.*$/gm, "");
  const files = await readdir(runnerTemp, { recursive: true, withFileTypes: true });
  const written = await Promise.all(
    files
      .filter((f) => f.isFile() && !f.name.endsWith(".zip") && !f.name.endsWith(".onnx"))
      .map((f) => readFile(path.join(f.parentPath, f.name), "utf8")),
  );
  const hubFiles = ["extrinsic_record.json", "README.md"].map((f) => env.hub.getFile("model", "miner/tagged", f)?.toString() ?? "");
  for (const text of [printed, r.summary, JSON.stringify(r.outputs), ...written, ...hubFiles]) {
    expect(text).not.toContain(mnemonic);
    expect(text).not.toContain("hf_write");
    // Single BIP39 words ("group", "model") occur in ordinary log text; any two consecutive ones would be a leak.
    const words = mnemonic.split(" ");
    for (let i = 0; i + 1 < words.length; i++) expect(text).not.toContain(`${words[i]} ${words[i + 1]}`);
  }
}

describe("release on a tag push", () => {
  it("evaluates, uploads, commits, records, and leaks no secret", async () => {
    const temp = await tempDir();
    const r = await releaseStep({}, temp);
    expect(r.code).toBe(0);
    expect(r.outputs.hotkey).toBe(address);
    expect(r.outputs.extrinsic).toMatch(/^\d+-1$/);
    expect(r.outputs.commitment).toBe(`miner/tagged:skin-v2:tricorder-3:${r.outputs["model-hash"]}`);
    expect(r.outputs["hf-url"]).toBe(`${env.hub.url}/miner/tagged`);
    expect(r.summary).toContain("### CancerAI release");
    expect(r.summary).toContain("This run uploaded to HuggingFace, committed on chain, recorded the extrinsic.");
    expect(env.chain.commitmentOf(76, address)?.fields).toEqual([r.outputs.commitment]);
    await expectNoSecrets(r, temp);

    const again = await releaseStep({}, await tempDir());
    expect(again.code).toBe(0);
    expect(again.outputs.extrinsic).toBe(r.outputs.extrinsic);
    expect(again.summary).toContain("Everything was already published: this run changed nothing.");
  }, 120_000);

  it("a wrong mnemonic fails without echoing it", async () => {
    const temp = await tempDir();
    const r = await releaseStep(
      { "hotkey-mnemonic": "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon wrong" },
      temp,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::hotkey-mnemonic is not a valid BIP39 mnemonic \(12 words/);
    expect(r.stdout.replace(/^::add-mask::.*$/gm, "")).not.toContain("abandon");
  }, 60_000);

  it("never releases on a pull request", async () => {
    const r = await runAction({
      inputs: {
        mode: "release",
        "model-path": path.join(EXAMPLE_DIR, "model.onnx"),
        dataset: path.join(EXAMPLE_DIR, "dataset"),
        "hf-repo-id": "miner/x",
      },
      event: { name: "pull_request", payload: { pull_request: { number: 1, base: { ref: "main" }, head: { sha: "a" } } } },
      env: { GITHUB_REPOSITORY: "miner/model" },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::releases never run on pull requests/);
  }, 60_000);

  it("dry-run prints the plan and sends nothing", async () => {
    const blocks = env.chain.blocks.length;
    const r = await releaseStep({ "dry-run": "true", "hf-repo-id": "miner/dry" }, await tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dry run: would commit miner\/dry:skin-v2:tricorder-3:[0-9a-f]{64} as 5\w+; call data 0x12004c0004/);
    expect(env.chain.blocks.length).toBe(blocks);
    expect(env.hub.repo("model", "miner/dry")).toBeUndefined();
  }, 60_000);
});

describe("self-check mode", () => {
  it("checks the released model and writes the checklist", async () => {
    const r = await runAction({
      inputs: { mode: "self-check", hotkey: address, network: env.chain.url, "hf-endpoint": env.hub.url, evaluate: "false" },
      env: { GITHUB_REPOSITORY: "miner/model", RUNNER_TEMP: await tempDir() },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.passed).toBe("true");
    expect(r.summary).toContain("### CancerAI self-check: ✓ passes");
    expect(JSON.parse(await readFile(r.outputs["results-path"], "utf8")).checks).toHaveLength(8);
  }, 60_000);

  it("fails the step for a hotkey validators would reject", async () => {
    const other = await env.newHotkey(false);
    const r = await runAction({
      inputs: { mode: "self-check", hotkey: other.pair.address, network: env.chain.url, "hf-endpoint": env.hub.url, evaluate: "false" },
      env: { GITHUB_REPOSITORY: "miner/model", RUNNER_TEMP: await tempDir() },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::self-check: hotkey registered: not registered on subnet 76/);
  }, 60_000);
});
