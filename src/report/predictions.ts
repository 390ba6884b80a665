/** predictions.csv: the per-image view of a result, for a spreadsheet. */
import type { Competition } from "../competition/competition.js";
import type { EvaluationResult } from "../engine/results.js";

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** predictions.csv: one row per image, the class scores in model output order. */
export function predictionsCsv(result: EvaluationResult, competition: Competition): string {
  const head = ["file", "label", "predicted", ...competition.classes.map((c) => c.short)];
  const rows = result.predictions.map((p) => [p.file, p.label, p.predicted, ...p.probabilities.map(String)]);
  return [head, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}
