import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { DatasetError } from "../src/util/errors.js";
import { extractZip, type ZipLimits } from "../src/dataset/zip.js";
import { makeZip, type TestEntry } from "./helpers/zip.js";

let tmp = "";
let counter = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "zip-test-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function writeZip(content: TestEntry[] | Buffer): Promise<string> {
  const file = path.join(tmp, `case-${++counter}.zip`);
  await writeFile(file, Buffer.isBuffer(content) ? content : makeZip(content));
  return file;
}

/** Expects one DatasetError naming the zip, matching `pattern`, and no trace of the extraction. */
async function expectRefused(content: TestEntry[] | Buffer, pattern: RegExp, limits?: Partial<ZipLimits>): Promise<string> {
  const zip = await writeZip(content);
  const parent = path.join(tmp, `new-${counter}`);
  const dest = path.join(parent, "out");
  const err = await extractZip(zip, dest, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  const message = (err as Error).message;
  expect(message).toContain(zip);
  expect(message).toMatch(pattern);
  expect(existsSync(parent)).toBe(false);
  return message;
}

describe("extractZip", () => {
  it("extracts nested folders and files byte for byte", async () => {
    const binary = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    const zip = await writeZip([
      { name: "images/" },
      { name: "images/benign/a.jpg", data: binary },
      { name: "images/malignant/deep/b.jpg", data: "stored", method: 0 },
      { name: "labels.csv", data: "image,label\n".repeat(1000) },
      { name: "empty.txt", data: "" },
    ]);
    const dest = path.join(tmp, "ok", "out");
    await expect(extractZip(zip, dest)).resolves.toEqual({ files: 4, bytes: binary.length + 6 + 12_000 });
    expect(await readFile(path.join(dest, "images/benign/a.jpg"))).toEqual(binary);
    expect(await readFile(path.join(dest, "images/malignant/deep/b.jpg"), "utf8")).toBe("stored");
    expect(await readFile(path.join(dest, "labels.csv"), "utf8")).toBe("image,label\n".repeat(1000));
    expect(await readFile(path.join(dest, "empty.txt"), "utf8")).toBe("");
  });

  it("extracts into an existing empty folder and refuses a non-empty one", async () => {
    const zip = await writeZip([{ name: "a.txt", data: "a" }]);
    const dest = path.join(tmp, "existing");
    await mkdir(dest);
    await expect(extractZip(zip, dest)).resolves.toEqual({ files: 1, bytes: 1 });
    await expect(extractZip(zip, dest)).rejects.toThrow(/not empty/);
    expect(await readdir(dest)).toEqual(["a.txt"]);
  });

  it.each(["../x", "a/../../x", "a/../b", "/etc/x", "C:\\x", "C:/x", "..\\x", "a\\..\\..\\x"])(
    "refuses the zip-slip name %j",
    async (name) => {
      const message = await expectRefused(
        [
          { name: "ok.txt", data: "ok" },
          { name, data: "evil" },
        ],
        /zip-slip/,
      );
      expect(message).toContain(JSON.stringify(name.replace(/\\/g, "/")));
    },
  );

  it("refuses symbolic links and other special files", async () => {
    await expectRefused([{ name: "link", data: "/etc/passwd", mode: 0o120777 }], /"link" is a symbolic link/);
    await expectRefused([{ name: "dir-link/", mode: 0o120777 }], /symbolic link/);
    await expectRefused([{ name: "fifo", mode: 0o010644 }], /"fifo" is not a regular file/);
  });

  it("refuses encrypted entries and unsupported compression", async () => {
    await expectRefused([{ name: "secret.jpg", data: "x", flags: 1 }], /"secret.jpg" is encrypted/);
    await expectRefused([{ name: "secret.jpg", data: "x", flags: 0x41 }], /entry #1 is encrypted/);
    await expectRefused([{ name: "b.bz2", data: "x", method: 12, payload: Buffer.from("BZh") }], /compression method 12/);
  });

  it("refuses too many entries and too many declared bytes", async () => {
    const five = ["1", "2", "3", "4", "5"].map((name) => ({ name, data: name }));
    await expectRefused(five, /5 entries, more than the limit of 3/, { maxEntries: 3 });
    const big = [
      { name: "a", data: "x".repeat(60) },
      { name: "b", data: "y".repeat(60) },
    ];
    await expectRefused(big, /entry "b" brings the declared uncompressed size to 120 bytes/, { maxTotalBytes: 100 });
    // 20 entries claiming ~4 GiB each exceed the default 64 GiB before any data is read.
    const huge = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, size: 0xffffff00, payload: Buffer.from([3, 0]) }));
    await expectRefused(huge, /"f16" brings the declared uncompressed size to \d+ bytes, more than the limit of 68719476736/, {
      maxRatio: Infinity,
    });
  });

  it("refuses highly compressed entries as zip bombs", async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    await expectRefused([{ name: "bomb.bin", data: zeros }], /"bomb.bin" expands from \d+ to 2097152 bytes/, { maxRatio: 100 });
    const lie = zlib.deflateRawSync(Buffer.from("tiny"));
    await expectRefused([{ name: "claims-4g", payload: lie, size: 0xfffffff0 }], /ratio above the limit of 1000/);
  });

  it.each<[number, RegExp]>([
    // Few entries: under the archive's size bound, caught because they share their bytes.
    [16, /entry "f\d+" and entry "f\d+" share the same compressed bytes \(overlapping entries\); this looks like a zip bomb/],
    // 1,024 entries of 1 MiB from a 1 KiB body (1 GiB): over what the archive's bytes can hold.
    [1024, /brings the declared uncompressed size to \d+ bytes, more than the limit of 67108864 for this archive/],
  ])("refuses an overlap bomb of %i entries sharing one compressed body", async (count, message) => {
    // One stored local entry, then a central directory whose 1,024 records all point at it.
    const body = zlib.deflateRawSync(Buffer.alloc(1024 * 1024));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zlib.crc32 ? zlib.crc32(Buffer.alloc(1024 * 1024)) : 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(1024 * 1024, 22);
    local.writeUInt16LE(1, 26);
    const head = Buffer.concat([local, Buffer.from("a"), body]);
    const records = Array.from({ length: count }, (_, i) => {
      const name = Buffer.from(`f${i}`);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt32LE(local.readUInt32LE(14), 16);
      cd.writeUInt32LE(body.length, 20);
      cd.writeUInt32LE(1024 * 1024, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(0, 42);
      return Buffer.concat([cd, name]);
    });
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(records.length, 8);
    end.writeUInt16LE(records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(head.length, 16);
    const zip = Buffer.concat([head, directory, end]);
    expect(zip.length).toBeLessThan(64 * 1024);
    await expectRefused(zip, message);
  });

  it("refuses entries whose data does not match the declared size", async () => {
    const data = "z".repeat(5000);
    await expectRefused(
      [
        { name: "ok", data: "ok" },
        { name: "more", data, size: 10 },
      ],
      /"more" does not contain as many bytes as it declares \(too many/,
    );
    await expectRefused([{ name: "less", data, size: 6000 }], /"less" does not contain as many bytes as it declares \(not enough/);
    await expectRefused([{ name: "stored", data: "abc", method: 0, size: 2 }], /entry #1 does not contain as many bytes/);
  });

  it("refuses files that are not, or no longer, valid zips", async () => {
    await expectRefused(Buffer.from("this is not a zip at all, just text"), /is not a valid zip archive \(End of central directory/);
    await expectRefused(Buffer.alloc(0), /is not a valid zip archive/);
    const good = makeZip([{ name: "a.jpg", data: "a".repeat(10_000) }]);
    await expectRefused(good.subarray(0, good.length - 30), /is not a valid zip archive/);
    await expectRefused(good.subarray(20), /is not a valid zip archive/);
    await expectRefused(
      [{ name: "bad.jpg", payload: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 4 }],
      /not a valid zip archive \(entry "bad.jpg"/,
    );
    await expectRefused(
      [
        { name: "ok", data: "ok" },
        { name: "flip.jpg", data: "abc", method: 0, crc: 1234 },
      ],
      /"flip.jpg" is corrupt \(CRC mismatch\)/,
    );
  });

  it("refuses duplicate names instead of overwriting", async () => {
    await expectRefused(
      [
        { name: "a.txt", data: "1" },
        { name: "a.txt", data: "2" },
      ],
      /"a.txt" has the same name as another entry/,
    );
    await expectRefused(
      [
        { name: "a", data: "1" },
        { name: "a/b", data: "2" },
      ],
      /"a\/b" has the same name/,
    );
  });

  it("empties an existing folder again when extraction fails late", async () => {
    const zip = await writeZip([
      { name: "d/a.txt", data: "a" },
      { name: "b.txt", data: "abc", method: 0, crc: 1 },
    ]);
    const dest = path.join(tmp, "existing-fail");
    await mkdir(dest);
    await expect(extractZip(zip, dest)).rejects.toThrow(DatasetError);
    expect(await readdir(dest)).toEqual([]);
  });

  it("reports a missing zip file plainly", async () => {
    const missing = path.join(tmp, "missing.zip");
    await expect(extractZip(missing, path.join(tmp, "never"))).rejects.toThrow(`cannot read ${missing}: ENOENT`);
    expect(existsSync(path.join(tmp, "never"))).toBe(false);
  });
});
