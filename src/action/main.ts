/**
 * The GitHub Action: wires inputs and the triggering event to the engine
 * and its reporting modules. Modes: `evaluate` (the default; one shard of
 * the rows with `shard`), `merge` (the shards' union), `release`,
 * `self-check`, `leaderboard-check` and `comment-from-artifact` (the second
 * stage of fork-safe PR comments).
 */
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { downloadPendingComment, downloadShardArtifacts, PENDING_COMMENT_FILE, uploadReport, type PendingComment } from "./artifacts.js";
import { comparableScore, restoreBaseline, saveBaseline, toBaseline, type Baseline } from "../report/baseline.js";
import { actionsCache } from "./cache.js";
import { noCache, type CacheStore } from "../util/cache-store.js";
import { commentMarker, isPermissionError, upsertComment, type CommentTarget } from "./comment.js";
import { DEFAULT_COMPETITION, getCompetition, type Competition } from "../competition/competition.js";
import { CancerAiError, InputError } from "../util/errors.js";
import { readEvent, type RunEvent } from "./event.js";
import { applyGate } from "../report/gate.js";
import { parseThreads } from "../engine/pipeline.js";
import { DEFAULT_CONFIG_REPO, DEFAULT_HUB_URL, type HubOptions } from "../hub/hub.js";
import type { Log } from "../util/log.js";
import { predictionsCsv, writeResults } from "../report/files.js";
import { writeWhole } from "../util/files.js";
import { describeError } from "../util/retry.js";
import { dryRun, release, type ReleaseRequest } from "../release/release.js";
import { markdownReport } from "../report/markdown.js";
import { checklistMarkdown, checklistText, leaderboardMarkdown, releaseSummary } from "../release/summary.js";
import { hotkeyFromMnemonic } from "../release/hotkey.js";
import { leaderboard, selfCheck } from "../release/self-check.js";
import { resultsDocument, runEvaluation, runReport } from "../engine/run.js";
import type { RunReport } from "../engine/results.js";
import { formatShard, mergeShardRuns, parseShard, type Shard } from "../engine/shard.js";
import { readShardFiles, shardFileContent, shardFileName } from "../engine/shard-files.js";

export const actionLog: Log = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (title, work) => core.group(title, work),
};

/** The job summary may hold 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024;

function numberInput(name: string): number | undefined {
  const raw = core.getInput(name);
  if (raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new InputError(`input ${name} must be a number, got "${raw}"`);
  return value;
}

/** A boolean input, with its action.yml default when the runner passed none (older runners, local runs). */
function booleanInput(name: string, fallback: boolean): boolean {
  return core.getInput(name) === "" ? fallback : core.getBooleanInput(name);
}

/** The hub endpoint and token every HuggingFace call of a run uses. */
function hubOptions(hfToken: string): HubOptions {
  return { hubUrl: core.getInput("hf-endpoint") || DEFAULT_HUB_URL, accessToken: hfToken || undefined, log: actionLog };
}

function workDir(...parts: string[]): string {
  return path.join(process.env.RUNNER_TEMP || os.tmpdir(), "cancer-ai", ...parts);
}

/** A new, empty folder under the work folder (a self-hosted runner may keep RUNNER_TEMP between jobs). */
async function freshDir(prefix: string): Promise<string> {
  await mkdir(workDir(), { recursive: true });
  return mkdtemp(path.join(workDir(), `${prefix}-`));
}

/** Posts (or updates) the comment; a token that may not write gets a notice, not a failure. */
async function postComment(token: string, target: CommentTarget, marker: string, body: string): Promise<string | undefined> {
  if (!token) {
    core.notice("no github-token: the pull request comment is skipped (the job summary has the report)");
    return undefined;
  }
  try {
    const { url, created } = await upsertComment(getOctokit(token), target, marker, body);
    core.info(`${created ? "posted" : "updated"} the report comment: ${url}`);
    return url;
  } catch (err) {
    if (!isPermissionError(err)) throw err;
    core.notice(`the token may not comment on #${target.issueNumber} (${describeError(err)}): give the job "pull-requests: write", or use the two-stage workflow for forks`);
    return undefined;
  }
}

/** Evaluates (all rows, or one shard of them), then reports and gates; true when the gate passed. */
async function evaluateMode(event: RunEvent, hfToken: string, githubToken: string): Promise<boolean> {
  const competition = getCompetition(core.getInput("competition-id") || DEFAULT_COMPETITION);
  const count = numberInput("dataset-count") ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new InputError(`input dataset-count must be a whole number of at least 1, got ${count}`);
  const shard = core.getInput("shard") ? parseShard(core.getInput("shard")) : undefined;
  const cache = booleanInput("cache", true) ? actionsCache(actionLog) : undefined;
  const report = await runEvaluation({
    modelPath: core.getInput("model-path", { required: true }),
    dataset: core.getInput("dataset") || "latest",
    competition,
    count,
    configRepo: core.getInput("datasets-config-repo") || DEFAULT_CONFIG_REPO,
    hub: hubOptions(hfToken),
    cache: cache ?? noCache,
    downloadDir: workDir("datasets"),
    threads: parseThreads(core.getInput("threads")),
    shard,
  });
  if (shard) {
    await publishShard(report, shard);
    return true;
  }
  return reportAndGate(event, report, competition, cache, githubToken);
}

/** A shard's predictions, for the merge job: a file in the workspace and an artifact of the run. */
async function publishShard(report: RunReport, shard: Shard): Promise<void> {
  const file = shardFileName(shard);
  const content = shardFileContent(report.datasets);
  const shardPath = await writeWhole(file, content);
  await uploadReport(`${artifactName()}-shard-${shard.index}-of-${shard.count}`, { [file]: content }, actionLog);
  const lines = report.datasets.map((d) => `- ${d.dataset_uri ?? d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
  await core.summary.addRaw([`### CancerAI shard ${formatShard(shard)}`, "", ...lines, "", "The score is computed by the merge job (`mode: merge`) from all shards."].join("\n"), true).write();
  core.setOutput("shard-path", shardPath);
  core.setOutput("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
  core.info(`shard ${formatShard(shard)}: predictions in ${shardPath}; mode merge scores the union of all shards`);
}

/** The shards' predictions, from shards-path or this run's artifacts, scored as one runner would; then reported and gated. */
async function mergeMode(event: RunEvent, githubToken: string): Promise<boolean> {
  const competition = getCompetition(core.getInput("competition-id") || DEFAULT_COMPETITION);
  const given = core.getInput("shards-path").split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  const inputs = given.length ? given : await downloadShardArtifacts(artifactName(), await freshDir("shards"), actionLog);
  const docs = await readShardFiles(inputs, actionLog);
  const datasets = mergeShardRuns(docs, competition);
  core.info(`merged ${docs.length} shard documents: ${datasets.map((d) => `${d.dataset} (${d.tested_entries} images)`).join(", ")}`);
  const cache = booleanInput("cache", true) ? actionsCache(actionLog) : undefined;
  return reportAndGate(event, runReport(competition.id, datasets), competition, cache, githubToken);
}

const artifactName = (): string => core.getInput("artifact-name") || "cancer-ai-report";

/** The results file, job summary, PR comment, report artifact, baseline and score gate; true when the gate passed. */
async function reportAndGate(event: RunEvent, report: RunReport, competition: Competition, cache: CacheStore | undefined, githubToken: string): Promise<boolean> {
  const resultsPath = await writeResults(core.getInput("results-path") || "cancer-ai-results.json", resultsDocument(report));

  const pr = event.pullRequest;
  let baseline: Baseline | undefined;
  if (pr && cache) baseline = await restoreBaseline(cache, workDir("baseline"), competition.id, pr.baseRef, actionLog);
  const gate = applyGate(report.score, comparableScore(baseline, report), { minScore: numberInput("min-score"), maxScoreDrop: numberInput("max-score-drop") });
  const verdict = gate.passed ? "" : `**Score gate failed:** ${gate.reasons.join("; ")}.`;
  const marker = commentMarker(competition.id);
  const body = markdownReport(report, competition, { baseline, marker, footer: verdict });
  await core.summary.addRaw(markdownReport(report, competition, { baseline, footer: verdict, limit: SUMMARY_LIMIT }), true).write();

  let commentUrl: string | undefined;
  const files: Record<string, string> = { "results.json": `${JSON.stringify(resultsDocument(report), null, 2)}\n` };
  for (const d of report.datasets) files[report.datasets.length === 1 ? "predictions.csv" : `predictions-${d.dataset}.csv`] = predictionsCsv(d, competition);
  if (pr) {
    const pending: PendingComment = { issueNumber: pr.number, headSha: pr.headSha, marker, body };
    files[PENDING_COMMENT_FILE] = JSON.stringify(pending);
    if (!booleanInput("comment", true)) core.info("comment: false, so no pull request comment");
    else if (pr.fromFork) core.notice("pull request from a fork: its token cannot comment, so the comment is in the report artifact for a workflow_run job (mode: comment-from-artifact)");
    else commentUrl = await postComment(githubToken, { owner: event.owner, repo: event.repo, issueNumber: pr.number }, marker, body);
  }
  await uploadReport(artifactName(), files, actionLog);
  if (event.defaultBranchPush && cache) await saveBaseline(cache, workDir("baseline"), competition.id, toBaseline(report, event.defaultBranchPush.branch, event.sha), actionLog);

  const first = report.datasets[0];
  core.setOutput("score", report.score);
  core.setOutput("accuracy", first.accuracy);
  core.setOutput("weighted-f1", first.weighted_f1);
  core.setOutput("efficiency", first.efficiency_score);
  core.setOutput("passed", gate.passed);
  core.setOutput("results-path", resultsPath);
  core.setOutput("comment-url", commentUrl ?? "");
  core.setOutput("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
  core.info(`score ${report.score} (accuracy ${first.accuracy}, weighted F1 ${first.weighted_f1}, efficiency ${first.efficiency_score}); results in ${resultsPath}`);
  if (!gate.passed) core.setFailed(`score gate: ${gate.reasons.join("; ")}`);
  return gate.passed;
}

/** Uploads to HuggingFace, commits on chain, records the extrinsic; or, with dry-run, only checks and prints. */
async function releaseMode(hfToken: string, mnemonic: string): Promise<void> {
  const repoId = core.getInput("hf-repo-id");
  if (!repoId) throw new InputError("releasing needs hf-repo-id (the public HuggingFace model repository, owner/name)");
  const request: ReleaseRequest = {
    modelPath: core.getInput("model-path", { required: true }),
    repoId,
    modelName: core.getInput("hf-model-name") || undefined,
    codeDir: core.getInput("code-directory") || undefined,
    competition: getCompetition(core.getInput("competition-id") || DEFAULT_COMPETITION),
    hub: hubOptions(hfToken),
    network: core.getInput("network") || "finney",
    netuid: numberInput("netuid") ?? 76,
    mnemonic,
    submit: booleanInput("submit", true),
    workDir: workDir("release"),
  };
  if (request.submit && !mnemonic) throw new InputError("releasing with submit: true needs hotkey-mnemonic (from a secret)");
  await mkdir(request.workDir, { recursive: true });
  if (booleanInput("dry-run", false)) {
    const plan = await dryRun(request);
    core.info(`dry run: would commit ${plan.commitment} as ${plan.hotkey}; call data ${plan.call_data}`);
    core.setOutput("model-hash", plan.model_hash);
    core.setOutput("commitment", plan.commitment);
    core.setOutput("hotkey", plan.hotkey);
    return;
  }
  const result = await core.group(`Release to ${repoId}${request.submit ? ` and subnet ${request.netuid} on ${request.network}` : ""}`, () => release(request));
  core.setOutput("model-hash", result.modelHash);
  core.setOutput("commitment", result.commitment);
  core.setOutput("extrinsic", result.extrinsic ?? "");
  core.setOutput("hotkey", result.hotkey);
  core.setOutput("hf-url", result.hfUrl);
  await core.summary.addRaw(releaseSummary(result), true).write();
}

/** What a validator would do to the committed model; fails the step if it would be rejected. */
async function selfCheckMode(hfToken: string, mnemonic: string): Promise<void> {
  const hotkey = core.getInput("hotkey") || (mnemonic ? (await hotkeyFromMnemonic(mnemonic)).address : "");
  if (!hotkey) throw new InputError("mode self-check needs hotkey (SS58 address) or hotkey-mnemonic");
  const competition = getCompetition(core.getInput("competition-id") || DEFAULT_COMPETITION);
  const hub = hubOptions(hfToken);
  const modelDir = workDir("self-check");
  await mkdir(modelDir, { recursive: true });
  const result = await core.group(`Self-check of ${hotkey}`, () =>
    selfCheck({
      hotkey,
      network: core.getInput("network") || "finney",
      netuid: numberInput("netuid") ?? 76,
      competition,
      hub,
      configRepo: core.getInput("datasets-config-repo") || DEFAULT_CONFIG_REPO,
      evaluate: booleanInput("evaluate", true)
        ? { dataset: core.getInput("dataset") || "latest", count: numberInput("dataset-count") ?? 1, cache: actionsCache(actionLog), downloadDir: workDir("datasets"), modelDir }
        : undefined,
    }),
  );
  core.info(checklistText(result));
  const resultsPath = await writeResults(core.getInput("results-path") || "cancer-ai-results.json", result);
  await core.summary.addRaw(checklistMarkdown(result), true).write();
  core.setOutput("passed", result.passed);
  core.setOutput("results-path", resultsPath);
  core.setOutput("hotkey", hotkey);
  if (result.evaluation) core.setOutput("score", result.evaluation.score);
  if (!result.passed) core.setFailed(`self-check: ${result.checks.filter((c) => c.status === "fail").map((c) => `${c.name}: ${c.detail}`).join("; ")}`);
}

/** Every commitment of the competition on the subnet, read-only, in the job summary. */
async function leaderboardMode(hfToken: string): Promise<void> {
  const competition = getCompetition(core.getInput("competition-id") || DEFAULT_COMPETITION);
  const netuid = numberInput("netuid") ?? 76;
  const hub = hubOptions(hfToken);
  const rows = await leaderboard(core.getInput("network") || "finney", netuid, competition, hub);
  await core.summary.addRaw(leaderboardMarkdown(rows, competition, netuid), true).write();
  core.info(`${rows.length} commitments for ${competition.id} on subnet ${netuid}`);
}

/** The second stage for forks: runs on workflow_run with a write token and posts the first stage's comment. */
async function commentFromArtifactMode(event: RunEvent, githubToken: string): Promise<void> {
  if (!event.workflowRun) throw new InputError("mode comment-from-artifact runs on a workflow_run event (see the README's two-stage workflow)");
  if (!githubToken) throw new InputError("mode comment-from-artifact needs github-token with actions: read and pull-requests: write");
  const name = artifactName();
  const pending = await downloadPendingComment(name, { token: githubToken, runId: event.workflowRun.id, owner: event.owner, repo: event.repo });
  // The artifact comes from untrusted fork code: only post to the PR whose head is the commit that run built.
  const { data: pull } = await getOctokit(githubToken).rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: pending.issueNumber });
  if (pull.head.sha !== event.workflowRun.headSha || pending.headSha !== event.workflowRun.headSha) {
    throw new CancerAiError(`artifact "${name}" names pull request #${pending.issueNumber}, whose head is not the commit run ${event.workflowRun.id} built: not posting`);
  }
  if (!pending.marker.startsWith("<!-- cancer-ai-action:") || !pending.body.startsWith(pending.marker)) {
    throw new CancerAiError(`artifact "${name}" holds a comment this action did not write: not posting`);
  }
  const url = await postComment(githubToken, { owner: event.owner, repo: event.repo, issueNumber: pending.issueNumber }, pending.marker, pending.body);
  core.setOutput("comment-url", url ?? "");
}

export async function runAction(): Promise<void> {
  // Secrets are masked before anything can print them.
  const hfToken = core.getInput("hf-token");
  if (hfToken) core.setSecret(hfToken);
  const githubToken = core.getInput("github-token");
  if (githubToken) core.setSecret(githubToken);
  const mnemonic = core.getInput("hotkey-mnemonic");
  if (mnemonic) {
    core.setSecret(mnemonic);
    core.setSecret(mnemonic.trim().split(/\s+/).join(" "));
  }
  try {
    const event = readEvent();
    const mode = core.getInput("mode") || "evaluate";
    if (mode === "comment-from-artifact") await commentFromArtifactMode(event, githubToken);
    else if (mode === "self-check") await selfCheckMode(hfToken, mnemonic);
    else if (mode === "leaderboard-check") await leaderboardMode(hfToken);
    else if (mode === "merge") await mergeMode(event, githubToken);
    else if (mode === "evaluate" || mode === "release") {
      // A tag push with a repository to publish to is a release; a pull request never is.
      const releasing = mode === "release" || (event.tagPush !== undefined && core.getInput("hf-repo-id") !== "");
      if (releasing && event.pullRequest) throw new InputError("releases never run on pull requests: run mode release on a tag push");
      if (releasing && core.getInput("shard")) throw new InputError("a release evaluates on one runner: remove shard from the release step");
      const passed = await evaluateMode(event, hfToken, githubToken);
      if (releasing && !passed) core.error("not releasing: the score gate failed");
      else if (releasing) await releaseMode(hfToken, mnemonic);
    } else throw new InputError(`unknown mode "${mode}": use evaluate, merge, release, self-check, leaderboard-check or comment-from-artifact`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    core.setFailed(err instanceof CancerAiError || (err instanceof Error && /^Input required/.test(message)) ? message : `unexpected failure: ${message}`);
  }
}
