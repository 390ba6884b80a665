/**
 * The Markdown the README's pictures are rendered from, written by the
 * action's own report code (report/markdown.ts through action/report.ts) on
 * real evaluations: the golden dataset's 23 images scored by the example
 * model (the pull request) and by test models (main's last commits). Only
 * what would change from run to run is fixed: run times, dates, hashes.
 * __tests__/screenshots.test.ts rebuilds it and compares with docs/images.
 */
import path from "node:path";
import { reportBody } from "../../src/action/report.js";
import { SUMMARY_LIMIT } from "../../src/action/context.js";
import { commentMarker } from "../../src/action/comment.js";
import { getCompetition } from "../../src/competition/competition.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { EvaluationResult, RunReport } from "../../src/engine/results.js";
import { runReport } from "../../src/engine/run.js";
import { baselineHistory, toBaseline, withHistory, type Baseline } from "../../src/report/baseline.js";
import { compareWithBase } from "../../src/report/comparison.js";
import type { GateRule } from "../../src/report/gate.js";
import { COMMENT_LIMIT } from "../../src/report/markdown.js";
import type { Log } from "../../src/util/log.js";

export const REPO = path.resolve(import.meta.dirname, "..", "..");
const DATASET = path.join(REPO, "__tests__", "fixtures", "golden", "dataset");
const MODELS = path.join(REPO, "__tests__", "fixtures", "golden", "models");
const quiet: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };
const competition = getCompetition("tricorder-3");
/** main's commits in the pictures. */
const COMMITS = ["1c7e5b2d", "9a04d3f1", "e5b21ac8", "47d0be93"];

/** One screenshot: its name (docs/images/<name>.md and .png) and its Markdown. */
export interface Screenshot {
  readonly name: string;
  readonly markdown: string;
  /** GitHub turns single newlines into line breaks in comments, not in job summaries. */
  readonly breaks: boolean;
}

/** A real evaluation, with the run time fixed so the picture does not change from run to run. */
async function scored(model: string): Promise<RunReport> {
  const result: EvaluationResult = await evaluate({ modelPath: model, dataset: DATASET, competition, log: quiet, threads: 1 });
  return runReport(competition.id, [{ ...result, dataset: "tricorder-3-2026-11-20.zip", run_time_s: 0.4 }]);
}

/** main's baseline after one push per model, the last one with the per-image rows the interval needs. */
async function mainBaseline(models: string[]): Promise<Baseline> {
  let baseline: Baseline | undefined;
  for (const [i, model] of models.entries()) {
    const report = await scored(model);
    const commit = COMMITS[i % COMMITS.length].padEnd(40, "0");
    const now = new Date(Date.UTC(2026, 10, 24 + i));
    baseline = withHistory(toBaseline({ ...report, score: report.score ?? 0 }, "main", commit, now), baseline, 20);
  }
  if (!baseline) throw new Error("no model for main");
  return baseline;
}

function body(report: RunReport, baseline: Baseline, rule: GateRule, options: { marker?: string; limit: number; pull: number }): string {
  return reportBody(report, competition, undefined, {
    ...compareWithBase(rule, report, competition, baseline),
    baseline,
    baseBranch: "main",
    history: baselineHistory(baseline, 20, { number: options.pull, score: report.score }),
    marker: options.marker,
    limit: options.limit,
  });
}

export async function screenshots(): Promise<Screenshot[]> {
  const main = await mainBaseline(["one-input-224.onnx", "two-input-512.onnx", "conv-tiny.onnx"].map((m) => path.join(MODELS, m)));
  const pull = await scored(path.join(REPO, "example", "model.onnx"));
  const worse = await scored(path.join(MODELS, "one-input-224.onnx"));
  return [
    {
      name: "pull-request-comment",
      markdown: body(pull, main, {}, { marker: commentMarker(competition.id), limit: COMMENT_LIMIT, pull: 12 }),
      breaks: true,
    },
    {
      name: "job-summary-gate-failed",
      markdown: body(worse, main, { minScore: 0.6, maxScoreDrop: 0.01 }, { limit: SUMMARY_LIMIT, pull: 13 }),
      breaks: false,
    },
  ];
}
