import { getCompetition } from "../src/competition/competition.js";
import { classificationMetrics, efficiencyScore, numpySum, pyRound, scoreCompetition } from "../src/engine/scoring.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { GOLDEN_DIR, golden, type GoldenMetrics } from "./helpers/golden.js";

const tricorder = getCompetition("tricorder-3");
const MiB = 1024 * 1024;

describe("scoring against sklearn + the validator's formula (golden)", () => {
  it.each(golden.metrics.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const s = scoreCompetition(tricorder, c.y_true, c.y_pred, c.size_bytes);
    const e = c.expected;
    // Rounded values and the score agree exactly; unrounded per-class values
    // to 1e-12 (Debian's sklearn 1.2 forms F1 from P and R, 1.5 from counts).
    expect(s.accuracy).toBe(e.accuracy);
    expect(s.weightedF1).toBe(e.weighted_f1);
    expect(s.efficiencyScore).toBe(e.efficiency_score);
    expect(s.precision).toBe(e.precision);
    expect(s.recall).toBe(e.recall);
    expect(s.fbeta).toBe(e.fbeta);
    expect(s.score).toBe(e.score);
    expect(s.confusionMatrix).toEqual(e.confusion_matrix);
    s.f1ByClass.forEach((v, i) => expect(v).toBeCloseTo(e.f1_by_class[i], 12));
    for (const risk of ["high_risk", "medium_risk", "benign"] as const) {
      expect(s.riskCategoryScores[risk]).toBeCloseTo(e.risk_category_scores[risk], 12);
    }
    expect(s.classWeights).toEqual([2, 3, 1, 2, 1, 1, 3, 3, 1, 3, 2]);
  });
});

/**
 * Predictions outside 0..10 (argmax 11 of 12 scores, a scalar output of 42,
 * INT64_MIN from a NaN), with expectations from generate.py's replica of
 * sklearn 1.5.1 (checked there against Debian's sklearn 1.2.1, which counts
 * them the same way and differs only in how F1 is formed).
 */
const outOfRange = (
  JSON.parse(readFileSync(path.join(GOLDEN_DIR, "outputs", "outputs.json"), "utf8")) as {
    metrics: { name: string; y_true: number[]; y_pred: number[]; size_bytes: number; expected: GoldenMetrics }[];
  }
).metrics;

describe("predictions outside the classes, against sklearn 1.5.1's algorithm (golden)", () => {
  it.each(outOfRange.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const s = scoreCompetition(tricorder, c.y_true, c.y_pred, c.size_bytes);
    const e = c.expected;
    expect([s.accuracy, s.precision, s.recall, s.fbeta, s.weightedF1, s.score]).toEqual([
      e.accuracy,
      e.precision,
      e.recall,
      e.fbeta,
      e.weighted_f1,
      e.score,
    ]);
    expect(s.confusionMatrix).toEqual(e.confusion_matrix);
    expect(s.f1ByClass).toEqual(e.f1_by_class);
    expect(s.riskCategoryScores).toEqual(e.risk_category_scores);
  });
});

describe("sklearn's counts with labels=0..10 when a prediction is outside them", () => {
  // [y_true, y_pred, accuracy, weighted recall, weighted precision, F1 of class 1]
  it.each([
    // The sample predicted 42 still counts in class 1's support: a recall miss, and weight 1 of 2.
    ["a value past the classes", [0, 1], [0, 42], 0.5, 0.5, 0.5, 0],
    ["argmax 11 of 12 scores", [1, 1], [11, 1], 0.5, 0.5, 1, 2 / 3],
    ["a negative value", [1, 1, 0], [-1, 1, 0], 2 / 3, 2 / 3, 1, 2 / 3],
    ["INT64_MIN (numpy's cast of NaN)", [1, 0], [-(2 ** 63), 0], 0.5, 0.5, 0.5, 0],
    ["nothing inside", [1, 2], [11, 12], 0, 0, 0, 0],
  ])("%s", (_, yTrue, yPred, accuracy, recall, precision, f1Class1) => {
    const m = classificationMetrics(yTrue, yPred, 11);
    expect(m.accuracy).toBeCloseTo(accuracy, 15);
    expect(m.recall).toBeCloseTo(recall, 15);
    expect(m.precision).toBeCloseTo(precision, 15);
    expect(m.f1ByClass[1]).toBeCloseTo(f1Class1, 15);
    // confusion_matrix drops the pairs whose prediction is outside the labels.
    const inside = yPred.filter((p) => p >= 0 && p < 11).length;
    expect(m.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(inside);
  });
});

describe("pyRound is Python's round(x, 6)", () => {
  // Expected values from CPython's round().
  it.each([
    [1 / 128, 0.007812],
    [3 / 128, 0.023438],
    [5 / 128, 0.039062],
    [0.1234565, 0.123456],
    [0.1234575, 0.123457],
    [2 / 3, 0.666667],
    [0.9999995, 1.0],
    [0.99999951, 1.0],
    [1, 1],
    [0, 0],
    [-1 / 128, -0.007812],
    [123.4567894, 123.456789],
  ])("round(%p, 6) = %p", (x, expected) => {
    expect(pyRound(x, 6)).toBe(expected);
  });
});

describe("numpySum follows numpy's pairwise order", () => {
  it("differs from a left-to-right sum where numpy does", () => {
    // 11 values where ((a0+a1)+...)+a10 and numpy's 8-way pairwise sum round differently.
    const values = [1e16, 1, 1, 1, 1, 1, 1, 1, -1e16, 1, 1];
    const naive = values.reduce((a, b) => a + b, 0);
    expect(numpySum(values)).not.toBe(naive);
    // numpy: r = [1e16,1,1,1,1,1,1,1]; ((1e16+1)+(1+1)) + ((1+1)+(1+1)) = 1e16+6... then -1e16, +1, +1
    expect(numpySum(values)).toBe(8);
  });
  it("matches a plain sum below 8 values and recurses above 128", () => {
    expect(numpySum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    const many = Array.from({ length: 1000 }, (_, i) => i * 0.001);
    expect(numpySum(many)).toBeCloseTo(499.5, 9);
  });
});

describe("efficiency from model size", () => {
  it.each([
    [0, 1],
    [50 * MiB, 1],
    [100 * MiB, 0.5],
    [125 * MiB, 0.25],
    [150 * MiB, 0],
    [400 * MiB, 0],
  ])("%p bytes -> %p", (bytes, expected) => {
    expect(efficiencyScore(tricorder, bytes)).toBeCloseTo(expected, 12);
  });
});

describe("classificationMetrics edge cases", () => {
  it("counts a prediction outside the classes as wrong and leaves it out of the matrix", () => {
    const m = classificationMetrics([0, 1], [0, 42], 11);
    expect(m.accuracy).toBe(0.5);
    expect(m.confusionMatrix[1].reduce((a, b) => a + b, 0)).toBe(0);
  });
  it("refuses mismatched lengths and empty input", () => {
    expect(() => classificationMetrics([0], [], 11)).toThrow(/1 labels but 0 predictions/);
    expect(() => classificationMetrics([], [], 11)).toThrow(/no samples/);
  });
});
