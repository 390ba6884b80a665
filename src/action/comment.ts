/**
 * The sticky pull request comment: one per competition (and report-id), found again by a
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

/**
 * One comment per competition, or per competition and report-id (a matrix of models). Without a
 * report-id the marker is the one earlier versions wrote, so their comments are still found; with
 * one it is never a prefix of another's (upsertComment matches by prefix).
 */
export const commentMarker = (competitionId: string, reportId?: string): string =>
  reportId === undefined ? `<!-- cancer-ai-action:${competitionId} -->` : `<!-- cancer-ai-action:${competitionId}:${reportId} -->`;

/** A login as REST and GraphQL both spell it: REST names apps "github-actions[bot]", GraphQL "github-actions". */
const sameLogin = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.replace(/\[bot\]$/, "").toLowerCase() === b.replace(/\[bot\]$/, "").toLowerCase();

/**
 * Who the token writes as. GITHUB_TOKEN cannot read /user, but GraphQL's
 * viewer answers for every kind of token; undefined when it cannot be told.
 */
async function ownLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    return (await octokit.graphql<{ viewer: { login: string } }>("query { viewer { login } }")).viewer.login;
  } catch {
    return undefined;
  }
}

export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<{ url: string; created: boolean }> {
  const { owner, repo, issueNumber } = target;
  const login = await ownLogin(octokit);
  // Only a comment this identity wrote is ours: anyone can quote the marker in their own.
  const ours = (c: { user?: { login?: string; type?: string } | null }): boolean =>
    login === undefined ? c.user?.type === "Bot" : sameLogin(c.user?.login, login);
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  })) {
    const existing = page.data.find((c) => ours(c) && c.body?.startsWith(marker));
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
