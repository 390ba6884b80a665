/**
 * Issue #17 item 5: the default branch's score over its last commits, kept
 * with the baseline and drawn as a Mermaid line chart.
 */
import { getCompetition } from "../src/competition/competition.js";
import { runReport } from "../src/engine/run.js";
import { baselineHistory, toBaseline, withHistory, type Baseline } from "../src/report/baseline.js";
import { extendHistory, historyChart, pointsOf, yRange, type ScorePoint } from "../src/report/history.js";
import { markdownReport } from "../src/report/markdown.js";
import { result } from "./helpers/results.js";

const at = (commit: string, score: number): ScorePoint => ({
  commit: commit.repeat(40 / commit.length),
  created: "2026-11-30T00:00:00.000Z",
  score,
});
const commits = (points: readonly ScorePoint[]): string[] => points.map((p) => p.commit.slice(0, 2));

describe("extendHistory", () => {
  const a = at("aa", 0.6);
  const b = at("bb", 0.61);
  const c = at("cc", 0.62);
  it.each([
    ["the first push", [], c, 20, ["cc"]],
    ["a push after others", [a, b], c, 20, ["aa", "bb", "cc"]],
    ["at most keep points, the newest", [a, b], c, 2, ["bb", "cc"]],
    ["a re-run replaces its commit's point", [a, c], { ...c, score: 0.7 }, 20, ["aa", "cc"]],
    ["keep 0 keeps nothing", [a, b], c, 0, []],
  ] as const)("%s", (_, previous, current, keep, expected) => {
    const points = extendHistory(previous, current, keep);
    expect(commits(points)).toEqual(expected);
    expect(points.at(-1)?.score ?? current.score).toBe(current.score);
  });
});

describe("pointsOf", () => {
  it.each([
    ["a baseline saved before histories", { ...at("cc", 0.62) }, ["cc"]],
    ["a baseline with its history", { ...at("cc", 0.62), history: [at("aa", 0.6), at("cc", 0.62)] }, ["aa", "cc"]],
    ["a history without its own commit gets it appended", { ...at("cc", 0.62), history: [at("aa", 0.6)] }, ["aa", "cc"]],
    [
      "unreadable points are left out",
      { ...at("cc", 0.62), history: [{ commit: 1 }, null, at("aa", 0.6), { ...at("bb", 0), score: NaN }] },
      ["aa", "cc"],
    ],
    ["a history that is not a list", { ...at("cc", 0.62), history: "x" }, ["cc"]],
  ])("%s", (_, baseline, expected) => {
    expect(commits(pointsOf(baseline))).toEqual(expected);
  });
});

describe("yRange", () => {
  it.each([
    [
      [0.62, 0.63],
      [0.61, 0.64],
    ],
    [
      [0.625, 0.625],
      [0.62, 0.63],
    ],
    [
      [0.001, 0.002],
      [0, 0.01],
    ],
    [
      [0.999, 0.998],
      [0.99, 1],
    ],
    [
      [0.2, 0.8],
      [0.14, 0.86],
    ],
  ])("frames %j in %j", (values, expected) => {
    expect(yRange(values)).toEqual(expected);
  });
});

describe("historyChart", () => {
  it("draws nothing for fewer than two scores", () => {
    expect(historyChart(undefined)).toBe("");
    expect(historyChart({ branch: "main", points: [at("aa", 0.6)] })).toBe("");
    expect(historyChart({ branch: "main", points: [] })).toBe("");
  });

  it("draws the branch's commits, then the pull request's score", () => {
    expect(historyChart({ branch: "main", points: [at("aa", 0.6), at("bb", 0.612345)], candidate: { label: "#7", score: 0.65 } })).toBe(
      [
        "**Score over commits** on main, then #7 (latest bbbbbbb: 0.612345):",
        "",
        "```mermaid",
        '%%{init: {"xyChart": {"width": 720, "height": 300}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%',
        "xychart-beta",
        '  title "Score on main, last 2 commits"',
        '  x-axis ["aaaaaaa", "bbbbbbb", "#7"]',
        '  y-axis "score" 0.59 --> 0.66',
        "  line [0.600000, 0.612345, 0.650000]",
        "```",
      ].join("\n"),
    );
  });

  it("keeps what a branch name or a forged history holds out of the chart's syntax", () => {
    const chart = historyChart({
      branch: 'x"]\n```',
      points: [{ ...at("aa", 0.6), commit: 'a"]\nline [1' }, at("bb", 0.6)],
      candidate: { label: '#7"]', score: 0.6 },
    });
    expect(chart).toContain('  title "Score on x]```, last 2 commits"');
    expect(chart).toContain('  x-axis ["a", "bbbbbbb", "#7"]');
    expect(chart.split("\n").filter((line) => line.startsWith("```"))).toEqual(["```mermaid", "```"]);
  });
});

describe("a baseline's history", () => {
  const tricorder = getCompetition("tricorder-3");
  const baseline = (commit: string, score: number): Baseline =>
    toBaseline({ ...runReport("tricorder-3", [result("pkg.zip", score)]), score }, "main", commit.repeat(40 / commit.length));

  it("carries the previous push's points on, and is drawn in the report", () => {
    const first = withHistory(baseline("aa", 0.6), undefined, 20);
    const second = withHistory(baseline("bb", 0.62), JSON.parse(JSON.stringify(first)) as Baseline, 20);
    expect(commits(second.history ?? [])).toEqual(["aa", "bb"]);
    expect(withHistory(baseline("bb", 0.62), first, 0).history).toBeUndefined();

    const report = runReport("tricorder-3", [result("pkg.zip", 0.64)]);
    const history = baselineHistory(second, 20, { number: 7, score: 0.64 });
    const body = markdownReport(report, tricorder, { baseline: second, baseBranch: "main", history });
    expect(body).toContain('  x-axis ["aaaaaaa", "bbbbbbb", "#7"]');
    expect(baselineHistory(second, 0)).toBeUndefined();
    expect(baselineHistory(undefined, 20)).toBeUndefined();
    // A comment too long for everything drops the chart with the other charts.
    const short = markdownReport(report, tricorder, { baseline: second, history, limit: body.length - 1 });
    expect(short).not.toContain("Score over commits");
  });
});
