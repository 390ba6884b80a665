/** Mode comment-from-artifact: the second stage for forks, on workflow_run with a write token, posts the first stage's comment. */
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import type { RunConfig } from "../config/config.js";
import { CancerAiError, UsageError } from "../util/errors.js";
import { downloadPendingComment } from "./artifacts.js";
import type { RunEvent } from "./event.js";
import { postComment } from "./report.js";

export async function commentFromArtifactMode(config: RunConfig, event: RunEvent): Promise<void> {
  if (!event.workflowRun)
    throw new UsageError("mode comment-from-artifact runs on a workflow_run event (see the README's two-stage workflow)");
  const token = config.githubToken;
  if (!token) throw new UsageError("mode comment-from-artifact needs github-token with actions: read and pull-requests: write");
  const name = config.artifactName;
  const pending = await downloadPendingComment(name, { token, runId: event.workflowRun.id, owner: event.owner, repo: event.repo });
  // The artifact comes from untrusted fork code: only post to the PR whose head is the commit that run built.
  const { data: pull } = await getOctokit(token).rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: pending.issueNumber });
  if (pull.head.sha !== event.workflowRun.headSha || pending.headSha !== event.workflowRun.headSha) {
    throw new CancerAiError(
      `artifact "${name}" names pull request #${pending.issueNumber}, whose head is not the commit run ` +
        `${event.workflowRun.id} built: not posting`,
    );
  }
  if (!pending.marker.startsWith("<!-- cancer-ai-action:") || !pending.body.startsWith(pending.marker)) {
    throw new CancerAiError(`artifact "${name}" holds a comment this action did not write: not posting`);
  }
  const target = { owner: event.owner, repo: event.repo, issueNumber: pending.issueNumber };
  const url = await postComment(token, target, pending.marker, pending.body);
  core.setOutput("comment-url", url ?? "");
}
