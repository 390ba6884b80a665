/** A tricorder-3 result for report tests: fixed metrics, one prediction, and the score given. */
import type { EvaluationResult } from "../../src/engine/results.js";

export function result(dataset: string, score: number, overrides: Partial<EvaluationResult> = {}): EvaluationResult {
  return {
    competition_id: "tricorder-3",
    dataset,
    model_sha256: "a".repeat(64),
    model_size_mb: 12.5,
    tested_entries: 4,
    run_time_s: 1.25,
    accuracy: 0.75,
    precision: 0.8,
    recall: 0.75,
    fbeta: 0.7,
    weighted_f1: 0.5,
    efficiency_score: 1,
    score,
    f1_by_class: [0, 1, 0, 0, 0, 0, 0, 0.5, 1, 0, 0],
    class_weights: [2, 3, 1, 2, 1, 1, 3, 3, 1, 3, 2],
    confusion_matrix: Array.from({ length: 11 }, (_, i) =>
      Array.from({ length: 11 }, (_, j) => (i === j && [1, 7, 8].includes(i) ? 1 : 0)),
    ),
    risk_category_scores: { high_risk: 0.375, medium_risk: 0, benign: 0.25 },
    predictions: [{ file: 'a "quoted", file.jpg', label: "BCC", predicted: "BCC", probabilities: [0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0] }],
    ...overrides,
  };
}
