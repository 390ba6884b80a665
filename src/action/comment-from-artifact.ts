/**
 * Mode comment-from-artifact: the second stage for forks. It runs on
 * workflow_run with a write token and posts the comment the pull request's
 * job could not. That job ran the fork's code, so nothing it wrote is posted
 * as it is: the comment is rebuilt here from its results.json, checked field
 * by field, under this action's own marker.
 */
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { getCompetition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import { parseResultsDocument } from "../engine/results-file.js";
import { baselineHistory, restoreBaseline } from "../report/baseline.js";
import { markdownReport } from "../report/markdown.js";
import { CancerAiError, UsageError } from "../util/errors.js";
import { downloadPullRequestReport } from "./artifacts.js";
import { commentMarker } from "./comment.js";
import { actionLog, workDir } from "./context.js";
import type { RunEvent } from "./event.js";
import { cacheFor, compareForRun, postComment } from "./report.js";

export async function commentFromArtifactMode(config: RunConfig, event: RunEvent): Promise<void> {
  const run = event.workflowRun;
  if (!run) throw new UsageError("mode comment-from-artifact runs on a workflow_run event (see the README's two-stage workflow)");
  const token = config.githubToken;
  if (!token) throw new UsageError("mode comment-from-artifact needs github-token with actions: read and pull-requests: write");
  const competition = getCompetition(config.competitionId);
  const name = config.artifactName;
  const { pending, results } = await downloadPullRequestReport(name, { token, runId: run.id, owner: event.owner, repo: event.repo });
  // Only post to the pull request whose head is the commit that run built.
  const { data: pull } = await getOctokit(token).rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: pending.issueNumber });
  if (pull.head.sha !== run.headSha || pending.headSha !== run.headSha) {
    throw new CancerAiError(
      `artifact "${name}" names pull request #${pending.issueNumber}, whose head is not the commit run ${run.id} built: not posting`,
    );
  }
  // The marker comes from this step's own report-id; the artifact's may only agree with it.
  const { reportId } = config;
  if (pending.reportId !== reportId) {
    const said = (id: string | undefined): string => (id === undefined ? "no report-id" : `report-id ${id}`);
    throw new CancerAiError(
      `artifact "${name}" was made with ${said(pending.reportId)}, but this step has ${said(reportId)}: give both steps the same ` +
        `report-id (a matrix of models needs a comment-from-artifact step per report-id); not posting`,
    );
  }
  const report = parseResultsDocument(results, competition, `results.json in artifact "${name}"`);
  const cache = cacheFor(config);
  const baseBranch = cache ? pull.base.ref : undefined;
  const baseline = cache
    ? await restoreBaseline(cache, workDir("baseline"), competition.id, pull.base.ref, actionLog, reportId)
    : undefined;
  const { intervals, gate, footer } = compareForRun(config, report, competition, baseline);
  const history = baselineHistory(baseline, config.history, { number: pending.issueNumber, score: report.score });
  const marker = commentMarker(competition.id, reportId);
  const body = markdownReport(report, competition, { baseline, baseBranch, gate, intervals, footer, reportId, history, marker });
  const target = { owner: event.owner, repo: event.repo, issueNumber: pending.issueNumber };
  core.setOutput("comment-url", (await postComment(token, target, marker, body)) ?? "");
}
