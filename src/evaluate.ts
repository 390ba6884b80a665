/**
 * The evaluation of one model on one dataset package, as a stream:
 * entries -> decode + resample (a few images ahead) -> inference (in CSV
 * order) -> metrics. Only the images in flight are held in memory.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Competition, RiskCategory } from "./competition.js";
import { sha256File } from "./digest.js";
import { loadModel, predictedClass, type Model } from "./inference.js";
import { progressReporter, type Log } from "./log.js";
import { mapOrdered } from "./pipeline.js";
import { preprocessImage } from "./preprocess/index.js";
import type { DatasetEntry } from "./dataset/entries.js";
import { openPackage, readDataset } from "./dataset/package.js";
import { scoreCompetition } from "./scoring.js";

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
}

export interface EvaluateOptions {
  readonly modelPath: string;
  readonly dataset: string;
  readonly competition: Competition;
  readonly log: Log;
  /** Images decoded ahead of inference. */
  readonly prefetch?: number;
}


export async function evaluate(options: EvaluateOptions): Promise<EvaluationResult> {
  const { modelPath, competition, log } = options;
  // The model is checked before a possibly large package is extracted; its
  // load time still counts in run_time_s, as in the validator.
  const loadStarted = performance.now();
  const session = await loadModel(modelPath, competition);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const model = { bytes: (await stat(modelPath)).size, sha256: await sha256File(modelPath) };
  try {
    const pkg = await openPackage(options.dataset);
    try {
      const dataset = await readDataset(pkg, competition);
      for (const warning of dataset.warnings) log.warning(warning);
      const started = performance.now();
      const { predictions, yTrue, yPred } = await log.group(`Evaluating ${path.basename(modelPath)} on ${dataset.entries.length} images of ${path.basename(options.dataset)}`, () =>
        predictAll(session, dataset.entries, competition, log, options.prefetch ?? 2),
      );
      const s = scoreCompetition(competition, yTrue, yPred, model.bytes);
      return {
        competition_id: competition.id,
        dataset: path.basename(options.dataset),
        model_sha256: model.sha256,
        model_size_mb: model.bytes / (1024 * 1024),
        tested_entries: dataset.entries.length,
        run_time_s: loadSeconds + (performance.now() - started) / 1000,
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
        predictions,
      };
    } finally {
      await pkg.close();
    }
  } finally {
    await session.close();
  }
}

async function predictAll(session: Model, entries: readonly DatasetEntry[], competition: Competition, log: Log, prefetch: number) {
  const predictions: Prediction[] = [];
  const yTrue: number[] = [];
  const yPred: number[] = [];
  const progress = progressReporter(log, entries.length, "images evaluated");
  const tensors = mapOrdered(entries, prefetch, async (entry) => ({
    entry,
    tensor: await preprocessImage(entry.file, entry.path, competition.imageSize, session.signature.inputSize),
  }));
  for await (const { entry, tensor } of tensors) {
    const output = await session.predict(tensor, entry.demographics, entry.file);
    const predicted = predictedClass(output, competition.classes.length);
    yTrue.push(entry.classIndex);
    yPred.push(predicted);
    predictions.push({
      file: entry.file,
      label: entry.label,
      predicted: competition.classes[predicted]?.short ?? String(predicted),
      probabilities: Array.from(output),
    });
    progress(predictions.length);
  }
  return { predictions, yTrue, yPred };
}
