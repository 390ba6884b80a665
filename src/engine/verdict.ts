/**
 * The results of a package that validators would not score normally: a
 * model they give 0, or a package that fails for every model. The engine
 * throws ValidatorVerdictError (or ImageError, for an image validators
 * cannot read) wherever that happens; evaluate() records it here instead
 * of failing the run, so the report can say what validators would do.
 */
import { classWeights, type Competition } from "../competition/competition.js";
import { ImageError, ValidatorVerdictError } from "../util/errors.js";
import { metricFields } from "./metrics.js";
import type { EvaluationResult, Prediction, RunReport, Verdict } from "./results.js";

/** The verdict an error stands for, or undefined for an error that is not a validator's (a missing file, a bug). */
export function verdictOf(err: unknown): Verdict | undefined {
  if (err instanceof ValidatorVerdictError) return { fault: err.fault, code: err.code, message: err.message };
  if (err instanceof ImageError && err.kind === "unreadable") {
    // Validators skip an image they cannot read and then fail the package on the length mismatch, for every model.
    return {
      fault: "package",
      code: "unreadable-image",
      message:
        `validators would fail this package for every model: ${err.message} ` +
        "(they skip the image, and then the predictions no longer match the labels)",
    };
  }
  return undefined;
}

export interface VerdictContext {
  readonly competition: Competition;
  readonly dataset: string;
  readonly model: { readonly sha256: string; readonly bytes: number };
  readonly runSeconds: number;
}

/** The result validators would record: zeros (a model's 0), with the reason. */
export function verdictResult(verdict: Verdict, context: VerdictContext): EvaluationResult {
  const { competition } = context;
  const classes = competition.classes.length;
  return {
    competition_id: competition.id,
    dataset: context.dataset,
    model_sha256: context.model.sha256,
    model_size_mb: context.model.bytes / (1024 * 1024),
    tested_entries: 0,
    run_time_s: context.runSeconds,
    accuracy: 0,
    precision: 0,
    recall: 0,
    fbeta: 0,
    weighted_f1: 0,
    efficiency_score: 0,
    score: 0,
    f1_by_class: new Array<number>(classes).fill(0),
    class_weights: classWeights(competition),
    confusion_matrix: Array.from({ length: classes }, () => new Array<number>(classes).fill(0)),
    risk_category_scores: { high_risk: 0, medium_risk: 0, benign: 0 },
    predictions: [],
    verdict,
  };
}

/** What a model's run on a package produced, in CSV order. */
export interface ScoredRun {
  readonly yTrue: readonly number[];
  readonly yPred: readonly number[];
  readonly predictions: Prediction[];
}

/** The result validators would record for a run that was scored: its metrics and predictions. */
export function scoredResult(run: ScoredRun, context: VerdictContext): EvaluationResult {
  const { competition, model } = context;
  return {
    competition_id: competition.id,
    dataset: context.dataset,
    model_sha256: model.sha256,
    model_size_mb: model.bytes / (1024 * 1024),
    tested_entries: run.yTrue.length,
    run_time_s: context.runSeconds,
    ...metricFields(competition, [...run.yTrue], [...run.yPred], model.bytes),
    predictions: run.predictions,
  };
}

/** The packages whose result counts for the model: all but those every model fails on. */
export const scoredPackages = (datasets: readonly EvaluationResult[]): EvaluationResult[] =>
  datasets.filter((d) => d.verdict?.fault !== "package");

/** Model faults: each a reason the gate fails. */
export const modelRejections = (report: RunReport): EvaluationResult[] => report.datasets.filter((d) => d.verdict?.fault === "model");
