import type { BlobStore } from "./azurite.js";

export interface User {
  login: string;
  id: number;
  type: "Bot" | "User";
}
export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: User;
  createdAt: string;
  updatedAt: string;
}
export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  blob: string;
  sizeBytes: number;
  finalized: boolean;
  createdAt: string;
}
export interface Artifact {
  id: number;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blob: string;
  mimeType: string;
  size: number;
  digest?: string;
  finalized: boolean;
  createdAt: string;
  expiresAt: string;
}
/** A workflow run as both APIs know it: a numeric id for REST, backend ids for the results service. */
export interface Run {
  id: number;
  backendId: string;
  jobBackendId: string;
  token: string;
}
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
}
/** An open pull request: enough for pulls.get (its number and head commit). */
export interface PullRequest {
  number: number;
  headSha: string;
  headRepo: string;
  baseRef: string;
}

export interface ServerState {
  comments: Map<number, Comment>;
  caches: Map<number, CacheEntry>;
  artifacts: Map<number, Artifact>;
  pulls: Map<number, PullRequest>;
  requests: RequestRecord[];
}

export type Access = "write" | "read";

/** Everything a request handler may read or change. */
export interface Context {
  owner: string;
  repo: string;
  apiUrl: string;
  serverUrl: string;
  tokens: ReadonlyMap<string, Access>;
  runsByToken: ReadonlyMap<string, Run>;
  state: ServerState;
  blobs: BlobStore;
  nextId(): number;
}

/** GitHub's timestamps carry whole seconds. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The name a download should be saved as: zipped artifacts gain ".zip", raw ones keep their file name. */
export function artifactFileName(artifact: Artifact): string {
  return artifact.mimeType === "application/zip" ? `${artifact.name}.zip` : artifact.name;
}
