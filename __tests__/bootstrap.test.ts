import { readFileSync } from "node:fs";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import type { EvaluationResult, RunReport } from "../src/engine/results.js";
import { MAX_BASELINE_ROWS, toBaseline, type Baseline } from "../src/report/baseline.js";
import {
  bootstrapDelta,
  intervalText,
  MAX_BOOTSTRAP_DRAWS,
  mulberry32,
  pairRows,
  percentileLinear,
  resamplesFor,
  scoreDeltaIntervals,
  type DeltaInterval,
  type PairedPackage,
} from "../src/report/bootstrap.js";
import { metricFields } from "../src/engine/metrics.js";
import { scoreCompetition } from "../src/engine/scoring.js";
import { applyGate } from "../src/report/gate.js";
import { markdownReport } from "../src/report/markdown.js";
import { GOLDEN_DIR } from "./helpers/golden.js";

const tricorder = getCompetition("tricorder-3");

interface GoldenPackage {
  labels: number[];
  candidate: number[];
  base: number[];
  candidate_bytes: number;
  base_bytes: number;
  candidate_efficiency: number;
  base_efficiency: number;
  candidate_score: number;
  base_score: number;
}

const golden = JSON.parse(readFileSync(path.join(GOLDEN_DIR, "bootstrap", "bootstrap.json"), "utf8")) as {
  first_uniforms: { seed: number; values: number[] };
  cases: {
    name: string;
    seed: number;
    resamples: number;
    packages: GoldenPackage[];
    expected: { packages: [number, number][]; overall: [number, number] };
  }[];
};

const paired = (p: GoldenPackage): PairedPackage => ({
  labels: p.labels,
  candidate: p.candidate,
  base: p.base,
  candidateEfficiency: p.candidate_efficiency,
  baseEfficiency: p.base_efficiency,
});

describe("paired bootstrap against numpy + sklearn (golden)", () => {
  it("draws mulberry32's numbers", () => {
    const next = mulberry32(golden.first_uniforms.seed);
    expect(golden.first_uniforms.values.map(() => next())).toEqual(golden.first_uniforms.values);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    // The full-data scores the golden script got from sklearn are ours too.
    for (const p of c.packages) {
      expect(scoreCompetition(tricorder, p.labels, p.candidate, p.candidate_bytes).score).toBe(p.candidate_score);
      expect(scoreCompetition(tricorder, p.labels, p.base, p.base_bytes).score).toBe(p.base_score);
    }
    const result = bootstrapDelta(tricorder, c.packages.map(paired), { resamples: c.resamples, seed: c.seed });
    const close = (iv: DeltaInterval | undefined, [lower, upper]: [number, number]): void => {
      expect(iv).toBeDefined();
      expect(Math.abs((iv as DeltaInterval).lower - lower)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs((iv as DeltaInterval).upper - upper)).toBeLessThanOrEqual(1e-12);
      expect(iv?.significant).toBe(lower > 0 || upper < 0);
      expect(iv?.resamples).toBe(c.resamples);
    };
    c.expected.packages.forEach((expected, i) => close(result.packages[i], expected));
    close(result.overall, c.expected.overall);
  });
});

describe("percentileLinear is numpy's default method", () => {
  it.each([
    [[1], 2.5, 1],
    [[1, 2], 50, 1.5],
    [[0, 10], 2.5, 0.25],
    [[0, 10], 97.5, 9.75],
    [[1, 2, 3, 4, 5], 100, 5],
    [[1, 2, 3, 4, 5], 0, 1],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 97.5, 9.75],
  ])("%p at %p -> %p", (values, q, expected) => {
    expect(percentileLinear(values, q)).toBeCloseTo(expected, 14);
  });
});

const pkg = (labels: number[], candidate: number[], base: number[]): PairedPackage => ({
  labels,
  candidate,
  base,
  candidateEfficiency: 1,
  baseEfficiency: 1,
});

describe("bootstrap edge cases", () => {
  it.each<[string, PairedPackage[], (boolean | undefined)[], boolean]>([
    ["no packages", [], [], false],
    ["one pair (n < 2)", [pkg([1], [1], [2])], [false], false],
    ["no pairs", [pkg([], [], [])], [false], false],
    ["mismatched lengths", [pkg([1, 2], [1], [1, 2])], [false], false],
    ["two pairs", [pkg([1, 2], [1, 2], [2, 2])], [true], true],
    ["one package of two without pairs: no overall", [pkg([1, 2], [1, 2], [2, 2]), pkg([3], [3], [3])], [true, false], false],
  ])("%s", (_, packages, perPackage, overall) => {
    const result = bootstrapDelta(tricorder, packages, { resamples: 50 });
    expect(result.packages.map((p) => p !== undefined)).toEqual(perPackage);
    expect(result.overall !== undefined).toBe(overall);
  });

  it("gives [0, 0], not significant, for identical predictions", () => {
    const labels = Array.from({ length: 200 }, (_, i) => (i * 7) % 11);
    const predicted = labels.map((l, i) => (i % 3 === 0 ? (l + 1) % 11 : l));
    const { overall } = bootstrapDelta(tricorder, [pkg(labels, predicted, [...predicted])], { resamples: 100 });
    expect(overall).toMatchObject({ lower: 0, upper: 0, significant: false, paired: 200 });
    // Nothing to qualify: the report shows "= 0" alone.
    expect(intervalText(overall)).toBe("");
  });

  it("treats every prediction outside the classes alike", () => {
    const labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1];
    const a = bootstrapDelta(tricorder, [pkg(labels, [0, 11, 2, -1, 4, 42, 6, 7, 8, 9, 10, 1], labels)], { resamples: 200 });
    const b = bootstrapDelta(tricorder, [pkg(labels, [0, -1, 2, -1, 4, -1, 6, 7, 8, 9, 10, 1], labels)], { resamples: 200 });
    expect(a.overall).toEqual(b.overall);
  });

  it("is deterministic, and the seed matters", () => {
    const labels = Array.from({ length: 100 }, (_, i) => i % 11);
    const candidate = labels.map((l, i) => (i % 4 === 0 ? 8 : l));
    const base = labels.map((l, i) => (i % 5 === 0 ? 8 : l));
    const run = (seed?: number) => bootstrapDelta(tricorder, [pkg(labels, candidate, base)], { resamples: 100, seed }).overall;
    expect(run()).toEqual(run());
    expect(run(1)).not.toEqual(run(2));
  });

  it("adapts the resamples to the draws it may make", () => {
    expect(resamplesFor(300)).toBe(2000);
    expect(resamplesFor(100_000)).toBe(2000);
    expect(resamplesFor(200_000)).toBe(MAX_BOOTSTRAP_DRAWS / 200_000);
    expect(resamplesFor(10_000_000)).toBe(200);
  });
});

describe("intervalText", () => {
  it.each<[DeltaInterval | undefined, string]>([
    [undefined, ""],
    [
      { lower: -0.011, upper: 0.003, significant: false, resamples: 2000, paired: 300, images: 300, seed: 76 },
      "(95% CI -0.011000 … +0.003000: not significant)",
    ],
    [
      { lower: -0.02, upper: -0.0005, significant: true, resamples: 2000, paired: 300, images: 300, seed: 76 },
      "(95% CI -0.020000 … -0.000500: significant)",
    ],
  ])("%p -> %p", (iv, text) => {
    expect(intervalText(iv)).toBe(text);
  });
});

describe("pairing by image", () => {
  it("pairs the same file and label, the k-th repeat with the k-th", () => {
    const candidate = { files: ["a", "b", "c", "a", "d"], labels: [1, 2, 3, 1, 4], predicted: [1, 0, 3, 5, 4] };
    const base = { files: ["a", "c", "b", "a", "e"], labels: [1, 3, 7, 1, 4], predicted: [9, 8, 7, 6, 5] };
    expect(pairRows(candidate, base)).toEqual({ labels: [1, 3, 1], candidate: [1, 3, 5], base: [9, 8, 6] });
  });
});

function result(dataset: string, rows: [string, string, string][], overrides: Partial<EvaluationResult> = {}): EvaluationResult {
  const index = (s: string): number => tricorder.classes.findIndex((c) => c.short === s);
  const metrics = metricFields(
    tricorder,
    rows.map((r) => index(r[1])),
    rows.map((r) => index(r[2])),
    1000,
  );
  return {
    competition_id: "tricorder-3",
    dataset,
    model_sha256: "a".repeat(64),
    model_size_mb: 0.001,
    tested_entries: rows.length,
    run_time_s: 1,
    ...metrics,
    predictions: rows.map(([file, label, predicted]) => ({ file, label, predicted, probabilities: [] })),
    ...overrides,
  };
}

const runOf = (...datasets: EvaluationResult[]): RunReport & { score: number } => ({
  competition_id: "tricorder-3",
  score: datasets.reduce((sum, d) => sum + d.score, 0) / datasets.length,
  datasets,
});

const CLASSES = tricorder.classes.map((c) => c.short);
const rowsOf = (n: number, wrongEvery: number, offset = 0): [string, string, string][] =>
  Array.from({ length: n }, (_, i) => {
    const label = CLASSES[(i * 5) % 11];
    return [`img-${i}.jpg`, label, (i + offset) % wrongEvery === 0 ? "NV" : label];
  });

describe("intervals of a run against a baseline", () => {
  it("stores the base run's rows and pairs them with the candidate's", () => {
    const base = toBaseline(runOf(result("p.zip", rowsOf(120, 4))), "main", "abc");
    expect(base.datasets[0].rows?.files).toHaveLength(120);
    const { byDataset, overall } = scoreDeltaIntervals(runOf(result("p.zip", rowsOf(120, 3))), base, tricorder, { resamples: 200 });
    expect(overall).toMatchObject({ paired: 120, images: 120, resamples: 200 });
    expect(byDataset.get("p.zip")).toEqual(overall);
  });

  it("reports how many images were paired", () => {
    const base = toBaseline(runOf(result("p.zip", rowsOf(100, 4))), "main", "abc");
    const candidate = result("p.zip", [...rowsOf(100, 3).slice(10), ["new.jpg", "NV", "NV"]]);
    const { overall } = scoreDeltaIntervals(runOf(candidate), base, tricorder, { resamples: 100 });
    expect(overall).toMatchObject({ paired: 90, images: 91 });
  });

  it("gives none for an old baseline without rows, and none for the mean over different packages", () => {
    const base = toBaseline(runOf(result("p.zip", rowsOf(50, 4))), "main", "abc");
    const old: Baseline = { ...base, datasets: base.datasets.map(({ rows: _, ...d }) => d) };
    expect(scoreDeltaIntervals(runOf(result("p.zip", rowsOf(50, 3))), old, tricorder).byDataset.size).toBe(0);
    const two = scoreDeltaIntervals(runOf(result("p.zip", rowsOf(50, 3)), result("q.zip", rowsOf(50, 3))), base, tricorder, {
      resamples: 50,
    });
    expect(two.byDataset.has("p.zip")).toBe(true);
    expect(two.overall).toBeUndefined();
  });

  it("keeps at most MAX_BASELINE_ROWS rows, whole packages only", () => {
    const big = result("big.zip", rowsOf(2, 2));
    const many = { ...big, predictions: Array.from({ length: MAX_BASELINE_ROWS }, () => big.predictions[0]) };
    const base = toBaseline(runOf(many, result("small.zip", rowsOf(5, 2))), "main", "abc");
    expect(base.datasets[0].rows?.files).toHaveLength(MAX_BASELINE_ROWS);
    expect(base.datasets[1].rows).toBeUndefined();
  });
});

const iv = (lower: number, upper: number): DeltaInterval => ({
  lower,
  upper,
  significant: lower > 0 || upper < 0,
  resamples: 2000,
  paired: 300,
  images: 300,
  seed: 76,
});

describe("significant-drops-only", () => {
  const run = { competition_id: "tricorder-3", score: 0.6, datasets: [] };
  it.each<[string, boolean | undefined, DeltaInterval | undefined, boolean]>([
    ["a drop, the rule off", undefined, iv(-0.2, 0.01), false],
    ["a drop within the noise", true, iv(-0.2, 0.01), true],
    ["a significant drop", true, iv(-0.2, -0.01), false],
    ["no interval: the drop alone decides", true, undefined, false],
  ])("%s", (_, significantDropsOnly, interval, passed) => {
    const verdict = applyGate(run, 0.7, { maxScoreDrop: 0.02, significantDropsOnly }, undefined, interval);
    expect(verdict.passed).toBe(passed);
    if (!passed && interval) expect(verdict.reasons[0]).toContain(intervalText(interval));
  });
  it("never fails a drop within max-score-drop", () => {
    expect(
      applyGate({ ...run, score: 0.69 }, 0.7, { maxScoreDrop: 0.02, significantDropsOnly: true }, undefined, iv(-0.02, -0.001)).passed,
    ).toBe(true);
  });
});

describe("the report shows the intervals", () => {
  it("next to the deltas, and says what they rest on", () => {
    const base = toBaseline(runOf(result("p.zip", rowsOf(100, 4))), "main", "abc");
    const candidate = runOf(result("p.zip", rowsOf(100, 3)));
    const intervals = scoreDeltaIntervals(candidate, base, tricorder, { resamples: 300 });
    const md = markdownReport(candidate, tricorder, { baseline: base, intervals });
    const text = intervalText(intervals.overall);
    expect(text).toMatch(/^\(95% CI [-+]\d\.\d{6} … [-+]\d\.\d{6}: (not )?significant\)$/);
    expect(md.split(text).length - 1).toBe(2); // the headline and the package's score row
    expect(md).toContain("paired bootstrap over the 100 images both runs scored");
    expect(markdownReport(candidate, tricorder, { baseline: base })).not.toContain("95% CI");
  });
});
