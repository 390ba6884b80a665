#!/usr/bin/env node
/**
 * Builds dist/, the product the Actions runner executes:
 *   dist/index.js            the ncc bundle (ESM; the @actions/* packages are ESM-only)
 *   dist/package.json        {"type": "module"}, so it loads as ESM without the repo's package.json
 *   dist/node_modules/       the two native packages ncc cannot bundle (sharp, onnxruntime-node),
 *                            pruned to Linux binaries and their runtime dependencies
 * Usage: node scripts/build-dist.mjs [--out DIR]   (default dist/; the tests build elsewhere to compare)
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outIndex = process.argv.indexOf("--out");
const dist = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, "dist");
const modules = path.join(root, "node_modules");

/** Runtime files per package: only what `require` reaches on Linux. */
const NATIVE_PACKAGES = {
  sharp: ["package.json", "LICENSE", "dist"],
  "@img/colour": ["package.json", "LICENSE.md", "index.cjs", "color.cjs"],
  "detect-libc": ["package.json", "LICENSE", "lib"],
  semver: ["package.json", "LICENSE", "index.js", "preload.js", "classes", "functions", "internal", "ranges"],
  "onnxruntime-common": ["package.json", "LICENSE", "dist/cjs"],
  "onnxruntime-node": ["package.json", "LICENSE", "dist", "bin/napi-v6/linux"],
};
/** sharp's per-platform binaries, for every Linux architecture installed. */
const PLATFORM_PREFIXES = ["@img/sharp-linux-", "@img/sharp-libvips-linux-"];

function copy(pkg, entries) {
  for (const entry of entries) {
    const from = path.join(modules, pkg, entry);
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
for (const [pkg, entries] of Object.entries(NATIVE_PACKAGES)) copy(pkg, entries);
for (const name of readdirSync(path.join(modules, "@img"))) {
  const pkg = `@img/${name}`;
  if (PLATFORM_PREFIXES.some((prefix) => pkg.startsWith(prefix))) copy(pkg, ["package.json", "LICENSE", "lib", "index.cjs", "versions.json"]);
}
mkdirSync(path.join(dist, "node_modules"), { recursive: true });
console.log(`${path.relative(root, dist) || dist} built: ${(size(dist) / 1024 / 1024).toFixed(1)} MiB`);
