/** What the triggering GitHub event means for a run, read once from the Actions context. */
import * as github from "@actions/github";

export interface PullRequestEvent {
  readonly number: number;
  readonly baseRef: string;
  readonly headSha: string;
  /** From a fork: the job's token is read-only, so it cannot comment. */
  readonly fromFork: boolean;
}

export interface RunEvent {
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly pullRequest?: PullRequestEvent;
  /** Set on a push to the default branch: the run whose results become the baseline. */
  readonly defaultBranchPush?: { readonly branch: string };
  /** Set on a push of a tag: a release. */
  readonly tagPush?: { readonly tag: string };
  /** Set on workflow_run: the run whose artifact holds a pending comment. */
  readonly workflowRun?: { readonly id: number; readonly headSha: string };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null ? (v as Json) : {});

export function readEvent(context: typeof github.context = github.context): RunEvent {
  const payload = obj(context.payload);
  // context.repo throws without GITHUB_REPOSITORY (a local run); the payload or nothing will do then.
  const fullName = process.env.GITHUB_REPOSITORY || String(obj(payload.repository).full_name ?? "/");
  const [owner = "", repo = ""] = fullName.split("/");
  const base = { owner, repo, sha: context.sha };
  const pr = obj(payload.pull_request);
  if (typeof pr.number === "number") {
    const headRepo = obj(obj(pr.head).repo).full_name;
    const baseRepo = obj(obj(pr.base).repo).full_name;
    return {
      ...base,
      pullRequest: {
        number: pr.number,
        baseRef: String(obj(pr.base).ref ?? ""),
        headSha: String(obj(pr.head).sha ?? context.sha),
        fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
      },
    };
  }
  const run = obj(payload.workflow_run);
  if (context.eventName === "workflow_run" && typeof run.id === "number") {
    return { ...base, workflowRun: { id: run.id, headSha: String(run.head_sha ?? "") } };
  }
  if (context.eventName === "push" && context.ref?.startsWith("refs/tags/")) {
    return { ...base, tagPush: { tag: context.ref.slice("refs/tags/".length) } };
  }
  const defaultBranch = obj(payload.repository).default_branch;
  if (context.eventName === "push" && typeof defaultBranch === "string" && context.ref === `refs/heads/${defaultBranch}`) {
    return { ...base, defaultBranchPush: { branch: defaultBranch } };
  }
  return base;
}
