#!/usr/bin/env node
/**
 * Builds dist/, the product the Actions runner executes:
 *   dist/index.js            the ncc bundle (ESM; the @actions/* packages are ESM-only)
 *   dist/package.json        {"type": "module", version}, so it loads as ESM without the repo's package.json
 *   dist/node_modules/       the two native packages ncc cannot bundle (sharp, onnxruntime-node),
 *                            pruned to Linux binaries and their runtime dependencies
 * Usage: node scripts/build-dist.mjs [--out DIR]   (default dist/; the tests build elsewhere to compare)
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, writeFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lockedPackage, unpackLocked } from "./locked-tarball.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outIndex = process.argv.indexOf("--out");
const dist = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, "dist");
const modules = path.join(root, "node_modules");

/** GitHub's Linux runners: ubuntu-latest (x64) and ubuntu-24.04-arm (arm64), both glibc. */
const ARCHS = ["x64", "arm64"];
/** Runtime files per package: only what `require` reaches on Linux. */
const NATIVE_PACKAGES = {
  sharp: ["package.json", "LICENSE", "dist"],
  "@img/colour": ["package.json", "LICENSE.md", "index.cjs", "color.cjs"],
  "detect-libc": ["package.json", "LICENSE", "lib"],
  semver: ["package.json", "LICENSE", "index.js", "preload.js", "classes", "functions", "internal", "ranges"],
  "onnxruntime-common": ["package.json", "LICENSE", "dist/cjs"],
  "onnxruntime-node": ["package.json", "LICENSE", "dist", ...ARCHS.map((arch) => `bin/napi-v6/linux/${arch}`)],
  // Not native, but its Emscripten glue loads the .wasm from its own folder: imported as is, on the first JPEG 2000 file.
  "@cornerstonejs/codec-openjpeg": ["package.json", "dist/openjpegwasm_decode.js", "dist/openjpegwasm_decode.wasm"],
};
/**
 * sharp's per-platform packages; only the host's are installed, the others
 * are fetched with `npm pack` and checked against package-lock.json.
 */
const SHARP_PLATFORM_PACKAGES = ARCHS.flatMap((arch) => [`@img/sharp-linux-${arch}`, `@img/sharp-libvips-linux-${arch}`]);
const SHARP_PLATFORM_FILES = ["package.json", "LICENSE", "lib", "index.cjs", "versions.json"];
const packCache = path.join(modules, ".cache", "cancer-ai-natives");
const lockfile = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));

function copy(pkg, entries, fromRoot = path.join(modules, pkg)) {
  for (const entry of entries) {
    const from = path.join(fromRoot, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dist, "node_modules", pkg, entry), {
      recursive: true,
      filter: (src) => !/\.(map|d\.ts|md)$/.test(src) || src.endsWith("LICENSE.md"),
    });
  }
}

function size(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, d) => {
    const p = path.join(dir, d.name);
    return total + (d.isDirectory() ? size(p) : statSync(p).size);
  }, 0);
}

rmSync(dist, { recursive: true, force: true });
const ncc = path.join(modules, ".bin", "ncc");
execFileSync(ncc, ["build", "src/index.ts", "-o", dist, "-e", "sharp", "-e", "onnxruntime-node", "--license", "licenses.txt", "--quiet"], {
  cwd: root,
  stdio: "inherit",
});
// The action's folder has no other package.json: `cancer-ai --version` reads the version here.
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
writeFileSync(path.join(dist, "package.json"), `${JSON.stringify({ type: "module", version }, null, 2)}\n`);
/** The package's folder: the installed one if it is the lockfile's version, else the registry's tarball, verified and unpacked. */
function platformPackage(pkg) {
  const { version, integrity } = lockedPackage(lockfile, pkg);
  const installed = path.join(modules, pkg);
  if (existsSync(installed) && JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")).version === version) return installed;
  return unpackLocked({
    name: pkg,
    version,
    integrity,
    cacheDir: packCache,
    download: (dir) =>
      path.join(
        dir,
        execFileSync("npm", ["pack", `${pkg}@${version}`, "--silent", "--pack-destination", dir], { encoding: "utf8" })
          .trim()
          .split("\n")
          .pop(),
      ),
  });
}

for (const [pkg, entries] of Object.entries(NATIVE_PACKAGES)) copy(pkg, entries);
for (const pkg of SHARP_PLATFORM_PACKAGES) copy(pkg, SHARP_PLATFORM_FILES, platformPackage(pkg));
// The package ships no license file: say what it is and what it contains (OpenJPEG, under its own terms).
writeFileSync(
  path.join(dist, "node_modules", "@cornerstonejs", "codec-openjpeg", "NOTICE"),
  "@cornerstonejs/codec-openjpeg: MIT license (see package.json; https://github.com/cornerstonejs/codecs).\n" +
    "It contains OpenJPEG compiled to WebAssembly: BSD 2-Clause license,\n" +
    "https://github.com/uclouvain/openjpeg/blob/master/LICENSE\n",
);
mkdirSync(path.join(dist, "node_modules"), { recursive: true });
console.log(`${path.relative(root, dist) || dist} built: ${(size(dist) / 1024 / 1024).toFixed(1)} MiB`);
