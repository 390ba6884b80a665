/**
 * The first IFD of a TIFF (classic or BigTIFF), read only for the tags that
 * decide what Pillow's TiffImagePlugin makes of the image.
 */
import { PillowRefuses } from "./errors.js";

export const TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  fillOrder: 266,
  stripOffsets: 273,
  orientation: 274,
  samplesPerPixel: 277,
  rowsPerStrip: 278,
  stripByteCounts: 279,
  planarConfig: 284,
  predictor: 317,
  tileWidth: 322,
  colorMap: 320,
  extraSamples: 338,
  sampleFormat: 339,
  jpegXr: 0xbc01,
} as const;

/** Sizes of TIFF field types 1..18; numeric types only matter here. */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];

export interface TiffIfd {
  readonly littleEndian: boolean;
  readonly tags: ReadonlyMap<number, readonly number[]>;
}

export function readIfd0(data: Uint8Array): TiffIfd {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const le = data[0] === 0x49;
  const big = (le ? view.getUint16(2, true) : view.getUint16(2, false)) === 43;
  const bad = (why: string): PillowRefuses => new PillowRefuses(`TIFF: ${why}`);
  const u16 = (at: number): number => view.getUint16(at, le);
  const u32 = (at: number): number => view.getUint32(at, le);
  const u64 = (at: number): number => Number(view.getBigUint64(at, le));
  const inRange = (at: number, n: number): void => {
    if (at < 0 || at + n > data.length) throw bad("the directory points past the end of the file");
  };
  inRange(0, big ? 16 : 8);
  const ifd = big ? u64(8) : u32(4);
  inRange(ifd, big ? 8 : 2);
  const count = big ? u64(ifd) : u16(ifd);
  const entrySize = big ? 20 : 12;
  const first = ifd + (big ? 8 : 2);
  inRange(first, count * entrySize);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const e = first + i * entrySize;
    const tag = u16(e);
    const type = u16(e + 2);
    const n = big ? u64(e + 4) : u32(e + 4);
    const size = TYPE_SIZE[type] ?? 0;
    if (!size || type === 2 || type === 7) {
      tags.set(tag, []);
      continue;
    }
    const inline = big ? 8 : 4;
    const at = size * n <= inline ? e + (big ? 12 : 8) : big ? u64(e + 12) : u32(e + 8);
    inRange(at, size * n);
    const values: number[] = [];
    for (let k = 0; k < n; k++) {
      const p = at + k * size;
      switch (type) {
        case 1:
          values.push(data[p]);
          break;
        case 3:
          values.push(u16(p));
          break;
        case 4:
        case 13:
          values.push(u32(p));
          break;
        case 6:
          values.push(view.getInt8(p));
          break;
        case 8:
          values.push(view.getInt16(p, le));
          break;
        case 9:
          values.push(view.getInt32(p, le));
          break;
        case 16:
        case 18:
          values.push(u64(p));
          break;
        default:
          values.push(NaN);
      }
    }
    tags.set(tag, values);
  }
  return { littleEndian: le, tags };
}
