/**
 * The metric fields of results.json from labels and predictions. One place,
 * because a full run and a merge of shards must produce the same fields
 * from the same pairs.
 */
import type { Competition } from "../competition/competition.js";
import type { EvaluationResult } from "./results.js";
import { scoreCompetition } from "./scoring.js";

export type MetricFields = Pick<
  EvaluationResult,
  | "accuracy"
  | "precision"
  | "recall"
  | "fbeta"
  | "weighted_f1"
  | "efficiency_score"
  | "score"
  | "f1_by_class"
  | "class_weights"
  | "confusion_matrix"
  | "risk_category_scores"
>;

export function metricFields(
  competition: Competition,
  yTrue: readonly number[],
  yPred: readonly number[],
  modelBytes: number,
): MetricFields {
  const s = scoreCompetition(competition, yTrue, yPred, modelBytes);
  return {
    accuracy: s.accuracy,
    precision: s.precision,
    recall: s.recall,
    fbeta: s.fbeta,
    weighted_f1: s.weightedF1,
    efficiency_score: s.efficiencyScore,
    score: s.score,
    f1_by_class: s.f1ByClass,
    class_weights: s.classWeights,
    confusion_matrix: s.confusionMatrix,
    risk_category_scores: s.riskCategoryScores,
  };
}
