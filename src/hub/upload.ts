/**
 * Uploads bounded by silence, not by duration. A model of several GB takes as long as the link
 * needs, so a time limit on the whole upload (or a first-byte limit on a PUT, which answers only
 * once the whole body is in) would kill honest uploads on slow runners. What is never honest is a
 * request that neither sends a byte nor hears one for a whole silence window: the hub accepted the
 * connection and stopped reading the body, or took the body and never answers. That request is
 * aborted with an UploadStallError (a network error, so the caller retries with backoff).
 *
 * The fetch given to @huggingface/hub (which sends every call of an upload through it: preupload,
 * LFS batch, the LFS PUTs or the Xet xorbs and shards, the commit) streams each request body in
 * slices: the client asks for the next slice only once the socket took the last one, which is how
 * bytes sent are measured. The silence clock of a request runs from its start, is reset by every
 * slice taken and every chunk of the answer read, and stops while an answer waits for its reader.
 * A slice taken is a slice in the kernel's send buffer, not yet on the wire: that buffer (a few MB
 * at most) drains in bursts and, after the last slice, before the answer can come. Only a link
 * slower than about 100 kB/s could spend the default minute on that tail alone.
 */
import { NetworkTimeoutError } from "../util/fetch.js";
import type { Log } from "../util/log.js";
import { DEFAULT_SILENCE_MS, type HubOptions } from "./hub.js";

/** One request of an upload made no progress for the silence window. Its code is ETIMEDOUT: transient, retried. */
export class UploadStallError extends NetworkTimeoutError {
  constructor(
    message: string,
    /** Bytes sent in the attempt when it stalled. */
    readonly sentBytes: number,
    /** The request that stalled: `PUT host/path`, without the query. */
    readonly request: string,
  ) {
    super(message);
  }
}

export interface UploadWatchOptions {
  readonly log: Log;
  /** What is uploaded, for log lines: "model.onnx and model.zip to owner/repo". */
  readonly what: string;
  /** The files' size. Xet sends compressed and deduplicated bytes, so against it progress and ETA are estimates. */
  readonly totalBytes: number;
  /** How long a request may go without sending or receiving a byte. */
  readonly silenceMs: number;
  /** A progress line at most this often. */
  readonly progressMs?: number;
}

/** Body slices: small enough that progress moves often, large enough that a GB is a few thousand slices. */
const SLICE_BYTES = 256 * 1024;

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);
const seconds = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));

/** `PUT host/path`: never the query, where presigned links carry their signatures. */
function describeRequest(input: string | URL | Request, method: string): string {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  return `${method} ${url.host}${url.pathname}`;
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

/**
 * Watches the uploads of one operation (one `uploadFiles` call, retried as a whole): each attempt
 * gets a fetch whose requests abort on silence, and the attempt logs its progress.
 */
export class UploadWatch {
  private attempts = 0;

  constructor(private readonly opts: UploadWatchOptions) {}

  /** Attempts started so far. */
  get attemptCount(): number {
    return this.attempts;
  }

  /** Runs one attempt with a fresh count and a progress line every `progressMs` while it transfers. */
  async attempt<T>(work: (fetch: typeof globalThis.fetch) => Promise<T>): Promise<T> {
    this.attempts++;
    const { log, what, totalBytes, silenceMs } = this.opts;
    const progressMs = this.opts.progressMs ?? 5000;
    const started = Date.now();
    let sent = 0;
    let lastActivity = started;
    let reported = 0;
    let waiting = 0;
    const activity = (): void => void (lastActivity = Date.now());
    // Quiet spells shorter than this are how a socket drains (in bursts, and after the last slice); longer ones are told.
    const quietMs = Math.max(progressMs, silenceMs / 4);
    const ticker = setInterval(() => {
      const now = Date.now();
      const of = sent < totalBytes ? ` of ${mib(totalBytes)}` : "";
      // Below a MiB (the API calls around the transfer, a small file) there is no progress worth a line.
      if (sent !== reported && sent >= 1048576) {
        reported = sent;
        const rate = sent / Math.max((now - started) / 1000, 1e-3);
        const eta = sent < totalBytes && rate > 0 ? `, ETA ${Math.ceil((totalBytes - sent) / rate)} s` : "";
        log.info(`uploading ${what}: ${mib(sent)}${of} MiB sent (${mib(rate)} MiB/s${eta})`);
      } else if (waiting > 0 && now - lastActivity >= quietMs) {
        // The stall detector has not given up yet: say so, so that a wait does not look like a hang.
        log.info(
          `uploading ${what}: ${mib(sent)}${of} MiB sent; nothing sent or answered for ${seconds(now - lastActivity)} s ` +
            `(giving up after ${seconds(silenceMs)} s)`,
        );
      }
    }, progressMs);

    const watched: typeof globalThis.fetch = async (input, init) => {
      const request = describeRequest(input, init?.method ?? (input instanceof Request ? input.method : "GET"));
      const controller = new AbortController();
      const outer = init?.signal;
      const onOuterAbort = (): void => controller.abort(outer?.reason);
      if (outer?.aborted) onOuterAbort();
      outer?.addEventListener("abort", onOuterAbort, { once: true });
      let stall: UploadStallError | undefined;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          stall = new UploadStallError(
            `no progress for ${seconds(silenceMs)} s on ${request} (${mib(sent)} MiB sent in this attempt)`,
            sent,
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
      const failure = (err: unknown): unknown => stall ?? err;
      // In flight: a request until its answer starts, then its answer while a reader waits on it.
      waiting++;
      activity();
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
              sent += value.byteLength;
              activity();
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
        waiting--;
      }
      activity();
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
            waiting++;
            let chunk: Awaited<ReturnType<typeof reader.read>>;
            try {
              chunk = await reader.read();
            } catch (err) {
              finish();
              throw failure(err);
            } finally {
              waiting--;
            }
            disarm();
            activity();
            if (chunk.done) {
              finish();
              stream.close();
            } else stream.enqueue(chunk.value);
          },
          cancel: (reason) => {
            finish();
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      );
      const wrapped = new Response(watchedBody, { status: response.status, statusText: response.statusText, headers: response.headers });
      // The client names the URL in its errors (HubApiError.url).
      Object.defineProperty(wrapped, "url", { value: response.url });
      Object.defineProperty(wrapped, "redirected", { value: response.redirected });
      return wrapped;
    };

    try {
      return await work(watched);
    } finally {
      clearInterval(ticker);
    }
  }
}

/** A watch for one upload with the hub's settings: its silence window and progress interval. */
export const watchUpload = (hub: HubOptions, what: string, totalBytes: number): UploadWatch =>
  new UploadWatch({ log: hub.log, what, totalBytes, silenceMs: hub.silenceMs ?? DEFAULT_SILENCE_MS, progressMs: hub.progressMs });
