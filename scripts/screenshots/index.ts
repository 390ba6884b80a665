/**
 * npm run screenshots: the README's pictures of a pull request comment and a
 * job summary. Writes each one's Markdown (from reports.ts: the action's own
 * report code) to docs/images/<name>.md, renders it as GitHub does with
 * headless chromium (render-markdown.mjs) to docs/images/<name>.png, and
 * records which Markdown each picture shows in docs/images/screenshots.json,
 * so the test can tell a picture that no longer matches the code.
 * Needs: apt-get install -y chromium fonts-liberation fonts-dejavu-core fonts-noto-color-emoji
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO, screenshots } from "./reports.js";

export const IMAGES = path.join(REPO, "docs", "images");
export const MANIFEST = path.join(IMAGES, "screenshots.json");
export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

async function main(): Promise<void> {
  await mkdir(IMAGES, { recursive: true });
  const manifest: Record<string, string> = {};
  for (const shot of await screenshots()) {
    const file = path.join(IMAGES, `${shot.name}.md`);
    await writeFile(file, shot.markdown);
    const render = path.join(import.meta.dirname, "render-markdown.mjs");
    execFileSync(process.execPath, [render, "--out", IMAGES, ...(shot.breaks ? ["--breaks"] : []), file], { stdio: "inherit" });
    manifest[`${shot.name}.png`] = sha256(shot.markdown);
  }
  await writeFile(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (import.meta.filename === process.argv[1]) await main();
