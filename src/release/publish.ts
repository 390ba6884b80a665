/**
 * The HuggingFace side of a release: the public model repository with an MIT
 * card (what validators require), the model and zipped code in one commit,
 * the model's SHA-256 as downloaded back (what validators hash), and
 * extrinsic_record.json. Files already on the hub with the same content are
 * not uploaded again.
 */
import { createHash } from "node:crypto";
import { createWriteStream, openAsBlob } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createRepo, downloadFile, listFiles, modelInfo, uploadFiles, whoAmI } from "@huggingface/hub";
import yazl from "yazl";
import { CancerAiError, InputError } from "../util/errors.js";
import { DEFAULT_SILENCE_MS, HubError, watchHub, type HubOptions } from "../hub/hub.js";
import { describeHubError, TransferStallError, type Direction, type TransferWatch } from "../hub/transfer.js";
import { DEFAULT_RETRY, describeError, httpStatus, isTransient, withRetry } from "../util/retry.js";
import { HubStalledError, HubUnavailableError, UploadStalledError } from "./errors.js";

export const RECORD_FILE = "extrinsic_record.json";

export interface ExtrinsicRecord {
  readonly hotkey: string;
  /** `<block>-<index>` of the set_commitment extrinsic. */
  readonly extrinsic: string;
}

export interface ModelRepo {
  readonly repoId: string;
  readonly hub: HubOptions;
  /** Where the release (or the check) stands, for the error of a call that fails: "Nothing was written yet. ..." */
  readonly standing?: string;
}

export interface RepoState {
  readonly exists: boolean;
  readonly isPrivate: boolean;
  /** Gated repositories make every download ask for access: validators cannot fetch the model. */
  readonly gated: false | "auto" | "manual";
  readonly license?: string;
  /** path -> SHA-256 of the file's content (LFS files), or its git oid */
  readonly files: ReadonlyMap<string, string>;
}

const MODEL_CARD = (repoId: string): string => `---
license: mit
tags:
  - cancer-ai
  - bittensor
---

# ${repoId}

A skin-lesion classifier for the CancerAI subnet (Bittensor netuid 76), published by
[cancer-ai-action](https://github.com/safescan/cancer-ai-action). The model file and its
training code share one name: \`<name>.onnx\` and \`<name>.zip\`.
`;

export interface HubCallOptions {
  /** Which bytes tell its progress; default "download" (a read). */
  readonly direction?: Direction;
  /** The bytes to move, when known before the call. */
  readonly totalBytes?: number;
  /** A message of its own for the last failure, or undefined for the usual one. */
  readonly explain?: (err: unknown, watch: TransferWatch) => Error | undefined;
}

/**
 * A hub call, bounded: each of its requests goes through a watch (transfer.ts) that gives up on
 * `silenceMs` without progress and logs progress and waits, and a transient failure is retried with
 * backoff: reads and downloads, and creating the repository (a creation repeated after a lost answer
 * meets 409). An upload is retried as a whole as it always was: the hub and the CAS skip what they
 * hold, but a commit whose answer was lost is sent again. What still fails is a HubError naming the request
 * (method, host and path), and a HubUnavailableError when the hub did not answer (network, 5xx, 429;
 * HubStalledError: silence): then what it holds is unknown, not absent.
 */
export async function hubCall<T>(
  what: string,
  repo: ModelRepo,
  work: (fetch: typeof globalThis.fetch, watch: TransferWatch) => Promise<T>,
  options: HubCallOptions = {},
): Promise<T> {
  const watch = watchHub(repo.hub, what, options.direction ?? "download", options.totalBytes);
  try {
    return await withRetry(what, () => watch.attempt((fetch) => work(fetch, watch)), repo.hub.log, repo.hub.retry ?? DEFAULT_RETRY);
  } catch (err) {
    if (err instanceof CancerAiError) throw err;
    throw options.explain?.(err, watch) ?? callFailure(what, err, watch, repo);
  }
}

const attemptsOf = (watch: TransferWatch): string =>
  watch.attemptCount === 1 ? "1 attempt" : `${watch.attemptCount} attempts with backoff`;

function callFailure(what: string, err: unknown, watch: TransferWatch, repo: ModelRepo): HubError {
  const standing = repo.standing ? ` ${repo.standing}` : "";
  if (err instanceof TransferStallError)
    return new HubStalledError(
      `${what} failed: the hub stopped responding: ${err.message}; ${attemptsOf(watch)}.${standing} If it stalls again, check ` +
        `the runner's network and the hub's status.`,
    );
  const request = watch.requestOf(err);
  const reason = `${request ? `${request}${httpStatus(err) === undefined ? ":" : ""} ` : ""}${describeHubError(err)}`;
  if (isTransient(err))
    return new HubUnavailableError(`${what} failed: ${reason} (the hub did not answer; ${attemptsOf(watch)}).${standing}`);
  const status = httpStatus(err);
  const hint = status === 401 || status === 403 ? " (is hf-token a write token of the repository's owner?)" : "";
  return new HubError(`${what} failed: ${reason}${hint}.${standing}`);
}

/** The hub answers 404 (with a token) or 401 (without) alike for a missing repository and for one private to someone else. */
const isNotFound = (err: unknown): boolean => httpStatus(err) === 404 || httpStatus(err) === 401;

export async function repoState(repo: ModelRepo): Promise<RepoState> {
  const { hubUrl, accessToken } = repo.hub;
  const info = await hubCall(`reading model repository ${repo.repoId}`, repo, (fetch) =>
    modelInfo({ name: repo.repoId, hubUrl, accessToken, additionalFields: ["cardData"], fetch }).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    }),
  );
  if (!info) return { exists: false, isPrivate: false, gated: false, files: new Map() };
  const card = (info as { cardData?: { license?: unknown } }).cardData;
  const files = new Map<string, string>();
  await hubCall(`listing ${repo.repoId}`, repo, async (fetch) => {
    files.clear();
    for await (const f of listFiles({ repo: { type: "model", name: repo.repoId }, hubUrl, accessToken, fetch })) {
      if (f.type === "file") files.set(f.path, f.lfs?.oid ?? f.oid ?? "");
    }
  });
  return {
    exists: true,
    isPrivate: info.private,
    gated: info.gated ?? false,
    license: card?.license === undefined ? undefined : String(card.license),
    files,
  };
}

/** The validators' license rule: the model card's license must contain "mit". */
export const hasMitLicense = (state: RepoState): boolean => (state.license ?? "").toLowerCase().includes("mit");

/** Validators skip private and gated repositories and cards whose license does not contain "mit". */
export function checkRepoAcceptable(repo: ModelRepo, state: RepoState): void {
  if (state.isPrivate)
    throw new InputError(`${repo.repoId} is private; validators can only download public repositories: make it public on HuggingFace`);
  if (state.gated)
    throw new InputError(
      `${repo.repoId} is gated (${state.gated}); validators download without asking for access and score 0: turn gating off ` +
        `in the repository's settings on HuggingFace`,
    );
  if (state.exists && !hasMitLicense(state)) {
    throw new InputError(
      `${repo.repoId}'s model card declares license "${state.license ?? "none"}"; validators reject repositories whose ` +
        `card license does not contain "mit": set "license: mit" in its README.md front matter`,
    );
  }
}

/**
 * Creates the repository, public with an MIT card. "Already exists" (409) counts as created: a
 * retried request whose first answer was lost meets the repository it made. Either way the
 * caller reads the repository back and checks it before uploading.
 */
export async function createPublicRepo(repo: ModelRepo): Promise<"created" | "existed"> {
  const { hubUrl, accessToken } = repo.hub;
  if (!accessToken) throw new InputError("hf-token is required to create and upload to the model repository");
  const outcome = await hubCall(`creating ${repo.repoId}`, repo, (fetch) =>
    createRepo({
      repo: { type: "model", name: repo.repoId },
      visibility: "public",
      hubUrl,
      accessToken,
      fetch,
      files: [{ path: "README.md", content: new Blob([MODEL_CARD(repo.repoId)]) }],
    }).then(
      () => "created" as const,
      (err: unknown) => {
        if (httpStatus(err) === 409) return "existed" as const;
        throw err;
      },
    ),
  );
  repo.hub.log.info(
    outcome === "created"
      ? `created public model repository ${repo.repoId} with an MIT model card`
      : `${repo.repoId} already exists (an earlier attempt of this request created it, or another run did): checking it`,
  );
  return outcome;
}

/**
 * Whether the token may write to the repository, asked before anything is written: a read token,
 * or one whose user and organisations do not own the repository, is refused with the fix. A
 * fine-grained token's scopes are not checked here (the first write says so).
 */
export async function checkWriteAccess(repo: ModelRepo): Promise<void> {
  const { hubUrl, accessToken } = repo.hub;
  if (!accessToken) throw new InputError("hf-token is required to create and upload to the model repository: give a write token");
  const who = await hubCall("checking hf-token", repo, (fetch) =>
    whoAmI({ hubUrl, accessToken, fetch }).catch((err: unknown) => {
      if (httpStatus(err) === 401) return undefined;
      throw err;
    }),
  );
  if (!who) throw new InputError("hf-token is not a valid HuggingFace token (the hub answers 401): check the secret's value");
  const role = who.auth?.accessToken?.role;
  const owner = repo.repoId.split("/")[0];
  if (role === "read")
    throw new InputError(`hf-token is a read token: a release writes to ${repo.repoId}, so give a write token of ${owner}`);
  if (role === "write" && who.type === "user") {
    const owners = [who.name, ...who.orgs.map((o) => o.name)];
    if (!owners.includes(owner))
      throw new InputError(
        `hf-token belongs to ${who.name}${who.orgs.length ? ` (organisations: ${who.orgs.map((o) => o.name).join(", ")})` : ""}, ` +
          `which cannot write to ${repo.repoId}: use a token of ${owner}, or a repository under ${owners.join(" or ")}`,
      );
  }
}

/** The files of the training code folder, in zip order; refuses a folder that is missing or empty (before anything is written). */
export async function codeFiles(codeDir: string): Promise<string[]> {
  const info = await stat(codeDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT" || err.code === "ENOTDIR") return undefined;
    throw new InputError(`cannot read code-directory ${codeDir}: ${describeError(err)}`);
  });
  if (!info?.isDirectory()) throw new InputError(`code-directory ${codeDir} is not a folder: give the training code's folder`);
  const files = await collectFiles(codeDir);
  if (files.length === 0) throw new InputError(`code-directory ${codeDir} is empty: validators' rules ask for the training code`);
  return files;
}

async function collectFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(path.join(dir, prefix), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if ([".git", "node_modules", "__pycache__", ".venv"].includes(entry.name)) continue;
    if (entry.isDirectory()) out.push(...(await collectFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * Zips the training code deterministically (sorted names, fixed timestamps),
 * so the same code gives the same bytes and a re-run uploads nothing.
 */
export async function zipCode(codeDir: string, dest: string): Promise<string> {
  const files = await codeFiles(codeDir);
  const zip = new yazl.ZipFile();
  const mtime = new Date("2000-01-01T00:00:00Z");
  for (const file of files) zip.addFile(path.join(codeDir, file), file, { mtime, mode: 0o100644 });
  zip.end();
  const hash = createHash("sha256");
  zip.outputStream.on("data", (chunk: Buffer) => hash.update(chunk));
  await pipeline(zip.outputStream, createWriteStream(dest));
  return hash.digest("hex");
}

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

/**
 * The error for an upload whose last attempt stalled: where it stopped, what it means for the
 * release (`afterwards`), and what to do. Never the token: it travels in headers, and no URL query
 * (where presigned links carry signatures) is named.
 */
function stalledUpload(
  err: unknown,
  watch: TransferWatch,
  what: string,
  total: number,
  hub: HubOptions,
  afterwards: string,
): Error | undefined {
  if (!(err instanceof TransferStallError)) return undefined;
  const silence = (hub.silenceMs ?? DEFAULT_SILENCE_MS) / 1000;
  return new UploadStalledError(
    `the hub stopped responding during the upload of ${what} after ${mib(err.bytes)} of ${mib(total)} MiB: nothing was ` +
      `sent or answered for ${silence} s (${err.request}; ${attemptsOf(watch)}). ${afterwards}If it stalls again, check the runner's ` +
      `network and the hub's status.`,
  );
}

/** Uploads `files` in one commit, under a watch that gives up on silence; `afterwards` says where the release stands if it stalls. */
async function upload(
  repo: ModelRepo,
  what: string,
  files: { path: string; content: Blob }[],
  commitTitle: string,
  afterwards: string,
  useXet?: boolean,
): Promise<Awaited<ReturnType<typeof uploadFiles>>> {
  const { hubUrl, accessToken } = repo.hub;
  const total = files.reduce((sum, f) => sum + f.content.size, 0);
  return hubCall(
    `uploading ${what}`,
    { ...repo, standing: afterwards.trim() },
    (fetch) => uploadFiles({ repo: { type: "model", name: repo.repoId }, files, commitTitle, hubUrl, accessToken, fetch, useXet }),
    { direction: "upload", totalBytes: total, explain: (err, watch) => stalledUpload(err, watch, what, total, repo.hub, afterwards) },
  );
}

/**
 * One commit with every file given; returns the commit's id. `afterwards` tells the miner, should the
 * upload stall, where the release stands.
 */
export async function uploadInOneCommit(
  repo: ModelRepo,
  files: { path: string; local: string }[],
  title: string,
  afterwards = "Run the upload again: what the hub already holds with this content is not uploaded again. ",
): Promise<string | undefined> {
  if (!repo.hub.accessToken) throw new InputError("hf-token is required to upload to the model repository");
  const blobs = await Promise.all(files.map(async (f) => ({ path: f.path, content: await openAsBlob(f.local) })));
  const what = `${files.map((f) => f.path).join(", ")} to ${repo.repoId}`;
  // Xet on purpose (the client's default, stated so a library default change cannot switch it silently): huggingface.co
  // answers "xet" for Xet-backed repos (the default since 2025), and the client then uploads xorbs and shards to the
  // Xet CAS, the path the release tests run against the local CAS; a hub that answers "basic" still gets a plain PUT.
  // Each attempt starts over; the hub and the CAS skip what they already hold, and nothing is committed before the last call.
  const output = await upload(repo, what, blobs, title, afterwards, true);
  return output?.commit.oid;
}

export async function uploadRecord(repo: ModelRepo, record: ExtrinsicRecord): Promise<void> {
  const content = new Blob([`${JSON.stringify(record)}\n`]);
  // Only ever called once the commitment is final: the message must say so, and how the record gets written.
  const afterwards =
    `The commitment is on chain (extrinsic ${record.extrinsic}), but ${RECORD_FILE} was not written: run the release ` +
    `again, which finds the commitment on chain and only uploads the record (it does not commit again). `;
  await upload(
    repo,
    `${RECORD_FILE} to ${repo.repoId}`,
    [{ path: RECORD_FILE, content }],
    `Record commitment extrinsic ${record.extrinsic}`,
    afterwards,
  );
}

/**
 * SHA-256 of a file as the hub serves it (what validators compare with the commitment), optionally
 * kept at `dest`. The whole file comes down: its progress is logged, a body that stops coming is
 * given up on after the silence window, and the download is retried from the start.
 */
export async function downloadedSha256(repo: ModelRepo, file: string, dest?: string): Promise<string> {
  const { hubUrl, accessToken } = repo.hub;
  return hubCall(`downloading ${repo.repoId}/${file}`, repo, async (fetch, watch) => {
    const blob = await downloadFile({ repo: { type: "model", name: repo.repoId }, path: file, hubUrl, accessToken, xet: false, fetch });
    if (!blob) throw new HubError(`${repo.repoId}/${file} is not on the hub`);
    watch.expectBytes(blob.size);
    const hash = createHash("sha256");
    const out = dest ? createWriteStream(dest) : undefined;
    try {
      for await (const chunk of blob.stream() as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        if (out && !out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
    } catch (err) {
      // The next attempt writes the file anew.
      out?.destroy();
      throw err;
    }
    if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return hash.digest("hex");
  });
}

export type RecordRead =
  | { readonly state: "missing" }
  | { readonly state: "invalid"; readonly reason: string }
  | { readonly state: "present"; readonly record: ExtrinsicRecord };

/**
 * extrinsic_record.json as validators read it: missing (the hub says so), invalid (not the
 * `{"hotkey", "extrinsic"}` JSON), or present. A hub that does not answer is a
 * HubUnavailableError, never "missing".
 */
export async function readRecord(repo: ModelRepo): Promise<RecordRead> {
  const { hubUrl, accessToken } = repo.hub;
  const bytes = await hubCall(`reading ${repo.repoId}/${RECORD_FILE}`, repo, async (fetch) => {
    const blob = await downloadFile({
      repo: { type: "model", name: repo.repoId },
      path: RECORD_FILE,
      hubUrl,
      accessToken,
      xet: false,
      fetch,
    }).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    return blob ? Buffer.from(await blob.arrayBuffer()) : undefined;
  });
  if (bytes === undefined) return { state: "missing" };
  // Validators read it with json.load(open(..., encoding="utf-8")) (model_manager.py:379-380), which refuses a
  // byte-order mark that Blob.text() would silently drop.
  if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])))
    return {
      state: "invalid",
      reason: "it starts with a UTF-8 byte-order mark, which validators' JSON reader refuses: save it without one",
    };
  const text = bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { state: "invalid", reason: `it is not JSON (${describeError(err)})` };
  }
  const { hotkey, extrinsic } = (json ?? {}) as Partial<Record<keyof ExtrinsicRecord, unknown>>;
  return typeof hotkey === "string" && typeof extrinsic === "string"
    ? { state: "present", record: { hotkey, extrinsic } }
    : { state: "invalid", reason: 'it lacks the string fields "hotkey" and "extrinsic"' };
}
