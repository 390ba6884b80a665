/**
 * One run of the engine as both the CLI and the action use it: resolve the
 * dataset input to local packages (downloading and caching them), then
 * evaluate the model on each, separately, as the validators do.
 */
import type { Competition } from "../competition/competition.js";
import { resolveDatasets, type ResolveOptions } from "../dataset/remote.js";
import { evaluate } from "./evaluate.js";
import type { EvaluationResult, RunReport } from "./results.js";
import { scoredPackages } from "./verdict.js";
import { checkModel } from "./inference.js";
import type { Shard } from "./shard.js";

export interface RunRequest extends Omit<ResolveOptions, "competitionId"> {
  readonly modelPath: string;
  readonly dataset: string;
  readonly competition: Competition;
  /** Preprocessing threads; undefined: every core (see pipeline.ts planThreads). */
  readonly threads?: number;
  /** Only this shard of each package's rows (the results then carry their shard predictions, see shard.ts). */
  readonly shard?: Shard;
}

export async function runEvaluation(request: RunRequest): Promise<RunReport> {
  const { competition, hub } = request;
  // A model that cannot be scored fails here, before any package is downloaded.
  await checkModel(request.modelPath, competition);
  const sources = await hub.log.group("Datasets", () => resolveDatasets(request.dataset, { ...request, competitionId: competition.id }));
  const datasets: EvaluationResult[] = [];
  for (const source of sources) {
    const result = await evaluate({
      modelPath: request.modelPath,
      dataset: source.localPath,
      competition,
      log: hub.log,
      threads: request.threads,
      shard: request.shard,
    });
    if (source.ref) {
      result.dataset_uri = `hf://${source.ref.repo}/${source.ref.path}`;
      if (source.ref.date) result.dataset_date = source.ref.date;
    }
    datasets.push(result);
  }
  return runReport(competition.id, datasets);
}

/**
 * The report over packages evaluated separately (by one runner, or merged
 * from shards): their mean score, leaving out packages every model fails on.
 */
export function runReport(competitionId: string, datasets: EvaluationResult[]): RunReport {
  const scored = scoredPackages(datasets);
  const score = scored.length === 0 ? null : scored.reduce((sum, d) => sum + d.score, 0) / scored.length;
  return { competition_id: competitionId, score, datasets };
}

/** results.json: the result itself for one package, else every result and their mean. */
export function resultsDocument(report: RunReport): EvaluationResult | RunReport {
  return report.datasets.length === 1 ? report.datasets[0] : report;
}
