/**
 * The release window. Validators keep one model record per hotkey and only
 * evaluate a model committed at least 120 minutes before a dataset package
 * was released: a new commitment makes the hotkey score 0 on every package
 * released in the 120 minutes after it. Pure functions of dates: when a
 * commitment becomes eligible, and whether the competition's package history
 * (a regular cadence) says a package is likely to come out inside that window.
 */

/** What a release does when a package is likely to come out in the 120 minutes after its commitment. */
export const WINDOW_CHECKS = ["warn", "fail", "off"] as const;
export type WindowCheck = (typeof WINDOW_CHECKS)[number];

/** Validators evaluate a model only on packages released at least this long after its commitment. */
export const COMMIT_LEAD_MINUTES = 120;
const MINUTE_MS = 60_000;
export const LEAD_MS = COMMIT_LEAD_MINUTES * MINUTE_MS;

/** Packages released this close together are one release (several zips uploaded in one go). */
export const SAME_RELEASE_MS = 30 * MINUTE_MS;
/** The cadence is read from at most this many recent releases... */
export const HISTORY = 8;
/** ...and needs at least this many (three intervals) before it is trusted. */
export const MIN_RELEASES = 4;
/** A cadence is regular when every interval is within this share of the median interval. */
export const REGULARITY = 0.25;
/** The least uncertainty assumed around a predicted release (uploads are not to the minute). */
export const MIN_JITTER_MS = 15 * MINUTE_MS;

export interface Cadence {
  /** The median interval between recent releases. */
  readonly intervalMs: number;
  /** How far a release may land from the prediction: the largest deviation seen, at least MIN_JITTER_MS. */
  readonly jitterMs: number;
  /** The newest release. */
  readonly last: Date;
  /** How many releases the cadence was read from. */
  readonly releases: number;
}

export type WindowVerdict =
  /** The next package is expected outside the window. */
  | { readonly kind: "clear"; readonly next: Date; readonly cadence: Cadence }
  /** The next package is expected inside the window: the hotkey would score 0 on it. */
  | { readonly kind: "conflict"; readonly next: Date; readonly cadence: Cadence }
  /** The history says nothing reliable (too short, irregular, stopped). */
  | { readonly kind: "unknown"; readonly reason: string };

/** When a model committed at `committedAt` starts being evaluated: packages released from then on. */
export const eligibleFrom = (committedAt: Date): Date => new Date(committedAt.getTime() + LEAD_MS);

/** `2026-11-20 12:00 UTC`. */
export function utc(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `24 h`, `6 h 30 min`, `45 min`. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Distinct release times, newest first: packages committed within SAME_RELEASE_MS of a newer one belong to its release. */
export function releaseTimes(dates: readonly (string | undefined)[]): Date[] {
  const times = dates
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => b - a);
  const releases: number[] = [];
  for (const t of times) if (releases.length === 0 || releases[releases.length - 1] - t > SAME_RELEASE_MS) releases.push(t);
  return releases.map((t) => new Date(t));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The cadence of the newest releases, or why there is none. */
export function estimateCadence(dates: readonly (string | undefined)[]): Cadence | string {
  const releases = releaseTimes(dates).slice(0, HISTORY);
  if (releases.length < MIN_RELEASES)
    return `only ${releases.length} dated package release${releases.length === 1 ? "" : "s"} so far: too few to tell when the next comes`;
  const intervals = releases.slice(1).map((r, i) => releases[i].getTime() - r.getTime());
  const intervalMs = median(intervals);
  const deviation = Math.max(...intervals.map((i) => Math.abs(i - intervalMs)));
  if (deviation > REGULARITY * intervalMs) {
    return (
      `packages came at irregular intervals (${intervals.map(duration).join(", ")} between the newest ${releases.length}): ` +
      `the next one cannot be predicted`
    );
  }
  return { intervalMs, jitterMs: Math.max(deviation, MIN_JITTER_MS), last: releases[0], releases: releases.length };
}

/** The first release the cadence predicts that is not already overdue beyond its jitter at `now`. */
export function nextRelease(cadence: Cadence, now: Date): Date {
  const behind = now.getTime() - cadence.jitterMs - cadence.last.getTime();
  const k = Math.max(1, Math.ceil(behind / cadence.intervalMs));
  return new Date(cadence.last.getTime() + k * cadence.intervalMs);
}

/** Whether a package is likely to be released in the 120 minutes after a commitment at `commitAt`. */
export function windowVerdict(dates: readonly (string | undefined)[], commitAt: Date): WindowVerdict {
  const cadence = estimateCadence(dates);
  if (typeof cadence === "string") return { kind: "unknown", reason: cadence };
  if (commitAt.getTime() - cadence.last.getTime() > 2 * cadence.intervalMs + cadence.jitterMs) {
    return {
      kind: "unknown",
      reason:
        `packages came every ${duration(cadence.intervalMs)} until ${utc(cadence.last)}, and none since: the cadence has ` +
        `stopped, so the next one cannot be predicted`,
    };
  }
  const next = nextRelease(cadence, commitAt);
  const inside =
    next.getTime() - cadence.jitterMs < commitAt.getTime() + LEAD_MS && next.getTime() + cadence.jitterMs >= commitAt.getTime();
  return { kind: inside ? "conflict" : "clear", next, cadence };
}

/** The verdict in words, with the advice on timing for a conflict. */
export function windowMessage(verdict: WindowVerdict, commitAt: Date): string {
  if (verdict.kind === "unknown") return verdict.reason;
  const { cadence, next } = verdict;
  const seen =
    `packages came every ${duration(cadence.intervalMs)} (the newest ${cadence.releases} releases, the last at ${utc(cadence.last)}), ` +
    `so the next is expected around ${utc(next)} (±${duration(cadence.jitterMs)})`;
  if (verdict.kind === "clear") return `${seen}: after this commitment's 120-minute window (until ${utc(eligibleFrom(commitAt))})`;
  const tooClose = cadence.intervalMs < LEAD_MS + 2 * cadence.jitterMs;
  const advice = tooClose
    ? "Packages come less than 120 minutes apart: every commitment costs at least one package."
    : `Release right after that package is out (after ${utc(new Date(next.getTime() + cadence.jitterMs))}): the model is then ` +
      `eligible for the one after, around ${utc(new Date(next.getTime() + cadence.intervalMs))}.`;
  return (
    `a dataset package is likely to come out within 120 minutes of this commitment: ${seen}. Validators only evaluate a model ` +
    `committed at least 120 minutes before a package, and they keep one model per hotkey, so the hotkey would score 0 on that ` +
    `package. ${advice}`
  );
}
