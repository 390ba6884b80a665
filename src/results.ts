/** results.json (and the shards' predictions) on disk: written whole or not at all. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Competition } from "./competition.js";
import type { EvaluationResult } from "./evaluate.js";
import type { RunReport } from "./run.js";
import type { SelfCheckResult } from "./selfcheck.js";

export async function writeResults(file: string, result: EvaluationResult | RunReport | SelfCheckResult): Promise<string> {
  return writeWhole(file, `${JSON.stringify(result, null, 2)}\n`);
}

/** Writes through a temporary file and a rename, so a reader never sees half a file; returns the absolute path. */
export async function writeWhole(file: string, content: string): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, content);
  await rename(partial, target);
  return target;
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
