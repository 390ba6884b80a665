/**
 * The run's report as a workflow artifact: results.json, predictions.csv and
 * the comment (for the fork-safe two-stage pattern, where a workflow_run job
 * with a write token posts what the pull request job could not).
 */
import { DefaultArtifactClient } from "@actions/artifact";
import { readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPORT_ID } from "../config/options.js";
import { CancerAiError, InputError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import { makeTempDir } from "../util/temp.js";
import { describeError } from "../util/retry.js";

/**
 * Which pull request a first-stage run reported on. The second stage posts
 * nothing from the artifact verbatim: it rebuilds the comment from the
 * artifact's results.json, checked field by field.
 */
export interface PendingComment {
  readonly issueNumber: number;
  readonly headSha: string;
  /** The first stage's report-id, if any: the second stage only posts with the same one (its own input keys the marker). */
  readonly reportId?: string;
}

export const PENDING_COMMENT_FILE = "comment.json";

export function artifactServiceAvailable(): boolean {
  return Boolean(process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL);
}

/** Uploads the files; without the artifact service (local runs) warns once and returns undefined. */
export async function uploadReport(name: string, files: Record<string, string>, log: Log): Promise<number | undefined> {
  if (!artifactServiceAvailable()) {
    log.warning(
      "the Actions artifact service is not available here (no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL): the report is " +
        "not uploaded as an artifact",
    );
    return undefined;
  }
  const tmp = await makeTempDir("cancer-ai-artifact-", process.env.RUNNER_TEMP || os.tmpdir());
  const dir = tmp.path;
  const paths: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    paths.push(path.join(dir, file));
    await writeFile(path.join(dir, file), content);
  }
  try {
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, paths, dir, { retentionDays: 30 });
    log.info(`artifact ${name} uploaded (${Object.keys(files).join(", ")})`);
    return id;
  } catch (err) {
    log.warning(`uploading artifact ${name} failed, continuing: ${describeError(err)}`);
    return undefined;
  } finally {
    await tmp.remove();
  }
}

export interface ArtifactSource {
  readonly token: string;
  readonly runId: number;
  readonly owner: string;
  readonly repo: string;
}

/** A first stage's report, as the second stage reads it: which pull request, and the results (still unchecked). */
export interface PullRequestReport {
  readonly pending: PendingComment;
  readonly results: unknown;
}

/** Bigger than any results.json of 30 packages of thousands of images: a larger file is not one this action wrote. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

async function readJsonFile(file: string, what: string): Promise<unknown> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile())
    throw new CancerAiError(`${what} is missing: the artifact was not made by this action's evaluate mode on a pull request`);
  if (info.size > MAX_REPORT_BYTES)
    throw new CancerAiError(`${what} is ${info.size} bytes, more than this action ever writes: not posting`);
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new CancerAiError(`${what} is not valid JSON (${describeError(err)}): not posting`);
  }
}

/** Reads the report another workflow run (a pull request's first stage) uploaded. */
export async function downloadPullRequestReport(name: string, source: ArtifactSource): Promise<PullRequestReport> {
  const findBy = { token: source.token, workflowRunId: source.runId, repositoryOwner: source.owner, repositoryName: source.repo };
  const client = new DefaultArtifactClient();
  const tmp = await makeTempDir("cancer-ai-pending-", process.env.RUNNER_TEMP || os.tmpdir());
  const dir = tmp.path;
  try {
    const { artifact } = await client.getArtifact(name, { findBy });
    await client.downloadArtifact(artifact.id, { path: dir, findBy });
  } catch (err) {
    throw new CancerAiError(
      `cannot fetch artifact "${name}" of run ${source.runId}: ${describeError(err)} (does the pull request workflow ` +
        `upload it, and may this token read actions?)`,
    );
  }
  const where = `artifact "${name}" of run ${source.runId}`;
  const pending = (await readJsonFile(
    path.join(dir, PENDING_COMMENT_FILE),
    `${PENDING_COMMENT_FILE} in ${where}`,
  )) as Partial<PendingComment>;
  if (
    !Number.isSafeInteger(pending?.issueNumber) ||
    (pending.issueNumber as number) < 1 ||
    typeof pending.headSha !== "string" ||
    !/^[0-9a-f]{40}$/.test(pending.headSha) ||
    (pending.reportId !== undefined && (typeof pending.reportId !== "string" || !REPORT_ID.test(pending.reportId)))
  ) {
    throw new CancerAiError(
      `${PENDING_COMMENT_FILE} in ${where} is malformed (it needs issueNumber, a 40-hex headSha and, if any, a ` +
        `report-id slug): not posting`,
    );
  }
  const results = await readJsonFile(path.join(dir, "results.json"), `results.json in ${where}`);
  await tmp.remove();
  const reportId = pending.reportId === undefined ? {} : { reportId: pending.reportId };
  return { pending: { issueNumber: pending.issueNumber as number, headSha: pending.headSha, ...reportId }, results };
}

/**
 * Downloads this workflow run's shard artifacts (<name>-shard-<i>-of-<n>),
 * each into its own folder under dir; returns those folders.
 */
export async function downloadShardArtifacts(name: string, dir: string, log: Log): Promise<string[]> {
  if (!artifactServiceAvailable()) {
    throw new InputError(
      "mode merge reads the shard artifacts of this workflow run, but the Actions artifact service is not available " +
        "here: give shards-path (files or folders of cancer-ai-shard-*.json)",
    );
  }
  const client = new DefaultArtifactClient();
  const prefix = `${name}-shard-`;
  try {
    const { artifacts } = await client.listArtifacts({ latest: true });
    // Exactly <name>-shard-<i>-of-<n>: another report-id's shards may share the prefix.
    const shards = artifacts
      .filter((a) => a.name.startsWith(prefix) && /^\d+-of-\d+$/.test(a.name.slice(prefix.length)))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (shards.length === 0) {
      throw new CancerAiError(
        `this workflow run has no artifact named ${prefix}*: the merge job must come after (needs:) the matrix jobs run ` +
          `with shard: i/n and the same artifact-name`,
      );
    }
    const folders: string[] = [];
    for (const artifact of shards) {
      const folder = path.join(dir, artifact.name);
      await client.downloadArtifact(artifact.id, { path: folder });
      folders.push(folder);
    }
    log.info(`downloaded ${shards.length} shard artifacts: ${shards.map((a) => a.name).join(", ")}`);
    return folders;
  } catch (err) {
    if (err instanceof CancerAiError) throw err;
    throw new CancerAiError(`cannot download the shard artifacts of this run: ${describeError(err)}`);
  }
}
