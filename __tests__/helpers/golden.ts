/** The committed reference values written by scripts/golden/generate.py (Pillow, numpy, sklearn). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MetricFields } from "../../src/engine/metrics.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const GOLDEN_DIR = path.join(REPO, "__tests__", "fixtures", "golden");
export const GOLDEN_DATASET = path.join(GOLDEN_DIR, "dataset");
export const EXAMPLE_DIR = path.join(REPO, "example");

/** What generate.py writes per evaluation: the validator's own field names. */
export type GoldenMetrics = Omit<MetricFields, "class_weights">;

export interface GoldenModelRun {
  size_bytes: number;
  predictions: { file: string; label: string; probabilities: number[] }[];
  metrics: GoldenMetrics;
}

export interface Golden {
  images: { file: string; mode: string; width: number; height: number; rgb_sha256: string; resized_sha256: string }[];
  resample: { file: string; width: number; height: number; sha256: string }[];
  second_resize: { file: string; width: number; height: number; sha256: string }[];
  float_tables: { scaled_bits: number[]; truncated: number[] };
  models: Record<string, GoldenModelRun>;
  metrics: { name: string; y_true: number[]; y_pred: number[]; size_bytes: number; expected: GoldenMetrics }[];
}

export const golden: Golden = JSON.parse(readFileSync(path.join(GOLDEN_DIR, "golden.json"), "utf8"));

export const exampleExpected: GoldenModelRun = JSON.parse(readFileSync(path.join(EXAMPLE_DIR, "expected-results.json"), "utf8"));
