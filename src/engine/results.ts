/**
 * results.json: the shapes written for a run, one package's result and a
 * shard's extra fields. The validator's field names (snake_case) are kept,
 * so a miner can compare them with the validators' logs.
 */
import type { RiskCategory } from "../competition/competition.js";
import type { VerdictFault } from "../util/errors.js";

/**
 * Where validators would not score this model on this package normally:
 * what they would do, and whose fault it is. `model`: they give the model
 * 0 (the result's score is that 0, and the gate fails); `package`: the
 * package fails for every model (no one is scored on it; the result is kept
 * out of the run's score and of the gate).
 */
export interface Verdict {
  readonly fault: VerdictFault;
  /** Stable, for tooling: "external-data", "inference-timeout", "unreadable-image", "no-images", ... */
  readonly code: string;
  /** One line: what validators would do and why, naming the file, image or column. */
  readonly message: string;
}

export interface Prediction {
  readonly file: string;
  readonly label: string;
  readonly predicted: string;
  /** The model's raw output 0 for this image (the validator's predictions_raw row). */
  readonly probabilities: number[];
}

/** results.json: the validator's field names, plus what identifies the run. */
export interface EvaluationResult {
  competition_id: string;
  /** The package's file or folder name. */
  dataset: string;
  /** hf://repo/path when the package came from the hub, and the date of its commit. */
  dataset_uri?: string;
  dataset_date?: string;
  model_sha256: string;
  model_size_mb: number;
  tested_entries: number;
  run_time_s: number;
  accuracy: number;
  precision: number;
  recall: number;
  fbeta: number;
  weighted_f1: number;
  efficiency_score: number;
  score: number;
  f1_by_class: number[];
  class_weights: number[];
  confusion_matrix: number[][];
  risk_category_scores: Record<RiskCategory, number>;
  predictions: Prediction[];
  /** Set when only a shard of the rows was evaluated: the metrics above are then those of the shard's rows alone. */
  shard?: ShardRun;
  /** Set when validators would not score normally: the metrics are then zeros and `predictions` is empty. */
  verdict?: Verdict;
}

/** What a shard's EvaluationResult carries beyond the metrics of its own rows, to be merged. */
export interface ShardRun {
  readonly index: number;
  readonly count: number;
  readonly total_entries: number;
  /** SHA-256 of the labels CSV: shards of different datasets must not be merged. */
  readonly dataset_sha256: string;
  /** Per prediction: its row, the true class index, the predicted class index. */
  readonly rows: number[];
  readonly class_indices: number[];
  readonly predicted_indices: number[];
}

/** A run over one or more packages, evaluated separately as validators do. */
export interface RunReport {
  readonly competition_id: string;
  /** The mean score over the packages validators would score (a package that fails for every model is left out); null if none. */
  readonly score: number | null;
  /** One result per package, newest package first. */
  readonly datasets: EvaluationResult[];
}
