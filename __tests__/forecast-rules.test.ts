/**
 * The forecast's pure rules against goldens made by the validators' own
 * functions (scripts/golden/forecast_rules.py, cancer-ai 99ea548).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { copySignature, pyFloatRepr, signatureRows, type PredictionsRaw } from "../src/engine/copy-signature.js";
import { applyCopyRule, forecastRows, pioneerCheck, pyInt, type PackageEntry } from "../src/engine/forecast.js";
import {
  BEYOND_TOP_10_TOTAL,
  HISTORY_LENGTH,
  hysteresisWinner,
  MOVING_AVERAGE_LENGTH,
  movingAverage,
  rewardShares,
  SCORE_DISTRIBUTION,
  type Crowned,
} from "../src/competition/rewards.js";
import { GOLDEN_DIR } from "./helpers/golden.js";

const DIR = path.join(GOLDEN_DIR, "forecast");
const load = <T>(name: string): T => JSON.parse(readFileSync(path.join(DIR, name), "utf8")) as T;

type JsonValue = number | boolean | string | JsonValue[];
type Nested = number | Nested[];

/** The fixture's JSON values back to the doubles np.asarray(..., dtype=float) makes of them. */
function toDouble(v: JsonValue): Nested {
  if (Array.isArray(v)) return v.map(toDouble);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  if (v === "-0") return -0;
  return Number(BigInt(v)); // int64 beyond 2^53: the nearest double, as Python's float(int)
}

/** forecast_rules.py modgen: dtype(((i * 7919 + j * 104729) % 1000003) / 1000003). */
function modgen(n: number, k: number, dtype: string): number[][] {
  const cast: Record<string, (x: number) => number> = { float32: Math.fround, float64: (x) => x, float16: toFloat16 };
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: k }, (_, j) => cast[dtype](((i * 7919 + j * 104729) % 1000003) / 1000003)),
  );
}

/** Round a double to the nearest float16 (ties to even), for values in the normal range used here. */
function toFloat16(x: number): number {
  const e = Math.floor(Math.log2(Math.abs(x)));
  const quantum = 2 ** (Math.max(e, -14) - 10);
  const q = x / quantum;
  const r = Math.round(q);
  const even = Math.abs(q - Math.trunc(q)) === 0.5 ? 2 * Math.round(q / 2) : r;
  return even * quantum;
}

interface SignatureCase {
  name: string;
  raw?: JsonValue[];
  gen?: { n: number; k: number; dtype: string };
  crash?: string;
  sha256?: string;
  encoded?: string;
  encoded_head?: string;
  rows?: number;
  step?: number;
  metrics_key?: [number, number];
}

const signatures = load<{ cases: SignatureCase[] }>("signatures.json").cases;

describe("copy signature = tricorder_common.get_comparable_result (golden)", () => {
  it.each(signatures.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const raw = (c.gen ? modgen(c.gen.n, c.gen.k, c.gen.dtype) : toDouble(c.raw ?? [])) as PredictionsRaw;
    const got = copySignature(raw, { accuracy: 0.4567895, weightedF1: 0.25 });
    if (c.crash) {
      expect(got.kind).toBe("crash");
    } else if (c.metrics_key) {
      expect(got).toEqual({ kind: "metrics", accuracy: c.metrics_key[0], weightedF1: c.metrics_key[1] });
    } else {
      if (got.kind !== "sha256") throw new Error(`expected a hash, got ${got.kind}`);
      if (c.encoded) expect(got.encoded).toBe(c.encoded);
      if (c.encoded_head) expect(got.encoded.slice(0, c.encoded_head.length)).toBe(c.encoded_head);
      expect({ sha256: got.sha256, rows: got.rows, step: got.step }).toEqual({ sha256: c.sha256, rows: c.rows, step: c.step });
    }
  });

  it.each([
    [1, 1, 1],
    [399, 399, 1],
    [400, 200, 2],
    [401, 201, 2],
    [1000, 200, 5],
    [1199, 240, 5],
  ])("rows sampled from n = %i: %i (step %i)", (n, rows, step) => {
    const got = signatureRows(n);
    expect([got.indices.length, got.step]).toEqual([rows, step]);
  });

  it.each([
    [1e-6, "1e-06"],
    [5e-5, "5e-05"],
    [1.2e-5, "1.2e-05"],
    [0.0001, "0.0001"],
    [1, "1.0"],
    [1e16, "1e+16"],
    [9999999999999998, "9999999999999998.0"],
    [1.5e300, "1.5e+300"],
    [-2.5e-7, "-2.5e-07"],
    [123.456, "123.456"],
    [-0, "-0.0"],
    [NaN, "NaN"],
    [-Infinity, "-Infinity"],
  ])("Python repr of %p is %s", (x, text) => expect(pyFloatRepr(x)).toBe(text));
});

interface Member {
  hotkey: string;
  score: number;
  rows: number[][];
  slashed: boolean;
  hash: string;
  record: string | null;
  extrinsic: { block: number; index: number; signer: string; raw: string; variant: string };
}
interface Scenario {
  name: string;
  members: Member[];
  expected: { groups: string[][]; pioneers: string[]; invalid: string[]; scores: Record<string, number>; winner: string };
}

const scenarios = load<{ scenarios: Scenario[] }>("copy_rules.json").scenarios;

/** The chain as the stub served it: every member's extrinsic in its block, filler elsewhere. */
function blocksOf(members: readonly Member[]): Map<number, { signer: string | null; firstRaw: string | null }[]> {
  const blocks = new Map<number, { signer: string | null; firstRaw: string | null }[]>();
  for (const { extrinsic: e } of members) {
    const list = blocks.get(e.block) ?? [];
    while (list.length <= e.index) list.push({ signer: "filler", firstRaw: "\u0000" });
    list[e.index] = { signer: e.signer, firstRaw: e.raw };
    blocks.set(e.block, list);
  }
  return blocks;
}

function parseRecord(text: string | null): { hotkey?: unknown; extrinsic?: unknown } | undefined {
  if (text === null) return undefined;
  return JSON.parse(text) as { hotkey?: unknown; extrinsic?: unknown };
}

describe("copy rule = group_duplicate_scores + get_pioneer_models (golden)", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (_, s) => {
    const blocks = blocksOf(s.members);
    const entries: PackageEntry[] = s.members.map((m, uid) => {
      const record = parseRecord(m.record);
      const blockText = typeof record?.extrinsic === "string" ? record.extrinsic.split("-")[0] : "";
      return {
        hotkey: m.hotkey,
        uid,
        score: m.score,
        slashed: m.slashed,
        signature: copySignature(m.rows),
        pioneer: pioneerCheck({ hotkey: m.hotkey, commitmentHash: m.hash, record, blockExtrinsics: blocks.get(Number(blockText)) }),
      };
    });
    const result = applyCopyRule(entries);
    expect(result.groups.map((g) => g.map((i) => s.members[i].hotkey))).toEqual(s.expected.groups);
    const scores = Object.fromEntries(result.outcomes.map((o) => [o.hotkey, o.score]));
    expect(scores).toEqual(s.expected.scores);
    const invalid = result.outcomes.filter((o) => o.status === "invalid-record").map((o) => o.hotkey);
    expect(invalid.sort()).toEqual(s.expected.invalid);
    for (const [i, o] of result.outcomes.entries()) {
      if (o.status === "copy") expect(s.expected.pioneers).toContain(o.copyOf?.hotkey);
      if (s.expected.pioneers.includes(s.members[i].hotkey)) expect(o.status).toBe("scored");
    }
  });

  it("treats the candidate as a valid member with the latest block", () => {
    const same = copySignature([[0.1, 0.7, 0.2]]);
    const entry = (hotkey: string | null, uid: number | null, block?: number): PackageEntry => ({
      hotkey,
      uid,
      score: 0.8,
      slashed: false,
      signature: same,
      pioneer: block === undefined ? { valid: false, reason: "signer" } : { valid: true, block },
    });
    const copied = applyCopyRule([entry("A", 3, 1000), entry("B", 5, 1200), entry(null, null)]);
    expect(copied.outcomes.map((o) => [o.status, o.score])).toEqual([
      ["scored", 0.8],
      ["copy", 0],
      ["copy", 0],
    ]);
    expect(copied.outcomes[2].copyOf).toEqual({ hotkey: "A", block: 1000 });
    const alone = applyCopyRule([entry("A", 3), entry(null, null)]);
    expect(alone.outcomes.map((o) => o.status)).toEqual(["invalid-record", "scored"]);
  });

  it("a (k,1) crash of a scored model voids the package", () => {
    const crash = copySignature([
      [[0.2], [0.8]],
      [[0.9], [0.1]],
    ]);
    const result = applyCopyRule([{ hotkey: "A", uid: 0, score: 0.5, slashed: false, signature: crash }]);
    expect(result.void).toMatch(/voids the package/);
    const zero = applyCopyRule([{ hotkey: "A", uid: 0, score: 0, slashed: false, signature: crash }]);
    expect(zero.void).toBeUndefined();
  });

  it.each([
    ["12", 10, 12],
    [" 12 ", 10, 12],
    ["+1_000", 10, 1000],
    ["0x1f", 16, 31],
    ["1__0", 10, undefined],
    ["", 10, undefined],
  ] as const)("Python int(%p, %i) = %p", (text, base, value) => expect(pyInt(text, base)).toBe(value));
});

interface Rewards {
  constants: {
    HISTORY_LENGTH: number;
    MOVING_AVERAGE_LENGTH: number;
    BEYOND_TOP_10_TOTAL_SCORE: number;
    SCORE_DISTRIBUTION: Record<string, number>;
  };
  shares: {
    name: string;
    n: number;
    weight: number;
    averages_by_uid: number[];
    order: number[];
    scores_f32: number[];
    weights_f32: number[];
  }[];
  moving_average: { scores: number[]; averages: number[]; history_lengths: number[] }[];
  hysteresis: { name: string; steps: [string, number][][]; expected: { winner: string; stored: [string, number] }[] }[];
}

const rewards = load<Rewards>("rewards.json");

describe("rewards = rewarder.py + Validator.update_scores + set_weights (golden)", () => {
  it("uses the validators' constants", () => {
    const c = rewards.constants;
    expect([HISTORY_LENGTH, MOVING_AVERAGE_LENGTH, BEYOND_TOP_10_TOTAL]).toEqual([
      c.HISTORY_LENGTH,
      c.MOVING_AVERAGE_LENGTH,
      c.BEYOND_TOP_10_TOTAL_SCORE,
    ]);
    expect(SCORE_DISTRIBUTION).toEqual(Object.keys(c.SCORE_DISTRIBUTION).map((rank) => c.SCORE_DISTRIBUTION[rank]));
  });

  it.each(rewards.shares.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const got = rewardShares(c.averages_by_uid, c.weight);
    expect(got.order).toEqual(c.order);
    expect(got.scores).toEqual(c.scores_f32);
    expect(got.shares).toEqual(c.weights_f32);
  });

  it.each(rewards.moving_average.map((c) => [c.scores.join(", "), c] as const))("moving average of %s", (_, c) => {
    c.scores.forEach((_, i) => {
      // add_score keeps the newest HISTORY_LENGTH scores (rw:79-83).
      const history = c.scores.slice(0, i + 1).slice(-HISTORY_LENGTH);
      expect(history.length).toBe(c.history_lengths[i]);
      expect(movingAverage(history)).toBe(c.averages[i]);
    });
  });

  it.each(rewards.hysteresis.map((c) => [c.name, c] as const))("hysteresis: %s", (_, c) => {
    let crowned: Crowned | undefined;
    c.steps.forEach((table, i) => {
      const got = hysteresisWinner(table, crowned);
      crowned = got.crowned;
      expect([got.winner, [crowned.hotkey, crowned.score]]).toEqual([c.expected[i].winner, c.expected[i].stored]);
    });
  });
});

describe("forecast rows", () => {
  it("ranks averages, gives shares and the candidate's copy status", () => {
    const sig = (x: number) => copySignature([[x, 1 - x]]);
    const pkg = (scores: number[], candidateSig: number) =>
      applyCopyRule([
        { hotkey: "A", uid: 0, score: scores[0], slashed: false, signature: sig(0.1), pioneer: { valid: true, block: 1000 } },
        { hotkey: "B", uid: 1, score: scores[1], slashed: false, signature: sig(0.2), pioneer: { valid: true, block: 1100 } },
        { hotkey: null, uid: null, score: scores[2], slashed: false, signature: sig(candidateSig) },
      ]);
    const distinct = forecastRows([pkg([0.8, 0.6, 0.7], 0.3), pkg([0.8, 0.6, 0.7], 0.3)], 1);
    expect(distinct.rows.map((r) => r.rank)).toEqual([1, 3, 2]);
    expect(distinct.candidate.rank).toBe(2);
    expect(distinct.candidate.rankOf).toBe(3);
    expect(distinct.rows[2].gapToFirst).toBeCloseTo(0.1, 12);
    expect(distinct.rows[2].ramp).toBeCloseTo(0.28, 12);
    const copy = forecastRows([pkg([0.8, 0.6, 0.8], 0.1)], 1);
    expect(copy.candidate).toEqual({ rank: null, rankOf: 2, share: 0, copyOf: { hotkey: "A", block: 1000 } });
  });

  it.each([
    // candidate's score against A's 0.8: within 1e-4 (in binary, as get_top_hotkey compares), A stays the logged winner.
    [0.80005, "A"],
    [0.8001, "A"],
    [0.80011, undefined],
    [0.9, undefined],
    [0.7, undefined],
  ])("a candidate at %p on top of A at 0.8: validators' logged winner stays %p", (candidate, stays) => {
    const sig = (x: number) => copySignature([[x, 1 - x]]);
    const result = forecastRows(
      [
        applyCopyRule([
          { hotkey: "A", uid: 0, score: 0.8, slashed: false, signature: sig(0.1), pioneer: { valid: true, block: 1000 } },
          { hotkey: null, uid: null, score: candidate, slashed: false, signature: sig(0.3) },
        ]),
      ],
      1,
    );
    expect(result.candidate.loggedWinnerStays).toBe(stays);
    if (candidate > 0.8) expect(result.candidate.rank).toBe(1);
  });
});
