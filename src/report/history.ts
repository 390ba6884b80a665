/**
 * The default branch's score over its last commits: kept inside the
 * baseline (one cache entry per push, so no storage of its own) and drawn
 * as a Mermaid line chart, which GitHub renders in comments and summaries.
 * Pure functions; baseline.ts does the cache I/O.
 */
import { fixed6, markdownText } from "../util/text.js";
import { xyChart } from "./mermaid.js";

/** One commit of the default branch, as its push scored it. */
export interface ScorePoint {
  readonly commit: string;
  /** When the baseline was saved (ISO 8601). */
  readonly created: string;
  readonly score: number;
}

/** What a chart draws: the branch's points and, for a pull request, its own score last. */
export interface ScoreHistory {
  readonly branch: string;
  readonly points: readonly ScorePoint[];
  /** The run being reported when it is not one of the points: "#12" for a pull request. */
  readonly candidate?: { readonly label: string; readonly score: number };
}

/** Just the point of something that has one (a baseline has much more). */
export const pointOf = ({ commit, created, score }: ScorePoint): ScorePoint => ({ commit, created, score });

const isPoint = (value: unknown): value is ScorePoint => {
  const p = value as Partial<ScorePoint> | null;
  return (
    typeof p === "object" &&
    p !== null &&
    typeof p.commit === "string" &&
    typeof p.created === "string" &&
    typeof p.score === "number" &&
    Number.isFinite(p.score)
  );
};

/**
 * A baseline's points, oldest first, ending with its own commit. A baseline
 * saved before histories existed, or holding something unreadable, stands for
 * its own commit only.
 */
export function pointsOf(baseline: ScorePoint & { readonly history?: unknown }): ScorePoint[] {
  const own = pointOf(baseline);
  const kept = Array.isArray(baseline.history) ? baseline.history.filter(isPoint) : [];
  return kept.length > 0 && kept[kept.length - 1].commit === own.commit ? kept : [...kept, own];
}

/**
 * The history a new baseline keeps: the previous one's points and its own,
 * at most `keep` (0: none). A re-run of a commit replaces that commit's point
 * rather than adding a second one.
 */
export function extendHistory(previous: readonly ScorePoint[], current: ScorePoint, keep: number): ScorePoint[] {
  if (keep <= 0) return [];
  const others = previous.filter((p) => p.commit !== current.commit);
  return [...others, current].slice(-keep);
}

/** A commit's label on the chart: its short hash (only hex digits, so nothing can break out of the quotes). */
const commitLabel = (commit: string): string => commit.slice(0, 7).replace(/[^0-9a-f]/gi, "");

/** A y-axis that frames the values with some room, on hundredths, within [0, 1]. */
export function yRange(values: readonly number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const room = Math.max(0.005, (max - min) * 0.1);
  // The tolerance keeps 0.86 from becoming 0.87 through 86.00000000000001.
  const lo = Math.max(0, Math.floor((min - room) * 100 + 1e-9) / 100);
  const hi = Math.min(1, Math.ceil((max + room) * 100 - 1e-9) / 100);
  return [Number(lo.toFixed(2)), Number(hi.toFixed(2))];
}

/**
 * The Markdown of the chart, or "" when there are fewer than two scores to
 * draw (one point is no trend).
 */
export function historyChart(history: ScoreHistory | undefined): string {
  if (!history) return "";
  const labels = history.points.map((p) => commitLabel(p.commit));
  const scores = history.points.map((p) => p.score);
  if (history.candidate) {
    labels.push(history.candidate.label.replace(/[^#0-9A-Za-z ]/g, ""));
    scores.push(history.candidate.score);
  }
  if (scores.length < 2) return "";
  const [lo, hi] = yRange(scores);
  const branch = markdownText(history.branch);
  const commits = history.points.length;
  const title = `Score on ${history.branch.replace(/["\\\n]/g, "")}, last ${commits} commit${commits === 1 ? "" : "s"}`;
  const last = history.points[history.points.length - 1];
  return [
    `**Score over commits** on ${branch}${history.candidate ? `, then ${markdownText(history.candidate.label)}` : ""}` +
      (last ? ` (latest ${commitLabel(last.commit)}: ${fixed6(last.score)})` : "") +
      ":",
    "",
    xyChart([
      `title "${title}"`,
      `x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
      `y-axis "score" ${lo.toFixed(2)} --> ${hi.toFixed(2)}`,
      `line [${scores.map((s) => s.toFixed(6)).join(", ")}]`,
    ]),
  ].join("\n");
}
