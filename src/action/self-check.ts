/** Mode self-check: what a validator would do to the committed model; fails the step if it would be rejected. */
import * as core from "@actions/core";
import { mkdir } from "node:fs/promises";
import type { RunConfig } from "../config/config.js";
import { hotkeyOf, selfCheckRequest } from "../config/requests.js";
import { selfCheck } from "../release/self-check.js";
import { checklistMarkdown, checklistText, selfCheckJson } from "../release/summary.js";
import { writeJson } from "../util/files.js";
import { actionsCache } from "./cache.js";
import { actionLog, workDir } from "./context.js";

export async function selfCheckMode(config: RunConfig): Promise<void> {
  const hotkey = await hotkeyOf(config);
  const modelDir = workDir("self-check");
  await mkdir(modelDir, { recursive: true });
  const request = selfCheckRequest(config, hotkey, {
    log: actionLog,
    cache: actionsCache(actionLog),
    downloadDir: workDir("datasets"),
    modelDir,
  });
  const result = await core.group(`Self-check of ${hotkey}`, () => selfCheck(request));
  core.info(checklistText(result));
  const resultsPath = await writeJson(config.resultsPath, selfCheckJson(result));
  await core.summary.addRaw(checklistMarkdown(result), true).write();
  core.setOutput("passed", result.passed);
  core.setOutput("results-path", resultsPath);
  core.setOutput("hotkey", hotkey);
  if (result.evaluation) core.setOutput("score", result.evaluation.score);
  if (!result.passed) {
    const failed = result.checks.filter((c) => c.status === "fail").map((c) => `${c.name}: ${c.detail}`);
    core.setFailed(`self-check: ${failed.join("; ")}`);
  }
}
