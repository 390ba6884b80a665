/**
 * Where a worker thread of this folder starts. Bundled, it is the bundle's
 * own index.js again, which dispatches on workerData.role; from the sources
 * (tests), it is the module itself behind tsx's loader.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** `from`: the starting module's import.meta.url; `file` and `serve`: the worker's module beside it and the function it runs. */
export function workerEntry(from: string, file: string, serve: string): URL {
  const dir = path.dirname(fileURLToPath(from));
  // Bundled, the starting module is in index.js or in a chunk beside it.
  if (!from.endsWith(".ts")) return pathToFileURL(path.join(dir, "index.js"));
  // `--import tsx` in execArgv does not reach a worker's entry module on Node 20; registering tsx's API first does.
  const tsxPackage = createRequire(from).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(tsxPackage, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(path.join(path.dirname(tsxPackage), manifest.exports["./esm/api"].import.default)).href;
  const module = pathToFileURL(path.join(dir, file)).href;
  const code =
    `const { register } = await import(${JSON.stringify(tsx)}); register(); ` +
    `await (await import(${JSON.stringify(module)})).${serve}();`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
