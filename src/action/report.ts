/**
 * After an evaluation or a merge: the results file, job summary, pull
 * request comment, report artifact, baseline and score gate; with a
 * forecast (compare: leaderboard), its report, forecast.json and min-rank.
 */
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import type { Competition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import type { RunReport } from "../engine/results.js";
import { resultsDocument } from "../engine/run.js";
import type { ForecastDocument } from "../engine/forecast-document.js";
import { baselineHistory, restoreBaseline, saveBaseline, toBaseline, withHistory, type Baseline } from "../report/baseline.js";
import { predictionsCsv } from "../report/predictions.js";
import { writeJson } from "../util/files.js";
import { intervalText } from "../report/bootstrap.js";
import { compareWithBase, type Comparison } from "../report/comparison.js";
import { forecastHeadline, forecastMarkdown, forecastPath, forecastText } from "../report/forecast.js";
import { COMMENT_LIMIT, markdownReport, scoreLine, type MarkdownOptions } from "../report/markdown.js";
import type { CacheStore } from "../util/cache-store.js";
import { describeError } from "../util/retry.js";
import { PENDING_COMMENT_FILE, uploadReport, type PendingComment } from "./artifacts.js";
import { actionsCache } from "./cache.js";
import { commentMarker, isPermissionError, upsertComment, type CommentTarget } from "./comment.js";
import { actionLog, SUMMARY_LIMIT, workDir } from "./context.js";
import type { RunEvent } from "./event.js";

/** The Actions cache when the cache input allows it. */
export const cacheFor = (config: RunConfig): CacheStore | undefined => (config.cache ? actionsCache(actionLog) : undefined);

/** Posts (or updates) the comment; a token that may not write gets a notice, not a failure. */
export async function postComment(
  token: string | undefined,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<string | undefined> {
  if (!token) {
    core.notice("no github-token: the pull request comment is skipped (the job summary has the report)");
    return undefined;
  }
  try {
    const { url, created } = await upsertComment(getOctokit(token), target, marker, body);
    actionLog.info(`${created ? "posted" : "updated"} the report comment: ${url}`);
    return url;
  } catch (err) {
    if (!isPermissionError(err)) throw err;
    core.notice(
      `the token may not comment on #${target.issueNumber} (${describeError(err)}): give the job "pull-requests: write", ` +
        `or use the two-stage workflow for forks`,
    );
    return undefined;
  }
}

interface BodyOptions extends Pick<MarkdownOptions, "baseline" | "baseBranch" | "gate" | "reportId" | "marker" | "intervals" | "history"> {
  /** The gate's verdict: last, after the forecast. */
  readonly footer: string;
  readonly limit: number;
}

/** The score report, then the forecast (at most half the room), then the gate's verdict: within limit. */
export function reportBody(
  report: RunReport,
  competition: Competition,
  forecast: ForecastDocument | undefined,
  options: BodyOptions,
): string {
  if (!forecast) return markdownReport(report, competition, options);
  const part = forecastMarkdown(forecast, competition, { limit: Math.floor(options.limit / 2) });
  const footer = options.footer ? `\n\n${options.footer}` : "";
  const score = markdownReport(report, competition, {
    ...options,
    footer: undefined,
    limit: options.limit - part.length - footer.length - 2,
  });
  return `${score}\n\n${part}${footer}`;
}

/** The run against the base branch's baseline, under the configured gate; the delta's interval goes to the log. */
export function compareForRun(
  config: RunConfig,
  report: RunReport,
  competition: Competition,
  baseline: Baseline | undefined,
  forecast?: ForecastDocument,
): Comparison {
  const rule = {
    minScore: config.minScore,
    maxScoreDrop: config.maxScoreDrop,
    significantDropsOnly: config.significantDropsOnly,
    minRank: config.minRank,
  };
  const compared = compareWithBase(rule, report, competition, baseline, forecast);
  const { overall } = compared.intervals;
  if (overall) actionLog.info(`score delta against ${baseline?.branch}: ${intervalText(overall)}`);
  return compared;
}

/** score − base, 6 decimals; empty without either. */
export const scoreDelta = (score: number | null, base: number | undefined): string =>
  score === null || base === undefined ? "" : (score - base).toFixed(6);

/** Reports the run everywhere it belongs and applies the score gate; true when the gate passed. */
export async function reportAndGate(
  config: RunConfig,
  event: RunEvent,
  report: RunReport,
  competition: Competition,
  cache: CacheStore | undefined,
  forecast?: ForecastDocument,
): Promise<boolean> {
  const resultsPath = await writeJson(config.resultsPath, resultsDocument(report));
  if (forecast) {
    actionLog.info(forecastText(forecast));
    actionLog.info(`forecast written to ${await writeJson(forecastPath(config.resultsPath), forecast)}`);
  }

  const pr = event.pullRequest;
  const push = event.defaultBranchPush;
  const { reportId } = config;
  const baselineDir = workDir("baseline");
  let baseline: Baseline | undefined;
  if (pr && cache) baseline = await restoreBaseline(cache, baselineDir, competition.id, pr.baseRef, actionLog, reportId);
  // A push's baseline carries the branch's history on: the previous push's points and its own.
  let saving: Baseline | undefined;
  if (push && cache && report.score !== null) {
    const previous =
      config.history > 0 ? await restoreBaseline(cache, baselineDir, competition.id, push.branch, actionLog, reportId) : undefined;
    saving = withHistory(toBaseline({ ...report, score: report.score }, push.branch, event.sha), previous, config.history);
  }
  const history = saving
    ? baselineHistory(saving, config.history)
    : baselineHistory(baseline, config.history, pr && { number: pr.number, score: report.score });
  const { baseScore, ...compared } = compareForRun(config, report, competition, baseline, forecast);
  const { gate } = compared;
  const marker = commentMarker(competition.id, reportId);
  const shared = { ...compared, baseline, baseBranch: pr && cache ? pr.baseRef : undefined, reportId, history };
  const body = reportBody(report, competition, forecast, { ...shared, marker, limit: COMMENT_LIMIT });
  await core.summary.addRaw(reportBody(report, competition, forecast, { ...shared, limit: SUMMARY_LIMIT }), true).write();

  let commentUrl: string | undefined;
  const files: Record<string, string> = { "results.json": `${JSON.stringify(resultsDocument(report), null, 2)}\n` };
  for (const d of report.datasets)
    files[report.datasets.length === 1 ? "predictions.csv" : `predictions-${d.dataset}.csv`] = predictionsCsv(d, competition);
  if (forecast) files["forecast.json"] = `${JSON.stringify(forecast, null, 2)}\n`;
  if (pr) {
    const pending: PendingComment = { issueNumber: pr.number, headSha: pr.headSha, ...(reportId ? { reportId } : {}) };
    files[PENDING_COMMENT_FILE] = JSON.stringify(pending);
    if (!config.comment) actionLog.info("comment: false, so no pull request comment");
    else if (pr.fromFork) {
      core.notice(
        "pull request from a fork: its token cannot comment, so the comment is in the report artifact for a workflow_run " +
          "job (mode: comment-from-artifact)",
      );
    } else
      commentUrl = await postComment(config.githubToken, { owner: event.owner, repo: event.repo, issueNumber: pr.number }, marker, body);
  }
  await uploadReport(config.artifactName, files, actionLog);
  if (saving && cache) await saveBaseline(cache, baselineDir, competition.id, saving, actionLog, reportId);

  const first = report.datasets[0];
  core.setOutput("score", report.score ?? "");
  core.setOutput("accuracy", first.accuracy);
  core.setOutput("weighted-f1", first.weighted_f1);
  core.setOutput("efficiency", first.efficiency_score);
  core.setOutput("base-score", baseScore ?? "");
  core.setOutput("score-delta", scoreDelta(report.score, baseScore));
  core.setOutput("passed", gate.passed);
  core.setOutput("results-path", resultsPath);
  core.setOutput("comment-url", commentUrl ?? "");
  core.setOutput("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
  core.setOutput("rank", forecast?.candidate.rank ?? "");
  core.setOutput("rank-of", forecast?.candidate.rank_of ?? "");
  if (forecast) actionLog.info(`forecast: ${forecastHeadline(forecast)}`);
  actionLog.info(
    report.score === null
      ? `${scoreLine(report)}; results in ${resultsPath}`
      : `score ${report.score} (accuracy ${first.accuracy}, weighted F1 ${first.weighted_f1}, efficiency ` +
          `${first.efficiency_score}); results in ${resultsPath}`,
  );
  if (!gate.passed) core.setFailed(`score gate: ${gate.reasons.join("; ")}`);
  return gate.passed;
}
