/**
 * An inference process: one onnxruntime session, run on the requests that
 * arrive on stdin, one after the other, replies on fd 3 (inference-protocol.ts).
 *
 * The main thread does nothing but run the session: a second thread
 * (inference-reader.ts) reads the requests, so each tensor is in memory
 * before its turn. While a run is in onnxruntime this thread is gone (it may
 * never come back), so the parent times each image and kills this process
 * when the limit passes.
 */
import { writeSync } from "node:fs";
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, type MessagePort, type WorkerOptions } from "node:worker_threads";
import type ort from "onnxruntime-node";
import { workerEntry } from "./entry.js";
import { loadOrt } from "../util/natives.js";
import { encodeHeader, isTensorType, type FromInference } from "./inference-protocol.js";
import { serveInferenceReader, type Incoming, type ReaderData } from "./inference-reader.js";
import { INFERENCE_ROLE, ROLE_VARIABLE } from "./protocol.js";

const REPLIES_FD = 3;

/** The validator's runner: SessionOptions with intra_op_num_threads = inter_op_num_threads = 1, CPU. */
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionProviders: ["cpu"],
  // onnxruntime's warnings (unused initializers, ...) would reach the user's log as noise; errors still come back as messages.
  logSeverityLevel: 3,
};

const pause = new Int32Array(new SharedArrayBuffer(4));

function send(message: FromInference, payload?: Uint8Array): void {
  for (const bytes of payload ? [encodeHeader(message), payload] : [encodeHeader(message)]) {
    let sent = 0;
    while (sent < bytes.length) {
      try {
        sent += writeSync(REPLIES_FD, bytes, sent, bytes.length - sent);
      } catch (err) {
        // An fd left non-blocking by someone else: wait a millisecond and write again.
        if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  }
}

/** The reading thread: this very entry again, as pool.ts starts its workers (bundled: index.js; sources: behind tsx). */
function startReader(data: ReaderData): void {
  const options: WorkerOptions = { workerData: { ...data, role: INFERENCE_ROLE }, transferList: [data.port] };
  new Worker(workerEntry(import.meta.url, "inference-reader.ts", "serveInferenceReader"), options).unref();
}

/** The next request from the reading thread, waiting for it without an event loop; undefined at the end. */
function receiver(port: MessagePort, posted: Int32Array): () => Exclude<Incoming, { end: true }> | undefined {
  return () => {
    for (;;) {
      const seen = Atomics.load(posted, 0);
      const received = receiveMessageOnPort(port);
      if (received) {
        const incoming = received.message as Incoming;
        return "end" in incoming ? undefined : incoming;
      }
      Atomics.wait(posted, 0, seen);
    }
  };
}

export async function serveInference(): Promise<void> {
  if (!isMainThread) return serveInferenceReader();
  // Nothing this process starts is an inference process.
  delete process.env[ROLE_VARIABLE];
  const channel = new MessageChannel();
  const posted = new Int32Array(new SharedArrayBuffer(4));
  startReader({ port: channel.port1, posted });
  const next = receiver(channel.port2, posted);
  const { env, InferenceSession, Tensor } = await loadOrt();
  env.logLevel = "error";
  const load = next()?.message;
  if (load?.type !== "load") process.exit(0);
  let session: ort.InferenceSession;
  try {
    session = await InferenceSession.create(load.modelPath, SESSION_OPTIONS);
  } catch (err) {
    send({ type: "load-failed", message: err instanceof Error ? err.message : String(err) });
    process.exit(0);
  }
  send({ type: "loaded", inputs: session.inputMetadata, outputs: session.outputMetadata });
  for (let incoming = next(); incoming; incoming = next()) {
    const { message: request, tensors } = incoming;
    if (request.type !== "run") throw new Error(`unexpected request ${request.type}`);
    const feeds: Record<string, ort.Tensor> = {};
    // The reading thread made every feed the float32 tensor the model takes.
    request.feeds.forEach((feed, i) => (feeds[feed.name] = new Tensor("float32", new Float32Array(tensors[i]), [...feed.dims])));
    let outputs: ort.InferenceSession.OnnxValueMapType | undefined;
    const started = performance.now();
    try {
      outputs = await session.run(feeds, [...request.fetches]);
    } catch (err) {
      send({
        type: "run-failed",
        id: request.id,
        message: err instanceof Error ? err.message : String(err),
        ms: performance.now() - started,
      });
    }
    const ms = performance.now() - started;
    // Back to the reading thread for the next tensors of their size.
    for (const tensor of tensors) channel.port2.postMessage(tensor, [tensor]);
    if (!outputs) continue;
    const kept = outputs[request.keep];
    if (!isTensorType(kept.type)) {
      send({ type: "unsupported-output", id: request.id, outputType: kept.type, ms });
      continue;
    }
    const data = kept.data as ArrayBufferView;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    send({ type: "output", id: request.id, tensor: { type: kept.type, dims: kept.dims, bytes: bytes.length }, ms }, bytes);
  }
  process.exit(0);
}
