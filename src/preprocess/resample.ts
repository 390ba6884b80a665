/**
 * Pillow's 8-bit LANCZOS resampler (libImaging/Resample.c), re-implemented
 * operation for operation: double-precision filter weights, normalised per
 * output pixel, quantised to 22 fractional bits, a horizontal pass over only
 * the source rows the vertical pass needs, then the vertical pass, each with
 * rounding and clamping to 0..255. Any shortcut (float accumulation, one
 * fused pass, sharp's own resize) changes pixels, and therefore scores.
 *
 * The passes run as WebAssembly SIMD kernels (kernels.wat), which compute the
 * same integers several times faster than scalar code; the scalar passes
 * below are the readable reference, the fallback for huge images, and what
 * the kernels are tested against.
 */
import { runKernels } from "./kernels.js";

/** An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const PRECISION_BITS = 32 - 8 - 2;
const HALF = 1 << (PRECISION_BITS - 1);
const LANCZOS_SUPPORT = 3;

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = x * Math.PI;
  return Math.sin(px) / px;
}

function lanczos(x: number): number {
  return x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
}

/** Integer weights of one axis: for output pixel i, taps `count[i]` source pixels from `first[i]`. */
export interface AxisCoefficients {
  readonly taps: number;
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly weights: Int32Array;
}

export function axisCoefficients(inSize: number, outSize: number): AxisCoefficients {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = LANCZOS_SUPPORT * filterScale;
  const taps = Math.ceil(support) * 2 + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * taps);
  const k = new Float64Array(taps);
  const ss = 1 / filterScale;
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    // C's (int) cast truncates toward zero.
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const xmax = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = lanczos((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < xmax; x++) {
      const w = ww !== 0 ? k[x] / ww : k[x];
      weights[xx * taps + x] = w < 0 ? Math.trunc(-0.5 + w * (1 << PRECISION_BITS)) : Math.trunc(0.5 + w * (1 << PRECISION_BITS));
    }
    first[xx] = xmin;
    count[xx] = xmax;
  }
  return { taps, first, count, weights };
}

function clip8(v: number): number {
  if (v >= 1 << (PRECISION_BITS + 8)) return 255;
  if (v <= 0) return 0;
  return v >> PRECISION_BITS;
}

function horizontalPass(src: RgbImage, rowFirst: number, rows: number, c: AxisCoefficients, outWidth: number): Uint8Array {
  const out = new Uint8Array(outWidth * rows * 3);
  const { taps, first, count, weights } = c;
  const inStride = src.width * 3;
  const data = src.data;
  for (let y = 0; y < rows; y++) {
    const rowBase = (y + rowFirst) * inStride;
    let o = y * outWidth * 3;
    for (let xx = 0; xx < outWidth; xx++) {
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      const kBase = xx * taps;
      let p = rowBase + first[xx] * 3;
      const n = count[xx];
      for (let x = 0; x < n; x++, p += 3) {
        const w = weights[kBase + x];
        s0 += data[p] * w;
        s1 += data[p + 1] * w;
        s2 += data[p + 2] * w;
      }
      out[o++] = clip8(s0);
      out[o++] = clip8(s1);
      out[o++] = clip8(s2);
    }
  }
  return out;
}

function verticalPass(src: RgbImage, c: AxisCoefficients, rowShift: number, outHeight: number): Uint8Array {
  const stride = src.width * 3;
  const out = new Uint8Array(stride * outHeight);
  const { taps, first, count, weights } = c;
  const data = src.data;
  for (let yy = 0; yy < outHeight; yy++) {
    const kBase = yy * taps;
    const rowBase = (first[yy] - rowShift) * stride;
    const n = count[yy];
    const o = yy * stride;
    for (let i = 0; i < stride; i++) {
      let s = HALF;
      let p = rowBase + i;
      for (let y = 0; y < n; y++, p += stride) s += data[p] * weights[kBase + y];
      out[o + i] = clip8(s);
    }
  }
  return out;
}

interface Plan {
  readonly horizontal: AxisCoefficients | null;
  readonly vertical: AxisCoefficients | null;
  readonly firstRow: number;
  readonly rows: number;
}

function plan(src: RgbImage, width: number, height: number): Plan {
  const horizontal = src.width !== width ? axisCoefficients(src.width, width) : null;
  const vertical = src.height !== height ? axisCoefficients(src.height, height) : null;
  if (!vertical) return { horizontal, vertical, firstRow: 0, rows: src.height };
  // Only the source rows that some output row reads are filtered horizontally.
  const firstRow = vertical.first[0];
  const lastRow = vertical.first[height - 1] + vertical.count[height - 1];
  return { horizontal, vertical, firstRow, rows: lastRow - firstRow };
}

/** `Image.resize((width, height), Image.LANCZOS)` on an RGB image, byte for byte. */
export function resizeLanczos(src: RgbImage, width: number, height: number): RgbImage {
  // Pillow returns a copy, unfiltered, when the size does not change.
  if (src.width === width && src.height === height) return src;
  const p = plan(src, width, height);
  const data = runKernels({ ...p, inWidth: src.width, outWidth: width, outHeight: height }, src.data);
  return data ? { width, height, data } : scalarPasses(src, width, height, p);
}

/** The same resize with the scalar passes only. */
export function resizeLanczosScalar(src: RgbImage, width: number, height: number): RgbImage {
  if (src.width === width && src.height === height) return src;
  return scalarPasses(src, width, height, plan(src, width, height));
}

function scalarPasses(src: RgbImage, width: number, height: number, p: Plan): RgbImage {
  let image = src;
  let rowShift = 0;
  if (p.horizontal) {
    image = { width, height: p.rows, data: horizontalPass(src, p.firstRow, p.rows, p.horizontal, width) };
    rowShift = p.firstRow;
  }
  if (p.vertical) {
    image = { width: image.width, height, data: verticalPass(image, p.vertical, rowShift, height) };
  }
  return image;
}
