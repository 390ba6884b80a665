/** A minimal zip writer, so tests can craft archives (honest or malicious) without external tools. */
import zlib from "node:zlib";

/** One entry of a hand-made zip; the optional fields let a test lie about it. */
export interface TestEntry {
  name: string;
  data?: Buffer | string;
  method?: number; // 0 stored, 8 deflate (default), anything else is written raw
  mode?: number; // Unix mode stored in the upper 16 bits of the external attributes
  flags?: number;
  crc?: number;
  size?: number; // declared uncompressed size
  payload?: Buffer; // bytes stored instead of the (compressed) data
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});
function crc32(data: Buffer): number {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data);
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A minimal zip writer, so tests can craft archives no real tool would produce. */
export function makeZip(entries: TestEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data ?? "");
    const method = e.method ?? 8;
    const payload = e.payload ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const name = Buffer.from(e.name, "utf8");
    const fields = (h: Buffer, at: number): void => {
      h.writeUInt16LE((e.flags ?? 0) | 0x800, at); // 0x800: name is UTF-8
      h.writeUInt16LE(method, at + 2);
      h.writeUInt32LE(0, at + 4); // DOS time and date
      h.writeUInt32LE(e.crc ?? crc32(data), at + 8);
      h.writeUInt32LE(payload.length, at + 12);
      h.writeUInt32LE(e.size ?? data.length, at + 16);
      h.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode bits count
    central.writeUInt16LE(20, 6);
    fields(central, 8);
    central.writeUInt32LE(((e.mode ?? (e.name.endsWith("/") ? 0o40755 : 0o100644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, payload);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
