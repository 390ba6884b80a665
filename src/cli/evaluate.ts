/** `cancer-ai evaluate` and `cancer-ai merge`: the score, on a terminal or another CI system. */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getCompetition, type Competition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import { forecastRequest, runRequest, type ShellPlaces } from "../config/requests.js";
import type { RunReport } from "../engine/results.js";
import { resultsDocument, runEvaluation, runReport } from "../engine/run.js";
import { formatShard, mergeShardRuns } from "../engine/shard.js";
import { readShardFiles, shardFileContent } from "../engine/shard-files.js";
import type { ForecastDocument } from "../engine/forecast-document.js";
import { runForecast } from "../release/forecast.js";
import { forecastPath, forecastText } from "../report/forecast.js";
import { applyGate } from "../report/gate.js";
import { scoreLine, textReport } from "../report/markdown.js";
import { noCache } from "../util/cache-store.js";
import { UsageError } from "../util/errors.js";
import { checkOutputPath, writeJson, writeWhole } from "../util/files.js";
import { embeddedExample } from "../util/paths.js";
import type { CliIo, Command } from "./io.js";

/** Downloaded packages (and, for a forecast, committed models) stay here between runs (the CLI has no Actions cache). */
export function cacheFolder(kind: "datasets" | "models" = "datasets"): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "cancer-ai", kind);
}

/** Prints the report (and the forecast), writes results-path (and the forecast beside it), applies the gate: the exit code. */
async function finish(
  report: RunReport,
  competition: Competition,
  config: RunConfig,
  io: CliIo,
  forecast?: ForecastDocument,
): Promise<number> {
  io.stdout(`${report.datasets.map((d) => textReport(d, competition)).join("\n\n")}\n`);
  if (report.datasets.length > 1) io.stdout(`\n${scoreLine(report)}\n`);
  if (forecast) io.stdout(`\n${forecastText(forecast)}\n`);
  if (config.resultsPath) io.log.info(`results written to ${await writeJson(config.resultsPath, resultsDocument(report))}`);
  if (config.resultsPath && forecast) io.log.info(`forecast written to ${await writeJson(forecastPath(config.resultsPath), forecast)}`);
  const gate = applyGate(report, undefined, { minScore: config.minScore, minRank: config.minRank }, forecast);
  if (gate.passed) return 0;
  io.log.info(`score gate failed: ${gate.reasons.join("; ")}`);
  return 1;
}

export const evaluateCommand: Command = {
  name: "evaluate",
  mode: "evaluate",
  summary:
    "Scores an ONNX model on competition datasets exactly as the CancerAI validators do. Without --model-path it runs on " +
    "the embedded example " +
    "(model and dataset shipped with the tool). To split the work over machines, run evaluate with --shard 1/n ... n/n " +
    "and --results-path, " +
    "then merge the n files: the merged result equals one run over every row. With --compare leaderboard it also forecasts " +
    "where the model would rank among the models committed on the subnet now (and writes <results>.forecast.json beside " +
    "--results-path).",
  fallback: (given) => {
    if (given("model-path") !== undefined) return {};
    if (given("dataset") !== undefined) throw new UsageError("--dataset needs --model-path (give neither to run the embedded example)");
    const example = embeddedExample();
    if (!existsSync(example.model))
      throw new UsageError(`the embedded example is not in this installation (${example.model}); give --model-path`);
    return { "model-path": example.model, dataset: example.dataset };
  },
  run: async ({ config, io }) => {
    if (config.shard && !config.resultsPath) {
      throw new UsageError("--shard needs --results-path <file> for the shard's predictions (cancer-ai merge reads them)");
    }
    if (config.resultsPath) await checkOutputPath(config.resultsPath, "--results-path");
    if (config.resultsPath && config.compare === "leaderboard") await checkOutputPath(forecastPath(config.resultsPath), "--results-path");
    if (config.modelPath === embeddedExample().model) {
      io.log.info(`no --model-path given: running the embedded example (${config.modelPath})`);
    }
    const places: ShellPlaces = { log: io.log, cache: noCache, downloadDir: cacheFolder() };
    if (config.compare === "leaderboard") {
      const { report, forecast } = await runForecast(
        forecastRequest(config, { ...places, models: { dir: cacheFolder("models"), cache: noCache } }),
      );
      return finish(report, getCompetition(config.competitionId), config, io, forecast);
    }
    const report = await runEvaluation(runRequest(config, places));
    if (config.shard && config.resultsPath) {
      const file = await writeWhole(config.resultsPath, shardFileContent(report.datasets));
      const counts = report.datasets.map((d) => `${d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
      io.stdout(`shard ${formatShard(config.shard)} evaluated (${counts.join("; ")}); predictions in ${file}\n`);
      io.stdout(`merge all ${config.shard.count} shards with: cancer-ai merge <files>\n`);
      return 0;
    }
    return finish(report, getCompetition(config.competitionId), config, io);
  },
};

export const mergeCommand: Command = {
  name: "merge",
  mode: "merge",
  summary:
    "Scores the union of the shards written by `cancer-ai evaluate --shard i/n --results-path <file>` exactly as one run " +
    "over every row would. " +
    "Give the shard files (or folders of them) as arguments or with --shards-path.",
  positionals: "[<shard file or folder>...]",
  run: async ({ config, positionals, io }) => {
    const inputs = [...positionals, ...(config.shardsPath ?? [])];
    if (inputs.length === 0)
      throw new UsageError("merge needs the shard files (or folders of them) written by evaluate --shard i/n --results-path <file>");
    if (config.resultsPath) await checkOutputPath(config.resultsPath, "--results-path");
    const competition = getCompetition(config.competitionId);
    const docs = await readShardFiles(inputs, io.log);
    return finish(runReport(competition.id, mergeShardRuns(docs, competition)), competition, config, io);
  },
};
