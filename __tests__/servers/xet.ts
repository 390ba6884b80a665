/**
 * A local Xet CAS (content-addressed store), the service huggingface.co hands uploads to when
 * the LFS batch answer is `transfer: "xet"`: https://huggingface.co/docs/xet/api. It runs on its
 * own port, as cas-server.xethub.hf.co is its own host, and takes only the tokens the hub mints.
 *
 * It implements what @huggingface/hub 2.x calls while uploading (POST /v1/xorbs/default/{hash},
 * POST /v1/shards, GET /v1/chunks/{prefix}/{hash} for global deduplication) and checks them the
 * way the spec says the real one does: each xorb's chunks decompress and hash to the xorb hash
 * in the path; a shard's terms point at uploaded xorbs, carry the right verification hashes,
 * rebuild to the file hash, and (because model repos keep LFS pointers) rebuild to bytes whose
 * SHA-256 is the one the shard declares. Only then is the file handed to the hub, which serves
 * exactly those rebuilt bytes as the download.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildDedupShard,
  fileHash,
  hashFromHex,
  hashHex,
  hashMod,
  parseShard,
  parseXorb,
  verificationHash,
  xorbHash,
  type HashedChunk,
  type ShardFile,
  type XorbChunk,
} from "./xet-format.js";
import { readBody, stallBody } from "./body-faults.js";

export interface XetToken {
  accessToken: string;
  /** Unix seconds, as the hub's token endpoints and the X-Xet-Token-Expiration header give it. */
  exp: number;
  casUrl: string;
}

export interface StoredXorb {
  hash: string;
  chunks: XorbChunk[];
  /** Serialized size as uploaded (what a shard calls the bytes on disk). */
  size: number;
}

export interface XetFile {
  /** The Xet file hash (what the Hub reports as `xetHash`). */
  hash: string;
  sha256: string;
  size: number;
  terms: Array<{ xorb: string; start: number; end: number }>;
}

export interface XetRequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** The X-Xet-Session-Id the client sent, which the hub handed out with the token. */
  session?: string;
}

export interface XetCas {
  url: string;
  /** Every CAS request in arrival order. */
  requests: XetRequestLogEntry[];
  xorbs: Map<string, StoredXorb>;
  /** By Xet file hash. */
  files: Map<string, XetFile>;
  /** Mints a CAS token scoped to one repo (`models/owner/name`), as the hub's xet-*-token routes do. */
  issueToken(repo: string, scope: "read" | "write", ttlSeconds?: number): XetToken;
  /** The file's bytes, rebuilt from the xorbs its terms name. */
  reconstruct(file: XetFile): Buffer;
  /**
   * The next `times` CAS requests whose path matches fail with `status` (503 by default); or, as on
   * the test hub, "silent" (never read, never answered), "stall-body" (`afterBytes` read, then
   * nothing) or "slow" (read at `bytesPerSecond`, then handled).
   */
  failNext(match: string | RegExp, opts?: CasFault): void;
  close(): Promise<void>;
}

export interface CasFault {
  times?: number;
  status?: number | "silent" | "stall-body" | "slow";
  method?: string;
  afterBytes?: number;
  bytesPerSecond?: number;
}

export interface XetCasOptions {
  /** Default token lifetime. */
  tokenTtlSeconds?: number;
  /** A shard registered a file for `repo`: the hub adds it to the repo's LFS objects. */
  onFile(repo: string, file: XetFile, content: Buffer): void;
}

class CasError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `hash % 1024 == 0` chunks are eligible for global dedup, as are files' first chunks (xet-core `global_dedup_eligible_chunks`). */
const GLOBAL_DEDUP_MODULUS = 1024;

export async function startXetCas(options: XetCasOptions): Promise<XetCas> {
  const ttl = options.tokenTtlSeconds ?? 3600;
  const tokens = new Map<string, { repo: string; scope: "read" | "write"; exp: number }>();
  const xorbs = new Map<string, StoredXorb>();
  const files = new Map<string, XetFile>();
  /** Chunk hash -> the xorb holding it, for the chunks a dedup query may ask about. */
  const dedupIndex = new Map<string, string>();
  const shardsSeen = new Set<string>();
  const requests: XetRequestLogEntry[] = [];
  const faults: Array<CasFault & { match: string | RegExp; left: number }> = [];
  let url = "";

  function auth(req: http.IncomingMessage, write: boolean): { repo: string } {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ? tokens.get(bearer) : undefined;
    if (!token) throw new CasError(401, "missing or unknown Xet token");
    if (token.exp * 1000 <= Date.now()) throw new CasError(401, "Xet token expired: refresh it");
    if (write && token.scope !== "write") throw new CasError(403, "this Xet token is read-only");
    return token;
  }

  function pathHash(hex: string): string {
    try {
      hashFromHex(hex);
    } catch {
      throw new CasError(400, `malformed hash ${hex}`);
    }
    return hex;
  }

  function reconstruct(file: XetFile): Buffer {
    const parts: Uint8Array[] = [];
    for (const term of file.terms) for (const chunk of xorbs.get(term.xorb)!.chunks.slice(term.start, term.end)) parts.push(chunk.data);
    return Buffer.concat(parts);
  }

  function uploadXorb(hash: string, body: Buffer): { was_inserted: boolean } {
    let chunks: XorbChunk[];
    try {
      chunks = parseXorb(body);
    } catch (err) {
      throw new CasError(400, `xorb ${hash} is not a valid xorb: ${(err as Error).message}`);
    }
    const actual = hashHex(xorbHash(chunks));
    if (actual !== hash) throw new CasError(400, `xorb hash mismatch: the body hashes to ${actual}, not ${hash}`);
    if (xorbs.has(hash)) return { was_inserted: false };
    xorbs.set(hash, { hash, chunks, size: body.length });
    return { was_inserted: true };
  }

  /** Checks one file of a shard against the stored xorbs and rebuilds it. */
  function checkFile(file: ShardFile): { file: XetFile; content: Buffer } {
    const fail = (why: string): never => {
      throw new CasError(400, `shard file ${file.hash}: ${why}`);
    };
    if (!file.sha256) fail("no SHA-256 metadata extension (required for model, dataset and space repos, whose LFS pointers name it)");
    const chunks: HashedChunk[] = [];
    const parts: Uint8Array[] = [];
    file.terms.forEach((term, i) => {
      const xorb = xorbs.get(term.xorb) ?? fail(`term ${i} references xorb ${term.xorb}, which was not uploaded`);
      if (term.start >= term.end || term.end > xorb.chunks.length)
        fail(`term ${i} asks for chunks [${term.start}, ${term.end}) of a ${xorb.chunks.length}-chunk xorb`);
      const range = xorb.chunks.slice(term.start, term.end);
      const length = range.reduce((n, c) => n + c.length, 0);
      if (length !== term.length) fail(`term ${i} says ${term.length} bytes, its chunks hold ${length}`);
      if (term.verification === undefined) fail("no verification entries (required for uploads)");
      if (hashHex(verificationHash(range.map((c) => c.hash))) !== term.verification) fail(`term ${i} has a wrong verification hash`);
      chunks.push(...range);
      parts.push(...range.map((c) => c.data));
    });
    if (hashHex(fileHash(chunks)) !== file.hash) fail("its terms do not rebuild to this file hash");
    const content = Buffer.concat(parts);
    const sha256 = createHash("sha256").update(content).digest("hex");
    if (sha256 !== file.sha256) fail(`the rebuilt bytes have SHA-256 ${sha256}, the shard declares ${file.sha256}`);
    return {
      file: { hash: file.hash, sha256, size: content.length, terms: file.terms.map(({ xorb, start, end }) => ({ xorb, start, end })) },
      content,
    };
  }

  function uploadShard(repo: string, body: Buffer): { result: 0 | 1 } {
    let shard;
    try {
      shard = parseShard(body);
    } catch (err) {
      throw new CasError(400, `not a valid shard: ${(err as Error).message}`);
    }
    // Xorb listings must describe xorbs already uploaded, exactly as uploaded.
    for (const listed of shard.xorbs) {
      const stored = xorbs.get(listed.hash);
      if (!stored) throw new CasError(400, `shard lists xorb ${listed.hash}, which was not uploaded`);
      let offset = 0;
      const same =
        listed.chunks.length === stored.chunks.length &&
        listed.bytesOnDisk === stored.size &&
        listed.chunks.every((c, i) => {
          const ok = c.hash === hashHex(stored.chunks[i].hash) && c.length === stored.chunks[i].length && c.offset === offset;
          offset += c.length;
          return ok;
        }) &&
        listed.bytesInXorb === offset;
      if (!same) throw new CasError(400, `shard's listing of xorb ${listed.hash} does not match the uploaded xorb`);
    }
    const checked = shard.files.map(checkFile);
    const key = createHash("sha256").update(body).digest("hex");
    const seen = shardsSeen.has(key);
    shardsSeen.add(key);
    for (const listed of shard.xorbs)
      for (const chunk of xorbs.get(listed.hash)!.chunks)
        if (hashMod(chunk.hash, GLOBAL_DEDUP_MODULUS) === 0) dedupIndex.set(hashHex(chunk.hash), listed.hash);
    for (const { file, content } of checked) {
      const first = file.terms[0];
      if (first) dedupIndex.set(hashHex(xorbs.get(first.xorb)!.chunks[first.start].hash), first.xorb);
      files.set(file.hash, file);
      options.onFile(repo, file, content);
    }
    return { result: seen ? 0 : 1 };
  }

  function dedupShard(chunk: string): Uint8Array | undefined {
    const xorb = xorbs.get(dedupIndex.get(chunk) ?? "");
    if (!xorb) return undefined;
    const expires = new Date(Date.now() + 24 * 3600 * 1000);
    return buildDedupShard([{ hash: hashFromHex(xorb.hash), chunks: xorb.chunks, bytesOnDisk: xorb.size }], randomBytes(32), expires);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url ?? "/";
    const session = req.headers["x-xet-session-id"];
    const entry: XetRequestLogEntry = { method: req.method ?? "GET", path, status: 0, ...(typeof session === "string" && { session }) };
    requests.push(entry);
    res.on("finish", () => (entry.status = res.statusCode));
    // A client that gives up on a request (a stall detector's abort) is no server error.
    req.on("error", () => {});
    const fault = faults.find(
      (f) =>
        f.left > 0 && (!f.method || f.method === req.method) && (typeof f.match === "string" ? path.includes(f.match) : f.match.test(path)),
    );
    if (fault) fault.left--;
    if (fault?.status === "silent") return;
    if (fault?.status === "stall-body") return stallBody(req, fault.afterBytes);
    const read = await readBody(req, fault?.status === "slow" ? fault.bytesPerSecond : undefined);
    if (!read) return;
    const body = [read];
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(payload));
    };
    try {
      if (fault && typeof fault.status !== "string") throw new CasError(fault.status ?? 503, `Injected failure (${fault.status ?? 503})`);
      const pathname = new URL(path, url).pathname;
      let m: RegExpExecArray | null;
      if (req.method === "POST" && (m = /^\/v1\/xorbs\/([^/]+)\/([^/]+)$/.exec(pathname))) {
        auth(req, true);
        if (m[1] !== "default") throw new CasError(400, `unknown xorb prefix ${m[1]}`);
        return send(200, uploadXorb(pathHash(m[2]), Buffer.concat(body)));
      }
      if (req.method === "POST" && pathname === "/v1/shards") return send(200, uploadShard(auth(req, true).repo, Buffer.concat(body)));
      if (req.method === "GET" && (m = /^\/v1\/chunks\/([^/]+)\/([^/]+)$/.exec(pathname))) {
        auth(req, false);
        // The spec names the prefix default-merkledb; xet-core and @huggingface/hub send "default".
        if (m[1] !== "default" && m[1] !== "default-merkledb") throw new CasError(400, `unknown dedup prefix ${m[1]}`);
        const shard = dedupShard(pathHash(m[2]));
        if (!shard) return send(404, { error: "chunk not tracked by global deduplication" });
        res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": shard.length }).end(shard);
        return;
      }
      if (req.method === "HEAD" && (m = /^\/v1\/xorbs\/default\/([^/]+)$/.exec(pathname))) {
        auth(req, false);
        const xorb = xorbs.get(pathHash(m[1]));
        res.writeHead(xorb ? 200 : 404, xorb ? { "Content-Length": xorb.size } : {}).end();
        return;
      }
      throw new CasError(404, `this test CAS has no ${req.method} ${pathname}`);
    } catch (err) {
      const e = err instanceof CasError ? err : new CasError(500, err instanceof Error ? err.message : String(err));
      send(e.status, { error: e.message });
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    xorbs,
    files,
    issueToken(repo, scope, ttlSeconds = ttl) {
      const accessToken = `xet_${randomUUID().replace(/-/g, "")}`;
      const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
      tokens.set(accessToken, { repo, scope, exp });
      return { accessToken, exp, casUrl: url };
    },
    reconstruct,
    failNext(match, opts = {}) {
      faults.push({ ...opts, match, left: opts.times ?? 1 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
