/** The release window from a package history: pure functions, table-driven. */
import {
  duration,
  eligibleFrom,
  estimateCadence,
  nextRelease,
  releaseTimes,
  utc,
  windowMessage,
  windowVerdict,
  type Cadence,
} from "../src/release/window.js";

const at = (iso: string): Date => new Date(iso);
/** `count` releases `everyHours` apart, the last at `last`, newest first (as discovery lists them). */
function history(last: string, everyHours: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.parse(last) - i * everyHours * 3_600_000).toISOString());
}

describe("release times", () => {
  it("dedupes packages of one release (within 30 min) and sorts newest first, skipping undated ones", () => {
    const dates = ["2026-11-19T12:00:00Z", undefined, "2026-11-20T12:10:00Z", "2026-11-20T12:00:00Z", "not a date"];
    expect(releaseTimes(dates).map((d) => d.toISOString())).toEqual(["2026-11-20T12:10:00.000Z", "2026-11-19T12:00:00.000Z"]);
  });
});

describe("the cadence", () => {
  it.each([
    ["too few releases", history("2026-11-20T12:00:00Z", 24, 3), /only 3 dated package releases so far/],
    [
      "irregular",
      ["2026-11-20T12:00:00Z", "2026-11-19T12:00:00Z", "2026-11-17T03:00:00Z", "2026-11-16T23:00:00Z"],
      /irregular intervals \(24 h, 57 h, 4 h between the newest 4\)/,
    ],
  ])("none when %s", (_, dates, reason) => {
    expect(estimateCadence(dates)).toEqual(expect.stringMatching(reason));
  });
  it("a daily cadence with a few minutes of drift", () => {
    const dates = ["2026-11-20T12:05:00Z", "2026-11-19T12:00:00Z", "2026-11-18T11:58:00Z", "2026-11-17T12:00:00Z"];
    expect(estimateCadence(dates)).toEqual({
      intervalMs: 24 * 3_600_000 + 2 * 60_000,
      jitterMs: 15 * 60_000,
      last: at("2026-11-20T12:05:00Z"),
      releases: 4,
    });
  });
  it("reads at most the 8 newest releases", () => {
    const old = history("2026-10-01T00:00:00Z", 5, 20);
    const cadence = estimateCadence([...history("2026-11-20T12:00:00Z", 6, 8), ...old]) as Cadence;
    expect(cadence).toMatchObject({ intervalMs: 6 * 3_600_000, releases: 8 });
  });
});

describe("the next release", () => {
  const daily: Cadence = { intervalMs: 24 * 3_600_000, jitterMs: 15 * 60_000, last: at("2026-11-20T12:00:00Z"), releases: 5 };
  it.each([
    ["2026-11-20T13:00:00Z", "2026-11-21T12:00:00.000Z"],
    ["2026-11-21T11:59:00Z", "2026-11-21T12:00:00.000Z"],
    // A few minutes late: still expected any moment.
    ["2026-11-21T12:10:00Z", "2026-11-21T12:00:00.000Z"],
    // Overdue beyond the jitter: the one after.
    ["2026-11-21T12:20:00Z", "2026-11-22T12:00:00.000Z"],
    ["2026-11-23T18:00:00Z", "2026-11-24T12:00:00.000Z"],
  ])("at %s is %s", (now, next) => {
    expect(nextRelease(daily, at(now)).toISOString()).toBe(next);
  });
});

describe("the window verdict", () => {
  const daily = history("2026-11-20T12:00:00Z", 24, 5);
  it.each([
    ["2 h 15 min before the next package (2 h before its earliest)", "2026-11-21T09:45:00Z", "clear"],
    ["within 2 h of its earliest", "2026-11-21T09:45:01Z", "conflict"],
    ["1 h before it", "2026-11-21T11:00:00Z", "conflict"],
    ["just after it is due", "2026-11-21T12:10:00Z", "conflict"],
    ["once it is out", "2026-11-21T12:30:00Z", "clear"],
    ["right after the last one", "2026-11-20T12:20:00Z", "clear"],
  ])("committing %s: %s", (_, now, kind) => {
    expect(windowVerdict(daily, at(now)).kind).toBe(kind);
  });
  it("is unknown when the packages stopped coming", () => {
    expect(windowVerdict(daily, at("2026-11-25T00:00:00Z"))).toEqual({
      kind: "unknown",
      reason:
        "packages came every 24 h until 2026-11-20 12:00 UTC, and none since: the cadence has stopped, so the next one cannot be predicted",
    });
  });
  it("advises to release right after the package, or says every commitment costs one when packages are close", () => {
    const conflict = windowMessage(windowVerdict(daily, at("2026-11-21T11:00:00Z")), at("2026-11-21T11:00:00Z"));
    expect(conflict).toContain("so the next is expected around 2026-11-21 12:00 UTC (±15 min)");
    expect(conflict).toContain(
      "Release right after that package is out (after 2026-11-21 12:15 UTC): the model is then eligible for the one after, " +
        "around 2026-11-22 12:00 UTC.",
    );
    const hourly = history("2026-11-20T12:00:00Z", 1, 6);
    const now = at("2026-11-20T12:40:00Z");
    expect(windowMessage(windowVerdict(hourly, now), now)).toContain("every commitment costs at least one package");
  });
});

describe("words and times", () => {
  it.each([
    [45 * 60_000, "45 min"],
    [24 * 3_600_000, "24 h"],
    [6.5 * 3_600_000, "6 h 30 min"],
  ])("duration(%p) = %s", (ms, text) => {
    expect(duration(ms)).toBe(text);
  });
  it("eligible 120 minutes after the commitment, in UTC", () => {
    expect(utc(eligibleFrom(at("2026-11-20T23:30:00Z")))).toBe("2026-11-21 01:30 UTC");
  });
});
