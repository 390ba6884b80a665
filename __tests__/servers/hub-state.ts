/**
 * The in-memory "git" behind the test hub: repos, commits as full snapshots, LFS objects.
 * Kept apart from the HTTP layer so tests can seed and inspect state without requests.
 */
import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";

export type RepoType = "model" | "dataset" | "space";

export interface HubFile {
  /** The file's bytes as a client downloads them (the object, not the pointer, for LFS). */
  content: Buffer;
  /** Git blob id of what git stores: the pointer text for LFS files. */
  oid: string;
  lfs?: { oid: string; size: number; pointerSize: number };
  /** Xet file hash, for LFS files whose bytes were uploaded to the Xet CAS (the Hub reports it as `xetHash`). */
  xetHash?: string;
  /** The commit that last wrote this path; what `lastCommit` reports. */
  commitId: string;
}

export interface HubCommit {
  id: string;
  title: string;
  description: string;
  date: Date;
  author: string;
  parent?: string;
  /** Every file of the repo as of this commit, so any revision can be served. */
  files: Map<string, HubFile>;
}

export interface HubRepo {
  type: RepoType;
  name: string;
  private: boolean;
  sdk?: string;
  createdAt: Date;
  /** Oldest first; the last one is the head of `main`. */
  commits: HubCommit[];
  /** sha256 oids uploaded through the LFS batch API and usable by `lfsFile` commit lines. */
  lfsObjects: Set<string>;
}

export type FileOp = { path: string; content: Buffer; lfs: boolean; xetHash?: string } | { path: string; delete: true };

export const DEFAULT_LFS_THRESHOLD = 10 * 1024 * 1024;

// The patterns of the .gitattributes the Hub writes into every new repo.
const LFS_PATTERNS = [
  "*.7z",
  "*.arrow",
  "*.bin",
  "*.bz2",
  "*.ckpt",
  "*.ftz",
  "*.gz",
  "*.h5",
  "*.joblib",
  "*.lfs.*",
  "*.mlmodel",
  "*.model",
  "*.msgpack",
  "*.npy",
  "*.npz",
  "*.onnx",
  "*.ot",
  "*.parquet",
  "*.pb",
  "*.pickle",
  "*.pkl",
  "*.pt",
  "*.pth",
  "*.rar",
  "*.safetensors",
  "saved_model/**/*",
  "*.tar.*",
  "*.tar",
  "*.tflite",
  "*.tgz",
  "*.wasm",
  "*.xz",
  "*.zip",
  "*.zst",
  "*tfevents*",
  "*.png",
  "*.jpg",
  "*.jpeg",
  "*.webp",
  "*.mp3",
  "*.wav",
];
export const DEFAULT_GITATTRIBUTES = LFS_PATTERNS.map((p) => `${p} filter=lfs diff=lfs merge=lfs -text\n`).join("");

export const repoKey = (type: RepoType, name: string): string => `${type}s/${name}`;
export const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");
const sha1 = (data: Buffer | string): string => createHash("sha1").update(data).digest("hex");
const gitBlobOid = (data: Buffer): string => sha1(Buffer.concat([Buffer.from(`blob ${data.length}\0`), data]));

export function lfsPointer(oid: string, size: number): Buffer {
  return Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`);
}

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith("**/", i)) {
      re += "(?:.*/)?";
      i += 2;
    } else if (glob.startsWith("**", i)) {
      re += ".*";
      i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  // Like git: a pattern without a slash matches the basename at any depth.
  return new RegExp(glob.includes("/") ? `^${re.replace(/^\//, "")}$` : `(?:^|/)${re}$`);
}

/**
 * The Hub's preupload rule: LFS when .gitattributes routes the path through the lfs filter,
 * when the file is too big for a plain git blob, or when its first bytes look binary.
 */
export function needsLfs(path: string, size: number, sample: Buffer, gitattributes: string, threshold: number): boolean {
  const lfsGlobs = gitattributes
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pattern, ...attrs]) => pattern && !pattern.startsWith("#") && attrs.includes("filter=lfs"))
    .map(([pattern]) => globToRegExp(pattern));
  return lfsGlobs.some((re) => re.test(path)) || size >= threshold || sample.subarray(0, 512).includes(0);
}

let commitCounter = 0;

/** Appends a commit on top of the head; paths it does not touch keep their earlier `commitId`. */
export function commitTo(
  repo: HubRepo,
  ops: FileOp[],
  meta: { title: string; description?: string; date?: Date; author: string },
): HubCommit {
  const parent = repo.commits.at(-1);
  const date = meta.date ?? new Date();
  const files = new Map(parent?.files);
  const id = sha1(`${repoKey(repo.type, repo.name)}\n${parent?.id}\n${meta.title}\n${date.toISOString()}\n${++commitCounter}`);
  for (const op of ops) {
    if ("delete" in op) {
      files.delete(op.path);
      continue;
    }
    const oid = sha256(op.content);
    if (op.lfs) repo.lfsObjects.add(oid);
    const pointer = lfsPointer(oid, op.content.length);
    files.set(op.path, {
      content: op.content,
      oid: gitBlobOid(op.lfs ? pointer : op.content),
      lfs: op.lfs ? { oid, size: op.content.length, pointerSize: pointer.length } : undefined,
      ...(op.lfs && op.xetHash && { xetHash: op.xetHash }),
      commitId: id,
    });
  }
  const commit: HubCommit = {
    id,
    title: meta.title,
    description: meta.description ?? "",
    date,
    author: meta.author,
    parent: parent?.id,
    files,
  };
  repo.commits.push(commit);
  return commit;
}

/** `main`/`HEAD` or a (possibly abbreviated) commit id; branches other than main do not exist here. */
export function resolveRevision(repo: HubRepo, rev: string): HubCommit | undefined {
  if (rev === "main" || rev === "HEAD") return repo.commits.at(-1);
  return /^[0-9a-f]{7,40}$/.test(rev) ? repo.commits.find((c) => c.id.startsWith(rev)) : undefined;
}

/** cardData is the YAML front matter of README.md, as on the Hub. */
export function cardData(commit: HubCommit | undefined): Record<string, unknown> | undefined {
  const readme = commit?.files.get("README.md")?.content.toString("utf8");
  const match = readme?.match(/^---\r?\n([\s\S]*?)\r?\n---/);
  const parsed: unknown = match ? parseYaml(match[1]) : undefined;
  return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
}

export interface TreeEntry {
  type: "file" | "directory";
  oid: string;
  size: number;
  path: string;
  lfs?: { oid: string; size: number; pointerSize: number };
  xetHash?: string;
  lastCommit?: { id: string; title: string; date: string };
  securityFileStatus?: { status: string };
}

/** Tree entries under `dir` (all depths when recursive), directories included, sorted by path. */
export function listTree(repo: HubRepo, commit: HubCommit, dir: string, recursive: boolean, expand: boolean): TreeEntry[] | undefined {
  const prefix = dir ? `${dir.replace(/\/+$/, "")}/` : "";
  const paths = new Set<string>();
  for (const path of commit.files.keys()) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split("/");
    const depth = recursive ? parts.length : 1;
    for (let i = 1; i <= depth; i++) paths.add(prefix + parts.slice(0, i).join("/"));
  }
  if (prefix && paths.size === 0) return undefined;
  return [...paths].sort().map((path) => describePath(repo, commit, path, expand)!);
}

/** A file or directory entry as the tree and paths-info APIs report it, or undefined if absent. */
export function describePath(repo: HubRepo, commit: HubCommit, path: string, expand: boolean): TreeEntry | undefined {
  const file = commit.files.get(path);
  const inside = file ? [] : [...commit.files].filter(([p]) => p.startsWith(`${path}/`));
  if (!file && inside.length === 0) return undefined;
  const entry: TreeEntry = file
    ? {
        type: "file",
        oid: file.oid,
        size: file.content.length,
        path,
        ...(file.lfs && { lfs: file.lfs }),
        ...(file.xetHash && { xetHash: file.xetHash }),
      }
    : { type: "directory", oid: sha1(inside.map(([p, f]) => `${p} ${f.oid}`).join("\n")), size: 0, path };
  if (expand) {
    const order = (id: string) => repo.commits.findIndex((c) => c.id === id);
    // A directory was last touched by the newest commit among its files.
    const lastId = file ? file.commitId : inside.map(([, f]) => f.commitId).sort((a, b) => order(b) - order(a))[0];
    const last = repo.commits[order(lastId)];
    entry.lastCommit = { id: last.id, title: last.title, date: last.date.toISOString() };
    entry.securityFileStatus = { status: "unscanned" };
  }
  return entry;
}
