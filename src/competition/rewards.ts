/**
 * How validators turn package scores into weights, as pure functions:
 * cancer_ai/validator/rewarder.py (rw) and neurons/validator.py (val) at
 * cancer-ai 99ea548. Validators run Python 3.12 and numpy 2.0.2, so sums and
 * float32 steps follow those versions (goldens: scripts/golden/forecast_rules.py).
 */

/** Share of ranks 1..10 (rw:20-31), index 0 = rank 1. */
export const SCORE_DISTRIBUTION: readonly number[] = [0.5, 0.17, 0.1, 0.07, 0.05, 0.04, 0.03, 0.02, 0.01, 0.005];
/** Split over ranks 11.. (rw:18), not multiplied by the competition weight (val:504). */
export const BEYOND_TOP_10_TOTAL = 0.005;
/** Scores kept per hotkey (rw:12). */
export const HISTORY_LENGTH = 10;
/** The moving average divides the last 5 scores by 5, however many there are (rw:15, :93-95). */
export const MOVING_AVERAGE_LENGTH = 5;
/** get_top_hotkey keeps the crowned hotkey while |new top - score at crowning| <= this (rw:141). */
export const WINNER_THRESHOLD = 0.0001;

/**
 * Python 3.12's sum() of floats (Python/bltinmodule.c builtin_sum_impl):
 * 0 + the first item, then Neumaier-compensated additions, the compensation
 * added at the end when it is non-zero and finite. Python 3.11 summed naively;
 * the two differ in the last bits (0.1 + 0.2 + 0.3 = 0.6 here).
 */
export function pySum(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0 + values[0];
  let c = 0;
  for (let i = 1; i < values.length; i++) {
    const x = values[i];
    const t = total + x;
    c += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
    total = t;
  }
  return c !== 0 && Number.isFinite(c) ? total + c : total;
}

/** update_average_score (rw:86-99): sum(last 5) / 5, so a hotkey with one package of 0.8 averages 0.16. */
export const movingAverage = (scores: readonly number[]): number => pySum(scores.slice(-MOVING_AVERAGE_LENGTH)) / MOVING_AVERAGE_LENGTH;

/**
 * get_hotkeys_with_non_zero_scores (rw:150-171): the indices whose average is
 * > 0, best first; Python's sort is stable, so equal averages keep the input
 * order (the validators' dict insertion order; the forecast passes uid order).
 */
export function rankByAverage(averages: readonly number[]): number[] {
  const ranked: number[] = [];
  averages.forEach((avg, i) => {
    if (avg > 0) ranked.push(i);
  });
  // Array.prototype.sort is stable; NaN averages never get here (NaN > 0 is false, as in Python).
  return ranked.sort((a, b) => (averages[b] > averages[a] ? 1 : averages[b] < averages[a] ? -1 : 0));
}

/** The amounts of ranks 11.. (val:477-495): total * (k - i + 1) / (k (k + 1) / 2), in Python's order of operations. */
export function beyondTopTen(k: number): number[] {
  if (k <= 0) return [];
  if (k === 1) return [BEYOND_TOP_10_TOTAL];
  const denominator = (k * (k + 1)) / 2;
  return Array.from({ length: k }, (_, j) => (BEYOND_TOP_10_TOTAL * (k - (j + 1) + 1)) / denominator);
}

/** numpy's pairwise add.reduce on a contiguous float32 array (accumulators are float32 too). */
function float32PairwiseSum(values: ArrayLike<number>, start: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum = f(sum + values[start + i]);
    return sum;
  }
  if (n <= 128) {
    const r = new Float32Array(8);
    for (let j = 0; j < 8; j++) r[j] = values[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = f(r[j] + values[start + i + j]);
    let sum = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
    for (; i < n; i++) sum = f(sum + values[start + i]);
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return f(float32PairwiseSum(values, start, half) + float32PairwiseSum(values, start + half, n - half));
}

export interface RewardShares {
  /** Indices (uids) ranked, best first: only averages > 0. */
  readonly order: readonly number[];
  /** update_scores' float32 score per index (val:446-506). */
  readonly scores: readonly number[];
  /** set_weights' raw weights, scores / L1 norm in float32 (base_validator.py:290-297), before bittensor's processing. */
  readonly shares: readonly number[];
}

/**
 * One competition's weights, as update_scores then set_weights compute them.
 * `averagesByUid[u]` is uid u's average (0 for uids not in the competition):
 * the array stands for the metagraph, whose order sets the float32 sum's.
 * Ranks 1..10 get weight * SCORE_DISTRIBUTION, later ranks the unweighted
 * linear split. float32 as numpy 2 does it: the Python float is cast to
 * float32 and added in float32 (NEP 50).
 */
export function rewardShares(averagesByUid: readonly number[], weight: number): RewardShares {
  const f = Math.fround;
  const order = rankByAverage(averagesByUid);
  const scores = new Float32Array(averagesByUid.length);
  order.slice(0, 10).forEach((uid, r) => {
    scores[uid] = f(scores[uid] + f(weight * SCORE_DISTRIBUTION[r]));
  });
  const rest = order.slice(10);
  beyondTopTen(rest.length).forEach((amount, j) => {
    scores[rest[j]] = f(scores[rest[j]] + f(amount));
  });
  let norm = float32PairwiseSum(scores.map(Math.abs), 0, scores.length);
  if (norm === 0 || Number.isNaN(norm)) norm = 1;
  return { order, scores: Array.from(scores), shares: Array.from(scores, (s) => f(s / norm)) };
}

export interface Crowned {
  readonly hotkey: string;
  /** The average when it was crowned: later comparisons use this, not its current average. */
  readonly score: number;
}

/**
 * get_top_hotkey (rw:118-148): the first hotkey with the highest average; the
 * crowned one stays while it is still listed and |new top - its score at
 * crowning| <= 1e-4 (both sides). Only logged by validators (val:379): it
 * does not change weights, which go by rank.
 */
export function hysteresisWinner(
  averages: readonly (readonly [string, number])[],
  crowned: Crowned | undefined,
): { readonly winner: string; readonly crowned: Crowned } {
  if (averages.length === 0) throw new Error("no hotkeys to choose from");
  let [topHotkey, topScore] = averages[0];
  for (const [hotkey, avg] of averages) {
    if (avg > topScore) [topHotkey, topScore] = [hotkey, avg];
  }
  if (crowned && averages.some(([h]) => h === crowned.hotkey) && Math.abs(topScore - crowned.score) <= WINNER_THRESHOLD) {
    return { winner: crowned.hotkey, crowned };
  }
  return { winner: topHotkey, crowned: { hotkey: topHotkey, score: topScore } };
}
