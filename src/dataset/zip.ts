import { createWriteStream } from "node:fs";
import { mkdir, opendir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { DatasetError } from "../util/errors.js";

export interface ZipLimits {
  /** Sum of the uncompressed sizes the archive declares. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed/compressed size above which an entry larger than 1 MiB is refused as a zip bomb. */
  maxRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxTotalBytes: 64 * 1024 * MiB,
  maxEntries: 1_000_000,
  maxRatio: 1000,
});

export interface ExtractedZip {
  /** Regular files written (folders not counted). */
  files: number;
  /** Bytes written, equal to the declared uncompressed sizes (checked while inflating). */
  bytes: number;
}

// Unix file types, found in the upper 16 bits of a zip entry's external attributes.
const [S_IFMT, S_IFREG, S_IFDIR, S_IFLNK] = [0o170000, 0o100000, 0o040000, 0o120000];

// zlib.crc32 only exists from Node 20.15; the engines field allows 20.9.
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n;
});
const crc32: (data: Uint8Array, value?: number) => number =
  typeof zlib.crc32 === "function"
    ? zlib.crc32
    : (data, value = 0) => {
        let c = ~value;
        for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
        return ~c >>> 0;
      };

/** Where a checked archive's entries go on disk, known before any of them is written. */
export interface ZipListing {
  /** Absolute paths of the regular files, named exactly as they are on disk once written. */
  readonly files: ReadonlySet<string>;
  /** Absolute paths of the folders, the extraction folder included: all exist before the first file is written. */
  readonly dirs: ReadonlySet<string>;
}

/** An extraction that goes on in the background (see startZipExtraction). */
export interface ZipExtraction {
  readonly listing: ZipListing;
  /** Settles once every file is written and checked, or with the first failure, a DatasetError. */
  readonly done: Promise<ExtractedZip>;
  /**
   * Resolves once `file` (an absolute path) is written and its CRC checked, and at once for a path the archive does
   * not hold; rejects with the extraction's DatasetError when it failed, or was stopped, before writing `file`.
   */
  fileWritten(file: string): Promise<void>;
  /** Stops the extraction; resolves once nothing more will be written (the files written so far stay). */
  stop(): Promise<void>;
}

export interface ExtractionOptions {
  readonly limits?: Partial<ZipLimits>;
  /** File entries (by their name in the archive) written before startZipExtraction() returns. */
  readonly first?: (name: string) => boolean;
}

/**
 * Extracts a dataset package into `destDir`, which must be absent or empty.
 * The central directory is checked completely before anything is written, and
 * every entry is checked again while extracting (the file could change between
 * the two reads). On failure nothing extracted is left behind.
 */
export async function extractZip(zipPath: string, destDir: string, limits: Partial<ZipLimits> = {}): Promise<ExtractedZip> {
  const { extraction, discard } = await start(zipPath, destDir, { limits });
  try {
    return await extraction.done;
  } catch (err) {
    await discard();
    throw err;
  }
}

/**
 * Checks the archive as extractZip() does, creates every folder, writes the
 * `first` entries, and returns while the other files are written in zip order
 * (one sequential read of the archive). A failure after the return is kept for
 * `done` and fileWritten(), and the files written so far stay, as a reader may
 * be using them: the caller calls stop(), then removes `destDir`.
 */
export async function startZipExtraction(zipPath: string, destDir: string, options: ExtractionOptions = {}): Promise<ZipExtraction> {
  return (await start(zipPath, destDir, options)).extraction;
}

async function start(
  zipPath: string,
  destDir: string,
  options: ExtractionOptions,
): Promise<{ extraction: ZipExtraction; discard: () => Promise<void> }> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS };
  for (const key of Object.keys(lim) as (keyof ZipLimits)[]) lim[key] = options.limits?.[key] ?? lim[key];
  const first = (name: string): boolean => !name.endsWith("/") && (options.first?.(name) ?? false);
  const dest = path.resolve(destDir);
  const existed = await ensureEmptyOrAbsent(zipPath, dest);
  const { names, listing } = await checkArchive(zipPath, dest, lim);
  // mkdir returns the first directory it had to create, maybe a parent of dest.
  const created = await mkdir(dest, { recursive: true });
  const discard = async (): Promise<void> => {
    try {
      if (!existed && created !== undefined) await rm(created, { recursive: true, force: true });
      else for (const name of await readdir(dest)) await rm(path.join(dest, name), { recursive: true, force: true });
    } catch {
      // The extraction's own error says what went wrong; a failed clean-up must not hide it.
    }
  };
  const progress = new Progress(listing.files);
  const controller = new AbortController();
  // The later walks write what the checking walk listed, so they must meet exactly those entries.
  const sameEntry = (entry: Entry, index: number, where: string): void => {
    if (names[index] !== entry.fileName) {
      throw new DatasetError(
        `${where} is not the entry found at this position when the archive was checked: ${zipPath} changed while it ` +
          `was being extracted; do not modify it during the evaluation`,
      );
    }
  };
  try {
    // Every folder now, and only now: a background write never creates one, so none can reappear after a clean-up.
    for (const dir of listing.dirs) await mkdir(dir, { recursive: true });
    let lastFirst = -1;
    names.forEach((name, index) => {
      if (first(name)) lastFirst = index;
    });
    if (lastFirst >= 0) {
      await walk(zipPath, dest, lim, async (zip, entry, target, where, index) => {
        sameEntry(entry, index, where);
        if (first(entry.fileName)) {
          await writeEntry(zip, entry, target, where, controller.signal);
          progress.markWritten(target);
        }
        return index < lastFirst;
      });
    }
  } catch (err) {
    await discard();
    throw err;
  }
  const stopped = new DatasetError(`the extraction of ${zipPath} was stopped before it ended: the package was closed`);
  const done = walk(zipPath, dest, lim, async (zip, entry, target, where, index) => {
    if (controller.signal.aborted) throw stopped;
    sameEntry(entry, index, where);
    if (!entry.fileName.endsWith("/") && !first(entry.fileName)) {
      await writeEntry(zip, entry, target, where, controller.signal);
      progress.markWritten(target);
    }
    return true;
  }).then(
    (result) => {
      if (progress.count !== listing.files.size) {
        throw new DatasetError(`${zipPath} changed while it was being extracted (it now has fewer entries); download it again`);
      }
      return result;
    },
    (err: unknown) => {
      // An aborted write surfaces as an AbortError; what the caller needs to know is that the package was closed.
      throw controller.signal.aborted ? stopped : err;
    },
  );
  // Also keeps a failure nobody waits for from being an unhandled rejection.
  done.catch((err: unknown) => progress.fail(err instanceof Error ? err : new DatasetError(String(err))));
  const extraction: ZipExtraction = {
    listing,
    done,
    fileWritten: (file) => progress.wait(file),
    stop: async () => {
      controller.abort();
      await done.catch(() => {});
    },
  };
  return { extraction, discard };
}

/** Which files are written, and who waits for which. */
class Progress {
  private readonly writtenFiles = new Set<string>();
  private readonly waiters = new Map<string, { resolve: () => void; reject: (err: Error) => void }[]>();
  private failure: Error | undefined;

  constructor(private readonly files: ReadonlySet<string>) {}

  get count(): number {
    return this.writtenFiles.size;
  }

  markWritten(file: string): void {
    this.writtenFiles.add(file);
    for (const waiter of this.waiters.get(file) ?? []) waiter.resolve();
    this.waiters.delete(file);
  }

  fail(err: Error): void {
    this.failure ??= err;
    for (const list of this.waiters.values()) for (const waiter of list) waiter.reject(this.failure);
    this.waiters.clear();
  }

  wait(file: string): Promise<void> {
    if (!this.files.has(file) || this.writtenFiles.has(file)) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(file);
      if (list) list.push({ resolve, reject });
      else this.waiters.set(file, [{ resolve, reject }]);
    });
  }
}

/** Writes one file entry to `target`, a new file, checking its CRC. */
async function writeEntry(zip: ZipFile, entry: Entry, target: string, where: string, signal: AbortSignal): Promise<void> {
  const input = await zip.openReadStreamPromise(entry);
  // yauzl never verifies CRCs, and a damaged stored entry would pass silently.
  let crc = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      done(
        crc === entry.crc32
          ? null
          : new DatasetError(`${where} is corrupt (CRC mismatch); download the dataset again or re-create the zip`),
      );
    },
  });
  // "wx" so that duplicate names (or names differing only in case) never overwrite each other silently.
  const output = createWriteStream(target, { flags: "wx" });
  try {
    await pipeline(input, check, output, { signal });
  } catch (err) {
    // Only once the descriptor is closed is it certain that nothing more is written.
    if (!output.closed) await new Promise<void>((resolve) => output.once("close", () => resolve()));
    throw err;
  }
}

/**
 * The checking walk: every entry is checked, and where it goes listed, before
 * anything is written. Two entries for one path (a file twice, or a file where
 * another entry needs a folder) are refused here, naming the later one, as
 * writing them in zip order would.
 */
async function checkArchive(zipPath: string, dest: string, lim: ZipLimits): Promise<{ names: string[]; listing: ZipListing }> {
  const names: string[] = [];
  const files = new Set<string>();
  const dirs = new Set<string>([dest]);
  await walk(zipPath, dest, lim, async (_zip, entry, target, where) => {
    names.push(entry.fileName);
    const isDir = entry.fileName.endsWith("/");
    const needed: string[] = [];
    for (let dir = isDir ? target : path.dirname(target); !dirs.has(dir); dir = path.dirname(dir)) needed.push(dir);
    if (files.has(target) || (!isDir && dirs.has(target)) || needed.some((dir) => files.has(dir))) {
      throw new DatasetError(
        `${where} has the same name as another entry (possibly differing only in letter case); re-create the zip without duplicates`,
      );
    }
    for (const dir of needed) dirs.add(dir);
    if (!isDir) files.add(target);
    return true;
  });
  return { names, listing: { files, dirs } };
}

/** Called for each entry that passed the checks, with its index; returning false ends the walk after it. */
type OnEntry = (zip: ZipFile, entry: Entry, target: string, where: string, index: number) => Promise<boolean>;

async function walk(zipPath: string, dest: string, lim: ZipLimits, onEntry: OnEntry): Promise<ExtractedZip> {
  let zip: ZipFile;
  try {
    // autoClose off: the file must stay open while entry streams are read; it is closed below.
    zip = await yauzl.openPromise(zipPath, { autoClose: false, validateEntrySizes: true });
  } catch (err) {
    throw toDatasetError(err, zipPath, undefined);
  }
  // A late error (e.g. closing the descriptor) would otherwise be an unhandled "error" event.
  zip.on("error", () => {});
  const result: ExtractedZip = { files: 0, bytes: 0 };
  let declared = 0;
  // Deflate expands at most ~1032 times, so with no byte shared between entries the whole archive expands
  // at most that much too; anything more declares sizes its bytes cannot hold.
  const totalBound = Math.max((await stat(zipPath)).size * lim.maxRatio, 64 * MiB);
  const spans: { start: number; end: number; label: string }[] = [];
  // yauzl reports bad names and headers before handing out the entry, so only its number is known then.
  let label = "entry #1";
  try {
    if (zip.entryCount > lim.maxEntries) {
      throw new DatasetError(
        `${zipPath} has ${zip.entryCount} entries, more than the limit of ${lim.maxEntries}; this looks like a zip bomb and is refused`,
      );
    }
    for await (const entry of zip.eachEntry()) {
      label = `entry ${JSON.stringify(entry.fileName)}`;
      const where = `${zipPath}: ${label}`;
      const target = checkEntry(entry, dest, where, lim);
      declared += entry.uncompressedSize;
      // An entry's data starts after its 30-byte local header; where two spans overlap, the entries share bytes.
      spans.push({ start: entry.relativeOffsetOfLocalHeader, end: entry.relativeOffsetOfLocalHeader + 30 + entry.compressedSize, label });
      if (declared > Math.min(lim.maxTotalBytes, totalBound)) {
        throw new DatasetError(
          `${where} brings the declared uncompressed size to ${declared} bytes, more than the limit of ` +
            `${Math.min(lim.maxTotalBytes, totalBound)} for this archive; this looks like a zip bomb and is refused`,
        );
      }
      if (!entry.fileName.endsWith("/")) {
        result.files++;
        result.bytes += entry.uncompressedSize;
      }
      const more = await onEntry(zip, entry, target, where, zip.entriesRead - 1);
      label = `entry #${zip.entriesRead + 1}`;
      // A walk ended early only writes: the checking walk looked at every entry.
      if (!more) return result;
    }
    checkNoOverlap(zipPath, spans);
    return result;
  } catch (err) {
    throw toDatasetError(err, zipPath, label);
  } finally {
    zip.close();
  }
}

/** Entries whose data overlap (an "overlap bomb": many entries, one compressed body) are refused. */
function checkNoOverlap(zipPath: string, spans: { start: number; end: number; label: string }[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) {
      throw new DatasetError(
        `${zipPath}: ${sorted[i].label} and ${sorted[i - 1].label} share the same compressed bytes (overlapping entries); ` +
          `this looks like a zip bomb and is refused`,
      );
    }
  }
}

/** Returns the absolute path the entry extracts to, or throws why it must not be extracted. */
function checkEntry(entry: Entry, dest: string, where: string, lim: ZipLimits): string {
  const name = entry.fileName;
  // yauzl already rejects these names; this repeats the check so safety never depends on its options.
  const parts = name.split(/[\\/]/);
  if (/^([a-zA-Z]:|[\\/])/.test(name) || parts.includes("..") || name.includes("\0")) {
    throw new DatasetError(
      `${where} has an absolute path or ".." in its path, which would write outside the extraction folder (zip-slip); ` +
        `re-create the zip with plain relative paths`,
    );
  }
  const target = path.resolve(dest, ...parts);
  const rel = path.relative(dest, target);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new DatasetError(
      `${where} would be written outside the extraction folder (zip-slip); re-create the zip with plain relative paths`,
    );
  }
  if (entry.isEncrypted()) {
    throw new DatasetError(`${where} is encrypted (password-protected); re-create the zip without a password`);
  }
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) {
    throw new DatasetError(`${where} is a symbolic link, which could point outside the extraction folder; replace it with the file itself`);
  }
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw new DatasetError(`${where} is not a regular file or folder (Unix file type 0o${type.toString(8)}); remove it from the zip`);
  }
  const isDir = name.endsWith("/");
  if (!isDir && rel === "") throw new DatasetError(`${where} has an empty file name; re-create the zip`);
  if (!isDir && entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new DatasetError(
      `${where} uses compression method ${entry.compressionMethod}, which is not supported; re-create the zip with ` +
        `standard Deflate compression`,
    );
  }
  if (entry.uncompressedSize > MiB && entry.uncompressedSize > entry.compressedSize * lim.maxRatio) {
    throw new DatasetError(
      `${where} expands from ${entry.compressedSize} to ${entry.uncompressedSize} bytes, a ratio above the limit of ` +
        `${lim.maxRatio}; this looks like a zip bomb and is refused`,
    );
  }
  return target;
}

async function ensureEmptyOrAbsent(zipPath: string, dest: string): Promise<boolean> {
  const info = await stat(dest).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new DatasetError(`cannot extract ${zipPath} into ${dest}: ${err.message}`);
  });
  if (info === undefined) return false;
  if (!info.isDirectory()) throw new DatasetError(`cannot extract ${zipPath} into ${dest}: it exists and is not a folder`);
  const dir = await opendir(dest).catch((err: Error) => {
    throw new DatasetError(`cannot extract ${zipPath} into ${dest}: ${err.message}`);
  });
  const first = await dir.read().finally(() => dir.close());
  // Refusing a non-empty folder is what makes "remove everything on failure" safe.
  if (first !== null)
    throw new DatasetError(`cannot extract ${zipPath} into ${dest}: the folder is not empty; choose an empty or new folder`);
  return true;
}

/** Turns yauzl, zlib and file-system errors into one message a user can act on. */
function toDatasetError(err: unknown, zipPath: string, label: string | undefined): DatasetError {
  if (err instanceof DatasetError) return err;
  // Duck-typed: errors from Node internals may come from another realm (e.g. under jest), failing instanceof.
  const e = (typeof err === "object" && err !== null ? err : { message: String(err) }) as NodeJS.ErrnoException;
  const msg = String(e.message);
  const badName = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(msg);
  if (badName) {
    return new DatasetError(
      `${zipPath}: entry ${JSON.stringify(badName[1])} has an absolute path or ".." in its path, which would write ` +
        `outside the extraction folder (zip-slip); re-create the zip with plain relative paths`,
    );
  }
  const where = label === undefined ? zipPath : `${zipPath}: ${label}`;
  if (msg === "strong encryption is not supported") {
    return new DatasetError(`${where} is encrypted (strong encryption); re-create the zip without a password`);
  }
  if (/^(too many|not enough) bytes in the stream|size mismatch/.test(msg)) {
    return new DatasetError(
      `${where} does not contain as many bytes as it declares (${msg}); the zip is corrupt or a zip bomb, re-create it`,
    );
  }
  if (e.code === "ENOSPC") return new DatasetError(`${where}: no space left on the disk to extract the dataset; free some space`);
  if (label !== undefined && (e.code === "EEXIST" || e.code === "ENOTDIR" || e.code === "EISDIR")) {
    return new DatasetError(
      `${where} has the same name as another entry (possibly differing only in letter case); re-create the zip without duplicates`,
    );
  }
  // Only the output side has a path: the zip itself is read through an already open descriptor.
  if (typeof e.code === "string" && e.path !== undefined && label !== undefined) {
    return new DatasetError(`${where}: cannot write ${e.path}: ${msg}`);
  }
  if (typeof e.code === "string" && "syscall" in e) return new DatasetError(`cannot read ${zipPath}: ${msg}`);
  return new DatasetError(
    `${zipPath} is not a valid zip archive (${label === undefined ? "" : `${label}: `}${msg}); download it again or re-create it`,
  );
}
