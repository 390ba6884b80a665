/**
 * The CLI from the sources in a process of its own, as bin/cancer-ai.js runs
 * it from dist/: for what only a real process shows (its exit code when the
 * event loop empties, what a signal leaves behind).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO } from "./golden.js";
import { tempDir } from "./temp.js";

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

let entry: Promise<string> | undefined;

/** bin/cancer-ai.js, pointed at the sources instead of dist/. */
function sourceEntry(): Promise<string> {
  entry ??= (async () => {
    const file = path.join(await tempDir(), "cancer-ai.mts");
    const index = pathToFileURL(path.join(REPO, "src", "index.ts")).href;
    await writeFile(file, `import { cli } from ${JSON.stringify(index)};\nprocess.exitCode = await cli(process.argv.slice(2));\n`);
    return file;
  })();
  return entry;
}

async function command(args: string[]): Promise<{ argv: string[]; cwd: string }> {
  const tsx = pathToFileURL(createRequire(path.join(REPO, "package.json")).resolve("tsx")).href;
  const file = await sourceEntry();
  return { argv: ["--import", tsx, file, ...args], cwd: path.dirname(file) };
}

const baseEnv = (): Record<string, string | undefined> => ({ PATH: process.env.PATH, HOME: process.env.HOME });

/** Runs the CLI to its end (or `timeoutMs`). */
export async function runSourceCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Exit> {
  const { argv, cwd } = await command(args);
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd, env: { ...baseEnv(), ...env }, timeout: timeoutMs }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr, ms: Date.now() - start }),
    );
  });
}

/** Starts the CLI and leaves it running, for a test that signals it. */
export async function startSourceCli(args: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  const { argv, cwd } = await command(args);
  return spawn(process.execPath, argv, { cwd, env: { ...baseEnv(), ...env }, stdio: ["ignore", "pipe", "pipe"] });
}
