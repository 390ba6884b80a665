/**
 * dist/ is what users run. These tests use it the way the Actions runner
 * does: copied with action.yml alone into a folder with no node_modules
 * above it, started as `node dist/index.js` with INPUT_* variables.
 */
import { execFile } from "node:child_process";
import { cp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { EXAMPLE_DIR, REPO, exampleExpected } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const run = promisify(execFile);

interface RunnerResult {
  code: number;
  stdout: string;
  outputs: string;
  summary: string;
}

async function bareAction(): Promise<string> {
  const dir = await tempDir();
  await cp(path.join(REPO, "action.yml"), path.join(dir, "action.yml"));
  await cp(path.join(REPO, "dist"), path.join(dir, "dist"), { recursive: true });
  return dir;
}

async function runAsRunner(actionDir: string, inputs: Record<string, string>): Promise<RunnerResult> {
  const work = await tempDir();
  const outputs = path.join(work, "output.txt");
  const summary = path.join(work, "summary.md");
  await writeFile(outputs, "");
  await writeFile(summary, "");
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await run(process.execPath, [path.join(actionDir, "dist", "index.js")], { cwd: work, env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  );
  return { ...result, outputs: await readFile(outputs, "utf8"), summary: await readFile(summary, "utf8") };
}

describe("the bundled action from a bare folder", () => {
  let actionDir = "";
  beforeAll(async () => {
    actionDir = await bareAction();
  });

  it("evaluates the example, sets outputs and writes the summary", async () => {
    const r = await runAsRunner(actionDir, {
      "model-path": path.join(EXAMPLE_DIR, "model.onnx"),
      dataset: path.join(EXAMPLE_DIR, "dataset"),
      "results-path": "out/results.json",
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toContain(`\n${exampleExpected.metrics.score}\n`);
    expect(r.outputs).toMatch(/weighted-f1<<.*\n0\.166667\n/);
    expect(r.summary).toContain(`score ${exampleExpected.metrics.score.toFixed(6)}`);
    expect(r.stdout).toMatch(/::group::Evaluating model\.onnx on 2 images/);
    const resultsPath = /results-path<<.*\n(.*)\n/.exec(r.outputs)?.[1] ?? "";
    expect(JSON.parse(await readFile(resultsPath, "utf8")).score).toBe(exampleExpected.metrics.score);
  });

  it("fails the step with one actionable message", async () => {
    const r = await runAsRunner(actionDir, { "model-path": "missing.onnx", dataset: path.join(EXAMPLE_DIR, "dataset") });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::model file missing\.onnx does not exist/);
    expect(r.summary).toBe("");
  });

  it("requires model-path", async () => {
    const r = await runAsRunner(actionDir, { dataset: path.join(EXAMPLE_DIR, "dataset") });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Input required and not supplied: model-path/);
  });
});

describe("dist/ is current", () => {
  it("equals a fresh build of src/", async () => {
    const fresh = await tempDir();
    await run(process.execPath, [path.join(REPO, "scripts", "build-dist.mjs"), "--out", fresh], { cwd: REPO });
    for (const file of ["index.js", "package.json", "licenses.txt"]) {
      const [built, committed] = await Promise.all([readFile(path.join(fresh, file), "utf8"), readFile(path.join(REPO, "dist", file), "utf8")]);
      expect({ file, same: built === committed }).toEqual({ file, same: true });
    }
    const list = async (dir: string): Promise<string[]> => {
      const files = await readdir(dir, { recursive: true });
      return Promise.all(files.sort().map(async (f) => `${f} ${(await stat(path.join(dir, f))).size}`));
    };
    expect(await list(path.join(REPO, "dist", "node_modules"))).toEqual(await list(path.join(fresh, "node_modules")));
  }, 120_000);
});
