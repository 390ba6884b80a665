#!/usr/bin/env node
// Renders GitHub-flavoured Markdown (PR comments, job summaries) to PNG with
// Debian's headless chromium, mermaid diagrams included.
//
//   node render-markdown.mjs --out DIR [--width 900] [--scale 2] [--breaks] a.md [b.md ...]
//
// --breaks turns single newlines into <br>, as GitHub does in PR/issue comments
// (job summaries and .md files keep them as spaces).
//
// The renderer's JS tools are fetched on first run into a cache outside any
// repo, so they never become dependencies of the project that calls this.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

// Exact versions, so a screenshot today looks like one taken next month.
const TOOLS = { marked: "18.2.1", "github-markdown-css": "5.9.0", mermaid: "11.17.2" };
const CACHE = join(tmpdir(), "cancer-ai-render-tools");
const CHROMIUM = process.env.CHROMIUM || "chromium";
// Without these fonts chromium draws emoji and ▲▼ as empty boxes.
const APT_HINT = "apt-get install -y chromium fonts-liberation fonts-dejavu-core fonts-noto-color-emoji";

function fail(message) {
  console.error(`render-markdown: ${message}`);
  process.exit(1);
}

// `npm pack` + tar rather than `npm install`: we only need the published
// files (mermaid's browser bundle is self-contained), and skipping mermaid's
// dependency tree saves ~130 MB and most of the install time.
function ensureTool(name) {
  const dir = join(CACHE, `${name}@${TOOLS[name]}`);
  if (existsSync(join(dir, "package.json"))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, ".fetch-"));
  try {
    const pack = spawnSync("npm", ["pack", "--silent", `${name}@${TOOLS[name]}`, "--pack-destination", work], { encoding: "utf8" });
    if (pack.status !== 0) fail(`npm pack ${name}@${TOOLS[name]} failed:\n${pack.stderr}`);
    const tarball = join(work, pack.stdout.trim().split("\n").pop());
    const unpacked = join(work, "pkg");
    mkdirSync(unpacked);
    const tar = spawnSync("tar", ["-xzf", tarball, "-C", unpacked, "--strip-components=1"], { encoding: "utf8" });
    if (tar.status !== 0) fail(`unpacking ${tarball} failed:\n${tar.stderr}`);
    // A rename is atomic, so an interrupted run never leaves a half-filled cache
    // entry; if a parallel run got there first, its copy is just as good.
    try {
      renameSync(unpacked, dir);
    } catch (err) {
      if (!existsSync(join(dir, "package.json"))) throw err;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

function checkChromium() {
  const probe = spawnSync(CHROMIUM, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) fail(`chromium not found; install it with: ${APT_HINT}`);
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Only the escapes Chromium's serializer emits in attribute values.
function unescapeAttr(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

function pageHtml(bodyHtml, { cssFile, mermaidFile, width }) {
  // After mermaid has drawn (or failed), the page publishes its content height
  // and any diagram error as attributes, which the --dump-dom pass reads back.
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(cssFile)}">
<style>
  html, body { margin: 0; background: #fff; }
  /* GitHub shows comments and job summaries at 14px, not the 16px of README views. */
  .markdown-body { box-sizing: border-box; width: ${width}px; padding: 16px; font-size: 14px; }
  pre.mermaid { background: none; text-align: center; }
</style>
<script src="${pathToFileURL(mermaidFile)}"></script>
</head><body><article class="markdown-body">
${bodyHtml}
</article>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default' });
  mermaid.run()
    .catch((err) => { document.body.dataset.mermaidError = String(err && err.message || err); })
    .finally(() => {
      const box = document.querySelector('.markdown-body').getBoundingClientRect();
      document.body.dataset.height = String(Math.ceil(box.bottom));
    });
</script>
</body></html>`;
}

function runChromium(args) {
  const profile = mkdtempSync(join(tmpdir(), "render-markdown-profile-"));
  try {
    const run = spawnSync(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        // Own profile per run, so parallel renders don't fight over a lock file.
        `--user-data-dir=${profile}`,
        // Virtual time only advances while the page is idle and the capture waits
        // for the whole budget, so mermaid has finished drawing by then.
        "--virtual-time-budget=15000",
        ...args,
      ],
      { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.error || run.status !== 0) fail(`chromium failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string" },
      width: { type: "string", default: "900" },
      scale: { type: "string", default: "2" },
      breaks: { type: "boolean", default: false },
    },
  });
  const width = Number(values.width);
  const scale = Number(values.scale);
  if (!values.out || positionals.length === 0)
    fail("usage: render-markdown.mjs --out DIR [--width 900] [--scale 2] [--breaks] file.md ...");
  if (!(width > 0) || !(scale > 0)) fail("--width and --scale must be positive numbers");

  checkChromium();
  const markedDir = ensureTool("marked");
  const cssFile = join(ensureTool("github-markdown-css"), "github-markdown-light.css");
  const mermaidFile = join(ensureTool("mermaid"), "dist", "mermaid.min.js");
  const { Marked } = await import(pathToFileURL(join(markedDir, "lib", "marked.esm.js")));

  const marked = new Marked({
    gfm: true,
    breaks: values.breaks,
    renderer: {
      // mermaid.run() picks up <pre class="mermaid">; everything else keeps marked's default.
      code({ text, lang }) {
        return lang === "mermaid" ? `<pre class="mermaid">${escapeHtml(text)}</pre>\n` : false;
      },
    },
  });

  const outDir = resolve(values.out);
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "render-markdown-"));
  try {
    for (const file of positionals) {
      const html = pageHtml(marked.parse(readFileSync(file, "utf8")), { cssFile, mermaidFile, width });
      const htmlFile = join(work, "page.html");
      writeFileSync(htmlFile, html);
      const url = pathToFileURL(htmlFile).href;

      // Chromium's CLI screenshot has a fixed window size, so a first pass
      // measures the laid-out height and a second pass captures exactly that.
      const dom = runChromium([`--window-size=${width},800`, "--dump-dom", url]);
      const height = Number(dom.match(/data-height="(\d+)"/)?.[1]);
      if (!height) fail(`${file}: page never reported its height (mermaid bundle not loaded?)`);
      const mermaidError = dom.match(/data-mermaid-error="([^"]*)"/)?.[1];
      // Still screenshot: mermaid draws its error box in place, as GitHub shows one too.
      if (mermaidError) console.error(`render-markdown: ${file}: mermaid error: ${unescapeAttr(mermaidError)}`);

      const png = join(outDir, `${basename(file, extname(file))}.png`);
      runChromium([`--window-size=${width},${height}`, `--force-device-scale-factor=${scale}`, `--screenshot=${png}`, url]);
      console.log(png);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
