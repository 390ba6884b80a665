import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startBlobStore } from "./azurite.js";
import { HttpError, sendJson } from "./http.js";
import { handleRest } from "./github-rest.js";
import { timestamp, type Access, type Comment, type Context, type Run, type ServerState, type User } from "./github-state.js";
import { handleTwirp } from "./actions-results.js";

export type { Artifact, CacheEntry, Comment, RequestRecord, ServerState } from "./github-state.js";

export interface GitHubServerOptions {
  owner?: string;
  repo?: string;
  /** A GITHUB_TOKEN with write access. */
  writeToken?: string;
  /** A token that may read but not write, like a fork pull request's GITHUB_TOKEN. */
  readToken?: string;
  /** The workflow run env() and runtimeToken describe. */
  runId?: number;
}

export interface GitHubServer {
  /** For GITHUB_API_URL or getOctokit(token, { baseUrl }). */
  apiUrl: string;
  /** For ACTIONS_RESULTS_URL: the Twirp cache and artifact services. */
  resultsUrl: string;
  owner: string;
  repo: string;
  runId: number;
  writeToken: string;
  readToken: string;
  /** ACTIONS_RUNTIME_TOKEN of run `runId`. */
  runtimeToken: string;
  state: ServerState;
  /** The variables a runner sets for these services, for run `runId` or another run of the same repository. */
  env(runId?: number): Record<string, string>;
  /** The runtime token of another workflow run, which owns its own artifacts. */
  runtimeTokenFor(runId: number): string;
  /** Seeds a comment without a request, e.g. to fill pages. */
  addComment(issueNumber: number, body: string, user?: User): Comment;
  /** Opens a pull request (pulls.get answers it); headRepo differs from the repository for a fork. */
  addPullRequest(number: number, headSha: string, headRepo?: string, baseRef?: string): void;
  close(): Promise<void>;
}

/**
 * The only value @actions/cache and @actions/artifact accept: any other host
 * counts as GHES, where cache v2 and artifact upload are unsupported.
 */
const SERVER_URL = "https://github.com";
const OCTOCAT: User = { login: "octocat", id: 583231, type: "User" };

/** Starts GitHub's REST API, the Actions results service and (through Azurite) blob storage on loopback. */
export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const { owner = "octo-org", repo = "octo-repo", writeToken = "ghs_write", readToken = "ghs_read", runId = 1001 } = options;
  const blobs = await startBlobStore();
  const secret = randomBytes(32);
  const runsById = new Map<number, Run>();
  const runsByToken = new Map<string, Run>();
  let lastId = 0;
  const ctx: Context = {
    owner,
    repo,
    apiUrl: "",
    serverUrl: SERVER_URL,
    tokens: new Map<string, Access>([
      [writeToken, "write"],
      [readToken, "read"],
    ]),
    runsByToken,
    state: { comments: new Map(), caches: new Map(), artifacts: new Map(), pulls: new Map(), requests: [] },
    blobs,
    nextId: () => ++lastId,
  };

  const server = createServer((req, res) => void route(ctx, req, res));
  try {
    ctx.apiUrl = await listen(server);
  } catch (error) {
    await blobs.close();
    throw error;
  }

  const runtimeTokenFor = (id: number): string => {
    let run = runsById.get(id);
    if (!run) {
      const ids = { id, backendId: randomUUID(), jobBackendId: randomUUID() };
      run = { ...ids, token: runtimeToken(secret, ids.backendId, ids.jobBackendId) };
      runsById.set(id, run);
      runsByToken.set(run.token, run);
    }
    return run.token;
  };

  return {
    apiUrl: ctx.apiUrl,
    resultsUrl: `${ctx.apiUrl}/`,
    owner,
    repo,
    runId,
    writeToken,
    readToken,
    runtimeToken: runtimeTokenFor(runId),
    state: ctx.state,
    env: (id = runId) => ({
      GITHUB_API_URL: ctx.apiUrl,
      GITHUB_SERVER_URL: SERVER_URL,
      GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_REPOSITORY_OWNER: owner,
      GITHUB_RUN_ID: String(id),
      ACTIONS_RESULTS_URL: `${ctx.apiUrl}/`,
      ACTIONS_RUNTIME_TOKEN: runtimeTokenFor(id),
      ACTIONS_CACHE_SERVICE_V2: "true",
    }),
    runtimeTokenFor,
    addPullRequest(number, headSha, headRepo = `${owner}/${repo}`, baseRef = "main") {
      ctx.state.pulls.set(number, { number, headSha, headRepo, baseRef });
    },
    addComment(issueNumber, body, user = OCTOCAT) {
      const now = timestamp();
      const comment: Comment = { id: ctx.nextId(), issueNumber, body, user, createdAt: now, updatedAt: now };
      ctx.state.comments.set(comment.id, comment);
      return comment;
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from the clients would otherwise hold close() open.
        server.closeAllConnections();
      });
      await blobs.close();
    },
  };
}

async function route(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", ctx.apiUrl);
  const twirp = url.pathname.startsWith("/twirp/");
  res.on("finish", () => ctx.state.requests.push({ method: req.method ?? "", path: url.pathname + url.search, status: res.statusCode }));
  try {
    await (twirp ? handleTwirp : handleRest)(ctx, req, res, url);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
    } else if (error instanceof HttpError) {
      sendJson(res, error.status, error.body);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, twirp ? { code: "internal", msg: message } : { message });
    }
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

/**
 * A JWT shaped like the runner's: @actions/artifact decodes (never verifies) it and
 * takes the run's backend ids from the `Actions.Results:<run>:<job>` scope.
 */
function runtimeToken(secret: Buffer, runBackendId: string, jobBackendId: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ typ: "JWT", alg: "HS256" });
  const payload = encode({
    scp: `Actions.GenericRead:${runBackendId} Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: "vstoken.actions.githubusercontent.com",
    nbf: now - 60,
    exp: now + 6 * 3600,
  });
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}
