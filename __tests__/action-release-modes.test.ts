/**
 * Releasing from the action, run from the sources as the runner runs it: releasing is explicit
 * (mode: release; a tag push in mode evaluate says so and releases nothing), an upload needs no
 * hotkey, and a tag names the model file.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { implicitReleaseNotice } from "../src/action/main.js";
import type { RunEvent } from "../src/action/event.js";
import { EXAMPLE_DIR, REPO } from "./helpers/golden.js";
import { sourceActionDir, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { runAction, type RunnerResult } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";

const MODEL = path.join(EXAMPLE_DIR, "model.onnx");
const tagPush = { name: "push", payload: { repository: { full_name: "miner/model", default_branch: "main" } } };

let env: ReleaseEnv;
let actionDir = "";
let sha = "";
beforeAll(async () => {
  [env, actionDir] = await Promise.all([startReleaseEnv(), sourceActionDir()]);
  sha = createHash("sha256")
    .update(await readFile(MODEL))
    .digest("hex");
}, 60_000);
afterAll(() => env.close());

async function onTag(tag: string, inputs: Record<string, string>): Promise<RunnerResult> {
  return runAction({
    actionDir,
    inputs: {
      "model-path": MODEL,
      dataset: path.join(EXAMPLE_DIR, "dataset"),
      "code-directory": path.join(REPO, "__tests__", "fixtures", "code"),
      "hf-endpoint": env.hub.url,
      "hf-token": "hf_write",
      network: env.chain.url,
      comment: "false",
      "release-window-check": "off",
      ...inputs,
    },
    event: tagPush,
    env: { GITHUB_REPOSITORY: "miner/model", GITHUB_REF: `refs/tags/${tag}`, RUNNER_TEMP: await tempDir() },
  });
}

describe("the implicit release of earlier versions", () => {
  const event = (tag?: string): RunEvent => ({ owner: "o", repo: "r", sha: "s", ...(tag ? { tagPush: { tag } } : {}) });
  it.each([
    ["evaluate", "v1", "miner/skin", true],
    ["evaluate", "v1", undefined, false],
    ["evaluate", undefined, "miner/skin", false],
    ["release", "v1", "miner/skin", false],
  ] as const)("mode %s, tag %s, hf-repo-id %s: notice %s", (mode, tag, repo, notice) => {
    expect(implicitReleaseNotice(mode, event(tag), repo) !== undefined).toBe(notice);
  });

  it("a tag push in mode evaluate with hf-repo-id set evaluates, warns, and releases nothing", async () => {
    const blocks = env.chain.blocks.length;
    const r = await onTag("v0.9.0", { "hf-repo-id": "miner/implicit" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "::warning::not releasing: this tag push (v0.9.0) sets hf-repo-id, but mode is evaluate, which only scores the model. " +
        "Releases run only with mode: release (earlier versions released here implicitly): set mode: release on the release step.",
    );
    expect(r.outputs.score).toBeDefined();
    expect(r.outputs.commitment).toBeUndefined();
    expect(env.hub.repo("model", "miner/implicit")).toBeUndefined();
    expect(env.chain.blocks.length).toBe(blocks);
  }, 120_000);
});

describe("mode release", () => {
  it("with submit false uploads without a hotkey, naming the model after the tag", async () => {
    const r = await onTag("v1.0.0", { mode: "release", submit: "false", "hf-repo-id": "miner/tag-upload" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ hotkey: "", extrinsic: "", "model-hash": sha });
    expect(r.outputs.commitment).toBe(`miner/tag-upload:v1.0.0-${sha.slice(0, 8)}:tricorder-3:${sha}`);
    expect(env.hub.getFile("model", "miner/tag-upload", `v1.0.0-${sha.slice(0, 8)}.onnx`)).toBeDefined();
    expect(r.summary).toContain("none (uploaded without committing)");
  }, 120_000);

  it("commits under the tag's name and says from when the model is eligible", async () => {
    const { mnemonic, pair } = await env.newHotkey();
    const r = await onTag("v2.0.0", { mode: "release", "hf-repo-id": "miner/tag-release", "hotkey-mnemonic": mnemonic });
    expect(r.code).toBe(0);
    expect(r.outputs.hotkey).toBe(pair.address);
    for (const text of [r.stdout.replace(/^::add-mask::.*$/gm, ""), r.summary, JSON.stringify(r.outputs)]) {
      expect(text).not.toContain(mnemonic);
      expect(text).not.toContain("hf_write");
    }
    expect(env.chain.commitmentOf(76, pair.address)?.fields).toEqual([`miner/tag-release:v2.0.0-${sha.slice(0, 8)}:tricorder-3:${sha}`]);
    expect(r.stdout).toMatch(/::notice::eligible from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(block \d+\): validators score the model/);
    expect(r.summary).toMatch(/\| eligible from \| .* UTC: packages released from then on \(block \d+ \+ 120 min\) \|/);
  }, 120_000);
});
