/** Where the shipped files are, whether running from src/ (tests) or the bundle in dist/. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding action.yml: found at run time, so the bundler does not try to inline it. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "action.yml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.dirname(fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The embedded example: a small model and a two-image tricorder-3 package. */
export function embeddedExample(): { model: string; dataset: string } {
  const root = packageRoot();
  return { model: path.join(root, "example", "model.onnx"), dataset: path.join(root, "example", "dataset") };
}

/**
 * The tool's version: from the package.json beside action.yml (a clone), or
 * the one the build writes into dist/ (the action's folder has no other).
 */
export function toolVersion(): string {
  const root = packageRoot();
  for (const file of [path.join(root, "package.json"), path.join(root, "dist", "package.json")]) {
    if (!existsSync(file)) continue;
    const { version } = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown };
    if (typeof version === "string") return version;
  }
  return "unknown";
}
