/**
 * The Xet storage formats, written from the specification (https://huggingface.co/docs/xet) and
 * xet-core, not from @huggingface/hub: BLAKE3, the Xet hashes (chunk, xorb/file merkle, term
 * verification, HMAC), LZ4 frames and byte grouping, and the xorb and shard layouts. The test CAS
 * (xet.ts) checks what the real client uploads with these, so a client bug is not mirrored by the
 * server that is supposed to catch it.
 */

// ---------------------------------------------------------------------------------------------
// BLAKE3 (https://github.com/BLAKE3-team/BLAKE3-specs): only the 32-byte output is needed.

const IV = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const PERMUTATION = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8];
const CHUNK_START = 1;
const CHUNK_END = 2;
const PARENT = 4;
const ROOT = 8;
const KEYED_HASH = 16;
const CHUNK_LEN = 1024;
const BLOCK_LEN = 64;

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

function g(s: Uint32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  s[a] = s[a] + s[b] + x;
  s[d] = rotr(s[d] ^ s[a], 16);
  s[c] = s[c] + s[d];
  s[b] = rotr(s[b] ^ s[c], 12);
  s[a] = s[a] + s[b] + y;
  s[d] = rotr(s[d] ^ s[a], 8);
  s[c] = s[c] + s[d];
  s[b] = rotr(s[b] ^ s[c], 7);
}

/** The compression function; returns the new chaining value (the first 8 words of the output). */
function compress(cv: Uint32Array, block: Uint32Array, counter: number, blockLen: number, flags: number): Uint32Array {
  const s = new Uint32Array(16);
  s.set(cv, 0);
  s.set(IV.subarray(0, 4), 8);
  s[12] = counter >>> 0;
  s[13] = Math.floor(counter / 2 ** 32);
  s[14] = blockLen;
  s[15] = flags;
  let m = block;
  for (let round = 0; round < 7; round++) {
    g(s, 0, 4, 8, 12, m[0], m[1]);
    g(s, 1, 5, 9, 13, m[2], m[3]);
    g(s, 2, 6, 10, 14, m[4], m[5]);
    g(s, 3, 7, 11, 15, m[6], m[7]);
    g(s, 0, 5, 10, 15, m[8], m[9]);
    g(s, 1, 6, 11, 12, m[10], m[11]);
    g(s, 2, 7, 8, 13, m[12], m[13]);
    g(s, 3, 4, 9, 14, m[14], m[15]);
    const next = m;
    m = new Uint32Array(16).map((_, i) => next[PERMUTATION[i]]);
  }
  const out = new Uint32Array(8);
  for (let i = 0; i < 8; i++) out[i] = s[i] ^ s[i + 8];
  return out;
}

function blockWords(data: Uint8Array, start: number, len: number): Uint32Array {
  const words = new Uint32Array(16);
  for (let i = 0; i < len; i++) words[i >> 2] |= data[start + i] << (8 * (i & 3));
  return words;
}

function chunkCv(
  data: Uint8Array,
  start: number,
  len: number,
  counter: number,
  key: Uint32Array,
  flags: number,
  root: boolean,
): Uint32Array {
  let cv = key;
  const blocks = Math.max(1, Math.ceil(len / BLOCK_LEN));
  for (let b = 0; b < blocks; b++) {
    const blockLen = Math.min(BLOCK_LEN, len - b * BLOCK_LEN);
    const last = b === blocks - 1;
    const f = flags | (b === 0 ? CHUNK_START : 0) | (last ? CHUNK_END | (root ? ROOT : 0) : 0);
    cv = compress(cv, blockWords(data, start + b * BLOCK_LEN, blockLen), counter, blockLen, f);
  }
  return cv;
}

/** A subtree: the left side holds the largest power-of-two number of chunks that leaves the right side at least one byte. */
function treeCv(
  data: Uint8Array,
  start: number,
  len: number,
  counter: number,
  key: Uint32Array,
  flags: number,
  root: boolean,
): Uint32Array {
  if (len <= CHUNK_LEN) return chunkCv(data, start, len, counter, key, flags, root);
  const fullChunks = Math.floor((len - 1) / CHUNK_LEN);
  let leftChunks = 1;
  while (leftChunks * 2 <= fullChunks) leftChunks *= 2;
  const leftLen = leftChunks * CHUNK_LEN;
  const left = treeCv(data, start, leftLen, counter, key, flags, false);
  const right = treeCv(data, start + leftLen, len - leftLen, counter + leftChunks, key, flags, false);
  const block = new Uint32Array(16);
  block.set(left, 0);
  block.set(right, 8);
  return compress(key, block, 0, BLOCK_LEN, flags | PARENT | (root ? ROOT : 0));
}

function wordsToBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, true));
  return out;
}

/** BLAKE3 with a 32-byte key (keyed mode), or the plain hash without one. */
export function blake3(data: Uint8Array, key?: Uint8Array): Uint8Array {
  const keyWords = key ? blockWords(key, 0, 32).subarray(0, 8) : IV;
  return wordsToBytes(treeCv(data, 0, data.length, 0, keyWords, key ? KEYED_HASH : 0, true));
}

// ---------------------------------------------------------------------------------------------
// Xet hashes (https://huggingface.co/docs/xet/hashing; merkle cuts from xet-core's aggregated_hashes.rs).

const DATA_KEY = Uint8Array.from([
  102, 151, 245, 119, 91, 149, 80, 222, 49, 53, 203, 172, 165, 151, 24, 28, 157, 228, 33, 16, 155, 235, 43, 88, 180, 208, 176, 75, 147, 173,
  242, 41,
]);
const INTERNAL_NODE_KEY = Uint8Array.from([
  1, 126, 197, 199, 165, 71, 41, 150, 253, 148, 102, 102, 180, 138, 2, 230, 93, 221, 83, 111, 55, 199, 109, 210, 248, 99, 82, 230, 74, 83,
  113, 63,
]);
const VERIFICATION_KEY = Uint8Array.from([
  127, 24, 87, 214, 206, 86, 237, 102, 18, 127, 249, 19, 231, 165, 195, 243, 164, 205, 38, 213, 181, 219, 73, 230, 65, 36, 152, 127, 40,
  251, 148, 195,
]);
const ZERO_KEY = new Uint8Array(32);

/** A hash as the API spells it: each 8-byte word as a little-endian u64 in 16 hex digits ("converting hashes to strings"). */
export function hashHex(hash: Uint8Array): string {
  let hex = "";
  for (let word = 0; word < 32; word += 8) for (let i = 7; i >= 0; i--) hex += hash[word + i].toString(16).padStart(2, "0");
  return hex;
}

export function hashFromHex(hex: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`"${hex}" is not a 64-digit lowercase hex hash`);
  const out = new Uint8Array(32);
  for (let word = 0; word < 32; word += 8)
    for (let i = 0; i < 8; i++) out[word + 7 - i] = parseInt(hex.slice((word + i) * 2, (word + i) * 2 + 2), 16);
  return out;
}

/** `hash % n` in xet-core: the last u64 word, little-endian. */
export const hashMod = (hash: Uint8Array, n: number): number =>
  Number(new DataView(hash.buffer, hash.byteOffset, 32).getBigUint64(24, true) % BigInt(n));

export const chunkHash = (data: Uint8Array): Uint8Array => blake3(data, DATA_KEY);

export interface HashedChunk {
  readonly hash: Uint8Array;
  readonly length: number;
}

/** Groups of 2 to 9 nodes, cut after a node whose hash is 0 mod 4 (xet-core `next_merge_cut`). */
function nextMergeCut(nodes: readonly HashedChunk[], from: number): number {
  const left = nodes.length - from;
  if (left <= 2) return nodes.length;
  const end = Math.min(9, left);
  for (let i = 2; i < end; i++) if (hashMod(nodes[from + i].hash, 4) === 0) return from + i + 1;
  return from + end;
}

function mergedNode(nodes: readonly HashedChunk[]): HashedChunk {
  const text = nodes.map((n) => `${hashHex(n.hash)} : ${n.length}\n`).join("");
  return { hash: blake3(Buffer.from(text, "ascii"), INTERNAL_NODE_KEY), length: nodes.reduce((sum, n) => sum + n.length, 0) };
}

function merkleRoot(chunks: readonly HashedChunk[]): Uint8Array {
  let level = chunks;
  while (level.length > 1) {
    const next: HashedChunk[] = [];
    for (let i = 0; i < level.length;) {
      const cut = nextMergeCut(level, i);
      next.push(mergedNode(level.slice(i, cut)));
      i = cut;
    }
    level = next;
  }
  return level[0].hash;
}

export const xorbHash = (chunks: readonly HashedChunk[]): Uint8Array => (chunks.length ? merkleRoot(chunks) : new Uint8Array(32));
export const fileHash = (chunks: readonly HashedChunk[]): Uint8Array =>
  chunks.length ? blake3(merkleRoot(chunks), ZERO_KEY) : new Uint8Array(32);
export const verificationHash = (hashes: readonly Uint8Array[]): Uint8Array => blake3(Buffer.concat(hashes), VERIFICATION_KEY);
export const hmac = (hash: Uint8Array, key: Uint8Array): Uint8Array => blake3(hash, key);

// ---------------------------------------------------------------------------------------------
// LZ4 frames (https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md), which Xet chunks use.

const LZ4_MAGIC = 0x184d2204;

/** Decodes one LZ4 block into `out` at `o`; returns the new end of `out`. */
function lz4Block(src: Uint8Array, start: number, end: number, out: Uint8Array, o: number): number {
  let i = start;
  const length = (base: number): number => {
    let n = base;
    if (base === 15) {
      let byte: number;
      do {
        if (i >= end) throw new Error("LZ4 length runs past the block");
        byte = src[i++];
        n += byte;
      } while (byte === 255);
    }
    return n;
  };
  while (i < end) {
    const token = src[i++];
    const literals = length(token >> 4);
    if (i + literals > end || o + literals > out.length) throw new Error("LZ4 literals run past the block or the chunk");
    out.set(src.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i === end) break; // the last sequence has literals only
    if (i + 2 > end) throw new Error("LZ4 match offset runs past the block");
    const offset = src[i] | (src[i + 1] << 8);
    i += 2;
    if (offset === 0 || offset > o) throw new Error(`LZ4 match offset ${offset} points before the output`);
    const match = length(token & 15) + 4;
    if (o + match > out.length) throw new Error("LZ4 match runs past the chunk");
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset]; // byte by byte: a match may overlap its own output
  }
  return o;
}

export function lz4Frame(src: Uint8Array, expected: number): Uint8Array {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  if (src.length < 7 || view.getUint32(0, true) !== LZ4_MAGIC) throw new Error("not an LZ4 frame (bad magic number)");
  const flg = src[4];
  if (flg >> 6 !== 1 || flg & 0x02 || src[5] & 0x8f) throw new Error("unsupported LZ4 frame descriptor");
  let p = 7 + (flg & 0x08 ? 8 : 0) + (flg & 0x01 ? 4 : 0); // magic, FLG, BD, [content size], [dict id], header checksum
  const out = new Uint8Array(expected);
  let o = 0;
  for (;;) {
    if (p + 4 > src.length) throw new Error("LZ4 frame ends without an end mark");
    const word = view.getUint32(p, true);
    p += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    if (p + size > src.length) throw new Error("LZ4 block runs past the frame");
    if (word >>> 31) {
      if (o + size > out.length) throw new Error("LZ4 stored block runs past the chunk");
      out.set(src.subarray(p, p + size), o);
      o += size;
    } else o = lz4Block(src, p, p + size, out, o);
    p += size + (flg & 0x10 ? 4 : 0);
  }
  p += flg & 0x04 ? 4 : 0;
  if (p !== src.length) throw new Error("bytes after the LZ4 frame");
  if (o !== expected) throw new Error(`LZ4 frame holds ${o} bytes, the chunk header says ${expected}`);
  return out;
}

/** Undoes byte grouping: [all bytes 0 mod 4][1 mod 4][2 mod 4][3 mod 4] back to the original order. */
export function bg4Regroup(grouped: Uint8Array): Uint8Array {
  const n = grouped.length;
  const out = new Uint8Array(n);
  let k = 0;
  for (let lane = 0; lane < 4; lane++) for (let i = lane; i < n; i += 4) out[i] = grouped[k++];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Xorbs (https://huggingface.co/docs/xet/xorb).

export const MAX_XORB_BYTES = 64 * 1024 * 1024;
const MAX_CHUNK_BYTES = 128 * 1024;
export const COMPRESSION = ["none", "lz4", "bg4-lz4"] as const;

export interface XorbChunk extends HashedChunk {
  readonly data: Uint8Array;
  readonly compression: (typeof COMPRESSION)[number];
}

export function parseXorb(body: Uint8Array): XorbChunk[] {
  if (body.length > MAX_XORB_BYTES) throw new Error(`xorb is ${body.length} bytes, over the 64 MiB limit`);
  const chunks: XorbChunk[] = [];
  for (let p = 0; p < body.length;) {
    if (p + 8 > body.length) throw new Error(`truncated chunk header at byte ${p}`);
    const u24 = (at: number): number => body[at] | (body[at + 1] << 8) | (body[at + 2] << 16);
    const [version, compressed, scheme, size] = [body[p], u24(p + 1), body[p + 4], u24(p + 5)];
    if (version !== 0) throw new Error(`chunk ${chunks.length} has header version ${version}, not 0`);
    if (size === 0 || size > MAX_CHUNK_BYTES) throw new Error(`chunk ${chunks.length} is ${size} bytes (1 to 128 KiB allowed)`);
    const payload = body.subarray(p + 8, p + 8 + compressed);
    if (payload.length !== compressed) throw new Error(`chunk ${chunks.length} runs past the end of the xorb`);
    let data: Uint8Array;
    if (scheme === 0) {
      if (compressed !== size) throw new Error(`uncompressed chunk ${chunks.length} has sizes ${compressed} and ${size}`);
      data = payload;
    } else if (scheme === 1) data = lz4Frame(payload, size);
    else if (scheme === 2) data = bg4Regroup(lz4Frame(payload, size));
    else throw new Error(`chunk ${chunks.length} has unknown compression scheme ${scheme}`);
    chunks.push({ hash: chunkHash(data), length: size, data, compression: COMPRESSION[scheme] });
    p += 8 + compressed;
  }
  if (chunks.length === 0) throw new Error("empty xorb");
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// Shards (https://huggingface.co/docs/xet/shard).

export const SHARD_TAG = Uint8Array.from([
  72, 70, 82, 101, 112, 111, 77, 101, 116, 97, 68, 97, 116, 97, 0, 85, 105, 103, 69, 106, 123, 129, 87, 131, 165, 189, 217, 92, 205, 209,
  74, 169,
]);
const HEADER_BYTES = 48;
const FOOTER_BYTES = 200;
const ENTRY_BYTES = 48;
const WITH_VERIFICATION = 0x80000000;
const WITH_METADATA_EXT = 0x40000000;

export interface ShardTerm {
  readonly xorb: string;
  readonly length: number;
  readonly start: number;
  readonly end: number;
  readonly verification?: string;
}

export interface ShardFile {
  readonly hash: string;
  readonly terms: readonly ShardTerm[];
  /** From the metadata extension (hex, as in an LFS pointer): required for git-backed repos, whose LFS pointers name it. */
  readonly sha256?: string;
}

export interface ShardXorb {
  readonly hash: string;
  readonly chunks: ReadonlyArray<{ hash: string; offset: number; length: number }>;
  readonly bytesInXorb: number;
  readonly bytesOnDisk: number;
}

export interface Shard {
  readonly files: ShardFile[];
  readonly xorbs: ShardXorb[];
  readonly hasFooter: boolean;
}

const isBookend = (b: Uint8Array, at: number): boolean => b.subarray(at, at + 32).every((x) => x === 0xff);

export function parseShard(body: Uint8Array): Shard {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const need = (at: number, n: number, what: string): void => {
    if (at + n > body.length) throw new Error(`shard ends inside ${what} at byte ${at}`);
  };
  need(0, HEADER_BYTES, "the header");
  if (!SHARD_TAG.every((b, i) => body[i] === b)) throw new Error("not a shard (bad magic tag)");
  if (view.getBigUint64(32, true) !== 2n) throw new Error(`shard header version ${view.getBigUint64(32, true)}, not 2`);
  const footerSize = Number(view.getBigUint64(40, true));
  if (footerSize !== 0 && footerSize !== FOOTER_BYTES) throw new Error(`shard footer size ${footerSize}, not 0 or 200`);
  const hashAt = (at: number): string => hashHex(body.subarray(at, at + 32));

  const files: ShardFile[] = [];
  let p = HEADER_BYTES;
  for (;;) {
    need(p, ENTRY_BYTES, "the file info section");
    if (isBookend(body, p)) break;
    const flags = view.getUint32(p + 32, true);
    const count = view.getUint32(p + 36, true);
    if (flags & ~(WITH_VERIFICATION | WITH_METADATA_EXT)) throw new Error(`file ${files.length} has unknown flags ${flags.toString(16)}`);
    const hash = hashAt(p);
    p += ENTRY_BYTES;
    need(p, count * ENTRY_BYTES, `file ${hash}'s terms`);
    const terms: ShardTerm[] = [];
    for (let i = 0; i < count; i++, p += ENTRY_BYTES) {
      const at = (k: number): number => view.getUint32(p + 32 + k * 4, true);
      terms.push({ xorb: hashAt(p), length: at(1), start: at(2), end: at(3) });
    }
    if (flags & WITH_VERIFICATION) {
      need(p, count * ENTRY_BYTES, `file ${hash}'s verification entries`);
      for (let i = 0; i < count; i++, p += ENTRY_BYTES) terms[i] = { ...terms[i], verification: hashAt(p) };
    }
    let sha256: string | undefined;
    if (flags & WITH_METADATA_EXT) {
      need(p, ENTRY_BYTES, `file ${hash}'s metadata extension`);
      // A DataHash like the others (xet-core `Sha256::from_be_bytes`): read in the same word order, it is the usual hex digest.
      sha256 = hashAt(p);
      p += ENTRY_BYTES;
    }
    files.push({ hash, terms, sha256 });
  }
  const casInfoOffset = (p += ENTRY_BYTES);

  const xorbs: ShardXorb[] = [];
  for (;;) {
    need(p, ENTRY_BYTES, "the CAS info section");
    if (isBookend(body, p)) break;
    const count = view.getUint32(p + 36, true);
    const head = { hash: hashAt(p), bytesInXorb: view.getUint32(p + 40, true), bytesOnDisk: view.getUint32(p + 44, true) };
    p += ENTRY_BYTES;
    need(p, count * ENTRY_BYTES, `xorb ${head.hash}'s chunks`);
    const chunks = [];
    for (let i = 0; i < count; i++, p += ENTRY_BYTES)
      chunks.push({ hash: hashAt(p), offset: view.getUint32(p + 32, true), length: view.getUint32(p + 36, true) });
    xorbs.push({ ...head, chunks });
  }
  p += ENTRY_BYTES;

  // The spec says an uploaded shard omits the footer; @huggingface/hub sends one. Either is read, and a footer must agree.
  if (p + footerSize !== body.length)
    throw new Error(`shard has ${body.length - p} bytes after its sections, footer size says ${footerSize}`);
  if (footerSize) {
    const u64 = (k: number): bigint => view.getBigUint64(p + k, true);
    if (u64(0) !== 1n) throw new Error(`shard footer version ${u64(0)}, not 1`);
    if (u64(8) !== BigInt(HEADER_BYTES) || u64(16) !== BigInt(casInfoOffset) || u64(192) !== BigInt(p))
      throw new Error("shard footer offsets do not match its sections");
  }
  return { files, xorbs, hasFooter: footerSize !== 0 };
}

/**
 * A global-deduplication answer: no files, the given xorbs with their chunk hashes keyed by
 * `hmacKey`, and a footer (clients need its HMAC key; @huggingface/hub also reads the end of the
 * CAS info section from the first lookup-table offset, which has no tables here).
 */
export function buildDedupShard(
  xorbs: ReadonlyArray<{ hash: Uint8Array; chunks: readonly HashedChunk[]; bytesOnDisk: number }>,
  hmacKey: Uint8Array,
  expiresAt: Date,
): Uint8Array {
  const casBytes = xorbs.reduce((n, x) => n + ENTRY_BYTES * (1 + x.chunks.length), 0) + ENTRY_BYTES;
  const footerAt = HEADER_BYTES + ENTRY_BYTES + casBytes;
  const out = new Uint8Array(footerAt + FOOTER_BYTES);
  const view = new DataView(out.buffer);
  out.set(SHARD_TAG, 0);
  view.setBigUint64(32, 2n, true);
  view.setBigUint64(40, BigInt(FOOTER_BYTES), true);
  const bookend = (at: number): void => {
    out.fill(0xff, at, at + 32);
  };
  bookend(HEADER_BYTES);
  let p = HEADER_BYTES + ENTRY_BYTES;
  for (const xorb of xorbs) {
    out.set(xorb.hash, p);
    view.setUint32(p + 36, xorb.chunks.length, true);
    view.setUint32(
      p + 40,
      xorb.chunks.reduce((n, c) => n + c.length, 0),
      true,
    );
    view.setUint32(p + 44, xorb.bytesOnDisk, true);
    p += ENTRY_BYTES;
    let offset = 0;
    for (const chunk of xorb.chunks) {
      out.set(hmac(chunk.hash, hmacKey), p);
      view.setUint32(p + 32, offset, true);
      view.setUint32(p + 36, chunk.length, true);
      offset += chunk.length;
      p += ENTRY_BYTES;
    }
  }
  bookend(p);
  const footer = (k: number, v: bigint): void => view.setBigUint64(footerAt + k, v, true);
  footer(0, 1n);
  footer(8, BigInt(HEADER_BYTES));
  footer(16, BigInt(HEADER_BYTES + ENTRY_BYTES));
  footer(24, BigInt(footerAt)); // file lookup table: none
  footer(40, BigInt(footerAt)); // xorb lookup table: none
  footer(56, BigInt(footerAt)); // chunk lookup table: none
  out.set(hmacKey, footerAt + 72);
  footer(104, BigInt(Math.floor(Date.now() / 1000)));
  footer(112, BigInt(Math.floor(expiresAt.getTime() / 1000)));
  footer(192, BigInt(footerAt));
  return out;
}
