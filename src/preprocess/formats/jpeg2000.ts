/**
 * JPEG 2000 (a JP2 file or a bare codestream) as Pillow 10.4 reads it:
 * Jpeg2KImagePlugin picks the mode from the header, OpenJPEG decodes the
 * tiles, and libImaging/Jpeg2KDecode.c's unpackers scale each sample to the
 * mode's depth by a plain shift, with no colour management.
 *
 * OpenJPEG here is @cornerstonejs/codec-openjpeg's WebAssembly build. Its
 * integer and float paths give the same samples as the native library
 * (checked on lossless and 9/7 lossy files, tiled, layered, odd sizes). Its
 * wrapper does some things Pillow does not, and those images are refused as
 * not reproduced: it applies JP2 palettes, channel definitions and
 * YCC/CMYK colour boxes (Pillow's tile-by-tile decode skips them), and it
 * only returns 1- or 3-component images (so no LA, RGBA or CMYK), unsigned,
 * up to 16 bits for grey and 8 for colour, without subsampling or an image
 * offset.
 */
import type { RgbImage } from "../resample.js";
import { CannotReproduce, PillowRefuses, checkPixelLimit } from "./errors.js";
import { openJpegDecode } from "./openjpeg.js";

const CODESTREAM = [0xff, 0x4f, 0xff, 0x51];
const JP2_SIGNATURE = [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];

/** A component of the SIZ marker segment. */
interface Component {
  readonly precision: number;
  readonly signed: boolean;
  readonly dx: number;
  readonly dy: number;
}

interface Siz {
  readonly width: number;
  readonly height: number;
  readonly x0: number;
  readonly y0: number;
  readonly components: readonly Component[];
}

/** What decodeJpeg2000 needs to know before decoding; exported for tests. */
export interface Jpeg2000Plan {
  /** Pillow's mode: only the ones this tool reproduces. */
  readonly mode: "L" | "I;16" | "RGB";
  readonly width: number;
  readonly height: number;
  /** Bits per sample, the same for every component. */
  readonly precision: number;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const type4 = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4));
const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0): boolean => bytes.every((v, i) => b[at + i] === v);

/** The SIZ segment right after SOC, as OpenJPEG reads it; undefined where Pillow's struct.unpack would fail. */
function readSiz(b: Uint8Array, at: number): Siz | undefined {
  if (!startsWith(b, CODESTREAM, at) || at + 4 + 38 > b.length) return undefined;
  const s = at + 4;
  const count = u16(b, s + 36);
  if (s + 38 + 3 * count > b.length) return undefined;
  const components: Component[] = [];
  for (let i = 0; i < count; i++) {
    const ssiz = b[s + 38 + 3 * i];
    components.push({ precision: (ssiz & 0x7f) + 1, signed: (ssiz & 0x80) !== 0, dx: b[s + 39 + 3 * i], dy: b[s + 40 + 3 * i] });
  }
  const x1 = u32(b, s + 4);
  const y1 = u32(b, s + 8);
  const x0 = u32(b, s + 12);
  const y0 = u32(b, s + 16);
  return { width: x1 - x0, height: y1 - y0, x0, y0, components };
}

/**
 * Pillow's BoxReader over b[from, to): reads past `to` raise (SyntaxError
 * "Not enough data in header" or an OSError on a short read), as Pillow's do.
 */
class BoxReader {
  private pos: number;
  private remaining = -1;

  constructor(
    private readonly b: Uint8Array,
    from: number,
    private readonly end: number,
  ) {
    this.pos = from;
  }

  private read(n: number): number {
    if (this.pos + n > this.end || (this.remaining >= 0 && n > this.remaining))
      throw new PillowRefuses("JPEG 2000: not enough data in header");
    const at = this.pos;
    this.pos += n;
    if (this.remaining > 0) this.remaining -= n;
    return at;
  }

  hasNext(): boolean {
    return this.pos + this.remaining < this.end;
  }

  /** The next box's type; its payload is then [payloadAt, payloadAt + remaining). */
  next(): string {
    if (this.remaining > 0) this.pos += this.remaining;
    this.remaining = -1;
    let at = this.read(8);
    let length = u32(this.b, at);
    const type = type4(this.b, at + 4);
    let header = 8;
    if (length === 1) {
      at = this.read(8);
      length = u32(this.b, at) * 2 ** 32 + u32(this.b, at + 4);
      header = 16;
    }
    if (length < header || this.pos + length - header > this.end) throw new PillowRefuses("JPEG 2000: invalid header length");
    this.remaining = length - header;
    return type;
  }

  /** Reads n bytes of the current box, returning where they start. */
  fields(n: number): number {
    return this.read(n);
  }

  /** The rest of the current box as a reader of its sub-boxes. */
  sub(): BoxReader {
    const size = this.remaining;
    const at = this.read(size);
    return new BoxReader(this.b, at, at + size);
  }
}

/** What the JP2 header says, read the way Pillow's _parse_jp2_header and OpenJPEG do. */
interface Jp2Header {
  readonly width: number;
  readonly height: number;
  readonly mode: string;
  readonly components: number;
  /** Boxes whose effect the wasm wrapper applies and Pillow does not. */
  readonly wrapperOnly: string | undefined;
}

function readJp2Header(b: Uint8Array): Jp2Header {
  // The top level has no known end for Pillow: a missing jp2h box ends in a short read.
  const top = new BoxReader(b, JP2_SIGNATURE.length, b.length);
  let header: BoxReader | undefined;
  while (!header) {
    if (top.next() === "jp2h") header = top.sub();
  }
  let size: [number, number] | undefined;
  let mode: string | undefined;
  let components = 0;
  let wrapperOnly: string | undefined;
  let colrSeen = false;
  while (header.hasNext()) {
    const type = header.next();
    if (type === "ihdr") {
      const at = header.fields(11);
      size = [u32(b, at + 4), u32(b, at)];
      components = u16(b, at + 8);
      const bpc = b[at + 10];
      mode =
        components === 1 ? ((bpc & 0x7f) > 8 ? "I;16" : "L") : ({ 2: "LA", 3: "RGB", 4: "RGBA" } as Record<number, string>)[components];
    } else if (type === "colr") {
      // Pillow reads it only for 4 components; OpenJPEG keeps the first, and converts YCC/CMYK where Pillow does not.
      const at = header.fields(7);
      if (!colrSeen && b[at] === 1 && [12, 18, 24].includes(u32(b, at + 3))) wrapperOnly = `colour space ${u32(b, at + 3)}`;
      colrSeen = true;
    } else if (type === "pclr") {
      wrapperOnly = "a palette";
    } else if (type === "cdef") {
      const at = header.fields(2);
      const n = u16(b, at);
      for (let i = 0; i < n; i++) {
        const e = header.fields(6);
        const [cn, typ, asoc] = [u16(b, e), u16(b, e + 2), u16(b, e + 4)];
        // opj_jp2_apply_cdef swaps channel data only where a channel is associated with another colour.
        if (typ !== 65535 && asoc !== 0 && asoc !== 65535 && asoc - 1 !== cn) wrapperOnly = "reordered channels";
      }
    }
  }
  if (!size || !mode) throw new PillowRefuses("JPEG 2000: malformed JP2 header");
  return { width: size[0], height: size[1], mode, components, wrapperOnly };
}

/** The first contiguous codestream box, where OpenJPEG reads the image from. */
function findCodestream(b: Uint8Array): number | undefined {
  let at = JP2_SIGNATURE.length;
  while (at + 8 <= b.length) {
    let length = u32(b, at);
    let header = 8;
    if (length === 1 && at + 16 <= b.length) {
      length = u32(b, at + 8) * 2 ** 32 + u32(b, at + 12);
      header = 16;
    }
    if (type4(b, at + 4) === "jp2c") return at + header;
    if (length < header) return undefined;
    at += length;
  }
  return undefined;
}

export function planJpeg2000(b: Uint8Array): Jpeg2000Plan {
  let mode: string;
  let siz: Siz | undefined;
  let header: Jp2Header | undefined;
  if (startsWith(b, CODESTREAM)) {
    siz = readSiz(b, 0);
    if (!siz) throw new PillowRefuses("JPEG 2000: truncated SIZ marker");
    const count = siz.components.length;
    // Pillow 10.4's _parse_codestream (9.4 looked at the first YRsiz instead of Ssiz for one component).
    if (count === 1) mode = siz.components[0].precision > 8 ? "I;16" : "L";
    else if (count >= 2 && count <= 4) mode = ["LA", "RGB", "RGBA"][count - 2];
    else throw new PillowRefuses("JPEG 2000: unable to determine J2K image mode");
  } else {
    header = readJp2Header(b);
    mode = header.mode;
    const at = findCodestream(b);
    siz = at === undefined ? undefined : readSiz(b, at);
    if (!siz) throw new PillowRefuses("JPEG 2000: broken data stream (no codestream)");
  }
  const count = siz.components.length;
  // j2k_decode_entry: OpenJPEG images of no or more than 4 components are "broken data stream".
  if (count < 1 || count > 4) throw new PillowRefuses(`JPEG 2000: ${count} components`);
  const what = `JPEG 2000 ${mode}`;
  if (count !== 1 && count !== 3) throw new CannotReproduce(`${what} with ${count} components`);
  if (header?.wrapperOnly) throw new CannotReproduce(`${what} with ${header.wrapperOnly}`);
  if (header && (header.components !== count || header.width !== siz.width || header.height !== siz.height))
    throw new CannotReproduce(`${what} whose JP2 header and codestream disagree`);
  const [first] = siz.components;
  if (siz.components.some((c) => c.precision !== first.precision || c.signed || c.dx !== 1 || c.dy !== 1))
    throw new CannotReproduce(`${what} with signed, subsampled or unequal components`);
  if (siz.x0 !== 0 || siz.y0 !== 0) throw new CannotReproduce(`${what} with an image offset`);
  if (first.precision > (count === 1 ? 16 : 8)) throw new CannotReproduce(`${what} of ${first.precision}-bit samples`);
  if (mode !== "L" && mode !== "I;16" && mode !== "RGB") throw new CannotReproduce(what);
  checkPixelLimit(siz.width, siz.height);
  return { mode, width: siz.width, height: siz.height, precision: first.precision };
}

/**
 * Jpeg2KDecode.c's j2ku_shift to 8 bits ("L", "RGB"): a left shift for
 * fewer bits, a rounded right shift for more, kept to the low byte as the
 * UINT8 store does (so a sample that rounds up to 256 becomes 0).
 */
function toEightBits(precision: number): (v: number) => number {
  const shift = 8 - precision;
  if (shift >= 0) return (v) => (v << shift) & 0xff;
  const offset = 1 << (-shift - 1);
  return (v) => ((v + offset) >> -shift) & 0xff;
}

export async function decodeJpeg2000(data: Uint8Array): Promise<RgbImage> {
  const plan = planJpeg2000(data);
  const { width, height, precision, mode } = plan;
  const decoded = await openJpegDecode(data);
  if (!decoded) throw new PillowRefuses("JPEG 2000: broken data stream");
  const colour = mode === "RGB";
  const wide = !colour && precision > 8;
  const pixels = width * height;
  if (decoded.width !== width || decoded.height !== height || decoded.samples.length !== pixels * (colour ? 3 : wide ? 2 : 1))
    throw new CannotReproduce(`JPEG 2000 ${mode} (the decoder returned another shape)`);
  const out = new Uint8Array(pixels * 3);
  if (colour) {
    const reduce = toEightBits(precision);
    for (let i = 0; i < pixels * 3; i++) out[i] = reduce(decoded.samples[i]);
    return { width, height, data: out };
  }
  const s = decoded.samples;
  // "I;16" keeps the sample shifted up to 16 bits (j2ku_gray_i); its conversion to RGB clips at 255.
  const reduce = mode === "I;16" ? (v: number): number => Math.min(255, (v << (16 - precision)) & 0xffff) : toEightBits(precision);
  for (let i = 0, o = 0; i < pixels; i++, o += 3) {
    // Wider samples come as little-endian 16-bit words.
    const v = wide ? s[2 * i] | (s[2 * i + 1] << 8) : s[i];
    out[o] = out[o + 1] = out[o + 2] = reduce(v);
  }
  return { width, height, data: out };
}
