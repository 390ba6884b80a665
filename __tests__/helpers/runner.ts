/**
 * Runs the bundled action the way the Actions runner does: `node dist/index.js`
 * in a workspace, inputs as INPUT_* variables, the event as a JSON file, and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files it appends to.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { REPO } from "./golden.js";
import { tempDir } from "./temp.js";

const run = promisify(execFile);

export interface RunnerResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunnerStep {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  event?: { name: string; payload: Record<string, unknown> };
  /** The folder holding action.yml and dist/ (default: the repository). */
  actionDir?: string;
}

/** GITHUB_OUTPUT's `name<<delimiter\nvalue\ndelimiter` records. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) outputs[m[1]] = m[3];
  return outputs;
}

export async function runAction(step: RunnerStep): Promise<RunnerResult> {
  const work = await tempDir();
  const files = { output: path.join(work, "output.txt"), summary: path.join(work, "summary.md"), event: path.join(work, "event.json") };
  await writeFile(files.output, "");
  await writeFile(files.summary, "");
  await writeFile(files.event, JSON.stringify(step.event?.payload ?? {}));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: step.event?.name ?? "workflow_dispatch",
    GITHUB_WORKSPACE: work,
    ...step.env,
  };
  const actionDir = step.actionDir ?? REPO;
  // The runner fills in action.yml's defaults for inputs the workflow leaves out.
  const manifest = parse(await readFile(path.join(actionDir, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> };
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    if (spec.default !== undefined && !spec.default.includes("${{")) env[`INPUT_${name.toUpperCase()}`] = spec.default;
  }
  for (const [name, value] of Object.entries(step.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const entry = path.join(actionDir, "dist", "index.js");
  const { code, stdout } = await run(process.execPath, [entry], { cwd: work, env, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  );
  return { code, stdout, outputs: parseOutputs(await readFile(files.output, "utf8")), summary: await readFile(files.summary, "utf8") };
}
