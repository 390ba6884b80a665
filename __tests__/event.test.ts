import type * as github from "@actions/github";
import { readEvent } from "../src/action/event.js";

type Context = typeof github.context;
const context = (eventName: string, payload: Record<string, unknown>, ref = "refs/heads/feature"): Context =>
  ({ eventName, payload: { repository: { full_name: "miner/model" }, ...payload }, ref, sha: "c0ffee" }) as unknown as Context;

const pr = (head: string, base: string) => ({
  pull_request: { number: 7, base: { ref: "main", repo: { full_name: base } }, head: { sha: "feed", repo: { full_name: head } } },
});

describe("readEvent", () => {
  const saved = process.env.GITHUB_REPOSITORY;
  beforeAll(() => {
    delete process.env.GITHUB_REPOSITORY;
  });
  afterAll(() => {
    if (saved !== undefined) process.env.GITHUB_REPOSITORY = saved;
  });

  it("reads a pull request from the same repository", () => {
    expect(readEvent(context("pull_request", pr("miner/model", "miner/model")))).toEqual({
      owner: "miner",
      repo: "model",
      sha: "c0ffee",
      pullRequest: { number: 7, baseRef: "main", headSha: "feed", fromFork: false },
    });
  });
  it("flags a pull request from a fork", () => {
    expect(readEvent(context("pull_request", pr("someone/model", "miner/model"))).pullRequest?.fromFork).toBe(true);
  });
  it("recognises a push to the default branch, and only that", () => {
    const payload = { repository: { full_name: "miner/model", default_branch: "main" } };
    expect(readEvent(context("push", payload, "refs/heads/main")).defaultBranchPush).toEqual({ branch: "main" });
    expect(readEvent(context("push", payload, "refs/heads/dev")).defaultBranchPush).toBeUndefined();
    expect(readEvent(context("push", payload, "refs/tags/v1.0.0")).defaultBranchPush).toBeUndefined();
  });
  it("reads the triggering run of a workflow_run event", () => {
    expect(readEvent(context("workflow_run", { workflow_run: { id: 42, head_sha: "feed" } })).workflowRun).toEqual({
      id: 42,
      headSha: "feed",
    });
  });
});
