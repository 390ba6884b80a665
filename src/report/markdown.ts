/**
 * Human-readable views of a run: a terminal table, and the Markdown used for
 * both the job summary and the pull request comment (with deltas against the
 * base branch and a per-class F1 chart). Pure functions of the results.
 */
import { baselineFor, comparableScore, type Baseline } from "./baseline.js";
import type { Competition, RiskCategory } from "../competition/competition.js";
import type { EvaluationResult, RunReport } from "../engine/results.js";
import { modelRejections, scoredPackages } from "../engine/verdict.js";
import type { GateVerdict } from "./gate.js";
import { intervalNote, intervalText, type DeltaInterval, type DeltaIntervals } from "./bootstrap.js";
import { historyChart, type ScoreHistory } from "./history.js";
import { xyChart } from "./mermaid.js";
import { fixed6, markdownText, pad, table } from "../util/text.js";

const RISK_LABEL: Record<RiskCategory, string> = { high_risk: "high", medium_risk: "medium", benign: "benign" };

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65536;

/** "▲ +0.012000" / "▼ -0.003000" / "= 0" against a baseline value, or "" without one. */
export function delta(value: number, base: number | undefined): string {
  if (base === undefined) return "";
  const d = value - base;
  if (Math.abs(d) < 5e-7) return "= 0";
  return `${d > 0 ? "▲ +" : "▼ "}${d.toFixed(6)}`;
}

/** What the delta is worded against; a confidence interval for the delta would join here. */
export interface DeltaContext {
  /** The base branch; without one there is nothing to compare with (a push). */
  readonly branch?: string;
  /** A baseline exists, but on other packages: its mean is not comparable. */
  readonly incomparable?: boolean;
  /** The delta's 95% interval (report/bootstrap.ts), when the baseline kept the base run's predictions. */
  readonly interval?: DeltaInterval;
}

/**
 * The run's score against the base branch's, as the headline words it: "▲ +0.004100 vs main",
 * "no baseline on main yet", or "" (no score, or no base branch). The one place this is worded.
 */
export function deltaText(score: number | null, base: number | undefined, context: DeltaContext): string {
  if (score === null || context.branch === undefined) return "";
  const on = markdownText(context.branch);
  if (base !== undefined) return `${withInterval(delta(score, base), context.interval)} vs ${on}`;
  return context.incomparable ? `not comparable with ${on}: other packages` : `no baseline on ${on} yet`;
}

/** A model's size: MiB, or KiB below 0.01 MiB (a tiny test model would read "0.00 MiB"). */
export function sizeText(mib: number): string {
  return mib < 0.01 ? `${(mib * 1024).toFixed(1)} KiB` : `${mib.toFixed(2)} MiB`;
}

/** "▼ -0.004000 (95% CI -0.011000 … +0.003000: not significant)": a delta and, if there is one, its interval. */
const withInterval = (text: string, interval: DeltaInterval | undefined): string =>
  [text, text ? intervalText(interval) : ""].filter(Boolean).join(" ");

/** A table without the columns no row has a value in (the "vs base" columns without a baseline). */
function compactTable(head: string[], rows: string[][]): string {
  const keep = head.map((_, c) => rows.some((r) => r[c] !== ""));
  const pick = <T>(cells: T[]): T[] => cells.filter((_, c) => keep[c]);
  return table(pick(head), rows.map(pick));
}

function support(result: EvaluationResult, classIndex: number): number {
  return result.confusion_matrix[classIndex].reduce((a, b) => a + b, 0);
}

function headline(result: EvaluationResult): [string, string][] {
  return [
    ["score", fixed6(result.score)],
    ["accuracy", fixed6(result.accuracy)],
    ["weighted F1", fixed6(result.weighted_f1)],
    ["efficiency", `${fixed6(result.efficiency_score)} (model ${sizeText(result.model_size_mb)})`],
    ["precision / recall / F1 (weighted)", `${fixed6(result.precision)} / ${fixed6(result.recall)} / ${fixed6(result.fbeta)}`],
    ["images", `${result.tested_entries} in ${result.run_time_s.toFixed(1)} s`],
  ];
}

/** "validators would score 0: …" or "fails for every model: …", with what it means for this run. */
export function verdictNote(result: EvaluationResult): string {
  const { verdict } = result;
  if (!verdict) return "";
  return verdict.fault === "model"
    ? `${verdict.message} (the score gate fails)`
    : `${verdict.message}; no model is scored on this package, so it is left out of this model's score and gate`;
}

/** The run's score in one line; a run where no package could be scored says so. */
export function scoreLine(report: RunReport): string {
  const over = report.datasets.length > 1 ? ` over ${scoredPackages(report.datasets).length} of ${report.datasets.length} packages` : "";
  return report.score === null
    ? "no score: validators would fail every package for every model"
    : `mean score${over}: ${fixed6(report.score)}`;
}

export function textReport(result: EvaluationResult, competition: Competition): string {
  if (result.verdict) return [`${competition.id} on ${result.dataset}`, `  ${verdictNote(result)}`].join("\n");
  const lines = [`${competition.id} on ${result.dataset}`, pad(headline(result).map(([k, v]) => [`  ${k}`, v])), ""];
  lines.push(
    pad([
      ["  risk category", "F1"],
      ...competition.riskWeights.map(([risk, w]) => [`  ${RISK_LABEL[risk]} (x${w})`, fixed6(result.risk_category_scores[risk])]),
    ]),
  );
  lines.push("");
  const classRows = competition.classes.map((c, i) => [
    `  ${c.short}`,
    RISK_LABEL[c.risk],
    fixed6(result.f1_by_class[i]),
    String(support(result, i)),
  ]);
  lines.push(pad([["  class", "risk", "F1", "images"], ...classRows]));
  return lines.join("\n");
}

/** A bar chart GitHub renders from a Mermaid block; a picture reads faster than 11 numbers. */
function f1Chart(result: EvaluationResult, competition: Competition): string {
  return xyChart([
    'title "F1 by class"',
    `x-axis [${competition.classes.map((c) => c.short).join(", ")}]`,
    'y-axis "F1" 0 --> 1',
    `bar [${result.f1_by_class.map((v) => v.toFixed(4)).join(", ")}]`,
  ]);
}

function datasetDetails(
  result: EvaluationResult,
  competition: Competition,
  baseline: Baseline | undefined,
  full: boolean,
  interval?: DeltaInterval,
): string {
  const when = result.dataset_date ? `, released ${markdownText(result.dataset_date)}` : "";
  if (result.verdict) {
    const mark = result.verdict.fault === "model" ? "❌" : "⚠️";
    return [
      `#### ${markdownText(result.dataset_uri ?? result.dataset)}${when}`,
      "",
      `${mark} ${markdownText(verdictNote(result), 1000)}.`,
    ].join("\n");
  }
  const base = baselineFor(baseline, result.dataset);
  const metricRows = (
    [
      ["score", result.score, base?.score],
      ["accuracy", result.accuracy, base?.accuracy],
      ["weighted F1", result.weighted_f1, base?.weighted_f1],
      ["efficiency", result.efficiency_score, base?.efficiency_score],
    ] as const
  ).map(([name, value, was]) => [name, fixed6(value), name === "score" ? withInterval(delta(value, was), interval) : delta(value, was)]);
  const parts = [
    `#### ${markdownText(result.dataset_uri ?? result.dataset)}${when}`,
    "",
    compactTable(["metric", "value", "vs base"], metricRows),
    "",
    `${result.tested_entries} images in ${result.run_time_s.toFixed(1)} s; model ${sizeText(result.model_size_mb)}; ` +
      `weighted precision / recall / F1 ${fixed6(result.precision)} / ${fixed6(result.recall)} / ${fixed6(result.fbeta)}.`,
    "",
    table(
      ["risk category", "weight", "F1"],
      competition.riskWeights.map(([risk, w]) => [RISK_LABEL[risk], String(w), fixed6(result.risk_category_scores[risk])]),
    ),
    "",
    compactTable(
      ["class", "name", "risk", "F1", "vs base", "images"],
      competition.classes.map((c, i) => [
        c.short,
        c.name,
        RISK_LABEL[c.risk],
        fixed6(result.f1_by_class[i]),
        delta(result.f1_by_class[i], base?.f1_by_class[i]),
        String(support(result, i)),
      ]),
    ),
  ];
  if (full) {
    const short = competition.classes.map((c) => c.short);
    parts.push(
      "",
      f1Chart(result, competition),
      "",
      "<details><summary>Confusion matrix (rows: true class, columns: predicted)</summary>",
      "",
      table(
        ["", ...short],
        result.confusion_matrix.map((row, i) => [`**${short[i]}**`, ...row.map(String)]),
      ),
      "",
      "</details>",
    );
  }
  return parts.join("\n");
}

/** The comment's last line when the gate failed: its reasons, which name packages, escaped. */
export function gateFooter(gate: GateVerdict): string {
  return gate.passed ? "" : `**Score gate failed:** ${markdownText(gate.reasons.join("; "), 4000)}.`;
}

export interface MarkdownOptions {
  readonly baseline?: Baseline;
  /** The pull request's base branch, when a baseline was looked for ("no baseline on main yet"). */
  readonly baseBranch?: string;
  /** The gate's verdict, for the headline (without it the headline only tells a model validators give 0). */
  readonly gate?: GateVerdict;
  /** Named in the headline: which of a repository's models this is. */
  readonly reportId?: string;
  /** The deltas' intervals against the baseline (scoreDeltaIntervals). */
  readonly intervals?: DeltaIntervals;
  /** The base (or, on a push, this) branch's scores over its last commits, drawn as a chart. */
  readonly history?: ScoreHistory;
  /** Prepended verbatim (the sticky comment's hidden marker). */
  readonly marker?: string;
  /** Appended verbatim (gate verdict, links). */
  readonly footer?: string;
  readonly limit?: number;
}

/**
 * The line a report opens with: the verdict, the score, the delta against the base branch and the
 * gate's reason. "### ✅ CancerAI tricorder-3: score 0.812345 (▲ +0.004100 vs main) — gate passed".
 */
export function verdictHeadline(report: RunReport, competition: Competition, options: MarkdownOptions = {}): string {
  const { baseline, gate } = options;
  const scored = scoredPackages(report.datasets).length;
  const total = report.datasets.length;
  const mean = total === 1 ? "score" : `mean score over ${scored < total ? `${scored} of ${total}` : total} packages`;
  const base = comparableScore(baseline, report);
  const vs = deltaText(report.score, base, {
    branch: options.baseBranch ?? baseline?.branch,
    incomparable: baseline && base === undefined,
    interval: options.intervals?.overall,
  });
  const score = report.score === null ? "no score: validators would fail every package for every model" : `${mean} ${fixed6(report.score)}`;
  const passed = gate ? gate.passed : modelRejections(report).length === 0;
  const mark = !passed ? "❌" : report.score === null ? "⚠️" : "✅";
  const outcome = !gate ? "" : gate.passed ? " — gate passed" : ` — gate failed: ${markdownText(gate.reasons.join("; "), 400)}`;
  const id = options.reportId ? ` (${markdownText(options.reportId)})` : "";
  return `### ${mark} CancerAI ${competition.id}${id}: ${score}${vs ? ` (${vs})` : ""}${outcome}`;
}

export function markdownReport(report: RunReport, competition: Competition, options: MarkdownOptions = {}): string {
  const { baseline, limit = COMMENT_LIMIT } = options;
  const verdicts = report.datasets
    .filter((d) => d.verdict)
    .map((d) => `- ${d.verdict?.fault === "model" ? "❌" : "⚠️"} ${markdownText(d.dataset)}: ${markdownText(verdictNote(d), 1000)}.`);
  const head = [
    ...(options.marker ? [options.marker] : []),
    verdictHeadline(report, competition, options),
    "",
    ...(verdicts.length ? ["**What validators would do differently:**", "", ...verdicts, ""] : []),
    ...(report.datasets.length > 1
      ? [
          compactTable(
            ["package", "released", "score", "vs base"],
            report.datasets.map((d) => [
              markdownText(d.dataset),
              markdownText(d.dataset_date ?? ""),
              d.verdict?.fault === "package" ? "not scored" : fixed6(d.score),
              withInterval(delta(d.score, baselineFor(baseline, d.dataset)?.score), options.intervals?.byDataset.get(d.dataset)),
            ]),
          ),
          "",
        ]
      : []),
  ].join("\n");
  const model = report.datasets[0]?.model_sha256 ?? "";
  const baseNote = baseline
    ? `Baseline: ${markdownText(baseline.branch)} at \`${baseline.commit.slice(0, 7).replace(/[^0-9a-f]/g, "")}\` (${markdownText(baseline.created)}).`
    : "No baseline from the base branch yet.";
  const intervalsNote = intervalNote(options.intervals);
  const notes = [baseNote, ...(intervalsNote ? [intervalsNote] : [])].join(" ");
  const tail = [`Model \`${model}\`. ${notes}`, ...(options.footer ? ["", options.footer] : [])].join("\n");
  const details = (d: EvaluationResult, full: boolean): string =>
    datasetDetails(d, competition, baseline, full, options.intervals?.byDataset.get(d.dataset));
  const chart = historyChart(options.history);
  const assemble = (full: boolean, shown: number): string =>
    [head, ...report.datasets.slice(0, shown).map((d) => details(d, full)), ...(full && chart ? ["", chart] : []), "", tail].join("\n");
  // Shrink to fit: drop charts (the history's too) and matrices first, then per-package details.
  for (const [full, shown] of [
    [true, report.datasets.length],
    [false, report.datasets.length],
    [false, 1],
  ] as const) {
    const body = assemble(full, shown);
    if (body.length <= limit) return body;
  }
  const note = "\n\n_Report truncated to fit a comment; the job summary and the results artifact have everything._";
  return assemble(false, 1).slice(0, limit - note.length) + note;
}
