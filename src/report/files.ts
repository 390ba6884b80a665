/** results.json (and the shards' predictions) on disk: written whole or not at all. */
import { writeWhole } from "../util/files.js";
import type { Competition } from "../competition/competition.js";
import type { EvaluationResult, RunReport } from "../engine/results.js";
import type { SelfCheckResult } from "../release/self-check.js";

export async function writeResults(file: string, result: EvaluationResult | RunReport | SelfCheckResult): Promise<string> {
  return writeWhole(file, `${JSON.stringify(result, null, 2)}\n`);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** predictions.csv: one row per image, the class scores in model output order. */
export function predictionsCsv(result: EvaluationResult, competition: Competition): string {
  const head = ["file", "label", "predicted", ...competition.classes.map((c) => c.short)];
  const rows = result.predictions.map((p) => [p.file, p.label, p.predicted, ...p.probabilities.map(String)]);
  return [head, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}
