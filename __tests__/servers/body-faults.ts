/**
 * Upload faults shared by the test hub and the test Xet CAS: a server that takes part of a request
 * body and then stops reading it (the client's socket fills, and its writes stop), and one that
 * reads a body slowly but steadily (an honest upload on a slow link).
 */
import type { IncomingMessage } from "node:http";

/** Default for "stall-body": the part of the body taken before the server stops reading. */
export const STALL_AFTER_BYTES = 1 << 20;

/** Reads the whole body; with `bytesPerSecond`, no faster than that (unread bytes stay in the socket, so the client waits). */
export function readBody(req: IncomingMessage, bytesPerSecond?: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      if (!bytesPerSecond) return;
      req.pause();
      setTimeout(() => req.resume(), (chunk.length / bytesPerSecond) * 1000);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    // The client gave up on the request ("aborted"): there is no one to answer.
    req.on("error", () => resolve(undefined));
    req.on("close", () => resolve(req.complete ? Buffer.concat(chunks) : undefined));
  });
}

/** Takes `afterBytes` of the body, then stops reading it, and never answers. */
export function stallBody(req: IncomingMessage, afterBytes = STALL_AFTER_BYTES): void {
  let taken = 0;
  req.on("data", (chunk: Buffer) => {
    taken += chunk.length;
    if (taken >= afterBytes) req.pause();
  });
}
