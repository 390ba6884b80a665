/**
 * A run against its base branch's baseline: the comparable base score, the
 * deltas' intervals, and the score gate's verdict with its footer. Pure; the
 * action's two stages and the README's screenshots share it.
 */
import type { Competition } from "../competition/competition.js";
import type { ForecastDocument } from "../engine/forecast-document.js";
import type { RunReport } from "../engine/results.js";
import { comparableScore, type Baseline } from "./baseline.js";
import { scoreDeltaIntervals, type DeltaIntervals } from "./bootstrap.js";
import { applyGate, type GateRule, type GateVerdict } from "./gate.js";
import { gateFooter } from "./markdown.js";

export interface Comparison {
  readonly baseScore: number | undefined;
  readonly intervals: DeltaIntervals;
  readonly gate: GateVerdict;
  /** The gate's verdict as the report's last line ("" when it passed). */
  readonly footer: string;
}

export function compareWithBase(
  rule: GateRule,
  report: RunReport,
  competition: Competition,
  baseline: Baseline | undefined,
  forecast?: ForecastDocument,
): Comparison {
  const baseScore = comparableScore(baseline, report);
  const intervals = scoreDeltaIntervals(report, baseline, competition);
  const gate = applyGate(report, baseScore, rule, forecast, intervals.overall);
  return { baseScore, intervals, gate, footer: gateFooter(gate) };
}
