/**
 * A local stand-in for huggingface.co that speaks the HTTP protocol @huggingface/hub 2.x uses,
 * so tests run the real client with `hubUrl: server.url`. State lives in hub-state.ts.
 *
 * Uploads: @huggingface/hub offers `transfers: ["basic", "multipart", "xet"]` in the LFS batch call
 * and uploads through Xet only when the answer says `transfer: "xet"`. With `xet: true` this hub
 * does what huggingface.co does for its (now all Xet-backed) repos: it answers "xet" with a CAS
 * URL and token, and a local CAS (xet.ts) takes the xorbs and shards and checks them. Without it,
 * or for a client that does not offer "xet", the answer is "basic" and the client PUTs whole files.
 *
 * Downloads stay on the LFS-bridge path either way: `resolve` redirects to a presigned "CDN" link
 * serving the whole file (for Xet files, the bytes rebuilt from the uploaded xorbs), and never
 * answers with `Content-Type: application/vnd.xet-fileinfo+json`, the client's cue for Xet reads.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { stringify as stringifyYaml } from "yaml";
import { readBody, stallBody } from "./body-faults.js";
import { startXetCas, type XetCas } from "./xet.js";
import {
  cardData,
  commitTo,
  DEFAULT_GITATTRIBUTES,
  DEFAULT_LFS_THRESHOLD,
  describePath,
  lfsPointer,
  listTree,
  needsLfs,
  repoKey,
  resolveRevision,
  sha256,
  type FileOp,
  type HubCommit,
  type HubRepo,
  type RepoType,
  type TreeEntry,
} from "./hub-state.js";

export type { HubCommit, HubFile, HubRepo, RepoType } from "./hub-state.js";

export interface TokenInfo {
  user: string;
  /** "read" tokens can read private repos of their user/orgs but not write. */
  role?: "read" | "write";
  orgs?: string[];
}

export interface HubServerOptions {
  /** token -> user; the default has hf_write/hf_read for "miner" and hf_other for "stranger". */
  tokens?: Record<string, string | TokenInfo>;
  /** Files at least this big go to LFS at preupload. */
  lfsThreshold?: number;
  /** Tree entries per page before a `Link: rel="next"` header. */
  pageSize?: number;
  /** Xet-backed repos, as on huggingface.co since 2025: LFS batch answers "xet" to clients that offer it. */
  xet?: boolean;
  /** Lifetime of the CAS tokens the hub mints; under a minute makes @huggingface/hub call the refresh route. */
  xetTokenTtlSeconds?: number;
}

export interface AddRepoOptions {
  type: RepoType;
  name: string;
  private?: boolean;
  /** Written as README.md front matter, which is where the Hub reads cardData from. */
  cardData?: Record<string, unknown>;
  sdk?: string;
  /** Access requests on: what repo info reports as `gated`. */
  gated?: "auto" | "manual";
}

export interface PutFileOptions {
  /** Default: the preupload rule (gitattributes pattern, size, binary). */
  lfs?: boolean;
  commitDate?: Date;
  commitTitle?: string;
  author?: string;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query as received. */
  path: string;
  /** 0 when the connection was dropped on purpose. */
  status: number;
}

export interface LfsBatchLogEntry {
  /** `models/owner/name` */
  repo: string;
  /** What the client offered. */
  transfers: string[];
  /** What the hub answered. */
  transfer: "basic" | "xet";
  oids: string[];
}

export interface FailOptions {
  times?: number;
  /**
   * An HTTP status to answer with; "drop" to destroy the socket before any response; "silent" to
   * accept the request and never answer (nor read its body); "stall" to send the headers and half
   * the body, then nothing; "stall-body" to read `afterBytes` of the request body, then stop reading
   * it and never answer (an upload that stops mid-way); "slow" to read the request body at
   * `bytesPerSecond`, then handle the request as usual (a slow but honest link).
   */
  status?: number | "drop" | "silent" | "stall" | "stall-body" | "slow";
  method?: string;
  /** With "drop": the request is handled first (it takes effect), then the answer is lost, as on a connection that dies. */
  afterHandling?: boolean;
  /** With "stall-body": the bytes read before the server stops reading (default 1 MiB). */
  afterBytes?: number;
  /** With "slow": the reading rate. */
  bytesPerSecond?: number;
  /** Let this many matching requests through first (a download's range probe, before the download itself). */
  skip?: number;
}

export interface HubServer {
  url: string;
  tokens: Map<string, TokenInfo>;
  repos: Map<string, HubRepo>;
  /** Every request in arrival order, for asserting what the client really called. */
  requests: RequestLogEntry[];
  /** Every LFS batch call: which transfer the client offered and which the hub chose. */
  lfsBatches: LfsBatchLogEntry[];
  /** The Xet CAS, when started with `xet: true`; its own request log and store. */
  xet?: XetCas;
  addRepo(repo: AddRepoOptions): HubRepo;
  repo(type: RepoType, name: string): HubRepo | undefined;
  putFile(
    type: RepoType,
    name: string,
    path: string,
    content: Buffer | string,
    opts?: PutFileOptions,
  ): { oid: string; commitId: string; lfs: boolean };
  getFile(type: RepoType, name: string, path: string, revision?: string): Buffer | undefined;
  /** The next `times` requests whose path (with query) matches fail; for retry tests. */
  failNext(match: string | RegExp, opts?: FailOptions): void;
  /** Serves this repo's tree listings in another order than by path, as a real hub may; tests prove clients keep it. */
  setTreeOrder(type: RepoType, name: string, compare: (a: string, b: string) => number): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

type Req = http.IncomingMessage & { body: Buffer; pathname: string; query: URLSearchParams };
type Handler = (req: Req, res: http.ServerResponse, m: string[]) => void;

const TYPES: Record<string, RepoType> = { models: "model", datasets: "dataset", spaces: "space" };
const NAME = "[^/]+(?:/[^/]+)?";
const API = `^/api/(models|datasets|spaces)/(${NAME})`;
const PREFIX = "^/(?:(datasets|spaces)/)?";
const prefixOf = (type: RepoType): string => (type === "model" ? "" : `${type}s/`);

export async function startHubServer(options: HubServerOptions = {}): Promise<HubServer> {
  const tokens = new Map<string, TokenInfo>(
    Object.entries(options.tokens ?? { hf_write: "miner", hf_read: { user: "miner", role: "read" }, hf_other: "stranger" }).map(
      ([token, info]) => [token, typeof info === "string" ? { user: info } : info],
    ),
  );
  const lfsThreshold = options.lfsThreshold ?? DEFAULT_LFS_THRESHOLD;
  const pageSize = options.pageSize ?? 1000;
  const repos = new Map<string, HubRepo>();
  /** LFS object store by sha256, shared by uploads and the download "CDN". */
  const blobs = new Map<string, Buffer>();
  const requests: RequestLogEntry[] = [];
  const lfsBatches: LfsBatchLogEntry[] = [];
  /** sha256 -> Xet file hash, for objects uploaded through the CAS. */
  const xetHashes = new Map<string, string>();
  const xet = options.xet
    ? await startXetCas({
        tokenTtlSeconds: options.xetTokenTtlSeconds,
        // A file the CAS verified becomes an LFS object of the repo the token was minted for.
        onFile: (key, file, content) => {
          blobs.set(file.sha256, content);
          repos.get(key)?.lfsObjects.add(file.sha256);
          xetHashes.set(file.sha256, file.hash);
        },
      })
    : undefined;
  const faults: Array<{
    match: string | RegExp;
    left: number;
    status: NonNullable<FailOptions["status"]>;
    method?: string;
    afterHandling?: boolean;
    afterBytes?: number;
    bytesPerSecond?: number;
    skip: number;
  }> = [];
  const gatedRepos = new Map<string, "auto" | "manual">();
  const treeOrders = new Map<string, (a: string, b: string) => number>();
  // Upload and CDN links carry a signature instead of a token, like presigned S3 URLs.
  const secret = randomBytes(16);
  const sign = (what: string): string => createHmac("sha256", secret).update(what).digest("hex").slice(0, 32);
  let url = "";

  function user(req: Req): TokenInfo | undefined {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const info = tokens.get(header.replace(/^Bearer\s+/i, ""));
    if (!info) throw new HttpError(401, "Invalid credentials in Authorization header");
    return info;
  }

  const canSee = (info: TokenInfo | undefined, namespace: string): boolean =>
    !!info && (info.user === namespace || !!info.orgs?.includes(namespace));

  /** Private and missing repos look alike, as on the Hub: 401 anonymously, 404 with a token. */
  function access(req: Req, type: RepoType, name: string, write = false): { repo: HubRepo; who?: TokenInfo } {
    const who = user(req);
    const repo = repos.get(repoKey(type, name));
    const namespace = name.split("/")[0];
    if (!repo || (repo.private && !canSee(who, namespace))) {
      throw new HttpError(who ? 404 : 401, "Repository not found", "RepoNotFound");
    }
    if (write && (!canSee(who, namespace) || who?.role === "read")) {
      throw new HttpError(who ? 403 : 401, `You don't have the rights to write to ${type}s/${name}`);
    }
    return { repo, who };
  }

  function revision(repo: HubRepo, rev: string): HubCommit {
    const commit = resolveRevision(repo, decodeURIComponent(rev));
    if (!commit) throw new HttpError(404, `Invalid rev id: ${rev}`, "RevisionNotFound");
    return commit;
  }

  function json(res: http.ServerResponse, status: number, body: unknown, type = "application/json"): void {
    res.writeHead(status, { "Content-Type": `${type}; charset=utf-8` }).end(JSON.stringify(body));
  }

  /** Bytes with Range support, since the client probes every download with `Range: bytes=0-0`. */
  function sendBytes(req: Req, res: http.ServerResponse, data: Buffer, headers: Record<string, string>): void {
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
    const base = { ...headers, "Accept-Ranges": "bytes", "Content-Type": "application/octet-stream" };
    if (!range || (!range[1] && !range[2])) {
      res.writeHead(200, { ...base, "Content-Length": data.length }).end(req.method === "HEAD" ? undefined : data);
      return;
    }
    const start = range[1] ? Number(range[1]) : Math.max(0, data.length - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
    if (start >= data.length || end < start) {
      res.writeHead(416, { ...base, "Content-Range": `bytes */${data.length}` }).end();
      return;
    }
    const part = data.subarray(start, end + 1);
    res.writeHead(206, { ...base, "Content-Length": part.length, "Content-Range": `bytes ${start}-${end}/${data.length}` });
    res.end(req.method === "HEAD" ? undefined : part);
  }

  function createRepo(opts: AddRepoOptions, author: string, files: FileOp[] = []): HubRepo {
    if (opts.gated) gatedRepos.set(repoKey(opts.type, opts.name), opts.gated);
    const repo: HubRepo = {
      type: opts.type,
      name: opts.name,
      private: !!opts.private,
      sdk: opts.type === "space" ? (opts.sdk ?? "static") : undefined,
      createdAt: new Date(),
      commits: [],
      lfsObjects: new Set(),
    };
    if (opts.cardData) files.push({ path: "README.md", content: Buffer.from(`---\n${stringifyYaml(opts.cardData)}---\n`), lfs: false });
    commitTo(repo, [{ path: ".gitattributes", content: Buffer.from(DEFAULT_GITATTRIBUTES), lfs: false }, ...files], {
      title: "initial commit",
      author,
      date: new Date(0),
    });
    repos.set(repoKey(repo.type, repo.name), repo);
    return repo;
  }

  const lfsRule = (commit: HubCommit | undefined, path: string, size: number, sample: Buffer, attrs?: string): boolean =>
    needsLfs(path, size, sample, attrs ?? commit?.files.get(".gitattributes")?.content.toString() ?? DEFAULT_GITATTRIBUTES, lfsThreshold);

  function treeEntries(req: Req, entries: TreeEntry[], res: http.ServerResponse): void {
    const limit = Math.min(Number(req.query.get("limit")) || pageSize, pageSize);
    const offset = Number(Buffer.from(req.query.get("cursor") ?? "", "base64url").toString()) || 0;
    if (offset + limit < entries.length) {
      const next = new URL(req.url ?? "", url);
      next.searchParams.set("cursor", Buffer.from(String(offset + limit)).toString("base64url"));
      res.setHeader("Link", `<${next.href}>; rel="next"`);
    }
    json(res, 200, entries.slice(offset, offset + limit));
  }

  const routes: Array<[string, RegExp, Handler]> = [
    [
      "GET",
      /^\/api\/whoami-v2$/,
      (req, res) => {
        const who = user(req);
        if (!who) throw new HttpError(401, "Invalid username or password.");
        json(res, 200, {
          type: "user",
          id: sign(who.user).slice(0, 24),
          name: who.user,
          fullname: who.user,
          email: `${who.user}@example.com`,
          emailVerified: true,
          isPro: false,
          canPay: false,
          avatarUrl: "",
          periodEnd: null,
          billingMode: "postpaid",
          orgs: (who.orgs ?? []).map((name) => ({
            type: "org",
            id: sign(name).slice(0, 24),
            name,
            fullname: name,
            email: null,
            canPay: false,
            avatarUrl: "",
            periodEnd: null,
          })),
          auth: {
            type: "access_token",
            accessToken: { displayName: "test", role: who.role ?? "write", createdAt: new Date(0).toISOString() },
          },
        });
      },
    ],
    [
      "POST",
      /^\/api\/repos\/create$/,
      (req, res) => {
        const who = user(req);
        const body = JSON.parse(req.body.toString()) as {
          name: string;
          organization?: string;
          type?: RepoType;
          visibility?: string;
          private?: boolean;
          sdk?: string;
          files?: Array<{ path: string; content: string; encoding?: string }>;
        };
        const type = body.type ?? "model";
        const name = `${body.organization ?? who?.user}/${body.name}`;
        if (!who || who.role === "read" || !canSee(who, name.split("/")[0]))
          throw new HttpError(who ? 403 : 401, `You don't have the rights to create ${name}`);
        const repoUrl = `${url}/${prefixOf(type)}${name}`;
        if (repos.has(repoKey(type, name))) return json(res, 409, { error: `You already created this ${type} repo`, url: repoUrl });
        const files = (body.files ?? []).map((f) => ({
          path: f.path,
          content: Buffer.from(f.content, f.encoding === "base64" ? "base64" : "utf8"),
          lfs: false,
        }));
        createRepo({ type, name, private: body.visibility === "private" || body.private === true, sdk: body.sdk }, who.user, files);
        json(res, 200, { url: repoUrl, name, id: sign(name).slice(0, 24) });
      },
    ],
    [
      "GET",
      new RegExp(`${API}/tree/([^/]+)(?:/(.+))?$`),
      (req, res, [, t, name, rev, dir]) => {
        const { repo } = access(req, TYPES[t], name);
        const recursive = req.query.get("recursive") === "true" || req.query.get("recursive") === "1";
        const entries = listTree(repo, revision(repo, rev), dir ?? "", recursive, req.query.get("expand") === "true");
        if (!entries) throw new HttpError(404, `Entry not found: ${dir}`, "EntryNotFound");
        const order = treeOrders.get(repoKey(repo.type, repo.name));
        treeEntries(req, order ? entries.sort((a, b) => order(a.path, b.path)) : entries, res);
      },
    ],
    [
      "POST",
      new RegExp(`${API}/paths-info/([^/]+)$`),
      (req, res, [, t, name, rev]) => {
        const { repo } = access(req, TYPES[t], name);
        const commit = revision(repo, rev);
        // The JS client posts JSON; huggingface_hub (Python) posts a form.
        const form = req.headers["content-type"]?.includes("application/x-www-form-urlencoded")
          ? new URLSearchParams(req.body.toString())
          : undefined;
        const body = form
          ? { paths: form.getAll("paths"), expand: ["true", "1"].includes(form.get("expand") ?? "") }
          : (JSON.parse(req.body.toString()) as { paths: string[]; expand?: boolean });
        // Missing paths are left out rather than failing the whole call, like the Hub.
        json(
          res,
          200,
          body.paths.map((p) => describePath(repo, commit, p, !!body.expand)).filter((e) => e),
        );
      },
    ],
    [
      "GET",
      new RegExp(`${API}(?:/revision/([^/]+))?$`),
      (req, res, [, t, name, rev]) => {
        const { repo } = access(req, TYPES[t], name);
        const commit = revision(repo, rev ?? "main");
        const info: Record<string, unknown> = {
          _id: sign(repoKey(repo.type, name)).slice(0, 24),
          id: name,
          author: name.split("/")[0],
          sha: commit.id,
          lastModified: commit.date.toISOString(),
          createdAt: repo.createdAt.toISOString(),
          private: repo.private,
          gated: gatedRepos.get(repoKey(repo.type, name)) ?? false,
          disabled: false,
          downloads: 0,
          likes: 0,
          tags: [],
          cardData: cardData(commit),
          sdk: repo.sdk,
          xetEnabled: !!xet,
          siblings: [...commit.files.keys()].sort().map((rfilename) => ({ rfilename })),
        };
        // With `expand`, the Hub returns only the requested fields.
        const expand = [...req.query.getAll("expand"), ...req.query.getAll("expand[]")];
        json(
          res,
          200,
          expand.length ? Object.fromEntries(Object.entries(info).filter(([k]) => ["_id", "id", ...expand].includes(k))) : info,
        );
      },
    ],
    [
      "POST",
      new RegExp(`${API}/preupload/([^/]+)$`),
      (req, res, [, t, name, rev]) => {
        const { repo } = access(req, TYPES[t], name, true);
        const commit = revision(repo, rev);
        const body = JSON.parse(req.body.toString()) as {
          gitAttributes?: string;
          files: Array<{ path: string; size: number; sample: string }>;
        };
        const files = body.files.map((f) => ({
          path: f.path,
          uploadMode: lfsRule(commit, f.path, f.size, Buffer.from(f.sample, "base64"), body.gitAttributes) ? "lfs" : "regular",
          shouldIgnore: false,
        }));
        json(res, 200, { files, commitOid: commit.id });
      },
    ],
    [
      "POST",
      new RegExp(`${PREFIX}(${NAME})\\.git/info/lfs/objects/batch$`),
      (req, res, [, t, name]) => {
        const type = t ? TYPES[t] : "model";
        const body = JSON.parse(req.body.toString()) as {
          operation: string;
          transfers?: string[];
          ref?: { name?: string };
          objects: Array<{ oid: string; size: number }>;
        };
        if (body.operation !== "upload") throw new HttpError(400, "This test hub only implements LFS uploads");
        const { repo } = access(req, type, name, true);
        const transfers = body.transfers ?? ["basic"];
        const useXet = !!xet && transfers.includes("xet");
        lfsBatches.push({ repo: repoKey(type, name), transfers, transfer: useXet ? "xet" : "basic", oids: body.objects.map((o) => o.oid) });
        if (xet && useXet) {
          // As huggingface.co: the upload action's href is the write-token refresh route, its headers a first token.
          const token = xet.issueToken(repoKey(type, name), "write");
          const href = `${url}/api/${type}s/${name}/xet-write-token/${encodeURIComponent(body.ref?.name ?? "main")}`;
          const header = {
            "X-Xet-Cas-Url": token.casUrl,
            "X-Xet-Access-Token": token.accessToken,
            "X-Xet-Token-Expiration": String(token.exp),
            "X-Xet-Session-Id": randomUUID(),
          };
          const objects = body.objects.map(({ oid, size }) =>
            !/^[0-9a-f]{64}$/.test(oid)
              ? { oid, size, error: { code: 422, message: "Invalid oid" } }
              : repo.lfsObjects.has(oid)
                ? { oid, size, authenticated: true }
                : { oid, size, authenticated: true, actions: { upload: { href, header } } },
          );
          return json(res, 200, { transfer: "xet", objects }, "application/vnd.git-lfs+json");
        }
        const objects = body.objects.map(({ oid, size }) => {
          if (!/^[0-9a-f]{64}$/.test(oid)) return { oid, size, error: { code: 422, message: "Invalid oid" } };
          const key = `${repoKey(type, name)}/${oid}`;
          // No actions means "already uploaded"; the client then skips the PUT.
          return repo.lfsObjects.has(oid)
            ? { oid, size, authenticated: true }
            : {
                oid,
                size,
                authenticated: true,
                actions: { upload: { href: `${url}/__lfs/upload/${key}?size=${size}&sig=${sign(key)}`, expires_in: 3600 } },
              };
        });
        // "basic" even when the client offers "xet": that alone keeps @huggingface/hub on plain PUTs.
        json(res, 200, { transfer: "basic", objects }, "application/vnd.git-lfs+json");
      },
    ],
    [
      "GET",
      new RegExp(`${API}/xet-(read|write)-token/(.+)$`),
      (req, res, [, t, name, scope, rev]) => {
        if (!xet) throw new HttpError(404, "Xet is not enabled on this hub");
        const { repo } = access(req, TYPES[t], name, scope === "write");
        revision(repo, rev);
        const token = xet.issueToken(repoKey(repo.type, name), scope === "write" ? "write" : "read");
        // The body is what the spec documents; huggingface_hub (Python) reads the same from headers.
        res.setHeader("X-Xet-Cas-Url", token.casUrl);
        res.setHeader("X-Xet-Access-Token", token.accessToken);
        res.setHeader("X-Xet-Token-Expiration", String(token.exp));
        json(res, 200, token);
      },
    ],
    [
      "PUT",
      new RegExp(`^/__lfs/upload/(models|datasets|spaces)/(${NAME})/([0-9a-f]{64})$`),
      (req, res, [, t, name, oid]) => {
        const key = `${t}/${name}/${oid}`;
        if (req.query.get("sig") !== sign(key)) throw new HttpError(403, "Bad signature");
        if (req.body.length !== Number(req.query.get("size")) || sha256(req.body) !== oid)
          throw new HttpError(400, `Uploaded content does not match sha256 ${oid}`);
        blobs.set(oid, req.body);
        repos.get(`${t}/${name}`)?.lfsObjects.add(oid);
        res.writeHead(200, { ETag: `"${oid}"` }).end();
      },
    ],
    [
      "POST",
      new RegExp(`${API}/commit/([^/]+)$`),
      (req, res, [, t, name, rev]) => {
        const { repo, who } = access(req, TYPES[t], name, true);
        const head = revision(repo, rev);
        if (rev !== "main") throw new HttpError(400, "This test hub only commits to main");
        if (req.query.has("create_pr")) throw new HttpError(400, "Pull requests are not supported by this test hub");
        const lines = req.body
          .toString()
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as { key: string; value: Record<string, string | number | undefined> });
        const header = lines.find((l) => l.key === "header")?.value;
        if (!header?.summary) throw new HttpError(400, "Missing commit header with a summary");
        if (header.parentCommit && header.parentCommit !== head.id)
          throw new HttpError(412, "A commit has happened since. Please refresh and try again.");
        const ops: FileOp[] = [];
        for (const { key, value } of lines) {
          const path = String(value.path);
          if (key === "file")
            ops.push({
              path,
              content: Buffer.from(String(value.content ?? ""), value.encoding === "base64" ? "base64" : "utf8"),
              lfs: false,
            });
          else if (key === "lfsFile") {
            const content = blobs.get(String(value.oid));
            if (!content || !repo.lfsObjects.has(String(value.oid)))
              throw new HttpError(400, `Your push was rejected because an LFS pointer pointed to a file that does not exist (${path})`);
            ops.push({ path, content, lfs: true, xetHash: xetHashes.get(String(value.oid)) });
          } else if (key === "deletedFile") {
            if (!head.files.has(path)) throw new HttpError(404, `File not found: ${path}`, "EntryNotFound");
            ops.push({ path, delete: true });
          } else if (key === "deletedFolder") {
            for (const p of head.files.keys()) if (p.startsWith(`${path.replace(/\/$/, "")}/`)) ops.push({ path: p, delete: true });
          } else if (key !== "header") throw new HttpError(400, `Unknown commit operation: ${key}`);
        }
        const commit = commitTo(repo, ops, {
          title: String(header.summary),
          description: header.description ? String(header.description) : undefined,
          author: who!.user,
        });
        json(res, 200, {
          success: true,
          commitOid: commit.id,
          commitUrl: `${url}/${prefixOf(repo.type)}${name}/commit/${commit.id}`,
          hookOutput: "",
        });
      },
    ],
    [
      "GET|HEAD",
      /^\/__lfs\/cdn\/([0-9a-f]{64})$/,
      (req, res, [, oid]) => {
        const data = blobs.get(oid);
        if (!data || req.query.get("sig") !== sign(oid)) throw new HttpError(403, "Access denied");
        sendBytes(req, res, data, { ETag: `"${oid}"` });
      },
    ],
    [
      "GET|HEAD",
      new RegExp(`${PREFIX}(${NAME})/(resolve|raw)/([^/]+)/(.+)$`),
      (req, res, [, t, name, kind, rev, path]) => {
        const { repo } = access(req, t ? TYPES[t] : "model", name);
        const commit = revision(repo, rev);
        const file = commit.files.get(path);
        // fileDownloadInfo() returns null only for this exact error code.
        if (!file) throw new HttpError(404, `Entry not found: ${path}`, "EntryNotFound");
        const headers = { ETag: `"${file.oid}"`, "X-Repo-Commit": commit.id, ...(file.xetHash && { "X-Xet-Hash": file.xetHash }) };
        if (!file.lfs || kind === "raw") {
          sendBytes(req, res, file.lfs ? lfsPointer(file.lfs.oid, file.lfs.size) : file.content, headers);
          return;
        }
        // LFS content lives behind a redirect to a presigned "CDN" link, as on the Hub.
        res
          .writeHead(302, {
            ...headers,
            Location: `${url}/__lfs/cdn/${file.lfs.oid}?sig=${sign(file.lfs.oid)}`,
            "X-Linked-Etag": `"${file.lfs.oid}"`,
            "X-Linked-Size": String(file.lfs.size),
            "Content-Length": 0,
          })
          .end();
      },
    ],
  ];

  async function handle(req: Req, res: http.ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? "/", url);
    req.pathname = parsed.pathname;
    req.query = parsed.searchParams;
    const entry: RequestLogEntry = { method: req.method ?? "GET", path: req.url ?? "/", status: 0 };
    requests.push(entry);
    res.on("finish", () => (entry.status = res.statusCode));
    // A client that gives up on a request (a stall detector's abort) is no server error.
    req.on("error", () => {});
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === req.method) &&
        (typeof f.match === "string" ? entry.path.includes(f.match) : f.match.test(entry.path)),
    );
    let bytesPerSecond: number | undefined;
    if (fault && fault.skip > 0) fault.skip--;
    else if (fault) {
      fault.left--;
      if (fault.status === "slow") bytesPerSecond = fault.bytesPerSecond;
      else if (fault.status === "stall-body") return stallBody(req, fault.afterBytes);
      else if (fault.status === "drop" && fault.afterHandling) {
        // The handler runs and its effects stay; whatever it answers is swallowed and the connection dies instead.
        res.writeHead = (() => res) as typeof res.writeHead;
        res.end = (() => (req.socket.destroy(), res)) as typeof res.end;
      } else if (fault.status === "drop") return void req.socket.destroy();
      else if (fault.status === "silent") return;
      else if (fault.status === "stall") {
        // Whatever the handler sends, only its first half leaves, and the response never ends.
        const write = res.write.bind(res) as (chunk: Buffer) => boolean;
        res.end = ((chunk?: unknown) => {
          if (Buffer.isBuffer(chunk) || typeof chunk === "string")
            write(Buffer.from(chunk).subarray(0, Math.floor(Buffer.byteLength(chunk) / 2)));
          return res;
        }) as typeof res.end;
      } else return json(res, fault.status, { error: `Injected failure (${fault.status})` });
    }
    const body = await readBody(req, bytesPerSecond);
    if (!body) return;
    req.body = body;
    res.setHeader("X-Request-Id", randomUUID());
    try {
      const pathname = decodeURI(req.pathname);
      for (const [methods, re, handler] of routes) {
        const m = re.exec(pathname);
        if (m && methods.split("|").includes(req.method ?? "")) return handler(req, res, [...m]);
      }
      throw new HttpError(404, `No route for ${req.method} ${req.pathname}`);
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(500, err instanceof Error ? err.message : String(err));
      if (e.code) res.setHeader("X-Error-Code", e.code);
      res.setHeader("X-Error-Message", e.message);
      json(res, e.status, { error: e.message });
    }
  }

  const server = http.createServer((req, res) => void handle(req as Req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const find = (type: RepoType, name: string): HubRepo => {
    const repo = repos.get(repoKey(type, name));
    if (!repo) throw new Error(`No such repo: ${repoKey(type, name)}`);
    return repo;
  };

  return {
    url,
    tokens,
    repos,
    requests,
    lfsBatches,
    xet,
    addRepo: (opts) => createRepo(opts, opts.name.split("/")[0]),
    repo: (type, name) => repos.get(repoKey(type, name)),
    putFile(type, name, path, content, opts = {}) {
      const repo = find(type, name);
      const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
      const lfs = opts.lfs ?? lfsRule(repo.commits.at(-1), path, data.length, data);
      if (lfs) blobs.set(sha256(data), data);
      const commit = commitTo(repo, [{ path, content: data, lfs }], {
        title: opts.commitTitle ?? `Upload ${path}`,
        date: opts.commitDate,
        author: opts.author ?? name.split("/")[0],
      });
      return { oid: commit.files.get(path)!.oid, commitId: commit.id, lfs };
    },
    getFile: (type, name, path, rev = "main") => {
      const repo = repos.get(repoKey(type, name));
      return repo && resolveRevision(repo, rev)?.files.get(path)?.content;
    },
    failNext(match, opts = {}) {
      faults.push({ ...opts, match, left: opts.times ?? 1, status: opts.status ?? 503, skip: opts.skip ?? 0 });
    },
    setTreeOrder(type, name, compare) {
      treeOrders.set(repoKey(type, name), compare);
    },
    close: async () => {
      await xet?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // fetch keeps sockets alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
    },
  };
}
