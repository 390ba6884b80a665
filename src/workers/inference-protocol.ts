/**
 * The wire between the evaluation and an inference process: frames of a
 * 4-byte little-endian header length, a JSON header, then the raw bytes of
 * the tensor the header announces (if any). Raw bytes, not JSON numbers, so
 * that every output bit (NaN, -0, int64) arrives as onnxruntime produced it.
 * Requests go down the child's stdin, replies come up its fd 3.
 *
 * Input tensors do not go through the socket: the parent writes each into a
 * slot of a shared, unlinked file (fd 4 in the child) with one write, and the
 * request names the offset. Through a socket, 3 MB need the parent's event
 * loop some fifteen times (the socket holds ~200 kB), and that loop is busy
 * resampling images on the same thread when preprocessing runs there.
 *
 * The image goes as its 8-bit RGB pixels and becomes the validator's float
 * tensor (x / 255, planar) in the child: a quarter of the bytes to copy
 * twice, and the conversion is the same table either side.
 */
import type { InferenceSession } from "onnxruntime-node";

/** The tensor element types whose bytes the protocol carries (onnxruntime's names). */
export const TENSOR_TYPES = [
  "float32",
  "float64",
  "float16",
  "int8",
  "uint8",
  "int16",
  "uint16",
  "int32",
  "uint32",
  "int64",
  "uint64",
  "bool",
] as const;
export type TensorType = (typeof TENSOR_TYPES)[number];

export const isTensorType = (type: string): type is TensorType => (TENSOR_TYPES as readonly string[]).includes(type);

export interface TensorHeader {
  readonly type: TensorType;
  readonly dims: readonly number[];
  /** Bytes of data that follow the header. */
  readonly bytes: number;
}

/**
 * How a feed's bytes are laid out in the tensor file: float32 as the model
 * takes them, or "rgb8", packed 8-bit RGB rows (H x W x 3) that the child
 * turns into the float32 [1, 3, H, W] tensor the validator feeds.
 */
export type FeedEncoding = "float32" | "rgb8";

export interface Feed {
  readonly name: string;
  readonly encoding: FeedEncoding;
  /** The float32 tensor the model gets. */
  readonly dims: readonly number[];
  /** Where its bytes are in the shared tensor file, and how many. */
  readonly offset: number;
  readonly bytes: number;
}

export type ToInference =
  | { readonly type: "load"; readonly modelPath: string }
  /** Runs the session on the feeds (their bytes in the tensor file), fetching `fetches` and sending back `keep`. */
  | {
      readonly type: "run";
      readonly id: number;
      readonly feeds: readonly Feed[];
      readonly fetches: readonly string[];
      readonly keep: string;
    };

export type FromInference =
  | {
      readonly type: "loaded";
      readonly inputs: readonly InferenceSession.ValueMetadata[];
      readonly outputs: readonly InferenceSession.ValueMetadata[];
    }
  | { readonly type: "load-failed"; readonly message: string }
  /** The kept output's bytes follow; `ms` is the time in session.run, measured there. */
  | { readonly type: "output"; readonly id: number; readonly tensor: TensorHeader; readonly ms: number }
  /** onnxruntime failed on this input. */
  | { readonly type: "run-failed"; readonly id: number; readonly message: string; readonly ms: number }
  /** onnxruntime ran, but the kept output is of a type the protocol does not carry (string, int4, ...). */
  | { readonly type: "unsupported-output"; readonly id: number; readonly outputType: string; readonly ms: number };

/** The frame's header part: length, then JSON. The payload, if any, is written after it as it is. */
export function encodeHeader(message: ToInference | FromInference): Buffer {
  const json = Buffer.from(JSON.stringify(message), "utf8");
  const frame = Buffer.allocUnsafe(4 + json.length);
  frame.writeUInt32LE(json.length, 0);
  json.copy(frame, 4);
  return frame;
}

/** The byte count of the tensor that follows the header in the stream, 0 for none. */
export function payloadBytes(message: ToInference | FromInference): number {
  return message.type === "output" ? message.tensor.bytes : 0;
}

/**
 * Frames from a byte stream, for the side that reads asynchronously (the
 * parent). Chunks are kept as they come and joined only for a frame that
 * spans several of them.
 */
export class FrameDecoder<T extends ToInference | FromInference> {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private header: T | undefined;

  constructor(private readonly onFrame: (message: T, payload: Uint8Array) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (!this.header) {
        if (this.buffered < 4) return;
        const length = this.peek(4).readUInt32LE(0);
        if (this.buffered < 4 + length) return;
        this.take(4);
        this.header = JSON.parse(this.take(length).toString("utf8")) as T;
      }
      const bytes = payloadBytes(this.header);
      if (this.buffered < bytes) return;
      // A copy of its own: typed arrays over it need an aligned, unshared buffer.
      const payload = new Uint8Array(bytes);
      payload.set(this.take(bytes));
      const message = this.header;
      this.header = undefined;
      this.onFrame(message, payload);
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    const out = this.peek(n);
    this.chunks[0] = this.chunks[0].subarray(n);
    if (this.chunks[0].length === 0) this.chunks.shift();
    this.buffered -= n;
    return out;
  }
}
