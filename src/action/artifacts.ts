/**
 * The run's report as a workflow artifact: results.json, predictions.csv and
 * the comment (for the fork-safe two-stage pattern, where a workflow_run job
 * with a write token posts what the pull request job could not).
 */
import { DefaultArtifactClient } from "@actions/artifact";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CancerAiError, InputError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import { describeError } from "../util/retry.js";

/** What the second stage needs to post the comment, and may verify. */
export interface PendingComment {
  readonly issueNumber: number;
  readonly headSha: string;
  readonly marker: string;
  readonly body: string;
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
  const dir = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), "cancer-ai-artifact-"));
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
  }
}

export interface ArtifactSource {
  readonly token: string;
  readonly runId: number;
  readonly owner: string;
  readonly repo: string;
}

/** Reads the pending comment another workflow run uploaded. */
export async function downloadPendingComment(name: string, source: ArtifactSource): Promise<PendingComment> {
  const findBy = { token: source.token, workflowRunId: source.runId, repositoryOwner: source.owner, repositoryName: source.repo };
  const client = new DefaultArtifactClient();
  const dir = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), "cancer-ai-pending-"));
  await mkdir(dir, { recursive: true });
  try {
    const { artifact } = await client.getArtifact(name, { findBy });
    await client.downloadArtifact(artifact.id, { path: dir, findBy });
  } catch (err) {
    throw new CancerAiError(
      `cannot fetch artifact "${name}" of run ${source.runId}: ${describeError(err)} (does the pull request workflow ` +
        `upload it, and may this token read actions?)`,
    );
  }
  const raw = await readFile(path.join(dir, PENDING_COMMENT_FILE), "utf8").catch(() => {
    throw new CancerAiError(
      `artifact "${name}" of run ${source.runId} has no ${PENDING_COMMENT_FILE}: it was not made by this action's ` +
        `evaluate mode on a pull request`,
    );
  });
  const pending = JSON.parse(raw) as Partial<PendingComment>;
  if (
    typeof pending.issueNumber !== "number" ||
    typeof pending.body !== "string" ||
    typeof pending.marker !== "string" ||
    typeof pending.headSha !== "string"
  ) {
    throw new CancerAiError(`${PENDING_COMMENT_FILE} in artifact "${name}" is malformed`);
  }
  return pending as PendingComment;
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
    const shards = artifacts.filter((a) => a.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
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
