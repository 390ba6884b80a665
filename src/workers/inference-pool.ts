/**
 * Inference in child processes, timed from here. onnxruntime-node's
 * session.run computes synchronously on its calling thread, so a time limit
 * needs inference elsewhere, and it must be somewhere that can be stopped:
 * a worker thread cannot (terminate() waits for the native call to return,
 * then onnxruntime's binding throws into the dying thread and aborts the
 * whole process; a call that never returns keeps the process from exiting).
 * A process can be killed at any instant.
 *
 * Each process holds one session with one onnxruntime thread, as the
 * validator runs it, and runs its requests in the order they were sent; the
 * limit runs from the moment a request's turn comes. Several processes run
 * several images at once: each image is still computed by the same kernels
 * on one thread, so the outputs are bit for bit those of one session
 * (several intra-op threads in one session may split a reduction otherwise).
 * Requests go to the least busy process that has loaded the model, and
 * callers that await results in their own order get them in that order.
 *
 * Tensors go down the child's stdin straight from the caller's buffer (no
 * copy here), and may be reused once the request's promise settles.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { InferenceSession } from "onnxruntime-node";
import { FrameDecoder, encodeHeader, type FromInference, type TensorType, type ToInference } from "./inference-protocol.js";
import { INFERENCE_ROLE, ROLE_VARIABLE } from "./protocol.js";

export interface PoolOptions {
  readonly modelPath: string;
  /** Each image's limit in session.run (enforced from here: from the moment its turn comes, the process is killed at the limit). */
  readonly timeoutMs: number;
  /** Processes, each with its own session (default 1, as the validator runs). */
  readonly processes?: number;
}

export interface ModelMetadata {
  readonly inputs: readonly InferenceSession.ValueMetadata[];
  readonly outputs: readonly InferenceSession.ValueMetadata[];
}

/** A feed: float32 values as the model takes them, or an image's packed 8-bit RGB rows (see FeedEncoding). */
export type InputTensor =
  | { readonly name: string; readonly encoding: "float32"; readonly data: Float32Array; readonly dims: readonly number[] }
  | { readonly name: string; readonly encoding: "rgb8"; readonly data: Uint8Array; readonly dims: readonly [1, 3, number, number] };

export interface RawOutput {
  readonly type: TensorType;
  readonly dims: readonly number[];
  /** The output's bytes, in a buffer of their own. */
  readonly bytes: Uint8Array;
  /** Time in session.run. */
  readonly ms: number;
}

/** The model could not be loaded (onnxruntime's message). */
export class LoadFailure extends Error {}

/** The run went past the limit; the process was killed (`ms` is at least the limit). */
export class RunTimeout extends Error {
  constructor(
    readonly ms: number,
    readonly killed: boolean,
  ) {
    super(`the run took ${killed ? "more than " : ""}${(ms / 1000).toFixed(1)} s`);
  }
}

/** onnxruntime failed on this input. */
export class RunFailure extends Error {}

/** The run succeeded, but its kept output has a type this protocol does not carry. */
export class UnsupportedOutput extends Error {
  constructor(readonly outputType: string) {
    super(`output of type ${outputType}`);
  }
}

/** The process died (crash, out of memory, killed from outside), or the pool stopped before this request's turn. */
export class PoolStopped extends Error {}

interface Request {
  readonly id: number;
  readonly feeds: readonly InputTensor[];
  readonly fetches: readonly string[];
  readonly keep: string;
  readonly resolve: (output: RawOutput) => void;
  readonly reject: (err: Error) => void;
}

interface SentRequest extends Request {
  readonly slot: number;
}

const STDERR_TAIL = 2000;
const EXIT_GRACE_MS = 2000;
/** Requests a process holds at once: the one running and the next ones, whose tensors its reading thread fetches meanwhile. */
const SLOTS = 3;

/**
 * The tensor file of one process: in shared memory where there is some
 * (/dev/shm), else in the temp folder, and unlinked at once, so that nothing
 * is left behind even if both processes die.
 */
function openTensorFile(): number {
  const errors: string[] = [];
  for (const dir of ["/dev/shm", os.tmpdir()]) {
    const file = path.join(dir, `cancer-ai-tensors-${process.pid}-${randomUUID()}`);
    try {
      const fd = openSync(file, "wx+", 0o600);
      unlinkSync(file);
      return fd;
    } catch (err) {
      errors.push(`${dir}: ${(err as Error).message}`);
    }
  }
  throw new PoolStopped(`no place for the inference tensor file (${errors.join("; ")})`);
}

function writeAll(fd: number, data: Float32Array | Uint8Array, position: number): void {
  for (let done = 0; done < data.byteLength;) {
    done += writeSync(
      fd,
      new Uint8Array(data.buffer, data.byteOffset + done, data.byteLength - done),
      0,
      data.byteLength - done,
      position + done,
    );
  }
}

/** How to start this very build again as an inference process (as pool.ts does for its worker threads). */
function processCommand(): { execArgv: string[]; entry: string } {
  const here = import.meta.url;
  const dir = path.dirname(fileURLToPath(here));
  // Bundled, this module is in index.js or in a chunk beside it: index.js dispatches on the role.
  if (!here.endsWith(".ts")) return { execArgv: [], entry: path.join(dir, "index.js") };
  // From the sources (jest, tsx): src/index.ts, behind tsx's loader.
  const require = createRequire(here);
  const tsxPackage = require.resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(tsxPackage, "utf8")) as { exports: Record<string, string> };
  const loader = pathToFileURL(path.join(path.dirname(tsxPackage), manifest.exports["."])).href;
  return { execArgv: ["--import", loader], entry: path.join(dir, "..", "index.ts") };
}

class InferenceProcess {
  /** Requests waiting for a slot, then the ones handed over, in order: the first of `sent` is running. */
  private readonly waiting: Request[] = [];
  private readonly sent: SentRequest[] = [];
  private readonly freeSlots = Array.from({ length: SLOTS }, (_, i) => i);
  private slotBytes = 0;
  private turnStarted = 0;
  private timer: NodeJS.Timeout | undefined;
  private stderr = "";
  private stopped: Error | undefined;
  private isLoaded = false;
  private onLoaded: ((metadata: ModelMetadata) => void) | undefined;
  private onLoadFailed: ((err: Error) => void) | undefined;
  /** Settles once the process has the model: its inputs and outputs as its session sees them, or why it could not load it. */
  readonly loaded: Promise<ModelMetadata>;
  readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    private readonly tensorFile: number,
    private readonly timeoutMs: number,
    modelPath: string,
  ) {
    const [stdin, stderr, replies] = [child.stdin as Writable, child.stderr as Readable, child.stdio[3] as Readable];
    // A write into a killed process fails with EPIPE; its request already has its answer.
    stdin.on("error", () => {});
    stderr.on("data", (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-STDERR_TAIL)));
    const decoder = new FrameDecoder<FromInference>((message, payload) => this.receive(message, payload));
    replies.on("data", (chunk: Buffer) => decoder.push(chunk));
    // Node may report a process that could not start with "error" and no "exit".
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()).once("error", () => resolve()));
    child.once("exit", (code, signal) => {
      closeSync(tensorFile);
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const tail = this.stderr.trim() ? `: ${this.stderr.trim().split("\n").slice(-3).join(" | ")}` : "";
      this.stop(new PoolStopped(`the inference process ended (${how})${tail}`));
    });
    child.once("error", (err) => this.stop(new PoolStopped(`the inference process could not start: ${err.message}`)));
    this.loaded = new Promise((resolve, reject) => {
      this.onLoaded = resolve;
      this.onLoadFailed = reject;
    });
    // Whoever runs an image learns of a failed load from its run; nobody else has to listen.
    this.loaded.catch(() => {});
    this.write({ type: "load", modelPath });
  }

  get pending(): number {
    return this.waiting.length + this.sent.length;
  }

  /** Loaded and not stopped: takes requests now. */
  get ready(): boolean {
    return this.isLoaded && !this.stopped;
  }

  get failed(): Error | undefined {
    return this.stopped;
  }

  run(feeds: readonly InputTensor[], fetches: readonly string[], keep: string, id: number): Promise<RawOutput> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, feeds, fetches, keep, resolve, reject });
      this.handOver();
    });
  }

  /** Writes waiting requests' tensors into free slots and sends their headers, in order. */
  private handOver(): void {
    // Not before the model is loaded: an image's time runs from its hand-over.
    while (this.isLoaded && this.waiting.length > 0 && this.freeSlots.length > 0 && !this.stopped) {
      const request = this.waiting.shift() as Request;
      const slot = this.freeSlots.shift() as number;
      const bytes = request.feeds.reduce((sum, f) => sum + f.data.byteLength, 0);
      this.slotBytes ||= bytes;
      let offset = slot * this.slotBytes;
      try {
        if (bytes > this.slotBytes) throw new Error(`inputs of ${bytes} bytes after inputs of ${this.slotBytes}`);
        const feeds = request.feeds.map((f) => {
          writeAll(this.tensorFile, f.data, offset);
          const feed = { name: f.name, encoding: f.encoding, dims: f.dims, offset, bytes: f.data.byteLength };
          offset += f.data.byteLength;
          return feed;
        });
        this.sent.push({ ...request, slot });
        if (this.sent.length === 1) this.startTurn();
        this.write({ type: "run", id: request.id, feeds, fetches: request.fetches, keep: request.keep });
      } catch (err) {
        this.freeSlots.push(slot);
        request.reject(new PoolStopped(`the inference tensors could not be written: ${(err as Error).message}`));
      }
    }
  }

  private write(message: ToInference): void {
    if (!this.stopped) this.child.stdin?.write(encodeHeader(message));
  }

  private startTurn(): void {
    this.turnStarted = performance.now();
    this.timer = setTimeout(() => this.timeOut(), this.timeoutMs);
  }

  private timeOut(): void {
    const head = this.sent.shift();
    this.stop(new PoolStopped("the pool stopped: an earlier image went past the time limit"));
    head?.reject(new RunTimeout(performance.now() - this.turnStarted, true));
  }

  private receive(message: FromInference, payload: Uint8Array): void {
    if (message.type === "loaded") {
      this.isLoaded = true;
      this.onLoaded?.({ inputs: message.inputs, outputs: message.outputs });
      return this.handOver();
    }
    if (message.type === "load-failed") return this.stop(new LoadFailure(message.message));
    // The process's own measure of session.run: this side's clock also counts the time this event loop was busy elsewhere.
    const { ms } = message;
    clearTimeout(this.timer);
    const head = this.sent.shift();
    if (!head) return;
    this.freeSlots.push(head.slot);
    if (this.sent.length > 0) this.startTurn();
    // The timer may not have fired yet on a busy event loop: past the limit is past the limit.
    if (ms > this.timeoutMs) {
      this.stop(new PoolStopped("the pool stopped: an earlier image went past the time limit"));
      return head.reject(new RunTimeout(ms, false));
    }
    if (message.type === "run-failed") head.reject(new RunFailure(message.message));
    else if (message.type === "unsupported-output") head.reject(new UnsupportedOutput(message.outputType));
    else head.resolve({ type: message.tensor.type, dims: message.tensor.dims, bytes: payload, ms });
    this.handOver();
  }

  /** Fails whatever is still waiting and kills the process (a no-op after the first call). */
  stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    clearTimeout(this.timer);
    for (const request of [...this.sent.splice(0), ...this.waiting.splice(0)]) request.reject(reason);
    this.onLoadFailed?.(reason);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }

  /** Ends an idle process by closing its input (it exits by itself), a busy (or still loading) one by killing it. */
  async close(): Promise<void> {
    if (this.pending > 0 || this.stopped || !this.isLoaded) this.stop(new PoolStopped("the pool was closed"));
    else this.child.stdin?.end();
    const grace = setTimeout(() => this.stop(new PoolStopped("the pool was closed")), EXIT_GRACE_MS);
    await this.exited;
    clearTimeout(grace);
  }
}

function spawnProcess(options: PoolOptions): InferenceProcess {
  const { execArgv, entry } = processCommand();
  const tensorFile = openTensorFile();
  const child = spawn(process.execPath, [...execArgv, entry], {
    // stdin: requests; stderr: kept for a crash's message; fd 3: replies; fd 4: the tensor file.
    stdio: ["pipe", "ignore", "pipe", "pipe", tensorFile],
    // ORT_DISABLE_TELEMETRY: onnxruntime 1.30 would otherwise write .ses and mat-debug-*.log files into the temp dir.
    env: { ...process.env, [ROLE_VARIABLE]: INFERENCE_ROLE, ORT_DISABLE_TELEMETRY: "1" },
  });
  return new InferenceProcess(child, tensorFile, options.timeoutMs, options.modelPath);
}

export class InferencePool {
  private nextId = 0;

  private constructor(
    private readonly options: PoolOptions,
    private readonly processes: InferenceProcess[],
  ) {}

  /**
   * Starts the processes, each loading the model while the caller goes on;
   * runs wait for the load. `loaded` says how it went (LoadFailure if
   * onnxruntime cannot load the model).
   */
  static start(options: PoolOptions): InferencePool {
    return new InferencePool(
      options,
      Array.from({ length: options.processes ?? 1 }, () => spawnProcess(options)),
    );
  }

  /** The model's inputs and outputs once the first process has loaded it. */
  get loaded(): Promise<ModelMetadata> {
    return this.processes[0].loaded;
  }

  get size(): number {
    return this.processes.length;
  }

  /**
   * One more process, loading the model while the others go on; it takes
   * requests once loaded. Resolves when it is ready (or rejects why not:
   * the pool goes on without it).
   */
  grow(): Promise<void> {
    const added = spawnProcess(this.options);
    this.processes.push(added);
    return added.loaded.then(() => {});
  }

  /** Runs the model on one image's feeds (after the load); the buffers must stay untouched until this settles. */
  run(feeds: readonly InputTensor[], fetches: readonly string[], keep: string): Promise<RawOutput> {
    // A process killed at the limit (or that could not start) takes nothing more; until one has the model, the first waits for it.
    const live = this.processes.filter((p) => !p.failed);
    const candidates = live.filter((p) => p.ready);
    const pool = candidates.length > 0 ? candidates : live.length > 0 ? live : this.processes;
    const target = pool.reduce((best, p) => (p.pending < best.pending ? p : best));
    return target.run(feeds, fetches, keep, this.nextId++);
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.close()));
  }
}
