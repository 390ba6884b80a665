/**
 * The bundled action on pull requests and pushes, against the real clients'
 * protocols on loopback: the local hub (datasets), and the local GitHub API,
 * cache and artifact services (with Azurite for blobs).
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startCompetitionHub, type CompetitionHub } from "./helpers/competition-hub.js";
import { EXAMPLE_DIR, GOLDEN_DIR } from "./helpers/golden.js";
import { runAction, type RunnerResult } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";
import { startGitHubServer, type GitHubServer } from "./servers/github.js";

let github: GitHubServer;
let hub: CompetitionHub;
let runnerTemp: string;
const HEAD = "feedface".repeat(5);

beforeAll(async () => {
  [github, hub] = await Promise.all([startGitHubServer({ owner: "miner", repo: "model" }), startCompetitionHub()]);
  await hub.publish("tricorder-3-2026-11-01.zip", "2026-11-01T00:00:00Z");
  await hub.publish("tricorder-3-2026-11-20.zip", "2026-11-20T00:00:00Z");
  github.addPullRequest(7, HEAD);
  runnerTemp = await tempDir();
}, 60_000);
afterAll(async () => {
  await Promise.all([github?.close(), hub?.server.close()]);
});

const pullRequest = (headRepo = "miner/model") => ({
  name: "pull_request",
  payload: {
    pull_request: {
      number: 7,
      base: { ref: "main", repo: { full_name: "miner/model" } },
      head: { sha: HEAD, repo: { full_name: headRepo } },
    },
    repository: { full_name: "miner/model", default_branch: "main" },
  },
});
const pushToMain = { name: "push", payload: { repository: { full_name: "miner/model", default_branch: "main" } } };

/** A fresh runner each time: only what the cache services kept survives between runs. */
async function step(
  inputs: Record<string, string>,
  event: { name: string; payload: Record<string, unknown> },
  runId = github.runId,
  ref = "refs/pull/7/merge",
  sha = HEAD,
): Promise<RunnerResult> {
  await rm(path.join(runnerTemp, "cancer-ai"), { recursive: true, force: true });
  return runAction({
    inputs: {
      "model-path": path.join(EXAMPLE_DIR, "model.onnx"),
      "hf-endpoint": hub.server.url,
      "github-token": github.writeToken,
      ...inputs,
    },
    event,
    env: {
      ...github.env(runId),
      GITHUB_REPOSITORY: "miner/model",
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_API_URL: github.apiUrl,
      RUNNER_TEMP: runnerTemp,
    },
  });
}

const ourComments = () => [...github.state.comments.values()].filter((c) => c.body.includes("<!-- cancer-ai-action:tricorder-3 -->"));

describe("the action on pushes and pull requests", () => {
  it("a push to main evaluates the newest package from the hub, caches it and saves the baseline", async () => {
    const r = await step({}, pushToMain, github.runId, "refs/heads/main");
    expect(r.code).toBe(0);
    expect(r.outputs.dataset).toBe("hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-11-20.zip");
    expect(r.stdout).toMatch(/cache miss \(cancer-ai-dataset-[0-9a-f]{64}\)/);
    expect(r.stdout).toMatch(/saved to the cache as cancer-ai-dataset-/);
    expect(r.stdout).toMatch(/baseline for main saved as cancer-ai-baseline:tricorder-3::main:feedface/);
    expect(r.summary).toContain("released 2026-11-20T00:00:00.000Z");
    expect(ourComments()).toHaveLength(0);
  });

  it("a pull request hits the cache, compares with main and posts one comment", async () => {
    const r = await step({}, pullRequest());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cache hit \(cancer-ai-dataset-[0-9a-f]{64}, \d+ bytes\)/);
    expect(r.stdout).toMatch(/baseline: main at feedfac/);
    const [comment] = ourComments();
    expect(ourComments()).toHaveLength(1);
    expect(comment.issueNumber).toBe(7);
    expect(comment.body.split("\n")[1]).toBe("### ✅ CancerAI tricorder-3: score 0.625000 (= 0 vs main) — gate passed");
    expect(r.summary.split("\n")[0]).toBe("### ✅ CancerAI tricorder-3: score 0.625000 (= 0 vs main) — gate passed");
    expect(r.outputs["comment-url"]).toContain(`#issuecomment-${comment.id}`);
    expect(r.outputs).toMatchObject({ passed: "true", "base-score": r.outputs.score, "score-delta": "0.000000" });
  }, 60_000);

  it("a second run updates the same comment; a failed gate still reports first", async () => {
    const before = ourComments()[0];
    const r = await step({ "min-score": "0.9" }, pullRequest());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::score gate: score 0\.625000 is below min-score 0\.900000/);
    expect(r.outputs.passed).toBe("false");
    expect(ourComments()).toHaveLength(1);
    expect(ourComments()[0].id).toBe(before.id);
    expect(ourComments()[0].body).toContain("**Score gate failed:** score 0.625000 is below min-score 0.900000.");
    expect(r.summary).toContain("Score gate failed");
    expect(r.summary.split("\n")[0]).toBe(
      "### ❌ CancerAI tricorder-3: score 0.625000 (= 0 vs main) — gate failed: score 0.625000 is below min-score 0.900000",
    );
    expect(r.stdout).toMatch(/cache hit/);
  }, 60_000);

  it("a report-id keeps a second model's comment and baseline apart", async () => {
    const keyed = () =>
      [...github.state.comments.values()].filter((c) => c.body.startsWith("<!-- cancer-ai-action:tricorder-3:second -->"));
    const before = ourComments().map((c) => c.updatedAt);
    const r = await step({ "report-id": "second" }, pullRequest());
    expect(r.code).toBe(0);
    expect(keyed()).toHaveLength(1);
    expect(ourComments().map((c) => c.updatedAt)).toEqual(before);
    expect(r.stdout).toMatch(/no baseline for main yet/);
    expect(r.outputs).toMatchObject({ "base-score": "", "score-delta": "" });
    expect(keyed()[0].body.split("\n")[1]).toBe(
      "### ✅ CancerAI tricorder-3 (second): score 0.625000 (no baseline on main yet) — gate passed",
    );
    const push = await step({ "report-id": "second" }, pushToMain, github.runId, "refs/heads/main");
    expect(push.stdout).toMatch(/baseline for main saved as cancer-ai-baseline:tricorder-3:second:main:feedface/);
    const again = await step({ "report-id": "second" }, pullRequest());
    expect(again.outputs).toMatchObject({ "base-score": again.outputs.score, "score-delta": "0.000000" });
    expect(keyed()).toHaveLength(1);
  }, 120_000);

  it("pushes keep main's history, and a pull request draws it with its own score last", async () => {
    const id = { "report-id": "history" };
    const shas = ["a1".repeat(20), "b2".repeat(20), "c3".repeat(20)];
    for (const sha of shas) expect((await step(id, pushToMain, github.runId, "refs/heads/main", sha)).code).toBe(0);
    const rerun = await step({ ...id, history: "2" }, pushToMain, github.runId, "refs/heads/main", shas[2]);
    // The last push's chart: its own commit last, a re-run not counted twice, at most `history` points.
    expect(rerun.summary).toContain('x-axis ["b2b2b2b", "c3c3c3c"]');
    const pr = await step({ ...id, history: "2" }, pullRequest());
    expect(pr.code).toBe(0);
    const comment = [...github.state.comments.values()].find((c) => c.body.startsWith("<!-- cancer-ai-action:tricorder-3:history -->"));
    for (const body of [comment?.body ?? "", pr.summary]) {
      expect(body).toContain("**Score over commits** on main, then #7 (latest c3c3c3c: 0.625000):");
      expect(body).toContain('  title "Score on main, last 2 commits"');
      expect(body).toContain('  x-axis ["b2b2b2b", "c3c3c3c", "#7"]');
      expect(body).toContain("  line [0.625000, 0.625000, 0.625000]");
    }
    const off = await step({ ...id, history: "0" }, pullRequest());
    expect(off.summary).not.toContain("Score over commits");
  }, 240_000);

  it("a bad input fails the step and says so in the job summary", async () => {
    const r = await step({ "report-id": "two words", "hf-token": "hf_secret_value" }, pullRequest());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::input report-id must be 1 to 64 letters/);
    expect(r.summary).toMatch(/^### ❌ cancer-ai-action failed: input report-id must be 1 to 64 letters/);
    expect(r.summary).toContain("Fix the input");
    expect(r.summary).not.toContain("hf_secret_value");
  }, 60_000);

  it("keeps the HF token out of everything it prints", async () => {
    const r = await step({ "hf-token": "hf_write", comment: "false" }, pullRequest());
    expect(r.code).toBe(0);
    expect(r.stdout.replace("::add-mask::hf_write", "")).not.toContain("hf_write");
    expect(r.summary).not.toContain("hf_write");
  }, 60_000);

  it("a token that may not comment gets a notice, and the run still reports", async () => {
    const before = ourComments()[0];
    const r = await step({ "github-token": github.readToken }, pullRequest());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::notice::the token may not comment on #7 .*pull-requests: write/);
    expect(r.summary).toContain("CancerAI tricorder-3: score");
    expect(ourComments()[0].updatedAt).toBe(before.updatedAt);
  }, 60_000);

  it("evaluates several packages separately and reports their mean", async () => {
    const r = await step({ "dataset-count": "2", comment: "false" }, pullRequest());
    expect(r.code).toBe(0);
    expect(r.outputs.dataset.split(",")).toHaveLength(2);
    const doc = JSON.parse(await readFile(r.outputs["results-path"], "utf8"));
    expect(doc.datasets.map((d: { dataset: string }) => d.dataset)).toEqual(["tricorder-3-2026-11-20.zip", "tricorder-3-2026-11-01.zip"]);
    expect(doc.score).toBe(Number(r.outputs.score));
    expect(r.summary).toContain("mean score over 2 packages");
  }, 60_000);

  it("without the cache and artifact services (a local run) warns once each and goes on", async () => {
    await rm(path.join(runnerTemp, "cancer-ai"), { recursive: true, force: true });
    const r = await runAction({
      inputs: { "model-path": path.join(EXAMPLE_DIR, "model.onnx"), "hf-endpoint": hub.server.url, comment: "false" },
      event: pullRequest(),
      env: { GITHUB_REPOSITORY: "miner/model", RUNNER_TEMP: runnerTemp },
    });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/::warning::the Actions cache service is not available/g)).toHaveLength(1);
    expect(r.stdout.match(/::warning::the Actions artifact service is not available/g)).toHaveLength(1);
    expect(r.outputs.score).toBe("0.62500015");
  }, 60_000);

  it("a model validators give 0 fails the gate, and the comment says why first", async () => {
    const model = path.join(GOLDEN_DIR, "models", "external-data.onnx");
    const r = await step({ "model-path": model, dataset: path.join(EXAMPLE_DIR, "dataset") }, pullRequest());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::score gate: dataset: validators would score 0: .*external-data\.onnx\.data/);
    expect(r.outputs).toMatchObject({ passed: "false", score: "0" });
    const body = ourComments()[0].body;
    expect(body.indexOf("❌ dataset: validators would score 0")).toBeGreaterThan(0);
    expect(body.indexOf("❌")).toBeLessThan(body.indexOf("#### dataset"));
    expect(JSON.parse(await readFile(r.outputs["results-path"], "utf8")).verdict).toMatchObject({ fault: "model", code: "external-data" });
  }, 60_000);

  it("a package every model fails on is reported for everyone and kept out of the gate", async () => {
    const broken = path.join(await tempDir(), "broken-pkg");
    await cp(path.join(EXAMPLE_DIR, "dataset"), broken, { recursive: true });
    await writeFile(path.join(broken, "images", "dermoscopy-256.jpg"), "not an image");
    const r = await step({ dataset: broken, "min-score": "0.9", comment: "false" }, pullRequest());
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ passed: "true", score: "" });
    expect(r.summary).toContain("no score: validators would fail every package for every model");
    expect(r.summary).toMatch(
      /⚠️ broken-pkg: validators would fail this package for every model: cannot read image images\/dermoscopy-256\.jpg/,
    );
  }, 60_000);

  it("names the known competitions when the competition has no datasets", async () => {
    const r = await step({ "competition-id": "tricorder-3", "datasets-config-repo": "nobody/none" }, pullRequest());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::listing space nobody\/none .* private: pass an hf-token/);
  }, 60_000);
});

describe("pull requests from forks (two stages)", () => {
  const forkRun = 2002;
  const commentRun = 2003;
  /** The results.json stage 1 wrote: what a fork's artifact honestly holds. */
  let stage1Results = "";

  it("stage 1: the fork's read-only token does not comment; the comment goes into the artifact", async () => {
    const before = ourComments().length;
    const r = await runAction({
      inputs: { "model-path": path.join(EXAMPLE_DIR, "model.onnx"), "hf-endpoint": hub.server.url, "github-token": github.readToken },
      event: pullRequest("someone/model"),
      env: {
        ...github.env(forkRun),
        GITHUB_REPOSITORY: "miner/model",
        GITHUB_SHA: HEAD,
        GITHUB_API_URL: github.apiUrl,
        RUNNER_TEMP: runnerTemp,
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::notice::pull request from a fork/);
    expect(ourComments()).toHaveLength(before);
    const artifact = [...github.state.artifacts.values()].find((a) => a.runId === forkRun);
    expect(artifact?.name).toBe("cancer-ai-report");
    stage1Results = await readFile(r.outputs["results-path"], "utf8");
  }, 60_000);

  it("stage 2: comment-from-artifact posts it to the PR whose head that run built", async () => {
    const commentsBefore = ourComments();
    const r = await runAction({
      inputs: { mode: "comment-from-artifact", "github-token": github.writeToken },
      event: { name: "workflow_run", payload: { workflow_run: { id: forkRun, head_sha: HEAD, event: "pull_request" } } },
      env: { ...github.env(commentRun), GITHUB_REPOSITORY: "miner/model", GITHUB_API_URL: github.apiUrl, RUNNER_TEMP: runnerTemp },
    });
    expect(r.code).toBe(0);
    expect(ourComments()).toHaveLength(commentsBefore.length);
    expect(r.outputs["comment-url"]).toContain(`#issuecomment-${commentsBefore[0].id}`);
    // Rebuilt with what stage 1's own report has: the delta's interval and main's history.
    const body = ourComments()[0].body;
    expect(body).toContain("95% intervals of the deltas: paired bootstrap over the 2 images both runs scored");
    expect(body).toContain('  x-axis ["feedfac", "#7"]');
  }, 60_000);

  /** What a fork's job can upload: any files at all, under the name stage 2 reads. */
  async function forgeArtifact(runId: number, files: Record<string, string>): Promise<void> {
    const dir = await tempDir();
    for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
    const saved = { ...process.env };
    Object.assign(process.env, github.env(runId));
    try {
      const { DefaultArtifactClient } = await import("@actions/artifact");
      await new DefaultArtifactClient().uploadArtifact(
        "cancer-ai-report",
        Object.keys(files).map((f) => path.join(dir, f)),
        dir,
      );
    } finally {
      process.env = saved;
    }
  }
  const stage2 = (runId: number) =>
    runAction({
      inputs: { mode: "comment-from-artifact", "github-token": github.writeToken },
      event: { name: "workflow_run", payload: { workflow_run: { id: runId, head_sha: HEAD, event: "pull_request" } } },
      env: { ...github.env(commentRun), GITHUB_REPOSITORY: "miner/model", GITHUB_API_URL: github.apiUrl, RUNNER_TEMP: runnerTemp },
    });
  const marker = "<!-- cancer-ai-action:tricorder-3 -->";
  const forgedBody = `${marker}\n### CancerAI tricorder-3: score 0.999999 ✓ passed ![x](https://evil.example/p.png) @octocat`;
  const pending = JSON.stringify({ issueNumber: 7, headSha: HEAD, marker, body: forgedBody });

  it("stage 2 rebuilds the comment from results.json and never posts what the fork wrote", async () => {
    const results = stage1Results;
    const quoting = github.addComment(7, `${marker} a reviewer quoting the bot`);
    await forgeArtifact(2004, { "comment.json": pending, "results.json": results });
    const r = await stage2(2004);
    expect(r.code).toBe(0);
    const body = ourComments().find((c) => c.user.type === "Bot")?.body ?? "";
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain("score 0.625000");
    for (const forged of ["0.999999", "evil.example", "@octocat", "✓ passed"]) expect(body).not.toContain(forged);
    expect(github.state.comments.get(quoting.id)?.body).toBe(`${marker} a reviewer quoting the bot`);
  }, 60_000);

  it.each<[string, Record<string, string>, RegExp]>([
    ["a score the metrics cannot have", { score: "5" }, /results\.json in artifact "cancer-ai-report": score must be a number from 0 to 1/],
    ["a package name past the bound", { dataset: "x".repeat(300) }, /dataset must be a string of at most 256 characters/],
  ])(
    "stage 2 reports %s as a malformed artifact",
    async (_, change, message) => {
      const results = JSON.parse(stage1Results);
      for (const [field, value] of Object.entries(change)) results[field] = field === "score" ? Number(value) : value;
      const runId = 2005 + Object.keys(change)[0].length;
      await forgeArtifact(runId, { "comment.json": pending, "results.json": JSON.stringify(results) });
      const r = await stage2(runId);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(message);
      expect(r.stdout).not.toMatch(/unexpected failure/);
    },
    60_000,
  );

  it("stage 2 keeps a report of 30 long-named packages under GitHub's comment limit", async () => {
    const one = JSON.parse(stage1Results);
    const datasets = Array.from({ length: 30 }, (_, i) => ({ ...one, dataset: `${"p".repeat(240)}-${i}.zip` }));
    await forgeArtifact(2031, {
      "comment.json": pending,
      "results.json": JSON.stringify({ competition_id: "tricorder-3", score: 0, datasets }),
    });
    const r = await stage2(2031);
    expect(r.code).toBe(0);
    const body = ourComments().find((c) => c.user.type === "Bot")?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toContain("mean score over 30 packages");
  }, 60_000);

  it("stage 2 posts only under its own report-id, whatever the artifact says", async () => {
    const results = stage1Results;
    await forgeArtifact(2040, {
      "comment.json": JSON.stringify({ issueNumber: 7, headSha: HEAD, reportId: "other" }),
      "results.json": results,
    });
    const r = await stage2(2040);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::artifact "cancer-ai-report" was made with report-id other, but this step has no report-id/);
    expect(r.summary).toMatch(/^### ❌ cancer-ai-action failed: artifact "cancer-ai-report" was made with report-id other/);
    await forgeArtifact(2041, {
      "comment.json": JSON.stringify({ issueNumber: 7, headSha: HEAD, reportId: "--> @octocat" }),
      "results.json": results,
    });
    expect((await stage2(2041)).stdout).toMatch(/comment\.json in artifact "cancer-ai-report" of run 2041 is malformed/);
  }, 60_000);

  it("stage 2 refuses an artifact whose PR head is another commit", async () => {
    const r = await runAction({
      inputs: { mode: "comment-from-artifact", "github-token": github.writeToken },
      event: { name: "workflow_run", payload: { workflow_run: { id: forkRun, head_sha: "0".repeat(40), event: "pull_request" } } },
      env: { ...github.env(commentRun), GITHUB_REPOSITORY: "miner/model", GITHUB_API_URL: github.apiUrl, RUNNER_TEMP: runnerTemp },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /::error::artifact "cancer-ai-report" names pull request #7, whose head is not the commit run 2002 built: not posting/,
    );
  }, 60_000);
});
