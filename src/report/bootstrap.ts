/**
 * Is a delta against the base branch real? A paired bootstrap of the score
 * delta over the images both runs scored, with the validators' own score
 * (engine/scoring.ts) recomputed on every resample. Pure and deterministic;
 * scripts/golden/bootstrap_goldens.py reproduces it with numpy and sklearn.
 *
 * The exact procedure (what the golden script reimplements):
 *  - Pairs: per package, each candidate image (in the candidate's order) is
 *    paired with the base run's image of the same file and label (the k-th
 *    occurrence with the k-th, should a file be listed twice). A package
 *    with fewer than 2 pairs has no interval.
 *  - Generator: mulberry32, one stream for the whole bootstrap, seeded with
 *    BOOTSTRAP_SEED. Each draw: a = (a + 0x6D2B79F5) mod 2^32;
 *    t = imul(a ^ (a >>> 15), a | 1); t = ((t + imul(t ^ (t >>> 7), t | 61)) mod 2^32) ^ t;
 *    u = ((t ^ (t >>> 14)) mod 2^32) / 2^32 (all 32-bit unsigned, imul the
 *    low 32 bits of the product). An index into n pairs is floor(u * n).
 *  - Resample b = 0..B-1: for each package in order, n_p indices (n_p its
 *    pairs); the package's score for each run is scoreCompetition's on the
 *    drawn (label, prediction) pairs with that run's efficiency score; the
 *    overall score is the mean over the packages (sum left to right, divided
 *    by their count, as the run's mean score is); the delta is candidate
 *    minus base.
 *  - Interval: numpy.percentile(deltas, [2.5, 97.5]) with its default
 *    method 'linear': sorted x, h = (B - 1) * (q / 100), i = floor(h),
 *    g = h - i, d = x[i+1] - x[i]; x[i] + d * g, or x[i+1] - d * (1 - g)
 *    when g >= 0.5 (numpy's _lerp). Significant: the interval excludes 0.
 *
 * The metrics depend only on the counts of (label, candidate prediction,
 * base prediction) triples, so a resample counts those (at most k(k+1)^2
 * kinds) and scores the counts: the same numbers as scoring the drawn
 * arrays, at a fraction of the cost.
 */
import type { Competition } from "../competition/competition.js";
import type { RunReport } from "../engine/results.js";
import { metricsFromCounts, scoreMetrics } from "../engine/scoring.js";
import { scoredPackages } from "../engine/verdict.js";
import { baselineFor, comparableScore, resultRows, type Baseline, type BaselineRows } from "./baseline.js";

export const BOOTSTRAP_SEED = 76;
export const BOOTSTRAP_RESAMPLES = 2000;
/**
 * Draws per bootstrap at most (resamples x paired images): 2000 resamples up
 * to 100,000 images (about a second), fewer above, never fewer than 200.
 */
export const MAX_BOOTSTRAP_DRAWS = 200_000_000;
export const MIN_BOOTSTRAP_RESAMPLES = 200;

/** A 95% interval of a score delta (candidate minus base). */
export interface DeltaInterval {
  /** numpy.percentile(deltas, 2.5) and (deltas, 97.5). */
  readonly lower: number;
  readonly upper: number;
  /** The interval excludes 0. */
  readonly significant: boolean;
  readonly resamples: number;
  /** Images scored in both runs (same file and label). */
  readonly paired: number;
  /** Images the candidate scored. */
  readonly images: number;
  readonly seed: number;
}

/** One package's paired images: true class, and each run's predicted class (-1: outside the classes). */
export interface PairedPackage {
  readonly labels: readonly number[];
  readonly candidate: readonly number[];
  readonly base: readonly number[];
  /** Each run's efficiency score (the model size's part of the score; the same on every resample). */
  readonly candidateEfficiency: number;
  readonly baseEfficiency: number;
}

export interface BootstrapOptions {
  readonly resamples?: number;
  readonly seed?: number;
}

export interface BootstrapResult {
  /** Per package, in the order given; undefined for one with fewer than 2 pairs. */
  readonly packages: (DeltaInterval | undefined)[];
  /** The mean score's delta; undefined unless every package has an interval. */
  readonly overall?: DeltaInterval;
}

/** numpy.percentile(sorted, q) with method 'linear', for q in [0, 100] (`sorted` ascending, not empty). */
export function percentileLinear(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * (q / 100);
  const i = Math.floor(h);
  if (i >= n - 1) return sorted[n - 1];
  const g = h - i;
  const a = sorted[i];
  const b = sorted[i + 1];
  const d = b - a;
  return g >= 0.5 ? b - d * (1 - g) : a + d * g;
}

/** mulberry32 from `seed`: uniform draws in [0, 1) with 32 bits each (see the module comment). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The resamples for this many draws per resample: BOOTSTRAP_RESAMPLES, fewer when that would exceed MAX_BOOTSTRAP_DRAWS. */
export function resamplesFor(paired: number, wanted = BOOTSTRAP_RESAMPLES): number {
  if (paired * wanted <= MAX_BOOTSTRAP_DRAWS) return wanted;
  return Math.max(MIN_BOOTSTRAP_RESAMPLES, Math.floor(MAX_BOOTSTRAP_DRAWS / paired));
}

function interval(deltas: Float64Array, paired: number, images: number, seed: number): DeltaInterval {
  const sorted = Float64Array.from(deltas).sort();
  const lower = percentileLinear(sorted, 2.5);
  const upper = percentileLinear(sorted, 97.5);
  return { lower, upper, significant: lower > 0 || upper < 0, resamples: deltas.length, paired, images, seed };
}

/** A package's pairs as kinds (label, candidate bucket, base bucket; a prediction outside the classes is bucket k). */
interface Kinds {
  readonly n: number;
  /** Per pair, its kind's position in `kinds`. */
  readonly of: Int32Array;
  /** Per kind: label, candidate bucket, base bucket. */
  readonly kinds: (readonly [number, number, number])[];
}

function kindsOf(p: PairedPackage, k: number): Kinds {
  const n = p.labels.length;
  const bucket = (c: number): number => (Number.isInteger(c) && c >= 0 && c < k ? c : k);
  const index = new Map<number, number>();
  const kinds: (readonly [number, number, number])[] = [];
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const kind = [p.labels[i], bucket(p.candidate[i]), bucket(p.base[i])] as const;
    const key = (kind[0] * (k + 1) + kind[1]) * (k + 1) + kind[2];
    let at = index.get(key);
    if (at === undefined) {
      at = kinds.length;
      index.set(key, at);
      kinds.push(kind);
    }
    of[i] = at;
  }
  return { n, of, kinds };
}

/** scoreCompetition's score of the drawn pairs, from how many of each kind were drawn. */
function resampledScore(competition: Competition, kinds: Kinds, counts: Int32Array, run: 1 | 2, efficiency: number): number {
  const k = competition.classes.length;
  const confusionMatrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const trueSum = new Array<number>(k).fill(0);
  let correct = 0;
  for (let j = 0; j < kinds.kinds.length; j++) {
    const c = counts[j];
    if (c === 0) continue;
    const label = kinds.kinds[j][0];
    const predicted = kinds.kinds[j][run];
    trueSum[label] += c;
    if (predicted < k) confusionMatrix[label][predicted] += c;
    if (predicted === label) correct += c;
  }
  return scoreMetrics(competition, metricsFromCounts({ confusionMatrix, trueSum, correct, total: kinds.n }), efficiency).score;
}

/**
 * The paired bootstrap of the score deltas: per package, and of the mean
 * over the packages (each package resampled within itself).
 */
export function bootstrapDelta(
  competition: Competition,
  packages: readonly PairedPackage[],
  options: BootstrapOptions = {},
): BootstrapResult {
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const usable = packages.map((p) => p.labels.length >= 2 && p.candidate.length === p.labels.length && p.base.length === p.labels.length);
  const included = packages.filter((_, i) => usable[i]);
  if (included.length === 0) return { packages: packages.map(() => undefined) };
  const all = included.reduce((sum, p) => sum + p.labels.length, 0);
  const resamples = options.resamples ?? resamplesFor(all);
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`resamples must be a whole number of at least 1, got ${resamples}`);
  const kinds = included.map((p) => kindsOf(p, competition.classes.length));
  const perPackage = included.map(() => new Float64Array(resamples));
  const overall = new Float64Array(resamples);
  const counts = kinds.map((x) => new Int32Array(x.kinds.length));
  let a = seed | 0;
  for (let b = 0; b < resamples; b++) {
    let candidateSum = 0;
    let baseSum = 0;
    for (let p = 0; p < included.length; p++) {
      const { n, of } = kinds[p];
      const drawn = counts[p];
      drawn.fill(0);
      // mulberry32, inlined: a few hundred million draws for a large package. x * (n / 2^32) is
      // floor(u * n)'s product exactly (both are x * n * 2^-32, rounded once); below 2^31, | 0 floors.
      const scale = n / 4294967296;
      for (let j = 0; j < n; j++) {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
        drawn[of[(((t ^ (t >>> 14)) >>> 0) * scale) | 0]]++;
      }
      const candidate = resampledScore(competition, kinds[p], drawn, 1, included[p].candidateEfficiency);
      const base = resampledScore(competition, kinds[p], drawn, 2, included[p].baseEfficiency);
      perPackage[p][b] = candidate - base;
      candidateSum += candidate;
      baseSum += base;
    }
    overall[b] = candidateSum / included.length - baseSum / included.length;
  }
  let next = 0;
  const intervals = packages.map((p, i) => (usable[i] ? interval(perPackage[next++], p.labels.length, p.labels.length, seed) : undefined));
  return {
    packages: intervals,
    ...(included.length === packages.length && { overall: interval(overall, all, all, seed) }),
  };
}

/** Rows as stored in a baseline: arrays of one length, class indices in range (anything else: none). */
function checkedRows(rows: BaselineRows | undefined, k: number): BaselineRows | undefined {
  if (!rows || !Array.isArray(rows.files) || !Array.isArray(rows.labels) || !Array.isArray(rows.predicted)) return undefined;
  const n = rows.files.length;
  if (rows.labels.length !== n || rows.predicted.length !== n) return undefined;
  for (let i = 0; i < n; i++) {
    const label = rows.labels[i];
    if (typeof rows.files[i] !== "string" || !Number.isInteger(label) || label < 0 || label >= k) return undefined;
    if (typeof rows.predicted[i] !== "number") return undefined;
  }
  return rows;
}

/** The candidate's images that the base run scored too (same file and label), with both predictions. */
export function pairRows(candidate: BaselineRows, base: BaselineRows): { labels: number[]; candidate: number[]; base: number[] } {
  const key = (file: string, label: number): string => `${label}\u0000${file}`;
  const waiting = new Map<string, number[]>();
  for (let i = 0; i < base.files.length; i++) {
    const k = key(base.files[i], base.labels[i]);
    const list = waiting.get(k);
    if (list) list.push(i);
    else waiting.set(k, [i]);
  }
  const pairs = { labels: [] as number[], candidate: [] as number[], base: [] as number[] };
  for (let i = 0; i < candidate.files.length; i++) {
    const j = waiting.get(key(candidate.files[i], candidate.labels[i]))?.shift();
    if (j === undefined) continue;
    pairs.labels.push(candidate.labels[i]);
    pairs.candidate.push(candidate.predicted[i]);
    pairs.base.push(base.predicted[j]);
  }
  return pairs;
}

/** The intervals of a run's deltas against a baseline: per package (by name), and of the mean score. */
export interface DeltaIntervals {
  readonly byDataset: ReadonlyMap<string, DeltaInterval>;
  /** Only when the mean score is comparable (the same packages) and every scored package was paired. */
  readonly overall?: DeltaInterval;
}

/**
 * The bootstrap of a run against the base branch's baseline. A package
 * gets an interval when both runs scored it without a verdict and the
 * baseline kept its rows (older baselines did not: no interval).
 */
export function scoreDeltaIntervals(
  report: RunReport,
  baseline: Baseline | undefined,
  competition: Competition,
  options: BootstrapOptions = {},
): DeltaIntervals {
  const none: DeltaIntervals = { byDataset: new Map() };
  if (!baseline) return none;
  const k = competition.classes.length;
  const names: string[] = [];
  const packages: PairedPackage[] = [];
  for (const result of report.datasets) {
    const base = baselineFor(baseline, result.dataset);
    const baseRows = checkedRows(base?.rows, k);
    if (!base || !baseRows || result.verdict) continue;
    const pairs = pairRows(resultRows(result, competition), baseRows);
    if (pairs.labels.length < 2) continue;
    names.push(result.dataset);
    packages.push({ ...pairs, candidateEfficiency: result.efficiency_score, baseEfficiency: base.efficiency_score });
  }
  if (packages.length === 0) return none;
  const run = bootstrapDelta(competition, packages, options);
  const images = new Map(report.datasets.map((d) => [d.dataset, d.predictions.length]));
  const byDataset = new Map<string, DeltaInterval>();
  run.packages.forEach((iv, i) => {
    if (iv) byDataset.set(names[i], { ...iv, images: images.get(names[i]) ?? iv.images });
  });
  const scored = scoredPackages(report.datasets).map((d) => d.dataset);
  const everyScored = scored.length === names.length && scored.every((n) => names.includes(n));
  const overall =
    run.overall && everyScored && comparableScore(baseline, report) !== undefined
      ? { ...run.overall, images: names.reduce((sum, n) => sum + (images.get(n) ?? 0), 0) }
      : undefined;
  return { byDataset, ...(overall && { overall }) };
}

const signed = (v: number): string => (v === 0 ? "0" : `${v > 0 ? "+" : ""}${v.toFixed(6)}`);

/** "(95% CI -0.011000 … +0.003000: not significant)", or "" without an interval. */
export function intervalText(iv: DeltaInterval | undefined): string {
  // Identical predictions on every paired image: the delta is exactly 0 in every resample, nothing to qualify.
  if (!iv || (iv.lower === 0 && iv.upper === 0)) return "";
  return `(95% CI ${signed(iv.lower)} … ${signed(iv.upper)}: ${iv.significant ? "significant" : "not significant"})`;
}

/** What the intervals rest on, for the report's footnote: "" without one. */
export function intervalNote(intervals: DeltaIntervals | undefined): string {
  const all = intervals ? [...intervals.byDataset.values()] : [];
  if (all.length === 0) return "";
  const paired = all.reduce((sum, iv) => sum + iv.paired, 0);
  const images = all.reduce((sum, iv) => sum + iv.images, 0);
  const of = paired === images ? `${paired}` : `${paired} of ${images}`;
  return (
    `95% intervals of the deltas: paired bootstrap over the ${of} images both runs scored, the validators' score ` +
    `recomputed on each of ${all[0].resamples} resamples (seed ${all[0].seed}).`
  );
}
