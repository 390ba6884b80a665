/**
 * The inference process's reading thread. It takes the requests from stdin
 * and their tensors from the shared tensor file while the main thread is
 * inside onnxruntime, so the next image is already in memory (and already
 * the float tensor, for an image sent as 8-bit pixels) when its turn comes:
 * the copy and the conversion cost the model no time.
 *
 * Requests go to the main thread over a MessagePort, tensors transferred
 * (not copied); a counter in shared memory wakes the main thread, which waits
 * with Atomics.wait because it has no event loop turn to spare. Buffers come
 * back the same way for reuse.
 *
 * It is also the process's watchdog: the end of stdin means the evaluation
 * is done or gone, and a main thread stuck in onnxruntime then cannot exit
 * by itself.
 */
import { readSync } from "node:fs";
import { receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { toChwTensor } from "../preprocess/tensor.js";
import type { Feed, ToInference } from "./inference-protocol.js";

const REQUESTS_FD = 0;
const TENSORS_FD = 4;

/** A request and the bytes of each of its tensors, or the end of the requests. */
export type Incoming = { readonly message: ToInference; readonly tensors: ArrayBuffer[] } | { readonly end: true };

export interface ReaderData {
  readonly port: MessagePort;
  /** [0] counts the messages posted, for Atomics.wait / notify. */
  readonly posted: Int32Array;
}

/** Once its parent is gone, a process stuck in onnxruntime would run on unseen: it ends itself this long after. */
const ORPHAN_GRACE_MS = 2000;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Fills `target` from stdin; false at a clean end of input (no byte read). */
function fill(target: Uint8Array): boolean {
  let got = 0;
  while (got < target.length) {
    let n: number;
    try {
      n = readSync(REQUESTS_FD, target, got, target.length - got, null);
    } catch (err) {
      // An fd left non-blocking by someone else: wait a millisecond and read again.
      if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
      Atomics.wait(pause, 0, 0, 1);
      continue;
    }
    if (n === 0) {
      if (got === 0) return false;
      throw new Error("the evaluation closed its pipe in the middle of a request");
    }
    got += n;
  }
  return true;
}

/** Reads a feed's bytes from the tensor file into `into` (exactly its size). */
function readFeed(feed: Feed, into: ArrayBuffer): ArrayBuffer {
  for (let got = 0; got < into.byteLength;) {
    const n = readSync(TENSORS_FD, new Uint8Array(into), got, into.byteLength - got, feed.offset + got);
    if (n === 0) throw new Error("the tensor file ends before a request's tensor");
    got += n;
  }
  return into;
}

export function serveInferenceReader(): void {
  const { port, posted } = workerData as ReaderData;
  const spare = new Map<number, ArrayBuffer[]>();
  const post = (incoming: Incoming, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(incoming, transfer);
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  };
  const buffer = (bytes: number): ArrayBuffer => {
    for (let back = receiveMessageOnPort(port); back; back = receiveMessageOnPort(port)) {
      const returned = back.message as ArrayBuffer;
      spare.set(returned.byteLength, [...(spare.get(returned.byteLength) ?? []), returned]);
    }
    return spare.get(bytes)?.pop() ?? new ArrayBuffer(bytes);
  };
  // The 8-bit pixels of the image being read: converted at once, so one buffer serves every image.
  let pixels: ArrayBuffer | undefined;
  try {
    for (;;) {
      const length = new Uint8Array(4);
      if (!fill(length)) break;
      const json = new Uint8Array(Buffer.from(length).readUInt32LE(0));
      if (!fill(json)) break;
      const message = JSON.parse(Buffer.from(json).toString("utf8")) as ToInference;
      const feeds = message.type === "run" ? message.feeds : [];
      const tensors = feeds.map((feed) => {
        if (feed.encoding === "float32") return readFeed(feed, buffer(feed.bytes));
        const [, , height, width] = feed.dims;
        pixels = pixels?.byteLength === feed.bytes ? pixels : new ArrayBuffer(feed.bytes);
        const tensor = buffer(width * height * 3 * Float32Array.BYTES_PER_ELEMENT);
        toChwTensor({ width, height, data: new Uint8Array(readFeed(feed, pixels)) }, new Float32Array(tensor));
        return tensor;
      });
      post({ message, tensors }, tensors);
    }
  } finally {
    post({ end: true });
    // The main thread exits on the end it was just sent; only a main thread stuck in onnxruntime lets this fire.
    setTimeout(() => process.kill(process.pid, "SIGKILL"), ORPHAN_GRACE_MS);
  }
}
