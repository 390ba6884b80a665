/**
 * Mode evaluate: score the model on the competition's packages (or one shard of their rows); with
 * compare: leaderboard, also forecast its rank among the models committed on the subnet now.
 */
import * as core from "@actions/core";
import { getCompetition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import { forecastRequest, runRequest, type ShellPlaces } from "../config/requests.js";
import type { RunReport } from "../engine/results.js";
import { runEvaluation } from "../engine/run.js";
import { formatShard, type Shard } from "../engine/shard.js";
import { shardFileContent, shardFileName } from "../engine/shard-files.js";
import { runForecast } from "../release/forecast.js";
import { forecastPath } from "../report/forecast.js";
import { noCache } from "../util/cache-store.js";
import { checkOutputPath, writeWhole } from "../util/files.js";
import { uploadReport } from "./artifacts.js";
import { actionLog, workDir } from "./context.js";
import type { RunEvent } from "./event.js";
import { cacheFor, reportAndGate } from "./report.js";

/** Evaluates, then reports and gates (a shard only publishes its predictions); true when the gate passed. */
export async function evaluateMode(config: RunConfig, event: RunEvent): Promise<boolean> {
  await checkOutputPath(config.resultsPath, "input results-path");
  const cache = cacheFor(config);
  const places: ShellPlaces = { log: actionLog, cache: cache ?? noCache, downloadDir: workDir("datasets") };
  const competition = getCompetition(config.competitionId);
  if (config.compare === "leaderboard") {
    await checkOutputPath(forecastPath(config.resultsPath), "input results-path");
    // Committed models are kept by SHA-256 in the work folder, and in the Actions cache between runs.
    const models = { dir: workDir("models"), cache: places.cache };
    const { report, forecast } = await runForecast(forecastRequest(config, { ...places, models }));
    return reportAndGate(config, event, report, competition, cache, forecast);
  }
  const report = await runEvaluation(runRequest(config, places));
  if (config.shard) {
    await publishShard(config, report, config.shard);
    return true;
  }
  return reportAndGate(config, event, report, competition, cache);
}

/** A shard's predictions, for the merge job: a file in the workspace and an artifact of the run. */
async function publishShard(config: RunConfig, report: RunReport, shard: Shard): Promise<void> {
  const file = shardFileName(shard);
  const content = shardFileContent(report.datasets);
  const shardPath = await writeWhole(file, content);
  await uploadReport(`${config.artifactName}-shard-${shard.index}-of-${shard.count}`, { [file]: content }, actionLog);
  const lines = report.datasets.map((d) => `- ${d.dataset_uri ?? d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
  const summary = [
    `### CancerAI shard ${formatShard(shard)}`,
    "",
    ...lines,
    "",
    "The score is computed by the merge job (`mode: merge`) from all shards.",
  ];
  await core.summary.addRaw(summary.join("\n"), true).write();
  core.setOutput("shard-path", shardPath);
  core.setOutput("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
  actionLog.info(`shard ${formatShard(shard)}: predictions in ${shardPath}; mode merge scores the union of all shards`);
}
