/**
 * The validator's metrics and score, as pure functions. Floating-point
 * operations follow sklearn/numpy's order (pairwise summation, F1 as
 * 2tp / (true + pred)) and Python's round(), so the values agree to the last
 * bit in practice and always to the 6th decimal.
 */
import { classWeights, type Competition, type RiskCategory } from "../competition/competition.js";

/** numpy's pairwise summation (`np.sum` on float64), including its order of additions. */
export function numpySum(values: ArrayLike<number>, start = 0, n = values.length - start): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[start + i];
    return sum;
  }
  if (n <= 128) {
    const r = new Float64Array(8);
    for (let j = 0; j < 8; j++) r[j] = values[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += values[start + i + j];
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) sum += values[start + i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return numpySum(values, start, half) + numpySum(values, start + half, n - half);
}

/**
 * Python's round(x, digits): the exact binary value rounded to the nearest
 * decimal, exact ties to even, then the double nearest to that decimal.
 * JS toFixed rounds ties up (1/128 -> 0.007813, Python gives 0.007812), so the
 * tie is decided from the exact expansion, and the carry is done on the
 * decimal digits (adding 10^-digits in binary misrounds from ~1e9 up).
 */
export function pyRound(x: number, digits = 6): number {
  // From 2^52 up every double is an integer (toFixed would also switch to exponent notation from 1e21).
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 2 ** 52) return x;
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf(".");
  const kept = exact.slice(0, dot + 1 + digits);
  const rest = exact.slice(dot + 1 + digits);
  let roundUp = rest[0] > "5" || (rest[0] === "5" && /[1-9]/.test(rest.slice(1)));
  if (rest[0] === "5" && !roundUp && !/[1-9]/.test(rest.slice(1))) {
    const lastDigit = Number(kept.replace(".", "").slice(-1));
    roundUp = lastDigit % 2 === 1;
  }
  const scaled = (BigInt(kept.replace(".", "")) + (roundUp ? 1n : 0n)).toString().padStart(digits + 1, "0");
  const decimal = digits > 0 ? `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}` : scaled;
  // Parsing the decimal gives the double nearest to it, as Python's round returns.
  return Math.sign(x) * Number(decimal);
}

export interface ClassificationMetrics {
  accuracy: number;
  /** Support-weighted averages, zero_division = 0 (sklearn average="weighted"). */
  precision: number;
  recall: number;
  fbeta: number;
  f1ByClass: number[];
  /** rows = true class, columns = predicted class */
  confusionMatrix: number[][];
}

function divideOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function weightedAverage(values: number[], weights: number[]): number {
  const total = numpySum(weights);
  if (total === 0) return 0;
  return numpySum(values.map((v, i) => v * weights[i])) / total;
}

/**
 * sklearn 1.5.1's accuracy_score, precision/recall/f1_score(average="weighted",
 * labels=0..k-1, zero_division=0), f1_score(average=None) and
 * confusion_matrix. A prediction outside 0..k-1 (argmax 11 of 12 scores, a
 * scalar output of 42, INT64_MIN from NaN) is never a class's prediction:
 * confusion_matrix drops the pair, multilabel_confusion_matrix encodes it as
 * an extra label and keeps only 0..k-1. Its true label still counts in that
 * class's support (true_sum = bincount(y_true)): a recall miss, and weight in
 * the weighted averages. Labels are always 0..k-1 (the dataset is checked).
 */
export function classificationMetrics(yTrue: readonly number[], yPred: readonly number[], classCount: number): ClassificationMetrics {
  if (yTrue.length !== yPred.length) throw new Error(`${yTrue.length} labels but ${yPred.length} predictions`);
  if (yTrue.length === 0) throw new Error("no samples to score");
  return metricsFromCounts(countPairs(yTrue, yPred, classCount));
}

/** Everything the metrics depend on: (label, prediction) pairs reduce to these counts (the bootstrap builds them directly). */
export interface PairCounts {
  /** rows = true class, columns = predicted class; a prediction outside the classes is in no column. */
  readonly confusionMatrix: number[][];
  /** Images per true class (sklearn's true_sum), whatever was predicted. */
  readonly trueSum: number[];
  /** Images predicted right. */
  readonly correct: number;
  readonly total: number;
}

export function countPairs(yTrue: readonly number[], yPred: readonly number[], classCount: number): PairCounts {
  const confusionMatrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  const trueSum = new Array<number>(classCount).fill(0);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === yPred[i]) correct++;
    trueSum[yTrue[i]]++;
    if (Number.isInteger(yPred[i]) && yPred[i] >= 0 && yPred[i] < classCount) confusionMatrix[yTrue[i]][yPred[i]]++;
  }
  return { confusionMatrix, trueSum, correct, total: yTrue.length };
}

/** classificationMetrics from the counts of its pairs (total > 0). */
export function metricsFromCounts(counts: PairCounts): ClassificationMetrics {
  const { confusionMatrix, trueSum, correct, total } = counts;
  const tp = confusionMatrix.map((row, c) => row[c]);
  const predSum = tp.map((_, c) => confusionMatrix.reduce((a, row) => a + row[c], 0));
  const precisionByClass = tp.map((t, c) => divideOrZero(t, predSum[c]));
  const recallByClass = tp.map((t, c) => divideOrZero(t, trueSum[c]));
  const f1ByClass = tp.map((t, c) => divideOrZero(2 * t, trueSum[c] + predSum[c]));
  return {
    accuracy: correct / total,
    precision: weightedAverage(precisionByClass, trueSum),
    recall: weightedAverage(recallByClass, trueSum),
    fbeta: weightedAverage(f1ByClass, trueSum),
    f1ByClass,
    confusionMatrix,
  };
}

/** Efficiency from the model file size: 1 up to 50 MiB, 0 from 150 MiB, linear between. */
export function efficiencyScore(competition: Competition, modelBytes: number): number {
  const sizeMiB = modelBytes / (1024 * 1024);
  const { full, zero } = competition.efficiencyMiB;
  if (sizeMiB <= full) return 1.0;
  if (sizeMiB >= zero) return 0.0;
  return 1.0 - (sizeMiB - full) / (zero - full);
}

export interface CompetitionScore extends ClassificationMetrics {
  riskCategoryScores: Record<RiskCategory, number>;
  weightedF1: number;
  efficiencyScore: number;
  classWeights: number[];
  score: number;
}

/** The validator's get_model_result: metrics, risk categories, weighted F1, efficiency, score. */
export function scoreCompetition(
  competition: Competition,
  yTrue: readonly number[],
  yPred: readonly number[],
  modelBytes: number,
): CompetitionScore {
  const metrics = classificationMetrics(yTrue, yPred, competition.classes.length);
  return scoreMetrics(competition, metrics, efficiencyScore(competition, modelBytes));
}

/** get_model_result from the metrics and the efficiency score (rounded here; a rounded value stays as it is). */
export function scoreMetrics(competition: Competition, metrics: ClassificationMetrics, efficiencyValue: number): CompetitionScore {
  const riskCategoryScores = {} as Record<RiskCategory, number>;
  let weightedSum = 0;
  let weightTotal = 0;
  for (const [risk, weight] of competition.riskWeights) {
    const f1s = metrics.f1ByClass.filter((_, c) => competition.classes[c].risk === risk);
    riskCategoryScores[risk] = numpySum(f1s) / f1s.length;
    weightedSum += riskCategoryScores[risk] * weight;
    weightTotal += weight;
  }
  const accuracy = pyRound(metrics.accuracy);
  const weightedF1 = pyRound(weightedSum / weightTotal);
  const efficiency = pyRound(efficiencyValue);
  const { accuracyAndF1, efficiency: efficiencyWeight } = competition.scoreWeights;
  return {
    ...metrics,
    accuracy,
    precision: pyRound(metrics.precision),
    recall: pyRound(metrics.recall),
    fbeta: pyRound(metrics.fbeta),
    riskCategoryScores,
    weightedF1,
    efficiencyScore: efficiency,
    classWeights: classWeights(competition),
    score: accuracyAndF1 * (0.5 * accuracy + 0.5 * weightedF1) + efficiencyWeight * efficiency,
  };
}
