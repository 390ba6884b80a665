/**
 * The WebAssembly SIMD passes of kernels.wat, and the memory they work in.
 * One instance per thread, created on first use and kept from image to
 * image, so that after the first few images no pass allocates: on the VMs CI
 * runs on, faulting in fresh pages costs more than the arithmetic.
 */
import { Buffer } from "node:buffer";
import type { AxisCoefficients } from "./resample.js";
import { KERNELS_WASM_BASE64 } from "./kernels-wasm.js";

/** The little of the WebAssembly API used here (the project's lib has no DOM types, where it is declared). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface KernelExports {
  readonly memory: WasmMemory;
  horizontal(
    src: number,
    srcStride: number,
    rows: number,
    meta: number,
    weights: number,
    weightStride: number,
    outWidth: number,
    out: number,
  ): void;
  vertical(src: number, stride: number, meta: number, weights: number, taps: number, outHeight: number, out: number): void;
  planes(src: number, pixels: number, out: number): void;
}

/** The kernels read and write up to 15 bytes past a buffer's end. */
const PAD = 16;
/** Past this much memory, an image is resampled by the scalar code instead. */
export const MAX_KERNEL_MEMORY = 256 * 1024 * 1024;
/**
 * A memory grown past this (for an image above ~10 megapixels) is dropped
 * after use rather than kept for the next image: WebAssembly memory cannot
 * shrink, and one large photo would otherwise hold its size in every worker
 * for the rest of the run.
 */
const RETAINED_MEMORY = 40 * 1024 * 1024;
const PAGE = 65536;

let module: object | undefined;
let kernels: KernelExports | undefined;

function instance(): KernelExports {
  module ??= new wasm.Module(Buffer.from(KERNELS_WASM_BASE64, "base64"));
  kernels ??= new wasm.Instance(module, {}).exports as KernelExports;
  return kernels;
}

function release(k: KernelExports): void {
  if (k.memory.buffer.byteLength > RETAINED_MEMORY) kernels = undefined;
}

/** The horizontal coefficients as the kernel reads them: taps in groups of 4, each weight once per channel. */
interface HorizontalTables {
  readonly meta: Int32Array;
  readonly weights: Int32Array;
  readonly weightStride: number;
}

function horizontalTables(c: AxisCoefficients): HorizontalTables {
  const out = c.first.length;
  let groups = 1;
  for (let i = 0; i < out; i++) groups = Math.max(groups, Math.ceil(c.count[i] / 4));
  const perPixel = groups * 12;
  const meta = new Int32Array(out * 2);
  const weights = new Int32Array(out * perPixel);
  for (let xx = 0; xx < out; xx++) {
    meta[xx * 2] = c.first[xx] * 3;
    meta[xx * 2 + 1] = Math.ceil(c.count[xx] / 4);
    for (let k = 0; k < c.count[xx]; k++) {
      const w = c.weights[xx * c.taps + k];
      const at = xx * perPixel + k * 3;
      weights[at] = w;
      weights[at + 1] = w;
      weights[at + 2] = w;
    }
  }
  return { meta, weights, weightStride: perPixel * 4 };
}

function verticalMeta(c: AxisCoefficients, rowShift: number, stride: number): Int32Array {
  const meta = new Int32Array(c.first.length * 2);
  for (let yy = 0; yy < c.first.length; yy++) {
    meta[yy * 2] = (c.first[yy] - rowShift) * stride;
    meta[yy * 2 + 1] = c.count[yy];
  }
  return meta;
}

const align = (n: number): number => Math.ceil(n / 16) * 16;

/** Bump allocation in the instance's memory, grown when needed, for one resize. */
class Layout {
  private end = 0;
  reserve(bytes: number): number {
    const at = this.end;
    this.end = align(at + bytes + PAD);
    return at;
  }
  get size(): number {
    return this.end;
  }
}

export interface KernelPlan {
  readonly inWidth: number;
  readonly outWidth: number;
  readonly outHeight: number;
  /** Source rows [firstRow, firstRow + rows) are read; the rest of the image never is. */
  readonly firstRow: number;
  readonly rows: number;
  readonly horizontal: AxisCoefficients | null;
  readonly vertical: AxisCoefficients | null;
}

function layoutFor(plan: KernelPlan) {
  const layout = new Layout();
  const h = plan.horizontal ? horizontalTables(plan.horizontal) : null;
  const midWidth = plan.horizontal ? plan.outWidth : plan.inWidth;
  const v = plan.vertical ? verticalMeta(plan.vertical, plan.firstRow, midWidth * 3) : null;
  const at = {
    hMeta: layout.reserve(h ? h.meta.byteLength : 0),
    hWeights: layout.reserve(h ? h.weights.byteLength : 0),
    vMeta: layout.reserve(v ? v.byteLength : 0),
    vWeights: layout.reserve(plan.vertical ? plan.vertical.weights.byteLength : 0),
    src: layout.reserve(plan.inWidth * 3 * plan.rows),
    mid: layout.reserve(h && v ? midWidth * 3 * plan.rows : 0),
    out: layout.reserve(plan.outWidth * 3 * plan.outHeight),
  };
  return { layout, h, v, at, midWidth };
}

function heapOf(k: KernelExports, bytes: number): Uint8Array {
  const missing = bytes - k.memory.buffer.byteLength;
  if (missing > 0) k.memory.grow(Math.ceil(missing / PAGE));
  return new Uint8Array(k.memory.buffer);
}

/**
 * Runs the passes the plan calls for on rows [firstRow, firstRow + rows) of
 * `src` (packed RGB, `inWidth` pixels wide) and returns the resized pixels,
 * or null when the image is too large for the kernels' memory.
 */
export function runKernels(plan: KernelPlan, src: Uint8Array): Uint8Array | null {
  const { layout, h, v, at, midWidth } = layoutFor(plan);
  if (layout.size > MAX_KERNEL_MEMORY) return null;
  const k = instance();
  const heap = heapOf(k, layout.size);
  const i32 = (offset: number, values: Int32Array): void =>
    heap.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
  const inStride = plan.inWidth * 3;
  heap.set(src.subarray(plan.firstRow * inStride, (plan.firstRow + plan.rows) * inStride), at.src);
  let current = at.src;
  if (h) {
    i32(at.hMeta, h.meta);
    i32(at.hWeights, h.weights);
    const target = v ? at.mid : at.out;
    k.horizontal(at.src, inStride, plan.rows, at.hMeta, at.hWeights, h.weightStride, plan.outWidth, target);
    current = target;
  }
  if (v && plan.vertical) {
    i32(at.vMeta, v);
    i32(at.vWeights, plan.vertical.weights);
    k.vertical(current, midWidth * 3, at.vMeta, at.vWeights, plan.vertical.taps, plan.outHeight, at.out);
  }
  const out = heap.slice(at.out, at.out + plan.outWidth * 3 * plan.outHeight);
  release(k);
  return out;
}

/**
 * Packed RGB to float32 planes divided by 255, into `out` (3 x pixels
 * floats), or false when the image is too large for the kernels' memory.
 */
export function runPlanes(rgb: Uint8Array, pixels: number, out: Float32Array): boolean {
  const layout = new Layout();
  const src = layout.reserve(pixels * 3);
  const dst = layout.reserve(pixels * 12);
  if (layout.size > MAX_KERNEL_MEMORY) return false;
  const k = instance();
  const heap = heapOf(k, layout.size);
  heap.set(rgb.subarray(0, pixels * 3), src);
  k.planes(src, pixels, dst);
  out.set(new Float32Array(heap.buffer, dst, pixels * 3));
  release(k);
  return true;
}
