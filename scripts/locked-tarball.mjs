/**
 * Registry tarballs that `npm ci` does not install (another platform's binaries), held to the
 * same standard as the installed ones: the version and the sha512 that package-lock.json pins.
 * These binaries go into dist/ and run on users' runners, so an unpinned or altered tarball
 * must stop the build rather than be shipped.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

/** The version and integrity package-lock.json pins for `node_modules/<name>`. */
export function lockedPackage(lockfile, name) {
  const entry = lockfile.packages?.[`node_modules/${name}`];
  if (!entry?.version || !entry.integrity)
    throw new Error(`package-lock.json pins no version and integrity for ${name}: run npm install to record it`);
  return { version: entry.version, integrity: entry.integrity };
}

/** Throws unless the file's sha512 is one of the sha512 hashes of the SRI string `integrity`. */
export function verifyIntegrity(file, integrity, label) {
  // Only sha512: an SRI string may also list weaker hashes, which must not be enough on their own.
  const expected = integrity
    .split(/\s+/)
    .filter((hash) => hash.startsWith("sha512-"))
    .map((hash) => hash.slice("sha512-".length));
  if (expected.length === 0)
    throw new Error(`${label}: package-lock.json's integrity "${integrity}" has no sha512 hash to check the tarball against`);
  const actual = createHash("sha512").update(readFileSync(file)).digest("base64");
  if (!expected.includes(actual)) {
    throw new Error(`${label}: the tarball ${file} has sha512-${actual}, but package-lock.json pins ${integrity}; refusing to use it`);
  }
}

/**
 * The `package/` folder of name@version's tarball, which `download(dir)` writes into `dir` and
 * names. The tarball is cached in `cacheDir` only once verified, verified again on every use,
 * and unpacked afresh each time, so that neither a tampered cache nor a stale unpacked copy
 * reaches the caller.
 */
export function unpackLocked({ name, version, integrity, cacheDir, download }) {
  const label = `${name}@${version}`;
  const dir = path.join(cacheDir, `${name.replace("/", "-")}-${version}`);
  // npm pack's own name for the file, so that caches made before verification are reused, once verified.
  const tarball = path.join(dir, `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`);
  if (!existsSync(tarball)) {
    mkdirSync(cacheDir, { recursive: true });
    const incoming = mkdtempSync(path.join(cacheDir, ".download-"));
    try {
      const downloaded = download(incoming);
      verifyIntegrity(downloaded, integrity, label);
      mkdirSync(dir, { recursive: true });
      renameSync(downloaded, tarball);
    } finally {
      rmSync(incoming, { recursive: true, force: true });
    }
  }
  try {
    verifyIntegrity(tarball, integrity, label);
  } catch (error) {
    throw new Error(`${error.message} (the cached copy changed since it was verified: delete it to download it again)`, { cause: error });
  }
  const unpacked = path.join(dir, "package");
  rmSync(unpacked, { recursive: true, force: true });
  execFileSync("tar", ["-xzf", tarball, "-C", dir]);
  return unpacked;
}
