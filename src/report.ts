/**
 * Human-readable views of an EvaluationResult: a terminal table and the
 * Markdown used for the job summary. Pure functions of the result.
 */
import type { Competition, RiskCategory } from "./competition.js";
import type { EvaluationResult } from "./evaluate.js";

const RISK_LABEL: Record<RiskCategory, string> = { high_risk: "high", medium_risk: "medium", benign: "benign" };

export const fixed6 = (v: number): string => v.toFixed(6);

function support(result: EvaluationResult, classIndex: number): number {
  return result.confusion_matrix[classIndex].reduce((a, b) => a + b, 0);
}

/** The headline figures, shared by both views. */
function headline(result: EvaluationResult): [string, string][] {
  return [
    ["score", fixed6(result.score)],
    ["accuracy", fixed6(result.accuracy)],
    ["weighted F1", fixed6(result.weighted_f1)],
    ["efficiency", `${fixed6(result.efficiency_score)} (model ${result.model_size_mb.toFixed(2)} MiB)`],
    ["precision / recall / F1 (weighted)", `${fixed6(result.precision)} / ${fixed6(result.recall)} / ${fixed6(result.fbeta)}`],
    ["images", `${result.tested_entries} in ${result.run_time_s.toFixed(1)} s`],
  ];
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

export function textReport(result: EvaluationResult, competition: Competition): string {
  const lines = [`${competition.id} on ${result.dataset}`, pad(headline(result).map(([k, v]) => [`  ${k}`, v])), ""];
  lines.push(pad([["  risk category", "F1"], ...competition.riskWeights.map(([risk, w]) => [`  ${RISK_LABEL[risk]} (x${w})`, fixed6(result.risk_category_scores[risk])])]));
  lines.push("");
  const classRows = competition.classes.map((c, i) => [`  ${c.short}`, RISK_LABEL[c.risk], fixed6(result.f1_by_class[i]), String(support(result, i))]);
  lines.push(pad([["  class", "risk", "F1", "images"], ...classRows]));
  return lines.join("\n");
}

export function markdownReport(result: EvaluationResult, competition: Competition): string {
  const table = (head: string[], rows: string[][]): string =>
    [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  const short = competition.classes.map((c) => c.short);
  const parts = [
    `### CancerAI ${competition.id}: score ${fixed6(result.score)}`,
    "",
    table(["metric", "value"], headline(result)),
    "",
    table(
      ["risk category", "weight", "F1"],
      competition.riskWeights.map(([risk, w]) => [RISK_LABEL[risk], String(w), fixed6(result.risk_category_scores[risk])]),
    ),
    "",
    table(
      ["class", "name", "risk", "F1", "images"],
      competition.classes.map((c, i) => [c.short, c.name, RISK_LABEL[c.risk], fixed6(result.f1_by_class[i]), String(support(result, i))]),
    ),
    "",
    "<details><summary>Confusion matrix (rows: true class, columns: predicted)</summary>",
    "",
    table(["", ...short], result.confusion_matrix.map((row, i) => [`**${short[i]}**`, ...row.map(String)])),
    "",
    "</details>",
    "",
    `Model \`${result.model_sha256}\` on dataset \`${result.dataset}\`.`,
  ];
  return parts.join("\n");
}
