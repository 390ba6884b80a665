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
import { createRepo, downloadFile, listFiles, modelInfo, uploadFiles } from "@huggingface/hub";
import yazl from "yazl";
import { CancerAiError, InputError } from "../util/errors.js";
import { HubError, type HubOptions } from "../hub/hub.js";
import { DEFAULT_RETRY, describeError, httpStatus, withRetry } from "../util/retry.js";

export const RECORD_FILE = "extrinsic_record.json";

export interface ExtrinsicRecord {
  readonly hotkey: string;
  /** `<block>-<index>` of the set_commitment extrinsic. */
  readonly extrinsic: string;
}

export interface ModelRepo {
  readonly repoId: string;
  readonly hub: HubOptions;
}

export interface RepoState {
  readonly exists: boolean;
  readonly isPrivate: boolean;
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

async function hubCall<T>(what: string, repo: ModelRepo, work: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(what, work, repo.hub.log, repo.hub.retry ?? DEFAULT_RETRY);
  } catch (err) {
    if (err instanceof CancerAiError) throw err;
    const status = httpStatus(err);
    const hint = status === 401 || status === 403 ? " (is hf-token a write token of the repository's owner?)" : "";
    throw new HubError(`${what} failed: ${describeError(err)}${hint}`);
  }
}

export async function repoState(repo: ModelRepo): Promise<RepoState> {
  const { hubUrl, accessToken } = repo.hub;
  const info = await modelInfo({ name: repo.repoId, hubUrl, accessToken, additionalFields: ["cardData"] }).catch((err: unknown) => {
    if (httpStatus(err) === 404 || httpStatus(err) === 401) return undefined;
    throw new HubError(`reading model repository ${repo.repoId} failed: ${describeError(err)}`);
  });
  if (!info) return { exists: false, isPrivate: false, files: new Map() };
  const card = (info as { cardData?: { license?: unknown } }).cardData;
  const files = new Map<string, string>();
  await hubCall(`listing ${repo.repoId}`, repo, async () => {
    for await (const f of listFiles({ repo: { type: "model", name: repo.repoId }, hubUrl, accessToken })) {
      if (f.type === "file") files.set(f.path, f.lfs?.oid ?? f.oid ?? "");
    }
  });
  return { exists: true, isPrivate: info.private, license: card?.license === undefined ? undefined : String(card.license), files };
}

/** The validators' license rule: the model card's license must contain "mit". */
export const hasMitLicense = (state: RepoState): boolean => (state.license ?? "").toLowerCase().includes("mit");

/** Validators skip private repositories and cards whose license does not contain "mit". */
export function checkRepoAcceptable(repo: ModelRepo, state: RepoState): void {
  if (state.isPrivate)
    throw new InputError(`${repo.repoId} is private; validators can only download public repositories: make it public on HuggingFace`);
  if (state.exists && !hasMitLicense(state)) {
    throw new InputError(
      `${repo.repoId}'s model card declares license "${state.license ?? "none"}"; validators reject repositories whose ` +
        `card license does not contain "mit": set "license: mit" in its README.md front matter`,
    );
  }
}

export async function createPublicRepo(repo: ModelRepo): Promise<void> {
  const { hubUrl, accessToken } = repo.hub;
  if (!accessToken) throw new InputError("hf-token is required to create and upload to the model repository");
  await hubCall(`creating ${repo.repoId}`, repo, () =>
    createRepo({
      repo: { type: "model", name: repo.repoId },
      visibility: "public",
      hubUrl,
      accessToken,
      files: [{ path: "README.md", content: new Blob([MODEL_CARD(repo.repoId)]) }],
    }),
  );
  repo.hub.log.info(`created public model repository ${repo.repoId} with an MIT model card`);
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
  const info = await stat(codeDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError(`code-directory ${codeDir} is not a folder`);
  const files = await collectFiles(codeDir);
  if (files.length === 0) throw new InputError(`code-directory ${codeDir} is empty: validators expect the training code`);
  const zip = new yazl.ZipFile();
  const mtime = new Date("2000-01-01T00:00:00Z");
  for (const file of files) zip.addFile(path.join(codeDir, file), file, { mtime, mode: 0o100644 });
  zip.end();
  const hash = createHash("sha256");
  zip.outputStream.on("data", (chunk: Buffer) => hash.update(chunk));
  await pipeline(zip.outputStream, createWriteStream(dest));
  return hash.digest("hex");
}

/** One commit with every file given; returns the commit's id. */
export async function uploadInOneCommit(
  repo: ModelRepo,
  files: { path: string; local: string }[],
  title: string,
): Promise<string | undefined> {
  const { hubUrl, accessToken } = repo.hub;
  if (!accessToken) throw new InputError("hf-token is required to upload to the model repository");
  const blobs = await Promise.all(files.map(async (f) => ({ path: f.path, content: await openAsBlob(f.local) })));
  const output = await hubCall(`uploading ${files.map((f) => f.path).join(", ")} to ${repo.repoId}`, repo, () =>
    uploadFiles({ repo: { type: "model", name: repo.repoId }, files: blobs, commitTitle: title, hubUrl, accessToken }),
  );
  return output?.commit.oid;
}

export async function uploadRecord(repo: ModelRepo, record: ExtrinsicRecord): Promise<void> {
  const { hubUrl, accessToken } = repo.hub;
  await hubCall(`uploading ${RECORD_FILE} to ${repo.repoId}`, repo, () =>
    uploadFiles({
      repo: { type: "model", name: repo.repoId },
      files: [{ path: RECORD_FILE, content: new Blob([`${JSON.stringify(record)}\n`]) }],
      commitTitle: `Record commitment extrinsic ${record.extrinsic}`,
      hubUrl,
      accessToken,
    }),
  );
}

/** SHA-256 of a file as the hub serves it (what validators compare with the commitment), optionally kept at `dest`. */
export async function downloadedSha256(repo: ModelRepo, file: string, dest?: string): Promise<string> {
  const { hubUrl, accessToken } = repo.hub;
  return hubCall(`downloading ${repo.repoId}/${file}`, repo, async () => {
    const blob = await downloadFile({ repo: { type: "model", name: repo.repoId }, path: file, hubUrl, accessToken, xet: false });
    if (!blob) throw new HubError(`${repo.repoId}/${file} is not on the hub`);
    const hash = createHash("sha256");
    const out = dest ? createWriteStream(dest) : undefined;
    for await (const chunk of blob.stream() as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      if (out && !out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return hash.digest("hex");
  });
}

export async function readRecord(repo: ModelRepo): Promise<ExtrinsicRecord | undefined> {
  const { hubUrl, accessToken } = repo.hub;
  const blob = await downloadFile({ repo: { type: "model", name: repo.repoId }, path: RECORD_FILE, hubUrl, accessToken, xet: false }).catch(
    () => null,
  );
  if (!blob) return undefined;
  try {
    const json = JSON.parse(await blob.text()) as Partial<ExtrinsicRecord>;
    return typeof json.hotkey === "string" && typeof json.extrinsic === "string"
      ? { hotkey: json.hotkey, extrinsic: json.extrinsic }
      : undefined;
  } catch {
    return undefined;
  }
}
