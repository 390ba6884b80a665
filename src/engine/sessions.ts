/**
 * Balancing cores between the two stages while the run goes: it starts
 * with one inference session, measures what each image costs in
 * preprocessing and in the model, and starts more sessions (each in its own
 * process, holding the model once) when inference is the bottleneck: a
 * heavy model gets more sessions, a light one stays at one and leaves the
 * cores to decoding.
 */
import os from "node:os";
import type { Log } from "../util/log.js";
import { describeError } from "../util/retry.js";
import type { StageTimes } from "../preprocess/index.js";
import type { Model } from "./inference.js";
import { emptyTotals, sessionsWanted } from "./pipeline.js";

/** Images measured before the first decision, and between decisions: a few images' noise is too much to act on. */
const CHECK_EVERY = 8;
/** A session's start (a process, onnxruntime, the model) must buy at least this much inference time. */
const MIN_REMAINING_MS = 3000;
/** What a session costs beyond the model itself: Node, onnxruntime and its arena (measured ~130 MiB). */
export const SESSION_OVERHEAD_BYTES = 160 * 1024 * 1024;

/** What one more session of a model takes: the model about twice (file and onnxruntime's copy) plus the process. */
export const sessionBytes = (modelBytes: number): number => modelBytes * 2 + SESSION_OVERHEAD_BYTES;

export class SessionScaler {
  private readonly measured = emptyTotals();
  private busy = false;
  private done = false;

  constructor(
    private readonly model: Model,
    private readonly maxSessions: number,
    private readonly images: number,
    private readonly modelBytes: number,
    private readonly log: Log,
  ) {
    this.done = maxSessions <= 1;
  }

  /** One more image finished: its stage times and its time in the model. */
  observe(times: StageTimes, inferenceMs: number): void {
    const m = this.measured;
    m.images++;
    m.decodeMs += times.decodeMs;
    m.resampleMs += times.resampleMs;
    m.inferenceMs += inferenceMs;
    if (this.done || this.busy || m.images % CHECK_EVERY !== 0) return;
    const sessions = this.model.sessions;
    const wanted = sessionsWanted(this.maxSessions, m);
    if (wanted <= sessions) return;
    const remainingMs = ((this.images - m.images) * m.inferenceMs) / m.images / sessions;
    if (remainingMs < MIN_REMAINING_MS) return;
    // Each session holds the model once: start one only where the memory is (the kernel's free memory, caches not counted).
    const needed = sessionBytes(this.modelBytes);
    if (os.freemem() < needed) {
      this.done = true;
      this.log.info(`inference stays at ${sessions} session(s): another would need about ${mib(needed)} and ${mib(os.freemem())} is free`);
      return;
    }
    const share = Math.round((100 * m.inferenceMs) / (m.decodeMs + m.resampleMs + m.inferenceMs));
    this.log.info(`inference is ${share}% of each image's work: starting inference session ${sessions + 1} (of up to ${wanted})`);
    this.busy = true;
    this.model.addSession().then(
      () => (this.busy = false),
      (err: unknown) => {
        this.done = true;
        this.log.warning(`inference goes on with fewer sessions: another could not start (${describeError(err)})`);
      },
    );
  }
}

const mib = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MiB`;
