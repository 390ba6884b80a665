import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, readJson, sendJson, text } from "./http.js";
import { artifactFileName, timestamp, type Access, type Artifact, type Comment, type Context, type User } from "./github-state.js";

const DOCS = "https://docs.github.com/rest";
/** The identity GITHUB_TOKEN writes as. */
const ACTIONS_BOT: User = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The route's captured path segments. */
  params: string[];
}

type Handler = (ctx: Context, call: Call) => Promise<void> | void;

const ROUTES: [method: string, path: RegExp, handler: Handler][] = [
  ["GET", /^\/issues\/(\d+)\/comments$/, listComments],
  ["POST", /^\/issues\/(\d+)\/comments$/, createComment],
  ["GET", /^\/issues\/comments\/(\d+)$/, getComment],
  ["PATCH", /^\/issues\/comments\/(\d+)$/, updateComment],
  ["GET", /^\/pulls\/(\d+)$/, getPull],
  ["GET", /^\/actions\/runs\/(\d+)\/artifacts$/, listRunArtifacts],
  ["GET", /^\/actions\/artifacts\/(\d+)\/zip$/, downloadArtifact],
  ["DELETE", /^\/actions\/artifacts\/(\d+)$/, deleteArtifact],
];

/** GitHub's REST API for one repository, enough for Octokit and @actions/artifact's `findBy`. */
export async function handleRest(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const access = authorize(ctx, req.headers.authorization);
  if (url.pathname === "/graphql" && req.method === "POST") return graphql(req, res);
  const repo = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(url.pathname);
  const sameRepo = repo && `${repo[1]}/${repo[2]}`.toLowerCase() === `${ctx.owner}/${ctx.repo}`.toLowerCase();
  for (const [method, path, handler] of sameRepo ? ROUTES : []) {
    const match = path.exec(repo?.[3] ?? "");
    if (req.method !== method || !match) continue;
    // A fork PR's GITHUB_TOKEN can read but not write; GitHub answers 403, not 404.
    if (method !== "GET" && access !== "write") {
      throw new HttpError(403, { message: "Resource not accessible by integration", documentation_url: DOCS });
    }
    return handler(ctx, { req, res, url, params: match.slice(1) });
  }
  throw notFound();
}

/**
 * GraphQL, as far as `query { viewer { login } }`: the identity a token
 * writes as. GitHub spells an app's login without REST's "[bot]" suffix here.
 */
async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const query = text(await readJson(req), "query") ?? "";
  if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
    return sendJson(res, 200, { errors: [{ message: "this test server answers only { viewer { login } }" }] });
  }
  sendJson(res, 200, { data: { viewer: { login: ACTIONS_BOT.login.replace(/\[bot\]$/, "") } } });
}

function authorize(ctx: Context, header: string | undefined): Access {
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!token) throw new HttpError(401, { message: "Requires authentication", documentation_url: DOCS });
  const access = ctx.tokens.get(token);
  if (!access) throw new HttpError(401, { message: "Bad credentials", documentation_url: DOCS });
  return access;
}

function notFound(): HttpError {
  return new HttpError(404, { message: "Not Found", documentation_url: DOCS });
}

/** One page of `items` plus the Link header Octokit's paginate follows. */
function paginate<T>(ctx: Context, url: URL, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page")) || 30));
  const page = Math.max(1, Math.floor(Number(url.searchParams.get("page"))) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const target = new URL(url.pathname + url.search, ctx.apiUrl);
    target.searchParams.set("per_page", String(perPage));
    target.searchParams.set("page", String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, "prev")] : []),
    ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
    ...(page > 1 ? [link(1, "first")] : []),
  ];
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

function commentJson(ctx: Context, c: Comment): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}`;
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issueNumber}`,
    body: c.body,
    user: { ...c.user },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.type === "Bot" ? "NONE" : "MEMBER",
  };
}

function findComment(ctx: Context, id: string): Comment {
  const comment = ctx.state.comments.get(Number(id));
  if (!comment) throw notFound();
  return comment;
}

/** GitHub refuses an issue comment over 65,536 characters. */
const MAX_COMMENT = 65536;

async function commentBody(req: IncomingMessage): Promise<string> {
  const body = text(await readJson(req), "body");
  if (body === undefined) {
    throw new HttpError(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS });
  }
  if (body.length > MAX_COMMENT) {
    throw new HttpError(422, {
      message: "Validation Failed",
      errors: [
        { resource: "IssueComment", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_COMMENT} characters)` },
      ],
      documentation_url: DOCS,
    });
  }
  return body;
}

function listComments(ctx: Context, { res, url, params }: Call): void {
  const issue = Number(params[0]);
  const all = [...ctx.state.comments.values()].filter((c) => c.issueNumber === issue).sort((a, b) => a.id - b.id);
  const { page, headers } = paginate(ctx, url, all);
  sendJson(
    res,
    200,
    page.map((c) => commentJson(ctx, c)),
    headers,
  );
}

async function createComment(ctx: Context, { req, res, params }: Call): Promise<void> {
  const now = timestamp();
  const comment: Comment = {
    id: ctx.nextId(),
    issueNumber: Number(params[0]),
    body: await commentBody(req),
    user: ACTIONS_BOT,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.comments.set(comment.id, comment);
  const json = commentJson(ctx, comment);
  sendJson(res, 201, json, { location: String(json.url) });
}

function getComment(ctx: Context, { res, params }: Call): void {
  sendJson(res, 200, commentJson(ctx, findComment(ctx, params[0])));
}

async function updateComment(ctx: Context, { req, res, params }: Call): Promise<void> {
  const comment = findComment(ctx, params[0]);
  comment.body = await commentBody(req);
  comment.updatedAt = timestamp();
  sendJson(res, 200, commentJson(ctx, comment));
}

function getPull(ctx: Context, { res, params }: Call): void {
  const pull = ctx.state.pulls.get(Number(params[0]));
  if (!pull) throw notFound();
  const base = { full_name: `${ctx.owner}/${ctx.repo}` };
  sendJson(res, 200, {
    number: pull.number,
    state: "open",
    head: { sha: pull.headSha, ref: "feature", repo: { full_name: pull.headRepo } },
    base: { sha: "0".repeat(40), ref: pull.baseRef, repo: base },
  });
}

function artifactJson(ctx: Context, a: Artifact): Record<string, unknown> {
  const url = `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/actions/artifacts/${a.id}`;
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: false,
    digest: a.digest ?? null,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: a.expiresAt,
    workflow_run: { id: a.runId, head_branch: "main" },
  };
}

function findArtifact(ctx: Context, id: string): Artifact {
  const artifact = ctx.state.artifacts.get(Number(id));
  if (!artifact?.finalized) throw notFound();
  return artifact;
}

function listRunArtifacts(ctx: Context, { res, url, params }: Call): void {
  const runId = Number(params[0]);
  const name = url.searchParams.get("name");
  const all = [...ctx.state.artifacts.values()]
    .filter((a) => a.finalized && a.runId === runId && (name === null || a.name === name))
    .sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(ctx, url, all);
  sendJson(res, 200, { total_count: all.length, artifacts: page.map((a) => artifactJson(ctx, a)) }, headers);
}

/** Like GitHub: a redirect to a short-lived signed blob URL, which the client must not follow with its token. */
function downloadArtifact(ctx: Context, { res, params }: Call): void {
  const artifact = findArtifact(ctx, params[0]);
  const location = ctx.blobs.signedUrl(artifact.blob, "r", { ttlSeconds: 60, fileName: artifactFileName(artifact) });
  sendJson(res, 302, undefined, { location });
}

async function deleteArtifact(ctx: Context, { res, params }: Call): Promise<void> {
  const artifact = findArtifact(ctx, params[0]);
  ctx.state.artifacts.delete(artifact.id);
  await ctx.blobs.deleteBlob(artifact.blob);
  sendJson(res, 204, undefined);
}
