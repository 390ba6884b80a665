/**
 * dist/ is what users run. These tests use it the way the Actions runner
 * does: copied with action.yml alone into a folder with no node_modules
 * above it, started as `node dist/index.js` with INPUT_* variables.
 * That dist/ is a fresh build of src/ is checked by the check-dist workflow,
 * not here: the build downloads the arm64 binaries, and the suite runs offline.
 */
import { execFile } from "node:child_process";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { EXAMPLE_DIR, REPO, exampleExpected } from "./helpers/golden.js";
import { runAction } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";

const run = promisify(execFile);

async function bareAction(): Promise<string> {
  const dir = await tempDir();
  await cp(path.join(REPO, "action.yml"), path.join(dir, "action.yml"));
  await cp(path.join(REPO, "dist"), path.join(dir, "dist"), { recursive: true });
  return dir;
}

describe("the bundled action from a bare folder", () => {
  let actionDir = "";
  beforeAll(async () => {
    actionDir = await bareAction();
  });

  it("evaluates the example, sets outputs and writes the summary", async () => {
    const r = await runAction({
      actionDir,
      inputs: {
        "model-path": path.join(EXAMPLE_DIR, "model.onnx"),
        dataset: path.join(EXAMPLE_DIR, "dataset"),
        "results-path": "out/results.json",
      },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.score).toBe(String(exampleExpected.metrics.score));
    expect(r.outputs["weighted-f1"]).toBe("0.166667");
    expect(r.outputs.passed).toBe("true");
    expect(r.summary).toContain(`score ${exampleExpected.metrics.score.toFixed(6)}`);
    expect(r.stdout).toMatch(/::group::Evaluating model\.onnx on 2 images/);
    expect(JSON.parse(await readFile(r.outputs["results-path"], "utf8")).score).toBe(exampleExpected.metrics.score);
    // Outside Actions there is no artifact service: one warning, and the run goes on.
    expect(r.stdout.match(/::warning::the Actions artifact service is not available/g)).toHaveLength(1);
  });

  it("fails the step with one actionable message", async () => {
    const r = await runAction({ actionDir, inputs: { "model-path": "missing.onnx", dataset: path.join(EXAMPLE_DIR, "dataset") } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::model file missing\.onnx does not exist/);
    expect(r.summary).toMatch(/^### ❌ cancer-ai-action failed: model file missing\.onnx does not exist/);
  });

  it("requires model-path", async () => {
    const r = await runAction({ actionDir, inputs: { dataset: path.join(EXAMPLE_DIR, "dataset") } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::input model-path is required in mode evaluate/);
  });
});

describe("the CLI from a clone without node_modules", () => {
  it("scores the embedded example with dist/'s natives", async () => {
    const dir = await tempDir();
    for (const entry of ["package.json", "action.yml", "bin", "dist", "example"])
      await cp(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
    const { stdout } = await run(process.execPath, [path.join(dir, "bin", "cancer-ai.js"), "evaluate"], { cwd: dir });
    expect(stdout).toContain(`score                               ${exampleExpected.metrics.score.toFixed(6)}`);
  });
});
