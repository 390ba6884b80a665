/**
 * Scale-out through the bundled action, as a workflow matrix runs it: shard
 * jobs upload their predictions as artifacts of the run, a merge job
 * downloads them and reports. The merge must equal one runner's evaluation.
 */
import { cp, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { datasetPackage, startCompetitionHub, type CompetitionHub } from "./helpers/competition-hub.js";
import { EXAMPLE_DIR, GOLDEN_DATASET, GOLDEN_DIR } from "./helpers/golden.js";
import { runAction, type RunnerResult, type RunnerStep } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";
import { startGitHubServer, type GitHubServer } from "./servers/github.js";

let github: GitHubServer;
let hub: CompetitionHub;
let runnerTemp: string;
const HEAD = "c0ffee00".repeat(5);
// Its predictions vary by image, so a merge that put a row in the wrong place would show.
const MODEL = path.join(EXAMPLE_DIR, "model.onnx");
const OTHER_MODEL = path.join(GOLDEN_DIR, "models", "two-input-512.onnx");

beforeAll(async () => {
  [github, hub] = await Promise.all([startGitHubServer({ owner: "miner", repo: "model" }), startCompetitionHub()]);
  // Two packages of 23 varied images: dataset-count 2 merges each package separately.
  await hub.publish("tricorder-3-2026-11-01.zip", "2026-11-01T00:00:00Z", await datasetPackage(GOLDEN_DATASET, "older"));
  await hub.publish("tricorder-3-2026-11-20.zip", "2026-11-20T00:00:00Z", await datasetPackage(GOLDEN_DATASET, "newer"));
  github.addPullRequest(9, HEAD);
  runnerTemp = await tempDir();
}, 60_000);
afterAll(async () => {
  await Promise.all([github?.close(), hub?.server.close()]);
});

const pullRequest = {
  name: "pull_request",
  payload: {
    pull_request: {
      number: 9,
      base: { ref: "main", repo: { full_name: "miner/model" } },
      head: { sha: HEAD, repo: { full_name: "miner/model" } },
    },
    repository: { full_name: "miner/model", default_branch: "main" },
  },
};
const pushToMain = { name: "push", payload: { repository: { full_name: "miner/model", default_branch: "main" } } };

/** One job of workflow run `runId`; jobs of a run share its artifacts. */
function job(
  runId: number,
  inputs: Record<string, string>,
  event: RunnerStep["event"] = pullRequest,
  ref = "refs/pull/9/merge",
): Promise<RunnerResult> {
  return runAction({
    inputs: { "model-path": MODEL, "hf-endpoint": hub.server.url, "github-token": github.writeToken, "dataset-count": "2", ...inputs },
    event,
    env: { ...github.env(runId), GITHUB_REPOSITORY: "miner/model", GITHUB_SHA: HEAD, GITHUB_REF: ref, RUNNER_TEMP: runnerTemp },
  });
}

/** results.json without the one field that is a measurement, not a result. */
async function results(r: RunnerResult): Promise<Record<string, unknown>> {
  const doc = JSON.parse(await readFile(r.outputs["results-path"], "utf8")) as { datasets: { run_time_s?: number }[] };
  for (const d of doc.datasets) delete d.run_time_s;
  return doc;
}

const ourComments = () => [...github.state.comments.values()].filter((c) => c.issueNumber === 9);

describe("a matrix of shards and a merge job", () => {
  const single = 3001;
  const matrix = 3002;
  let one: RunnerResult;
  const shards: RunnerResult[] = [];

  it("one runner on a push to main: the reference, saved as main's baseline", async () => {
    one = await job(single, {}, pushToMain, "refs/heads/main");
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/baseline for main saved/);
  }, 120_000);

  it("each shard job evaluates its rows of both packages and uploads them; no score, comment or gate", async () => {
    for (const index of [1, 2, 3]) shards.push(await job(matrix, { shard: `${index}/3`, "min-score": "0.99" }));
    for (const [i, r] of shards.entries()) {
      expect(r.code).toBe(0);
      expect(r.outputs.score).toBeUndefined();
      expect(r.outputs["shard-path"]).toMatch(new RegExp(`cancer-ai-shard-${i + 1}-of-3\\.json$`));
      expect(r.stdout).toMatch(new RegExp(`on ${i === 2 ? 7 : 8} of 23 images \\(shard ${i + 1}/3\\)`));
      expect(r.summary).toContain(`### CancerAI shard ${i + 1}/3`);
    }
    const artifacts = [...github.state.artifacts.values()].filter((a) => a.runId === matrix).map((a) => a.name);
    expect(artifacts.sort()).toEqual(["cancer-ai-report-shard-1-of-3", "cancer-ai-report-shard-2-of-3", "cancer-ai-report-shard-3-of-3"]);
    expect(ourComments()).toHaveLength(0);
  }, 240_000);

  it("the merge job equals the single runner, field by field, and reports on the pull request", async () => {
    const merged = await job(matrix, { mode: "merge" });
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/downloaded 3 shard artifacts/);
    expect(merged.outputs.score).toBe(one.outputs.score);
    expect(merged.outputs.dataset).toBe(one.outputs.dataset);
    const reference = await results(one);
    expect(await results(merged)).toEqual(reference);
    const predicted = (reference.datasets as { predictions: { predicted: string }[] }[])[0].predictions.map((p) => p.predicted);
    expect(new Set(predicted).size).toBeGreaterThan(1);
    const [comment] = ourComments();
    expect(ourComments()).toHaveLength(1);
    expect(comment.body).toContain(`mean score over 2 packages ${Number(one.outputs.score).toFixed(6)} (= 0 vs main)`);
    expect(merged.summary).toContain("mean score over 2 packages");
  }, 120_000);

  it("the merge gates like evaluate does", async () => {
    const merged = await job(matrix, { mode: "merge", "min-score": "0.99" });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(/::error::score gate: score \d\.\d{6} is below min-score 0\.990000/);
    expect(ourComments()).toHaveLength(1);
  }, 120_000);

  it("merges the shard files from shards-path (e.g. from actions/download-artifact)", async () => {
    const folder = await tempDir();
    for (const r of shards) {
      await mkdir(path.join(folder, path.basename(r.outputs["shard-path"], ".json")));
      await cp(r.outputs["shard-path"], path.join(folder, path.basename(r.outputs["shard-path"], ".json"), "shard.json"));
    }
    const merged = await runAction({
      inputs: { mode: "merge", "shards-path": folder, comment: "false" },
      env: { RUNNER_TEMP: runnerTemp },
    });
    expect(merged.code).toBe(0);
    expect(merged.outputs.score).toBe(one.outputs.score);
  }, 60_000);

  it("a merge missing a shard fails, naming it, and reports nothing", async () => {
    const partial = 3003;
    for (const index of [1, 3]) expect((await job(partial, { shard: `${index}/3`, "dataset-count": "1" })).code).toBe(0);
    const merged = await job(partial, { mode: "merge", "dataset-count": "1" });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(/::error::shard\(s\) 2\/3 missing: all 3 are needed to score the dataset/);
    expect(merged.outputs.score).toBeUndefined();
    expect(ourComments()).toHaveLength(1);
  }, 120_000);

  it("a shard run on another model is refused by the merge", async () => {
    const folder = await tempDir();
    await cp(shards[0].outputs["shard-path"], path.join(folder, "1.json"));
    await cp(shards[1].outputs["shard-path"], path.join(folder, "2.json"));
    const other = await job(3004, { shard: "3/3", "model-path": OTHER_MODEL });
    await cp(other.outputs["shard-path"], path.join(folder, "3.json"));
    const merged = await runAction({ inputs: { mode: "merge", "shards-path": folder }, env: { RUNNER_TEMP: runnerTemp } });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(
      /::error::package tricorder-3-2026-11-\d\d\.zip: shard 3\/3 and shard 1\/3 were not run on the same model sha256/,
    );
  }, 120_000);

  it("without the artifact service, the merge asks for shards-path", async () => {
    const merged = await runAction({ inputs: { mode: "merge" }, env: { RUNNER_TEMP: runnerTemp } });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(
      /::error::mode merge reads the shard artifacts of this workflow run, but the Actions artifact service is not available here: give shards-path/,
    );
  }, 60_000);

  it("a merge job with no shard artifacts in its run says how to wire the matrix", async () => {
    const merged = await job(3005, { mode: "merge" });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(
      /::error::this workflow run has no artifact named cancer-ai-report-shard-\*: the merge job must come after \(needs:\)/,
    );
  }, 60_000);

  it.each([
    [{ shard: "4/3" }, /shard must be "i\/n" with 1 <= i <= n/],
    [{ shard: "1/2", mode: "release", "hf-repo-id": "miner/m" }, /a release evaluates on one runner: remove shard/],
  ])(
    "refuses %p before any work",
    async (inputs, message) => {
      const r = await job(3006, inputs, pushToMain, "refs/heads/main");
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(message);
    },
    60_000,
  );
});
