import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, readJson, sendJson, text, textList, type Json } from "./http.js";
import { artifactFileName, type Artifact, type CacheEntry, type Context, type Run } from "./github-state.js";

const TWIRP_STATUS = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
} as const;

/** Twirp's error body is {code, msg}; the clients surface `msg` in their messages. */
export function twirpError(code: keyof typeof TWIRP_STATUS, msg: string): HttpError {
  return new HttpError(TWIRP_STATUS[code], { code, msg });
}

type Method = (ctx: Context, run: Run, body: Json) => Promise<Json> | Json;

const SERVICES = new Map<string, Map<string, Method>>([
  [
    "github.actions.results.api.v1.CacheService",
    new Map<string, Method>([
      ["CreateCacheEntry", createCacheEntry],
      ["FinalizeCacheEntryUpload", finalizeCacheEntry],
      ["GetCacheEntryDownloadURL", getCacheEntryDownloadUrl],
    ]),
  ],
  [
    "github.actions.results.api.v1.ArtifactService",
    new Map<string, Method>([
      ["CreateArtifact", createArtifact],
      ["FinalizeArtifact", finalizeArtifact],
      ["ListArtifacts", listArtifacts],
      ["GetSignedArtifactURL", getSignedArtifactUrl],
      ["DeleteArtifact", deleteArtifact],
    ]),
  ],
]);

/** The Actions results service: Twirp over JSON at /twirp/<service>/<method>, authorized by the runtime token. */
export async function handleTwirp(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const [, , service = "", name = ""] = url.pathname.split("/");
  const method = SERVICES.get(service)?.get(name);
  if (req.method !== "POST" || !method) throw twirpError("bad_route", `no handler for ${req.method} ${url.pathname}`);
  const token = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const run = token === undefined ? undefined : ctx.runsByToken.get(token);
  if (!run) throw twirpError("unauthenticated", "invalid or missing runtime token");
  sendJson(res, 200, await method(ctx, run, await readJson(req)));
}

function required(body: Json, field: string): string {
  const value = text(body, field);
  if (!value) throw twirpError("invalid_argument", `${field} is required`);
  return value;
}

// Cache entries are scoped to the repository here; GitHub also scopes them by ref, which one server need not model.

function createCacheEntry(ctx: Context, _run: Run, body: Json): Json {
  const key = required(body, "key");
  const version = required(body, "version");
  if ([...ctx.state.caches.values()].some((e) => e.key === key && e.version === version)) {
    throw twirpError("already_exists", "cache entry with the same key, version, and scope already exists");
  }
  const id = ctx.nextId();
  const entry: CacheEntry = { id, key, version, blob: `caches/${id}`, sizeBytes: 0, finalized: false, createdAt: new Date().toISOString() };
  ctx.state.caches.set(id, entry);
  return { ok: true, signed_upload_url: ctx.blobs.signedUrl(entry.blob, "rcw") };
}

async function finalizeCacheEntry(ctx: Context, _run: Run, body: Json): Promise<Json> {
  const key = required(body, "key");
  const version = required(body, "version");
  const entry = [...ctx.state.caches.values()].find((e) => e.key === key && e.version === version && !e.finalized);
  if (!entry) throw twirpError("not_found", `no pending cache entry for key ${key}`);
  const size = await ctx.blobs.blobSize(entry.blob);
  if (size === undefined) return { ok: false, message: `cache archive for key ${key} was never uploaded` };
  Object.assign(entry, { finalized: true, sizeBytes: size });
  return { ok: true, entry_id: String(entry.id) };
}

/** GitHub's matching: per key in order, an exact match, else the newest entry the key prefixes; versions must agree. */
function getCacheEntryDownloadUrl(ctx: Context, _run: Run, body: Json): Json {
  const version = required(body, "version");
  const keys = [required(body, "key"), ...textList(body, "restore_keys")];
  const newestFirst = [...ctx.state.caches.values()].filter((e) => e.finalized && e.version === version).sort((a, b) => b.id - a.id);
  for (const key of keys) {
    const hit = newestFirst.find((e) => e.key === key) ?? newestFirst.find((e) => e.key.startsWith(key));
    if (hit) return { ok: true, signed_download_url: ctx.blobs.signedUrl(hit.blob, "r"), matched_key: hit.key };
  }
  return { ok: false };
}

/** The results service only lets a token touch its own workflow run. */
function ownRun(run: Run, body: Json): void {
  if (text(body, "workflow_run_backend_id") !== run.backendId) {
    throw twirpError("permission_denied", "workflow run backend id does not match the runtime token");
  }
}

function runArtifacts(ctx: Context, run: Run, finalized: boolean): Artifact[] {
  return [...ctx.state.artifacts.values()].filter((a) => a.runBackendId === run.backendId && a.finalized === finalized);
}

function finalizedByName(ctx: Context, run: Run, body: Json): Artifact {
  const name = required(body, "name");
  const artifact = runArtifacts(ctx, run, true).find((a) => a.name === name);
  if (!artifact) throw twirpError("not_found", `artifact ${name} not found`);
  return artifact;
}

function createArtifact(ctx: Context, run: Run, body: Json): Json {
  ownRun(run, body);
  const name = required(body, "name");
  if (runArtifacts(ctx, run, true).some((a) => a.name === name)) {
    throw twirpError("already_exists", "an artifact with this name already exists on the workflow run");
  }
  // An unfinished upload of the same name was abandoned; the retry replaces it.
  for (const stale of runArtifacts(ctx, run, false).filter((a) => a.name === name)) ctx.state.artifacts.delete(stale.id);
  const id = ctx.nextId();
  const createdAt = new Date();
  const artifact: Artifact = {
    id,
    runId: run.id,
    runBackendId: run.backendId,
    jobBackendId: required(body, "workflow_job_run_backend_id"),
    name,
    blob: `artifacts/${id}`,
    mimeType: text(body, "mime_type") ?? "application/zip",
    size: 0,
    finalized: false,
    createdAt: createdAt.toISOString(),
    expiresAt: text(body, "expires_at") ?? new Date(createdAt.getTime() + 90 * 86_400_000).toISOString(),
  };
  ctx.state.artifacts.set(id, artifact);
  return { ok: true, signed_upload_url: ctx.blobs.signedUrl(artifact.blob, "rcw") };
}

async function finalizeArtifact(ctx: Context, run: Run, body: Json): Promise<Json> {
  ownRun(run, body);
  const name = required(body, "name");
  const artifact = runArtifacts(ctx, run, false).find((a) => a.name === name);
  if (!artifact) throw twirpError("not_found", `no pending upload for artifact ${name}`);
  const size = await ctx.blobs.blobSize(artifact.blob);
  if (size === undefined) throw twirpError("not_found", `artifact ${name} was never uploaded`);
  Object.assign(artifact, { finalized: true, size, digest: text(body, "hash") });
  return { ok: true, artifact_id: String(artifact.id) };
}

function listArtifacts(ctx: Context, run: Run, body: Json): Json {
  ownRun(run, body);
  const name = text(body, "name_filter");
  const id = text(body, "id_filter");
  const artifacts = runArtifacts(ctx, run, true).filter(
    (a) => (name === undefined || a.name === name) && (id === undefined || String(a.id) === id),
  );
  return {
    artifacts: artifacts.map((a) => ({
      workflow_run_backend_id: a.runBackendId,
      workflow_job_run_backend_id: a.jobBackendId,
      database_id: String(a.id),
      name: a.name,
      size: String(a.size),
      created_at: a.createdAt,
      ...(a.digest ? { digest: a.digest } : {}),
    })),
  };
}

function getSignedArtifactUrl(ctx: Context, run: Run, body: Json): Json {
  ownRun(run, body);
  const artifact = finalizedByName(ctx, run, body);
  return { signed_url: ctx.blobs.signedUrl(artifact.blob, "r", { fileName: artifactFileName(artifact) }) };
}

async function deleteArtifact(ctx: Context, run: Run, body: Json): Promise<Json> {
  ownRun(run, body);
  const artifact = finalizedByName(ctx, run, body);
  ctx.state.artifacts.delete(artifact.id);
  await ctx.blobs.deleteBlob(artifact.blob);
  return { ok: true, artifact_id: String(artifact.id) };
}
