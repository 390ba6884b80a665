/**
 * The score gate: fail where validators would give the model 0, on a low
 * score, on a drop against the base branch, or (with a forecast) below a
 * rank. A package every model fails on is no reason to fail: it is
 * reported, and kept out of the score.
 */
import type { RunReport } from "../engine/results.js";
import { modelRejections } from "../engine/verdict.js";
import type { ForecastDocument } from "../engine/forecast-document.js";
import { intervalText, type DeltaInterval } from "./bootstrap.js";

export interface GateRule {
  /** Fail below this score. */
  readonly minScore?: number;
  /** Fail when the score is lower than the baseline's by more than this. */
  readonly maxScoreDrop?: number;
  /**
   * max-score-drop fails only on a significant drop: the delta's 95% interval lies below 0. Without
   * an interval (a baseline saved before they existed, or no image in both runs) it fails as without this.
   */
  readonly significantDropsOnly?: boolean;
  /** Fail unless the forecast ranks the model in the top N (a copy or an average of 0 has no rank). */
  readonly minRank?: number;
}

export interface GateVerdict {
  readonly passed: boolean;
  /** One sentence per failed rule, naming the numbers. */
  readonly reasons: string[];
}

export function applyGate(
  report: RunReport,
  baselineScore: number | undefined,
  rule: GateRule,
  forecast?: ForecastDocument,
  interval?: DeltaInterval,
): GateVerdict {
  const reasons = modelRejections(report).map((d) => `${d.dataset}: ${d.verdict?.message}`);
  const f = (v: number): string => v.toFixed(6);
  const { score } = report;
  if (score !== null && rule.minScore !== undefined && score < rule.minScore) {
    reasons.push(`score ${f(score)} is below min-score ${f(rule.minScore)}`);
  }
  if (score !== null && rule.maxScoreDrop !== undefined && baselineScore !== undefined && baselineScore - score > rule.maxScoreDrop) {
    const noise = rule.significantDropsOnly && interval !== undefined && interval.upper >= 0;
    if (!noise) {
      const ci = interval ? ` ${intervalText(interval)}` : "";
      reasons.push(
        `score ${f(score)} dropped ${f(baselineScore - score)}${ci} from the base branch's ${f(baselineScore)}, more than ` +
          `max-score-drop ${f(rule.maxScoreDrop)}`,
      );
    }
  }
  if (rule.minRank !== undefined) reasons.push(...rankReasons(rule.minRank, forecast));
  return { passed: reasons.length === 0, reasons };
}

/** min-rank: why the forecast's rank fails it, if it does. */
function rankReasons(minRank: number, forecast: ForecastDocument | undefined): string[] {
  if (!forecast) return [`min-rank ${minRank} needs a forecast (compare: leaderboard), and there is none`];
  const { rank, rank_of: of, copy_of: copyOf } = forecast.candidate;
  if (copyOf) {
    const who = copyOf.hotkey === null ? "another model" : `${copyOf.hotkey}'s model`;
    const block = copyOf.block === null || !Number.isFinite(copyOf.block) ? "" : ` (block ${copyOf.block})`;
    return [`validators would treat this model as a copy of ${who}${block} and give it 0, so it fails min-rank ${minRank}`];
  }
  if (rank === null) return [`the model would have no rank (average score 0), so it fails min-rank ${minRank}`];
  if (rank > minRank) return [`the model would rank ${rank} of ${of}, worse than min-rank ${minRank}`];
  return [];
}
