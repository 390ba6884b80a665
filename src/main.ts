/**
 * The GitHub Action: wires inputs to the engine and the engine's result to
 * outputs, the job summary and results.json. No logic of its own.
 */
import * as core from "@actions/core";
import { DEFAULT_COMPETITION, getCompetition } from "./competition.js";
import { CancerAiError } from "./errors.js";
import { evaluate } from "./evaluate.js";
import type { Log } from "./log.js";
import { markdownReport } from "./report.js";
import { writeResults } from "./results.js";

export const actionLog: Log = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  group: (title, work) => core.group(title, work),
};

export async function runAction(): Promise<void> {
  try {
    const competition = getCompetition(core.getInput("competition-id") || DEFAULT_COMPETITION);
    const modelPath = core.getInput("model-path", { required: true });
    const dataset = core.getInput("dataset", { required: true });
    const result = await evaluate({ modelPath, dataset, competition, log: actionLog });
    const resultsPath = await writeResults(core.getInput("results-path") || "cancer-ai-results.json", result);
    core.setOutput("score", result.score);
    core.setOutput("accuracy", result.accuracy);
    core.setOutput("weighted-f1", result.weighted_f1);
    core.setOutput("efficiency", result.efficiency_score);
    core.setOutput("results-path", resultsPath);
    core.info(`score ${result.score} (accuracy ${result.accuracy}, weighted F1 ${result.weighted_f1}, efficiency ${result.efficiency_score}); results in ${resultsPath}`);
    await core.summary.addRaw(markdownReport(result, competition), true).write();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    core.setFailed(err instanceof CancerAiError || (err instanceof Error && /^Input required/.test(message)) ? message : `unexpected failure: ${message}`);
  }
}
