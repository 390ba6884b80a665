/**
 * The base branch's last results, for the deltas in a pull request's report.
 * A push to the default branch saves a small summary in the Actions cache
 * under a key per competition (and report-id), branch and commit; a pull request restores
 * the newest one of its base branch by key prefix. No external storage.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "../util/cache-store.js";
import { COMPETITIONS, type Competition } from "../competition/competition.js";
import type { EvaluationResult, RunReport } from "../engine/results.js";
import type { Log } from "../util/log.js";
import { extendHistory, pointOf, pointsOf, type ScoreHistory, type ScorePoint } from "./history.js";

export type DatasetScores = Pick<EvaluationResult, "dataset" | "score" | "accuracy" | "weighted_f1" | "efficiency_score" | "f1_by_class">;

/**
 * A package's images as the base run scored them, for the paired bootstrap
 * of the deltas (report/bootstrap.ts): per image, its file, true class
 * index and predicted class index (-1: outside the classes). Baselines
 * saved before these existed have none, and give deltas without intervals.
 */
export interface BaselineRows {
  readonly files: string[];
  readonly labels: number[];
  readonly predicted: number[];
}

export type BaselineDataset = DatasetScores & { readonly rows?: BaselineRows };

/** A baseline keeps the rows of its packages up to this many images in all (a package that would pass it keeps none). */
export const MAX_BASELINE_ROWS = 200_000;

export interface Baseline {
  readonly branch: string;
  readonly commit: string;
  readonly created: string;
  readonly score: number;
  readonly datasets: BaselineDataset[];
  /** The branch's scores up to this commit, oldest first (report/history.ts); older baselines have none. */
  readonly history?: ScorePoint[];
}

/** The baseline with the branch's history: the previous baseline's points and its own, at most `keep` (0: none kept). */
export function withHistory(baseline: Baseline, previous: Baseline | undefined, keep: number): Baseline {
  const points = extendHistory(previous ? pointsOf(previous) : [], pointOf(baseline), keep);
  return { ...baseline, history: points.length > 0 ? points : undefined };
}

/** The rows a result's predictions stand for (an image whose label is not a class is left out). */
export function resultRows(result: EvaluationResult, competition: Competition): BaselineRows {
  const index = new Map(competition.classes.map((c, i) => [c.short, i]));
  const rows = { files: [] as string[], labels: [] as number[], predicted: [] as number[] };
  for (const p of result.predictions) {
    const label = index.get(p.label);
    if (label === undefined) continue;
    rows.files.push(p.file);
    rows.labels.push(label);
    rows.predicted.push(index.get(p.predicted) ?? -1);
  }
  return rows;
}

/** Only a run with a score is a baseline (one where every package failed for every model has none). */
export function toBaseline(report: RunReport & { readonly score: number }, branch: string, commit: string, now = new Date()): Baseline {
  const competition = COMPETITIONS.get(report.competition_id);
  let room = MAX_BASELINE_ROWS;
  return {
    branch,
    commit,
    created: now.toISOString(),
    score: report.score,
    datasets: report.datasets.map((result) => {
      const { dataset, score, accuracy, weighted_f1, efficiency_score, f1_by_class } = result;
      const rows = competition && !result.verdict && result.predictions.length <= room ? resultRows(result, competition) : undefined;
      if (rows) room -= rows.files.length;
      return { dataset, score, accuracy, weighted_f1, efficiency_score, f1_by_class, ...(rows && { rows }) };
    }),
  };
}

/**
 * Restored by prefix, so no key may start with another's prefix: the fields are closed by ':', which
 * neither a competition id, a report-id nor a git branch name contains (so branch main's prefix does
 * not match branch main-x's keys, as the key of versions before 1.0 did).
 */
export const baselineKeyPrefix = (competition: string, branch: string, reportId?: string): string =>
  `cancer-ai-baseline:${competition}:${reportId ?? ""}:${branch}:`;

/** The unkeyed prefix versions before 1.0 saved under, restored only until a push saves the new one. */
export const legacyBaselineKeyPrefix = (competition: string, branch: string): string => `cancer-ai-baseline-${competition}-${branch}-`;
const FILE = "baseline.json";

export async function saveBaseline(
  store: CacheStore,
  dir: string,
  competition: string,
  baseline: Baseline,
  log: Log,
  reportId?: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, FILE), JSON.stringify(baseline));
  const key = `${baselineKeyPrefix(competition, baseline.branch, reportId)}${baseline.commit}`;
  if (await store.save([dir], key)) log.info(`baseline for ${baseline.branch} saved as ${key}`);
}

export async function restoreBaseline(
  store: CacheStore,
  dir: string,
  competition: string,
  branch: string,
  log: Log,
  reportId?: string,
): Promise<Baseline | undefined> {
  const prefix = baselineKeyPrefix(competition, branch, reportId);
  const legacy = reportId === undefined ? [legacyBaselineKeyPrefix(competition, branch)] : [];
  const key = await store.restore([dir], `${prefix}latest`, [prefix, ...legacy]);
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

/**
 * What a report draws of a baseline's history: its last `keep` points and,
 * for a pull request, the run's own score (when it has one) as "#<number>".
 */
export function baselineHistory(
  baseline: Baseline | undefined,
  keep: number,
  pull?: { readonly number: number; readonly score: number | null },
): ScoreHistory | undefined {
  if (!baseline || keep <= 0) return undefined;
  const points = pointsOf(baseline).slice(-keep);
  const score = pull?.score ?? null;
  return { branch: baseline.branch, points, ...(pull && score !== null && { candidate: { label: `#${pull.number}`, score } }) };
}

/** The baseline's scores for the same dataset package, if it was evaluated on it. */
export function baselineFor(baseline: Baseline | undefined, dataset: string): BaselineDataset | undefined {
  return baseline?.datasets.find((d) => d.dataset === dataset);
}

/** The mean score is only comparable when both runs used the same packages. */
export function comparableScore(baseline: Baseline | undefined, report: RunReport): number | undefined {
  if (!baseline) return undefined;
  const same = baseline.datasets.length === report.datasets.length && report.datasets.every((d) => baselineFor(baseline, d.dataset));
  return same ? baseline.score : undefined;
}
