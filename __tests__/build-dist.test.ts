/**
 * The dist build ships another platform's sharp binaries, fetched with `npm pack`: they must be
 * exactly the lockfile's. Tested offline with tarballs made here and a `download` that copies them.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lockedPackage, unpackLocked, verifyIntegrity, type Lockfile } from "../scripts/locked-tarball.mjs";
import { REPO } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const NAME = "@img/sharp-linux-arm64";
const VERSION = "0.35.5";

const sri = (file: string, algorithm = "sha512"): string =>
  `${algorithm}-${createHash(algorithm).update(readFileSync(file)).digest("base64")}`;

/** An npm-style tarball (everything under package/) holding one package.json with `marker`. */
async function tarball(marker: string): Promise<string> {
  const dir = await tempDir();
  mkdirSync(path.join(dir, "package"));
  writeFileSync(path.join(dir, "package", "package.json"), JSON.stringify({ name: NAME, version: VERSION, marker }));
  const file = path.join(dir, `${marker}.tgz`);
  execFileSync("tar", ["-czf", file, "-C", dir, "package"]);
  return file;
}

/** A `download` that copies `file`, and counts its calls. */
function copyInto(file: string): ((dir: string) => string) & { calls: number } {
  const download = Object.assign(
    (dir: string): string => {
      download.calls++;
      const to = path.join(dir, path.basename(file));
      copyFileSync(file, to);
      return to;
    },
    { calls: 0 },
  );
  return download;
}

const markerOf = (unpacked: string): string => JSON.parse(readFileSync(path.join(unpacked, "package.json"), "utf8")).marker;

describe("lockedPackage", () => {
  it("reads the version and integrity package-lock.json pins for the arm64 packages", () => {
    const lockfile: Lockfile = JSON.parse(readFileSync(path.join(REPO, "package-lock.json"), "utf8"));
    for (const name of ["@img/sharp-linux-arm64", "@img/sharp-libvips-linux-arm64"]) {
      const locked = lockedPackage(lockfile, name);
      expect(locked.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(locked.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    }
  });

  it("refuses a package the lockfile does not pin", () => {
    expect(() => lockedPackage({ packages: { [`node_modules/${NAME}`]: { version: VERSION } } }, NAME)).toThrow(
      `package-lock.json pins no version and integrity for ${NAME}`,
    );
    expect(() => lockedPackage({}, NAME)).toThrow(/pins no version and integrity/);
  });
});

describe("verifyIntegrity", () => {
  it("accepts the tarball whose sha512 the lockfile pins, alone or among other hashes", async () => {
    const file = await tarball("good");
    expect(() => verifyIntegrity(file, sri(file), "pkg")).not.toThrow();
    expect(() => verifyIntegrity(file, `${sri(file, "sha1")} ${sri(file)}`, "pkg")).not.toThrow();
  });

  it("refuses any other tarball, naming both hashes", async () => {
    const [good, bad] = [await tarball("good"), await tarball("bad")];
    expect(() => verifyIntegrity(bad, sri(good), "pkg@1.0.0")).toThrow(
      `pkg@1.0.0: the tarball ${bad} has ${sri(bad)}, but package-lock.json pins ${sri(good)}; refusing to use it`,
    );
  });

  it("refuses an integrity without a sha512 hash, even a matching weaker one", async () => {
    const file = await tarball("good");
    expect(() => verifyIntegrity(file, sri(file, "sha1"), "pkg")).toThrow(/has no sha512 hash/);
  });
});

describe("unpackLocked", () => {
  it("downloads once, then unpacks the verified cached tarball without downloading", async () => {
    const [good, cacheDir] = [await tarball("good"), await tempDir()];
    const download = copyInto(good);
    const options = { name: NAME, version: VERSION, integrity: sri(good), cacheDir, download };
    expect(markerOf(unpackLocked(options))).toBe("good");
    expect(markerOf(unpackLocked(options))).toBe("good");
    expect(download.calls).toBe(1);
  });

  it("refuses a download that is not the lockfile's, and caches nothing", async () => {
    const [good, bad, cacheDir] = [await tarball("good"), await tarball("bad"), await tempDir()];
    expect(() => unpackLocked({ name: NAME, version: VERSION, integrity: sri(good), cacheDir, download: copyInto(bad) })).toThrow(
      /refusing to use it$/,
    );
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("refuses a cached tarball altered since it was verified", async () => {
    const [good, bad, cacheDir] = [await tarball("good"), await tarball("bad"), await tempDir()];
    const unpacked = unpackLocked({ name: NAME, version: VERSION, integrity: sri(good), cacheDir, download: copyInto(good) });
    const cached = path.join(path.dirname(unpacked), `img-sharp-linux-arm64-${VERSION}.tgz`);
    expect(existsSync(cached)).toBe(true);
    copyFileSync(bad, cached);
    const download = copyInto(good);
    expect(() => unpackLocked({ name: NAME, version: VERSION, integrity: sri(good), cacheDir, download })).toThrow(
      /refusing to use it \(the cached copy changed since it was verified: delete it to download it again\)/,
    );
    expect(download.calls).toBe(0);
  });

  it("replaces an unpacked folder edited since, from the verified tarball", async () => {
    const [good, cacheDir] = [await tarball("good"), await tempDir()];
    const options = { name: NAME, version: VERSION, integrity: sri(good), cacheDir, download: copyInto(good) };
    const unpacked = unpackLocked(options);
    writeFileSync(path.join(unpacked, "package.json"), JSON.stringify({ marker: "edited" }));
    writeFileSync(path.join(unpacked, "extra.node"), "");
    expect(markerOf(unpackLocked(options))).toBe("good");
    expect(readdirSync(unpacked)).toEqual(["package.json"]);
  });
});
