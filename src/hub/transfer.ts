/**
 * Hub calls bounded by silence, not by duration. A model of several GB takes as long as the link
 * needs, so a time limit on a whole transfer (or a first-byte limit on a PUT, which answers only
 * once the whole body is in) would kill honest transfers on slow runners. What is never honest is a
 * request that neither sends a byte nor hears one for a whole silence window: the hub accepted the
 * connection and never answers, stopped reading an upload's body, or stopped sending a download's.
 * That request is aborted with a TransferStallError (a network error, so the caller retries with
 * backoff).
 *
 * The fetch given to @huggingface/hub (which sends every request of a call through it: a read, the
 * probe and the body of a download, an upload's preupload, LFS batch, PUTs or Xet xorbs and shards,
 * and commit) streams each request body in slices: the client asks for the next slice only once the
 * socket took the last one, which is how bytes sent are measured. The silence clock of a request
 * runs from its start, is reset by every slice taken and every chunk of the answer read, and stops
 * while an answer waits for its reader. A slice taken is a slice in the kernel's send buffer, not
 * yet on the wire: that buffer (a few MB at most) drains in bursts and, after the last slice, before
 * the answer can come. Only a link slower than about 100 kB/s could spend the default minute on
 * that tail alone.
 */
import { NetworkTimeoutError } from "../util/fetch.js";
import type { Log } from "../util/log.js";
import { describeError, httpStatus } from "../util/retry.js";

/** Which bytes tell a call's progress: those it sends (an upload) or those it receives (a read, a download). */
export type Direction = "upload" | "download";

/** One request made no progress for the silence window. Its code is ETIMEDOUT: transient, retried. */
export class TransferStallError extends NetworkTimeoutError {
  constructor(
    message: string,
    /** Bytes moved in the attempt when it stalled: sent for an upload, received for a download. */
    readonly bytes: number,
    /** The request that stalled: `PUT host/path`, without the query. */
    readonly request: string,
  ) {
    super(message);
  }
}

/**
 * A request the hub answered with an error status. Only made for a client that reports such an
 * answer as a bare string (WebBlob.stream() aborts its stream with `error.message`), so that the
 * status still decides whether the call is retried.
 */
class HubStatusError extends Error {
  constructor(
    readonly request: string,
    readonly statusCode: number,
  ) {
    super(`${request} answered ${statusCode}`);
  }
}

export interface TransferWatchOptions {
  readonly log: Log;
  /** What the call does, for log lines: "uploading model.onnx to owner/repo", "checking hf-token". */
  readonly what: string;
  readonly direction: Direction;
  /**
   * The bytes to move, when known; a download learns it later (`expectBytes`). Xet sends compressed, deduplicated bytes:
   * then progress and ETA are estimates.
   */
  readonly totalBytes?: number;
  /** How long a request may go without sending or receiving a byte. */
  readonly silenceMs: number;
  /** A progress line at most this often. */
  readonly progressMs?: number;
}

/** Body slices: small enough that progress moves often, large enough that a GB is a few thousand slices. */
const SLICE_BYTES = 256 * 1024;

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);
const seconds = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));

/** `host/path`: never the query, where presigned links carry their signatures. */
function hostAndPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "(a URL)";
  }
}

/** `PUT host/path`. */
const describeRequest = (url: string, method: string): string => `${method} ${hostAndPath(url)}`;

const urlOf = (input: string | URL | Request): string =>
  typeof input === "string" ? input : input instanceof URL ? input.href : input.url;

/**
 * One line about a failed hub call that names no URL: @huggingface/hub ends its messages with
 * ". URL: <the whole URL>", query (and a presigned link's signature) included.
 */
export function describeHubError(err: unknown): string {
  if (err instanceof HubStatusError) return `answered ${err.statusCode}`;
  const status = httpStatus(err);
  const message = describeError(err).replace(/\.? URL: \S+.*$/, "");
  return status === undefined ? message : `answered ${status}${message ? ` (${message})` : ""}`;
}

/** The body as bytes of a known size, or undefined for a body that is not plain bytes (a stream, a form), sent as it is. */
function bytesOf(body: RequestInit["body"]): { size: number; type?: string; stream(): ReadableStream<Uint8Array> } | undefined {
  const sliced = (bytes: Uint8Array): ReadableStream<Uint8Array> => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + SLICE_BYTES));
        offset += SLICE_BYTES;
      },
    });
  };
  if (typeof body === "string") {
    const bytes = Buffer.from(body, "utf8");
    return { size: bytes.byteLength, type: "text/plain;charset=UTF-8", stream: () => sliced(bytes) };
  }
  if (body instanceof Blob) return { size: body.size, type: body.type || undefined, stream: () => body.stream() };
  if (body instanceof ArrayBuffer) return { size: body.byteLength, stream: () => sliced(new Uint8Array(body)) };
  if (ArrayBuffer.isView(body)) {
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return { size: bytes.byteLength, stream: () => sliced(bytes) };
  }
  return undefined;
}

/** What the requests of one attempt did: bytes moved, when they last moved, and what failed. */
class Tally {
  sent = 0;
  received = 0;
  lastActivity = Date.now();
  /** Requests in flight: waiting for an answer to start, or for a reader's next chunk. */
  waiting = 0;
  /** URL -> `METHOD host/path` of the requests made, to name the one an error's URL points to. */
  readonly requests = new Map<string, string>();
  /** The last request that failed (no answer, a broken answer, an error status), and how. */
  failedRequest?: string;
  failure?: unknown;

  activity(): void {
    this.lastActivity = Date.now();
  }

  failed(request: string, failure: unknown): void {
    this.failedRequest = request;
    this.failure = failure;
  }
}

/** A fetch whose requests abort after `silenceMs` without progress (see the top of this file), naming the request. */
export const silenceBoundedFetch = (silenceMs: number, direction: Direction = "download"): typeof fetch =>
  watchedFetch(silenceMs, direction, new Tally());

/** silenceBoundedFetch, with what its requests do collected in `tally`. */
function watchedFetch(silenceMs: number, direction: Direction, tally: Tally): typeof fetch {
  const moved = (): string =>
    direction === "upload" ? `${mib(tally.sent)} MiB sent in this attempt` : `${mib(tally.received)} MiB received in this attempt`;
  return async (input, init) => {
    const url = urlOf(input);
    const request = describeRequest(url, init?.method ?? (input instanceof Request ? input.method : "GET"));
    tally.requests.set(url, request);
    const controller = new AbortController();
    const outer = init?.signal;
    const onOuterAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onOuterAbort();
    outer?.addEventListener("abort", onOuterAbort, { once: true });
    let stall: TransferStallError | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stall = new TransferStallError(
          `no progress for ${seconds(silenceMs)} s on ${request} (${moved()})`,
          direction === "upload" ? tally.sent : tally.received,
          request,
        );
        controller.abort(stall);
      }, silenceMs);
    };
    const disarm = (): void => clearTimeout(timer);
    const finish = (): void => {
      disarm();
      outer?.removeEventListener("abort", onOuterAbort);
    };
    const failure = (err: unknown): unknown => {
      const cause = stall ?? err;
      tally.failed(request, cause);
      return cause;
    };
    tally.waiting++;
    tally.activity();
    arm();

    let body = init?.body;
    let headers = init?.headers;
    const bytes = bytesOf(init?.body);
    if (bytes && bytes.size > 0) {
      const source = bytes.stream().getReader();
      body = new ReadableStream<Uint8Array>(
        {
          async pull(stream) {
            const { done, value } = await source.read();
            if (done) return stream.close();
            // Asked for more: the socket took the previous slice.
            tally.sent += value.byteLength;
            tally.activity();
            arm();
            stream.enqueue(value);
          },
          cancel: (reason) => source.cancel(reason),
        },
        { highWaterMark: 0 },
      );
      // A streamed body goes out chunked unless its length is given; storage (S3 presigned PUTs) refuses chunked uploads.
      const merged = new Headers(init?.headers);
      merged.set("Content-Length", String(bytes.size));
      if (bytes.type && !merged.has("Content-Type")) merged.set("Content-Type", bytes.type);
      headers = merged;
    }

    let response: Response;
    try {
      response = await fetch(input, {
        ...init,
        body,
        headers,
        signal: controller.signal,
        ...(body !== init?.body && { duplex: "half" }),
      });
    } catch (err) {
      finish();
      throw failure(err);
    } finally {
      tally.waiting--;
    }
    tally.activity();
    if (response.url) tally.requests.set(response.url, request);
    if (response.status >= 400) tally.failed(request, new HubStatusError(request, response.status));
    // The answer started. An answer nobody reads (a PUT's empty body) is no wait: the clock runs only while a reader waits.
    disarm();
    if (!response.body) {
      finish();
      return response;
    }
    const reader = response.body.getReader();
    const watchedBody = new ReadableStream<Uint8Array>(
      {
        async pull(stream) {
          arm();
          tally.waiting++;
          let chunk: Awaited<ReturnType<typeof reader.read>>;
          try {
            chunk = await reader.read();
          } catch (err) {
            finish();
            throw failure(err);
          } finally {
            tally.waiting--;
          }
          disarm();
          tally.activity();
          if (chunk.done) {
            finish();
            stream.close();
          } else {
            tally.received += chunk.value.byteLength;
            stream.enqueue(chunk.value);
          }
        },
        cancel: (reason) => {
          finish();
          return reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    const wrapped = new Response(watchedBody, { status: response.status, statusText: response.statusText, headers: response.headers });
    // The client names the URL in its errors (HubApiError.url), and follows redirects from it.
    Object.defineProperty(wrapped, "url", { value: response.url });
    Object.defineProperty(wrapped, "redirected", { value: response.redirected });
    return wrapped;
  };
}

/**
 * Watches one hub call (retried as a whole): each attempt gets a fetch whose requests abort on
 * silence, logs its progress while bytes move, and says so while it waits for the hub.
 */
export class TransferWatch {
  private attempts = 0;
  private totalBytes: number | undefined;
  private tally = new Tally();

  constructor(private readonly opts: TransferWatchOptions) {
    this.totalBytes = opts.totalBytes;
  }

  /** Attempts started so far. */
  get attemptCount(): number {
    return this.attempts;
  }

  /** The size of what is transferred, once known (a download learns it from its first answer): progress lines then give an ETA. */
  expectBytes(total: number): void {
    this.totalBytes = total;
  }

  /** The request an error of the last attempt came from, `METHOD host/path`, when known. */
  requestOf(err: unknown): string | undefined {
    if (err instanceof TransferStallError) return err.request;
    const url = typeof err === "object" && err !== null && "url" in err && typeof err.url === "string" ? err.url : undefined;
    const named = url && this.tally.requests.get(url);
    return named || this.tally.failedRequest;
  }

  /** Runs one attempt with a fresh count and a progress line every `progressMs` while it transfers. */
  async attempt<T>(work: (fetch: typeof globalThis.fetch) => Promise<T>): Promise<T> {
    this.attempts++;
    const { log, what, direction, silenceMs } = this.opts;
    const progressMs = this.opts.progressMs ?? 5000;
    const tally = (this.tally = new Tally());
    const started = Date.now();
    let reported = 0;
    const past = direction === "upload" ? "sent" : "received";
    // Quiet spells shorter than this are how a socket drains (in bursts, and after the last slice); longer ones are told.
    const quietMs = Math.max(progressMs, silenceMs / 4);
    const ticker = setInterval(() => {
      const now = Date.now();
      const moved = direction === "upload" ? tally.sent : tally.received;
      const total = this.totalBytes;
      const of = total !== undefined && moved < total ? ` of ${mib(total)}` : "";
      // Below a MiB (an API call, a small file) there is no progress worth a line.
      if (moved !== reported && moved >= 1048576) {
        reported = moved;
        const rate = moved / Math.max((now - started) / 1000, 1e-3);
        const eta = total !== undefined && moved < total && rate > 0 ? `, ETA ${Math.ceil((total - moved) / rate)} s` : "";
        log.info(`${what}: ${mib(moved)}${of} MiB ${past} (${mib(rate)} MiB/s${eta})`);
      } else if (tally.waiting > 0 && now - tally.lastActivity >= quietMs) {
        // The stall detector has not given up yet: say so, so that a wait does not look like a hang.
        const sofar = moved > 0 || total ? `${mib(moved)}${of} MiB ${past}; ` : "";
        const silence = direction === "upload" ? "nothing sent or answered" : "nothing received";
        log.info(`${what}: ${sofar}${silence} for ${seconds(now - tally.lastActivity)} s (giving up after ${seconds(silenceMs)} s)`);
      }
    }, progressMs);
    try {
      return await work(watchedFetch(silenceMs, direction, tally));
    } catch (err) {
      // A client that reports a failure as a bare string loses its kind: what the fetch saw fail has it.
      if (typeof err !== "object" || err === null) throw tally.failure ?? new Error(String(err));
      // The client ends its messages in ". URL: <the whole URL>", whose query may hold a presigned link's signature: every
      // line that tells of the error (the retry's warning, the final error) shows host and path only.
      if (err instanceof Error)
        err.message = err.message.replace(/ URL: (\S+?)(\.?)(?= |$)/, (_, url: string, dot: string) => ` URL: ${hostAndPath(url)}${dot}`);
      throw err;
    } finally {
      clearInterval(ticker);
    }
  }
}
