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
import { parseAllDocuments, type ToJSOptions } from "yaml";
import { CancerAiError, DatasetError, InputError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import { DEFAULT_RETRY, describeError, httpStatus, withRetry, type RetryPolicy } from "../util/retry.js";
import { describeHubError, silenceBoundedFetch, TransferWatch, type Direction } from "./transfer.js";

export const DEFAULT_HUB_URL = "https://huggingface.co";
export const DEFAULT_CONFIG_REPO = "safescanai/competition-configuration";

export interface HubOptions {
  readonly hubUrl: string;
  readonly accessToken?: string;
  readonly log: Log;
  readonly retry?: RetryPolicy;
  /** How long the hub may stay silent: before an answer starts, between two chunks of a download, and during an upload. */
  readonly silenceMs?: number;
  /** How often a long transfer logs its progress (default 5 s; tests shorten it). */
  readonly progressMs?: number;
}

/** A minute of silence is no slow link but a stuck one: the call is retried (with backoff) instead of waited on. */
export const DEFAULT_SILENCE_MS = 60_000;

/** The fetch every hub call goes through: bounded silence, before an answer starts and between two chunks of its body. */
export const hubFetch = (opts: HubOptions): typeof fetch => silenceBoundedFetch(opts.silenceMs ?? DEFAULT_SILENCE_MS);

/** A watch (transfer.ts) for one hub call with the hub's settings: its silence window and progress interval. */
export const watchHub = (hub: HubOptions, what: string, direction: Direction, totalBytes?: number): TransferWatch =>
  new TransferWatch({
    log: hub.log,
    what,
    direction,
    totalBytes,
    silenceMs: hub.silenceMs ?? DEFAULT_SILENCE_MS,
    progressMs: hub.progressMs,
  });

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

function hubFailure(what: string, err: unknown, opts: HubOptions): HubError {
  const status = httpStatus(err);
  const unreadable = opts.accessToken ? "the hf-token given cannot read it" : "pass an hf-token that can read it";
  const hint =
    status === 401 && opts.accessToken
      ? " (the hub rejected the hf-token: check the secret's value, and that the token is not expired or revoked)"
      : status === 401 || status === 403 || status === 404
        ? ` (it does not exist, or it is private: ${unreadable})`
        : status === undefined || status >= 500
          ? " (the hub is unreachable or failing; retried with backoff)"
          : "";
  return new HubError(`${what} failed: ${describeHubError(err)}${hint}`);
}

async function listAll(repo: { type: "dataset" | "space"; name: string }, opts: HubOptions): Promise<ListFileEntry[]> {
  return withRetry(
    `listing ${repo.type} ${repo.name}`,
    async () => {
      const entries: ListFileEntry[] = [];
      for await (const entry of listFiles({
        repo,
        recursive: true,
        expand: true,
        hubUrl: opts.hubUrl,
        accessToken: opts.accessToken,
        fetch: hubFetch(opts),
      }))
        entries.push(entry);
      return entries;
    },
    opts.log,
    opts.retry ?? DEFAULT_RETRY,
  ).catch((err: unknown) => {
    throw hubFailure(`listing ${repo.type} ${repo.name} on ${opts.hubUrl}`, err, opts);
  });
}

async function downloadBytes(repo: { type: "space"; name: string }, file: string, opts: HubOptions): Promise<Uint8Array> {
  return withRetry(
    `downloading ${file}`,
    async () => {
      const blob = await downloadFile({
        repo,
        path: file,
        hubUrl: opts.hubUrl,
        accessToken: opts.accessToken,
        xet: false,
        fetch: hubFetch(opts),
      });
      if (!blob) throw new HubError(`${repo.name}/${file} disappeared while reading it`);
      return new Uint8Array(await blob.arrayBuffer());
    },
    opts.log,
    opts.retry ?? DEFAULT_RETRY,
  ).catch((err: unknown) => {
    throw err instanceof HubError ? err : hubFailure(`downloading ${repo.name}/${file}`, err, opts);
  });
}

/** One organisation's entry in the configuration space's datasets/*.yaml. */
export interface OrganizationDatasets {
  readonly org_id: string;
  readonly competition_id: string;
  readonly dataset_hf_repo: string;
  readonly dataset_hf_dir: string;
  /** The YAML file that lists it. */
  readonly file: string;
}

/** What `yaml.safe_load` gives for a file: its value, or the YAMLError for which the validators skip the file. */
export type YamlLoad = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

// PyYAML's Reader refuses any other character (ReaderError) before parsing.
// eslint-disable-next-line no-control-regex
const YAML_NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
// Maps stay Maps so that keys keep their YAML types: Python's **entry refuses a key that is not a string.
const TO_JS: ToJSOptions = { mapAsMap: true };

/**
 * `yaml.safe_load` as far as the configuration needs it: YAML 1.1 (PyYAML's
 * version), duplicate keys allowed (the last wins), and PyYAML's refusals
 * kept as errors where the yaml package only warns or reads on: control
 * characters, several documents, tags no safe constructor knows.
 */
export function safeLoadYaml(text: string): YamlLoad {
  const bad = YAML_NON_PRINTABLE.exec(text);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0");
    return { ok: false, error: `unacceptable character #x${code}: special characters are not allowed` };
  }
  // PyYAML skips a byte-order mark at the start of the stream only.
  const docs = parseAllDocuments(text.replace(/^\ufeff/, ""), { version: "1.1", uniqueKeys: false });
  if (docs.length === 0) return { ok: true, value: null };
  if (docs.length > 1) return { ok: false, error: "expected a single document in the stream" };
  const [doc] = docs;
  if (doc.errors.length > 0) return { ok: false, error: doc.errors[0].message };
  const unknownTag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (unknownTag) return { ok: false, error: `could not determine a constructor for the tag (${unknownTag.message})` };
  try {
    return { ok: true, value: doc.toJS(TO_JS) };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

/** `OrganizationDataReference(**entry)` (models.py): pydantic 2's rules for its `str` fields. */
function organizationReference(entry: unknown, file: string): OrganizationDatasets | string {
  if (!(entry instanceof Map)) return `an entry that is not a mapping (${describeYamlValue(entry)}) cannot be unpacked with **`;
  if ([...entry.keys()].some((k) => typeof k !== "string"))
    return "an entry has a key that is not a string (TypeError: keywords must be strings)";
  const fields = new Map(entry as Map<string, unknown>);
  // sync_organizations_data_references renames org_id to organization_id, replacing any organization_id.
  if (fields.has("org_id")) {
    fields.set("organization_id", fields.get("org_id"));
    fields.delete("org_id");
  }
  const text = (name: string, required: boolean): string => {
    if (!fields.has(name)) {
      if (required) throw new Error(`${name}: Field required`);
      return "";
    }
    const value = fields.get(name);
    const str = value instanceof Uint8Array ? new TextDecoder("utf-8", { fatal: true }).decode(value) : value;
    if (typeof str !== "string") throw new Error(`${name}: Input should be a valid string (got ${describeYamlValue(value)})`);
    if (required && str.length === 0) throw new Error(`${name}: String should have at least 1 character`);
    return str;
  };
  try {
    return {
      competition_id: text("competition_id", true),
      org_id: text("organization_id", true),
      dataset_hf_repo: text("dataset_hf_repo", true),
      dataset_hf_dir: text("dataset_hf_dir", false),
      file,
    };
  } catch (err) {
    return `OrganizationDataReference refuses an entry: ${describeError(err)}`;
  }
}

function describeYamlValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return "a date";
  if (value instanceof Map) return "a mapping";
  if (value instanceof Set) return "a set";
  if (value instanceof Uint8Array) return "binary data";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : String(value);
}

/**
 * sync_organizations_data_references (utils.py): `for entry in yaml_data`, so
 * a file must hold something Python can iterate (an empty mapping or string
 * adds nothing), and every entry must make an OrganizationDataReference. Any
 * failure raises, and the whole configuration is lost: the reason, or the
 * organisations.
 */
function organizationsOf(file: string, data: unknown): OrganizationDatasets[] | string {
  if (Array.isArray(data)) {
    const organizations: OrganizationDatasets[] = [];
    for (const [i, entry] of data.entries()) {
      const org = organizationReference(entry, file);
      if (typeof org === "string") return `entry ${i + 1}: ${org}`;
      organizations.push(org);
    }
    return organizations;
  }
  // Python iterates a string by characters and a mapping by keys: empty ones add nothing, and no item of theirs is an entry.
  if (typeof data === "string" || data instanceof Uint8Array)
    return data.length === 0 ? [] : `it holds ${describeYamlValue(data)}, not a list`;
  if (data instanceof Map || data instanceof Set) return data.size === 0 ? [] : `it holds ${describeYamlValue(data)}, not a list`;
  return `it holds ${describeYamlValue(data)}, which Python cannot iterate (TypeError)`;
}

async function downloadYaml(repo: { type: "space"; name: string }, file: string, opts: HubOptions): Promise<string> {
  const bytes = await downloadBytes(repo, file, opts);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // open(..., encoding="utf-8") raises UnicodeDecodeError, which is no YAMLError: nothing catches it.
    throw configFailure(repo.name, file, "it is not valid UTF-8 (UnicodeDecodeError)");
  }
}

function configFailure(configRepo: string, file: string, reason: string): HubError {
  return new HubError(
    `the competition configuration ${configRepo} cannot be loaded as the subnet's code loads it: ${file}: ${reason}. ` +
      `Its fetch_organization_data_references / sync_organizations_data_references (utils.py) raise, so no package is ` +
      `evaluated: the miner's evaluate stops with "Error retrieving competition packages", validators' dataset monitor with ` +
      `"Error in monitor_datasets initial setup". Fix ${file} in ${configRepo}.`,
  );
}

/**
 * Every organisation named by the configuration space's datasets/*.yaml
 * files, in the hub's listing order (which huggingface_hub's list_repo_tree
 * returns too) and in file order, as validators collect them. A file that
 * does not parse is skipped with a warning, as they skip it; any other fault
 * loses them the whole configuration, and is an error here.
 */
export async function readCompetitionConfig(configRepo: string, opts: HubOptions): Promise<OrganizationDatasets[]> {
  const repo = { type: "space" as const, name: configRepo };
  const yamls = (await listAll(repo, opts)).filter((e) => e.type === "file" && e.path.startsWith("datasets/") && e.path.endsWith(".yaml"));
  const loaded: { file: string; data: unknown }[] = [];
  for (const { path: file, size } of yamls) {
    // An empty file needs no download (the client's Range probe of 0 bytes can be refused with 416).
    const load = safeLoadYaml(size === 0 ? "" : await downloadYaml(repo, file, opts));
    if (load.ok) loaded.push({ file, data: load.value });
    else
      opts.log.warning(
        `${configRepo}: ${file} is not valid YAML and is skipped, as validators skip it (they log "Error parsing YAML file ` +
          `${file}: ..."): ${load.error}`,
      );
  }
  // All files are read before any entry is checked, so a fault anywhere fails the lot.
  const organizations: OrganizationDatasets[] = [];
  for (const { file, data } of loaded) {
    const orgs = organizationsOf(file, data);
    if (typeof orgs === "string") throw configFailure(configRepo, file, orgs);
    organizations.push(...orgs);
  }
  return organizations;
}

/**
 * The competition's dataset packages, newest first, as the subnet's
 * get_newest_competition_packages (utils.py) finds them for the miner's
 * evaluate: only the FIRST organisation listed for the competition
 * (find_organization_by_competition_id), its repository listed recursively,
 * the `.zip` files under its dataset_hf_dir.
 */
/**
 * The competition's packages, newest first, from every organisation the
 * configuration lists for it: validators' dataset monitor
 * (check_for_new_dataset_files) watches each one's repository and scores its
 * new packages. (The subnet's own miner CLI reads only the first.)
 */
export async function discoverDatasets(competitionId: string, configRepo: string, opts: HubOptions): Promise<DatasetRef[]> {
  const organizations = await readCompetitionConfig(configRepo, opts);
  const publishers = organizations.filter((o) => o.competition_id === competitionId);
  if (publishers.length === 0) {
    const known = [...new Set(organizations.map((o) => o.competition_id))].sort().join(", ") || "none";
    throw new HubError(
      `no organisation publishes datasets for competition "${competitionId}" in ${configRepo}; competitions configured there: ${known}`,
    );
  }
  if (publishers.length > 1) {
    const named = publishers.map((o) => `${o.org_id} (${o.dataset_hf_repo})`).join(", ");
    opts.log.info(`${publishers.length} organisations publish packages for ${competitionId}, and validators score each one's: ${named}`);
  }
  const refs: DatasetRef[] = [];
  for (const org of publishers) {
    const files = await listAll({ type: "dataset", name: org.dataset_hf_repo }, opts);
    const found = files
      .filter((f) => f.type === "file" && f.path.startsWith(org.dataset_hf_dir) && f.path.endsWith(".zip"))
      .map((f) => toRef(org.dataset_hf_repo, f));
    if (found.length === 0 && publishers.length > 1) {
      opts.log.warning(`${org.org_id}'s dataset repository (${org.dataset_hf_repo}/${org.dataset_hf_dir}) holds no .zip package yet`);
    }
    refs.push(...found);
  }
  if (refs.length === 0) {
    const where = publishers.map((o) => `${o.dataset_hf_repo}/${o.dataset_hf_dir}`).join(", ");
    throw new HubError(`the dataset repository for ${competitionId} (${where}) holds no .zip package yet`);
  }
  // A stable sort, newest first, as Python's sorted(..., reverse=True) keeps equal dates in listing order.
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
  // The watch bounds the silence, logs progress, and gives a failed request its status back (the blob's stream reports one
  // as a bare string, which would not be retried).
  const watch = watchHub(opts, `downloading ${ref.path}`, "download", ref.size);
  return withRetry(
    `downloading ${datasetUri(ref)}`,
    () =>
      watch.attempt(async (fetch) => {
        const blob = await downloadFile({
          repo: { type: "dataset", name: ref.repo },
          path: ref.path,
          hubUrl: opts.hubUrl,
          accessToken: opts.accessToken,
          xet: false,
          fetch,
        });
        if (!blob) throw new HubError(`${datasetUri(ref)} does not exist`);
        const hash = createHash("sha256");
        const tap: Transform = new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            done(null, chunk);
          },
        });
        await pipeline(
          Readable.fromWeb(blob.stream() as import("node:stream/web").ReadableStream<Uint8Array>),
          tap,
          createWriteStream(dest),
        );
        return hash.digest("hex");
      }),
    opts.log,
    opts.retry ?? DEFAULT_RETRY,
  ).catch((err: unknown) => {
    throw err instanceof CancerAiError ? err : hubFailure(`downloading ${datasetUri(ref)}`, err, opts);
  });
}

/** Checks a downloaded or restored package against the hub's content id. */
export function checkDigest(ref: DatasetRef, sha256: string): void {
  if (ref.sha256 && ref.sha256 !== sha256) {
    throw new DatasetError(`${datasetUri(ref)}: downloaded content has SHA-256 ${sha256}, the hub says ${ref.sha256}`);
  }
}
