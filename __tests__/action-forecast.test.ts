/**
 * compare: leaderboard from the action (run from the sources as the runner runs it) and the CLI, against the
 * local chain and hub: the forecast in the job summary or on stdout, forecast.json beside results-path, the
 * rank outputs, min-rank.
 * Miners: alpha and gamma, two distinct models committed long enough ago.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { cli } from "../src/cli/main.js";
import { release } from "../src/release/release.js";
import { captureIo } from "./helpers/cli-io.js";
import { EXAMPLE_DIR, GOLDEN_DATASET, GOLDEN_DIR } from "./helpers/golden.js";
import { sourceActionDir, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { runAction, type RunnerResult } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";

const MODELS = path.join(GOLDEN_DIR, "models");
let env: ReleaseEnv;
let actionDir = "";
const hotkeys: Record<string, string> = {};

async function released(name: string, modelPath: string): Promise<void> {
  const key = await env.newHotkey();
  await release(await env.request(key.mnemonic, { repoId: `miner/${name}`, modelPath }));
  hotkeys[name] = key.pair.address;
  env.chain.seal(100);
}

beforeAll(async () => {
  [env, actionDir] = await Promise.all([startReleaseEnv(), sourceActionDir()]);
  await released("alpha", path.join(MODELS, "two-input-512.onnx"));
  await released("gamma", path.join(MODELS, "one-input-224.onnx"));
  env.chain.seal(700); // every commitment over 120 minutes old
}, 180_000);
afterAll(() => env.close());

async function evaluateStep(inputs: Record<string, string>): Promise<RunnerResult & { results: string }> {
  const results = path.join(await tempDir(), "results.json");
  const r = await runAction({
    actionDir,
    inputs: {
      "model-path": path.join(EXAMPLE_DIR, "model.onnx"),
      dataset: GOLDEN_DATASET,
      "hf-endpoint": env.hub.url,
      network: env.chain.url,
      comment: "false",
      cache: "false",
      threads: "2",
      "results-path": results,
      ...inputs,
    },
    env: { GITHUB_REPOSITORY: "miner/model", RUNNER_TEMP: await tempDir() },
  });
  return { ...r, results };
}

describe("compare: leaderboard in the action", () => {
  it("ranks the model among the committed ones: summary, forecast.json, rank and rank-of", async () => {
    const r = await evaluateStep({ compare: "leaderboard", "compare-top": "5" });
    expect(r.code).toBe(0);
    const forecastFile = r.results.replace(/\.json$/, ".forecast.json");
    const doc = JSON.parse(await readFile(forecastFile, "utf8"));
    expect(doc).toMatchObject({ netuid: 76, top_n: 5, candidate: { rank_of: 3 } });
    expect(r.outputs).toMatchObject({ rank: String(doc.candidate.rank), "rank-of": "3", passed: "true" });
    expect(r.summary).toContain("### Forecast: where this model would rank on subnet 76 (tricorder-3)");
    expect(r.summary).toContain(`**Would rank ${doc.candidate.rank} of 3, about`);
    expect(r.summary).toContain("**← this model**");
    // The score part comes first, the forecast after it.
    expect(r.summary.indexOf("CancerAI tricorder-3: score")).toBeLessThan(r.summary.indexOf("### Forecast"));
    expect(r.stdout).toContain(`forecast: Would rank ${doc.candidate.rank} of 3`);
  }, 180_000);

  it("min-rank fails a copy of a committed model, naming whose", async () => {
    const copy = path.join(await tempDir(), "copy.onnx");
    // alpha's graph in other bytes (an unknown field onnxruntime skips): same outputs, another SHA-256.
    await writeFile(copy, Buffer.concat([await readFile(path.join(MODELS, "two-input-512.onnx")), Buffer.from([0xc0, 0x3e, 9])]));
    const r = await evaluateStep({ "model-path": copy, compare: "leaderboard", "min-rank": "3" });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ rank: "", "rank-of": "2", passed: "false" });
    expect(r.stdout).toMatch(
      new RegExp(`::error::score gate: validators would treat this model as a copy of ${hotkeys.alpha}'s model \\(block \\d+\\)`),
    );
    expect(r.summary).toContain(`❌ Validators would treat this as a copy of ${hotkeys.alpha}'s model (block`);
    expect(r.summary).toContain("**Score gate failed:** validators would treat this model as a copy");
  }, 180_000);

  it("hotkey: alpha's own committed model is ranked as committed, not failed as a copy of itself", async () => {
    const inputs = { "model-path": path.join(MODELS, "two-input-512.onnx"), compare: "leaderboard", "min-rank": "3" };
    const without = await evaluateStep(inputs);
    expect(without.outputs).toMatchObject({ rank: "", passed: "false" });
    const r = await evaluateStep({ ...inputs, hotkey: hotkeys.alpha });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ "rank-of": "2", passed: "true" });
    expect(r.summary).toMatch(new RegExp(`As hotkey ${hotkeys.alpha} \\(uid \\d+\\): this model is the one it committed at block \\d+`));
    expect(r.stdout).toMatch(new RegExp(`As hotkey ${hotkeys.alpha} \\(uid \\d+\\): this model is the one it committed at block \\d+`));
  }, 180_000);

  it("without compare: no forecast, empty rank outputs", async () => {
    const r = await evaluateStep({});
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ rank: "", "rank-of": "" });
    expect(r.summary).not.toContain("Forecast");
    expect(existsSync(r.results.replace(/\.json$/, ".forecast.json"))).toBe(false);
  }, 120_000);

  it.each([
    [{ compare: "leaderboard", shard: "1/2" }, "input compare is leaderboard, which cannot run with input shard"],
    [{ "min-rank": "3" }, "input min-rank needs input compare leaderboard"],
    [{ hotkey: "5Grw" }, "input hotkey in mode evaluate needs input compare leaderboard"],
  ])("refuses %p before any work", async (inputs, message) => {
    const r = await evaluateStep(inputs);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::${message}`);
  });
});

describe("cancer-ai evaluate --compare leaderboard", () => {
  // The CLI keeps committed models in <cache>/cancer-ai/models: a temporary one here, not the home folder's.
  const saved = process.env.XDG_CACHE_HOME;
  beforeAll(async () => {
    process.env.XDG_CACHE_HOME = await tempDir();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });

  it("prints the forecast after the report, writes it beside --results-path and applies --min-rank", async () => {
    const results = path.join(await tempDir(), "out.json");
    const args = [
      "evaluate",
      "--model-path",
      path.join(EXAMPLE_DIR, "model.onnx"),
      "--dataset",
      GOLDEN_DATASET,
      "--hf-endpoint",
      env.hub.url,
      "--network",
      env.chain.url,
      "--threads",
      "2",
      "--compare",
      "leaderboard",
      "--results-path",
      results,
    ];
    const io = captureIo();
    expect(await cli([...args, "--min-rank", "3"], io)).toBe(0);
    const out = io.out.join("");
    expect(out.indexOf("weighted F1")).toBeLessThan(out.indexOf("forecast on subnet 76: Would rank"));
    const doc = JSON.parse(await readFile(path.join(path.dirname(results), "out.forecast.json"), "utf8"));
    expect(doc.candidate.rank_of).toBe(3);
    expect(out).toContain(`forecast on subnet 76: Would rank ${doc.candidate.rank} of 3`);
    if (doc.candidate.rank > 1) {
      const failing = captureIo();
      expect(await cli([...args, "--min-rank", "1"], failing)).toBe(1);
      expect(failing.err.join("\n")).toContain(`the model would rank ${doc.candidate.rank} of 3, worse than min-rank 1`);
    }
  }, 180_000);
});
