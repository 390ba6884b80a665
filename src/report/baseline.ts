/**
 * The base branch's last results, for the deltas in a pull request's report.
 * A push to the default branch saves a small summary in the Actions cache
 * under a key per competition, branch and commit; a pull request restores
 * the newest one of its base branch by key prefix. No external storage.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "../util/cache-store.js";
import type { EvaluationResult, RunReport } from "../engine/results.js";
import type { Log } from "../util/log.js";

export type DatasetScores = Pick<EvaluationResult, "dataset" | "score" | "accuracy" | "weighted_f1" | "efficiency_score" | "f1_by_class">;

export interface Baseline {
  readonly branch: string;
  readonly commit: string;
  readonly created: string;
  readonly score: number;
  readonly datasets: DatasetScores[];
}

/** Only a run with a score is a baseline (one where every package failed for every model has none). */
export function toBaseline(report: RunReport & { readonly score: number }, branch: string, commit: string, now = new Date()): Baseline {
  return {
    branch,
    commit,
    created: now.toISOString(),
    score: report.score,
    datasets: report.datasets.map(({ dataset, score, accuracy, weighted_f1, efficiency_score, f1_by_class }) => ({
      dataset,
      score,
      accuracy,
      weighted_f1,
      efficiency_score,
      f1_by_class,
    })),
  };
}

const keyPrefix = (competition: string, branch: string): string => `cancer-ai-baseline-${competition}-${branch}-`;
const FILE = "baseline.json";

export async function saveBaseline(store: CacheStore, dir: string, competition: string, baseline: Baseline, log: Log): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, FILE), JSON.stringify(baseline));
  const key = `${keyPrefix(competition, baseline.branch)}${baseline.commit}`;
  if (await store.save([dir], key)) log.info(`baseline for ${baseline.branch} saved as ${key}`);
}

export async function restoreBaseline(
  store: CacheStore,
  dir: string,
  competition: string,
  branch: string,
  log: Log,
): Promise<Baseline | undefined> {
  const prefix = keyPrefix(competition, branch);
  const key = await store.restore([dir], `${prefix}latest`, [prefix]);
  if (!key) {
    log.info(`no baseline for ${branch} yet (it is saved by a run on a push to ${branch})`);
    return undefined;
  }
  try {
    const baseline = JSON.parse(await readFile(path.join(dir, FILE), "utf8")) as Baseline;
    log.info(`baseline: ${branch} at ${baseline.commit.slice(0, 7)} (${key})`);
    return baseline;
  } catch {
    log.warning(`the baseline restored from ${key} is unreadable; reporting without deltas`);
    return undefined;
  }
}

/** The baseline's scores for the same dataset package, if it was evaluated on it. */
export function baselineFor(baseline: Baseline | undefined, dataset: string): DatasetScores | undefined {
  return baseline?.datasets.find((d) => d.dataset === dataset);
}

/** The mean score is only comparable when both runs used the same packages. */
export function comparableScore(baseline: Baseline | undefined, report: RunReport): number | undefined {
  if (!baseline) return undefined;
  const same = baseline.datasets.length === report.datasets.length && report.datasets.every((d) => baselineFor(baseline, d.dataset));
  return same ? baseline.score : undefined;
}
