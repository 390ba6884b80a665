import type { ForecastDocument } from "../src/engine/forecast-document.js";
import { applyGate } from "../src/report/gate.js";
import { toBaseline, comparableScore } from "../src/report/baseline.js";
import { getCompetition } from "../src/competition/competition.js";
import type { EvaluationResult, RunReport } from "../src/engine/results.js";
import { delta, markdownReport, textReport } from "../src/report/markdown.js";
import { predictionsCsv } from "../src/report/predictions.js";
import { result } from "./helpers/results.js";

const tricorder = getCompetition("tricorder-3");

const report = (...datasets: EvaluationResult[]): RunReport & { score: number } => ({
  competition_id: "tricorder-3",
  score: datasets.reduce((s, d) => s + d.score, 0) / datasets.length,
  datasets,
});

describe("delta", () => {
  it.each([
    [0.6, 0.5, "▲ +0.100000"],
    [0.5, 0.6, "▼ -0.100000"],
    [0.5, 0.5, "= 0"],
    [0.5, undefined, ""],
  ])("%p vs %p -> %p", (value, base, expected) => {
    expect(delta(value, base)).toBe(expected);
  });
});

describe("markdown report", () => {
  it("has the score, the risk and class tables, a chart and the confusion matrix", () => {
    const md = markdownReport(report(result("pkg.zip", 0.7)), tricorder, { marker: "<!-- m -->" });
    expect(md.startsWith("<!-- m -->\n### ✅ CancerAI tricorder-3: score 0.700000")).toBe(true);
    expect(md).toContain("| high | 3 | 0.375000 |");
    expect(md).toContain("| MEL | Melanoma | high | 0.500000 | 1 |");
    expect(md).toContain("xychart-beta");
    expect(md).toContain("bar [0.0000, 1.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.5000, 1.0000, 0.0000, 0.0000]");
    expect(md).toContain("Confusion matrix");
    expect(md).toContain("No baseline from the base branch yet.");
  });

  it("shows deltas against a baseline on the same package", () => {
    const base = toBaseline(
      report(result("pkg.zip", 0.6, { f1_by_class: [0, 0.5, 0, 0, 0, 0, 0, 0.5, 1, 0, 0] })),
      "main",
      "0123456789abcdef",
    );
    const md = markdownReport(report(result("pkg.zip", 0.7)), tricorder, { baseline: base });
    expect(md).toContain("score 0.700000 (▲ +0.100000 vs main)");
    expect(md).toMatch(/\| BCC \| Basal cell carcinoma \| high \| 1\.000000 \| ▲ \+0\.500000 \| 1 \|/);
    expect(md).toContain("Baseline: main at `0123456`");
  });

  it("does not compare means over different packages", () => {
    const base = toBaseline(report(result("old.zip", 0.9)), "main", "abc");
    expect(comparableScore(base, report(result("new.zip", 0.7)))).toBeUndefined();
    expect(markdownReport(report(result("new.zip", 0.7)), tricorder, { baseline: base })).not.toContain("vs main");
  });

  it("lists every package and their mean", () => {
    const md = markdownReport(report(result("b.zip", 0.8, { dataset_date: "2026-11-20" }), result("a.zip", 0.6)), tricorder);
    expect(md).toContain("mean score over 2 packages 0.700000");
    expect(md).toContain("| b.zip | 2026-11-20 | 0.800000 |");
  });

  it.each([2000, 5000, 20000])("fits a %p-character limit, dropping detail first", (limit) => {
    const many = report(...Array.from({ length: 30 }, (_, i) => result(`p${i}.zip`, 0.5)));
    const md = markdownReport(many, tricorder, { marker: "<!-- m -->", limit });
    expect(md.length).toBeLessThanOrEqual(limit);
    expect(md.startsWith("<!-- m -->")).toBe(true);
  });

  it("stays under GitHub's comment limit by default", () => {
    const many = report(...Array.from({ length: 200 }, (_, i) => result(`package-${i}.zip`, 0.5)));
    expect(markdownReport(many, tricorder).length).toBeLessThanOrEqual(65536);
  });
});

describe("text report and predictions.csv", () => {
  it("prints the class table", () => {
    expect(textReport(result("pkg.zip", 0.7), tricorder)).toMatch(/MEL\s+high\s+0\.500000\s+1/);
  });
  it("quotes CSV fields that need it", () => {
    const csv = predictionsCsv(result("pkg.zip", 0.7), tricorder);
    const [head, row] = csv.trim().split("\n");
    expect(head).toBe("file,label,predicted,AKIEC,BCC,BEN_OTH,BKL,DF,INF,MAL_OTH,MEL,NV,SCCKA,VASC");
    expect(row.startsWith('"a ""quoted"", file.jpg",BCC,BCC,0.1,0.9,')).toBe(true);
  });
});

describe("score gate", () => {
  it.each([
    ["no rules", 0.1, undefined, {}, true, []],
    ["above min-score", 0.7, undefined, { minScore: 0.6 }, true, []],
    ["below min-score", 0.5, undefined, { minScore: 0.6 }, false, ["score 0.500000 is below min-score 0.600000"]],
    ["a small drop", 0.69, 0.7, { maxScoreDrop: 0.02 }, true, []],
    [
      "a big drop",
      0.6,
      0.7,
      { maxScoreDrop: 0.02 },
      false,
      ["dropped 0.100000 from the base branch's 0.700000, more than max-score-drop 0.020000"],
    ],
    ["a drop but no baseline", 0.6, undefined, { maxScoreDrop: 0.02 }, true, []],
    ["both failing", 0.5, 0.7, { minScore: 0.6, maxScoreDrop: 0 }, false, ["below min-score", "dropped 0.200000"]],
  ] as const)("%s", (_, score, base, rule, passed, reasons) => {
    const verdict = applyGate({ competition_id: "tricorder-3", score, datasets: [] }, base, rule);
    expect(verdict.passed).toBe(passed);
    expect(verdict.reasons).toHaveLength(reasons.length);
    reasons.forEach((r, i) => expect(verdict.reasons[i]).toContain(r));
  });
});

describe("min-rank gate", () => {
  const A = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  const forecast = (candidate: ForecastDocument["candidate"]): ForecastDocument => ({
    competition_id: "tricorder-3",
    now: "2026-11-30T00:00:00.000Z",
    netuid: 76,
    at_block: 1,
    packages: ["p.zip"],
    top_n: 10,
    rows: [],
    candidate,
    not_evaluated: [],
    ignored: [],
    void_packages: [],
  });
  it.each<[string, number | undefined, ForecastDocument | undefined, string[]]>([
    ["no rule", undefined, forecast({ rank: 9, rank_of: 9, share: 0.01 }), []],
    ["within the rank", 3, forecast({ rank: 3, rank_of: 12, share: 0.1 }), []],
    ["rank 1 of 1", 1, forecast({ rank: 1, rank_of: 1, share: 1 }), []],
    ["below the rank", 3, forecast({ rank: 4, rank_of: 12, share: 0.07 }), ["the model would rank 4 of 12, worse than min-rank 3"]],
    [
      "no rank",
      10,
      forecast({ rank: null, rank_of: 5, share: 0 }),
      ["the model would have no rank (average score 0), so it fails min-rank 10"],
    ],
    [
      "a copy",
      10,
      forecast({ rank: null, rank_of: 5, share: 0, copy_of: { hotkey: A, block: 1000 } }),
      [`validators would treat this model as a copy of ${A}'s model (block 1000) and give it 0, so it fails min-rank 10`],
    ],
    [
      "a copy on one package, ranked on the others",
      10,
      forecast({ rank: 2, rank_of: 5, share: 0.17, copy_of: { hotkey: A, block: 1000 } }),
      [`validators would treat this model as a copy of ${A}'s model (block 1000) and give it 0, so it fails min-rank 10`],
    ],
    ["no forecast", 3, undefined, ["min-rank 3 needs a forecast (compare: leaderboard), and there is none"]],
  ])("%s", (_, minRank, fc, reasons) => {
    const verdict = applyGate({ competition_id: "tricorder-3", score: 0.8, datasets: [] }, undefined, { minRank }, fc);
    expect(verdict).toEqual({ passed: reasons.length === 0, reasons });
  });
});
