/**
 * The score gate: fail where validators would give the model 0, on a low
 * score, or on a drop against the base branch. A package every model fails
 * on is no reason to fail: it is reported, and kept out of the score.
 */
import type { RunReport } from "../engine/results.js";
import { modelRejections } from "../engine/verdict.js";

export interface GateRule {
  /** Fail below this score. */
  readonly minScore?: number;
  /** Fail when the score is lower than the baseline's by more than this. */
  readonly maxScoreDrop?: number;
}

export interface GateVerdict {
  readonly passed: boolean;
  /** One sentence per failed rule, naming the numbers. */
  readonly reasons: string[];
}

export function applyGate(report: RunReport, baselineScore: number | undefined, rule: GateRule): GateVerdict {
  const reasons = modelRejections(report).map((d) => `${d.dataset}: ${d.verdict?.message}`);
  const f = (v: number): string => v.toFixed(6);
  const { score } = report;
  if (score !== null && rule.minScore !== undefined && score < rule.minScore) {
    reasons.push(`score ${f(score)} is below min-score ${f(rule.minScore)}`);
  }
  if (score !== null && rule.maxScoreDrop !== undefined && baselineScore !== undefined && baselineScore - score > rule.maxScoreDrop) {
    reasons.push(
      `score ${f(score)} dropped ${f(baselineScore - score)} from the base branch's ${f(baselineScore)}, more than ` +
        `max-score-drop ${f(rule.maxScoreDrop)}`,
    );
  }
  return { passed: reasons.length === 0, reasons };
}
