/** The score gate: fail on a low score or on a drop against the base branch. */

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

export function applyGate(score: number, baselineScore: number | undefined, rule: GateRule): GateVerdict {
  const reasons: string[] = [];
  const f = (v: number): string => v.toFixed(6);
  if (rule.minScore !== undefined && score < rule.minScore) {
    reasons.push(`score ${f(score)} is below min-score ${f(rule.minScore)}`);
  }
  if (rule.maxScoreDrop !== undefined && baselineScore !== undefined && baselineScore - score > rule.maxScoreDrop) {
    reasons.push(
      `score ${f(score)} dropped ${f(baselineScore - score)} from the base branch's ${f(baselineScore)}, more than ` +
        `max-score-drop ${f(rule.maxScoreDrop)}`,
    );
  }
  return { passed: reasons.length === 0, reasons };
}
