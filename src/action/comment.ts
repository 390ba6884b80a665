/**
 * The sticky pull request comment: one per competition, found again by a
 * hidden marker and edited in place, so a PR never collects a comment per push.
 */
import type { getOctokit } from "@actions/github";
import { httpStatus } from "../util/retry.js";

export type Octokit = ReturnType<typeof getOctokit>;

export interface CommentTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
}

export const commentMarker = (competitionId: string): string => `<!-- cancer-ai-action:${competitionId} -->`;

export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<{ url: string; created: boolean }> {
  const { owner, repo, issueNumber } = target;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  })) {
    const existing = page.data.find((c) => c.body?.includes(marker));
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { url: data.html_url, created: false };
    }
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { url: data.html_url, created: true };
}

/** The token may not write here: a fork's read-only token, or a job without `pull-requests: write`. */
export function isPermissionError(err: unknown): boolean {
  const status = httpStatus(err);
  return status === 401 || status === 403;
}
