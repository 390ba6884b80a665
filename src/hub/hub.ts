/**
 * Reading the HuggingFace Hub: the competition configuration space, the
 * dataset repositories it names, and the packages in them. Every call takes
 * `hubUrl`, so tests point the real client at a local hub.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createHash } from "node:crypto";
import { downloadFile, listFiles, type ListFileEntry } from "@huggingface/hub";
import { parse as parseYaml } from "yaml";
import { CancerAiError, DatasetError, InputError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import { DEFAULT_RETRY, describeError, httpStatus, withRetry, type RetryPolicy } from "../util/retry.js";

export const DEFAULT_HUB_URL = "https://huggingface.co";
export const DEFAULT_CONFIG_REPO = "safescanai/competition-configuration";

export interface HubOptions {
  readonly hubUrl: string;
  readonly accessToken?: string;
  readonly log: Log;
  readonly retry?: RetryPolicy;
}

/** A dataset package file in a HuggingFace dataset repository. */
export interface DatasetRef {
  readonly repo: string;
  readonly path: string;
  readonly size: number;
  /** The content id: the LFS sha256 when the file is in LFS, else the git blob id. */
  readonly oid: string;
  /** SHA-256 of the content, when the hub knows it (LFS files). */
  readonly sha256?: string;
  /** ISO date of the commit that last changed the file. */
  readonly date?: string;
}

export class HubError extends CancerAiError {}

export function datasetUri(ref: Pick<DatasetRef, "repo" | "path">): string {
  return `hf://${ref.repo}/${ref.path}`;
}

/** `hf://owner/repo/path/to/package.zip` (a dataset repository; `hf://datasets/...` too). */
export function parseHfUri(uri: string): { repo: string; path: string } {
  const match = /^hf:\/\/(?:datasets\/)?([^/\s]+\/[^/\s]+)\/(.+\.zip)$/i.exec(uri.trim());
  if (!match) throw new InputError(`"${uri}" is not a dataset URI: use hf://<owner>/<dataset-repo>/<path/to/package.zip>`);
  return { repo: match[1], path: match[2] };
}

function hubFailure(what: string, err: unknown): HubError {
  const status = httpStatus(err);
  const hint =
    status === 401 || status === 403 || status === 404
      ? " (it does not exist, or it is private: pass an hf-token that can read it)"
      : status === undefined || status >= 500
        ? " (the hub is unreachable or failing; retried with backoff)"
        : "";
  return new HubError(`${what} failed: ${describeError(err)}${hint}`);
}

async function listAll(repo: { type: "dataset" | "space"; name: string }, opts: HubOptions): Promise<ListFileEntry[]> {
  return withRetry(
    `listing ${repo.type} ${repo.name}`,
    async () => {
      const entries: ListFileEntry[] = [];
      for await (const entry of listFiles({ repo, recursive: true, expand: true, hubUrl: opts.hubUrl, accessToken: opts.accessToken }))
        entries.push(entry);
      return entries;
    },
    opts.log,
    opts.retry ?? DEFAULT_RETRY,
  ).catch((err: unknown) => {
    throw hubFailure(`listing ${repo.type} ${repo.name} on ${opts.hubUrl}`, err);
  });
}

async function downloadText(repo: { type: "space"; name: string }, file: string, opts: HubOptions): Promise<string> {
  return withRetry(
    `downloading ${file}`,
    async () => {
      const blob = await downloadFile({ repo, path: file, hubUrl: opts.hubUrl, accessToken: opts.accessToken, xet: false });
      if (!blob) throw new HubError(`${repo.name}/${file} disappeared while reading it`);
      return blob.text();
    },
    opts.log,
    opts.retry ?? DEFAULT_RETRY,
  ).catch((err: unknown) => {
    throw err instanceof HubError ? err : hubFailure(`downloading ${repo.name}/${file}`, err);
  });
}

/** One organisation's entry in the configuration space's datasets/*.yaml. */
export interface OrganizationDatasets {
  readonly org_id: string;
  readonly competition_id: string;
  readonly dataset_hf_repo: string;
  readonly dataset_hf_dir: string;
}

function readOrganizations(file: string, text: string): OrganizationDatasets[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new HubError(`configuration file ${file} is not valid YAML: ${describeError(err)}`);
  }
  if (!Array.isArray(data)) return [];
  return data
    .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
    .filter((e) => typeof e.competition_id === "string" && typeof e.dataset_hf_repo === "string")
    .map((e) => ({
      org_id: String(e.org_id ?? e.organization_id ?? ""),
      competition_id: String(e.competition_id),
      dataset_hf_repo: String(e.dataset_hf_repo),
      dataset_hf_dir: typeof e.dataset_hf_dir === "string" ? e.dataset_hf_dir : "",
    }));
}

/** Every organisation named by the configuration space's datasets/*.yaml files. */
export async function readCompetitionConfig(configRepo: string, opts: HubOptions): Promise<OrganizationDatasets[]> {
  const repo = { type: "space" as const, name: configRepo };
  const yamls = (await listAll(repo, opts)).filter((e) => e.type === "file" && e.path.startsWith("datasets/") && e.path.endsWith(".yaml"));
  const organizations: OrganizationDatasets[] = [];
  for (const file of yamls) organizations.push(...readOrganizations(file.path, await downloadText(repo, file.path, opts)));
  return organizations;
}

/** The competition's dataset packages, newest first (as the validators order them). */
export async function discoverDatasets(competitionId: string, configRepo: string, opts: HubOptions): Promise<DatasetRef[]> {
  const organizations = await readCompetitionConfig(configRepo, opts);
  const ours = organizations.filter((o) => o.competition_id === competitionId);
  if (ours.length === 0) {
    const known = [...new Set(organizations.map((o) => o.competition_id))].sort().join(", ") || "none";
    throw new HubError(
      `no organisation publishes datasets for competition "${competitionId}" in ${configRepo}; competitions configured there: ${known}`,
    );
  }
  const refs: DatasetRef[] = [];
  for (const org of ours) {
    const files = await listAll({ type: "dataset", name: org.dataset_hf_repo }, opts);
    for (const f of files) {
      if (f.type !== "file" || !f.path.startsWith(org.dataset_hf_dir) || !f.path.endsWith(".zip")) continue;
      refs.push(toRef(org.dataset_hf_repo, f));
    }
  }
  if (refs.length === 0)
    throw new HubError(
      `the dataset repositories for ${competitionId} (${ours.map((o) => o.dataset_hf_repo).join(", ")}) hold no .zip package yet`,
    );
  return refs.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
}

function toRef(repo: string, f: ListFileEntry): DatasetRef {
  return { repo, path: f.path, size: f.lfs?.size ?? f.size, oid: f.lfs?.oid ?? f.oid ?? "", sha256: f.lfs?.oid, date: f.lastCommit?.date };
}

/** Looks one package up (for `hf://` URIs), with the same facts as discovery gives. */
export async function findDataset(repo: string, file: string, opts: HubOptions): Promise<DatasetRef> {
  const entry = (await listAll({ type: "dataset", name: repo }, opts)).find((e) => e.type === "file" && e.path === file);
  if (!entry) throw new HubError(`${datasetUri({ repo, path: file })} does not exist`);
  return toRef(repo, entry);
}

/** Streams a package to `dest`, returning its SHA-256; a dropped download is retried from the start. */
export async function downloadDataset(ref: DatasetRef, dest: string, opts: HubOptions): Promise<string> {
  await mkdir(path.dirname(dest), { recursive: true });
  return withRetry(
    `downloading ${datasetUri(ref)}`,
    async () => {
      const blob = await downloadFile({
        repo: { type: "dataset", name: ref.repo },
        path: ref.path,
        hubUrl: opts.hubUrl,
        accessToken: opts.accessToken,
        xet: false,
      });
      if (!blob) throw new HubError(`${datasetUri(ref)} does not exist`);
      const hash = createHash("sha256");
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(Readable.fromWeb(blob.stream() as import("node:stream/web").ReadableStream<Uint8Array>), tap, createWriteStream(dest));
      return hash.digest("hex");
    },
    opts.log,
    opts.retry ?? DEFAULT_RETRY,
  ).catch((err: unknown) => {
    throw err instanceof CancerAiError ? err : hubFailure(`downloading ${datasetUri(ref)}`, err);
  });
}

/** Checks a downloaded or restored package against the hub's content id. */
export function checkDigest(ref: DatasetRef, sha256: string): void {
  if (ref.sha256 && ref.sha256 !== sha256) {
    throw new DatasetError(`${datasetUri(ref)}: downloaded content has SHA-256 ${sha256}, the hub says ${ref.sha256}`);
  }
}
