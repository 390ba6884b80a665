/** The chain's commitment limits and the default model name: pure functions, table-driven. */
import type { ApiPromise } from "@polkadot/api";
import { commitAllowance, jsonNumber, legacyEpoch, readCommitLimit, whenAllowed, type CommitLimit } from "../src/release/limits.js";
import { defaultStem, labelOf } from "../src/release/naming.js";
import { checkCommitment, commitmentAdvice } from "../src/release/commitment.js";

describe("whether the chain accepts a commitment now", () => {
  const rate = (lastBlock?: number): CommitLimit => ({ kind: "rate", rateLimit: 100, lastBlock });
  const space = (usedSpace: number, usedEpoch = 7): CommitLimit => ({
    kind: "space",
    maxSpace: 3100,
    usedSpace,
    usedEpoch,
    epoch: 7,
    nextEpochBlock: 5000,
  });
  it.each([
    ["never committed", rate(), 1000, 120, { ok: true }],
    ["the rate limit has passed", rate(900), 1000, 120, { ok: true }],
    ["inside the rate limit", rate(950), 1000, 120, { ok: false, nextBlock: 1050 }],
    ["space left this epoch", space(2900), 1000, 120, { ok: true }],
    ["space used up this epoch", space(3000), 1000, 120, { ok: false, nextBlock: 5000 }],
    // A short commitment still counts 100 bytes.
    ["space for 100 bytes only", space(3000), 1000, 20, { ok: true }],
    ["space for 99 bytes is not enough", space(3001), 1000, 20, { ok: false, nextBlock: 5000 }],
    ["space used in an earlier epoch", space(3100, 6), 1000, 128, { ok: true }],
    ["an unknown runtime", { kind: "unknown", reason: "x" } as CommitLimit, 1000, 128, { ok: true }],
  ])("%s", (_, limit, atBlock, bytes, expected) => {
    expect(commitAllowance(limit, atBlock, bytes)).toMatchObject(expected);
  });
  it("names the chain's error and the block from which it is allowed again", () => {
    const refused = commitAllowance(rate(950), 1000, 120);
    expect(refused).toMatchObject({ why: expect.stringContaining("(CommitmentSetRateLimitExceeded)") });
    expect(commitAllowance(space(3000), 1000, 120)).toMatchObject({
      why:
        "the hotkey has used 3000 of its 3100 bytes of commitment space in this epoch and this commitment counts 120 " +
        "(SpaceLimitExceeded)",
    });
    expect(whenAllowed(1050, 999)).toBe("next commitment allowed at block 1050 (~11 min)");
    expect(whenAllowed(undefined, 999)).toBe("next commitment allowed in the subnet's next epoch");
  });
  it.each([
    // (block + netuid + 1) / (tempo + 1), as subtensor's get_epoch_index computed it before SubnetEpochIndex.
    [76, 360, 0, { epoch: 0, nextEpochBlock: 284 }],
    [76, 360, 283, { epoch: 0, nextEpochBlock: 284 }],
    [76, 360, 284, { epoch: 1, nextEpochBlock: 645 }],
    [1, 99, 5000, { epoch: 50, nextEpochBlock: 5098 }],
  ])("legacy epoch of subnet %p, tempo %p, block %p", (netuid, tempo, block, expected) => {
    expect(legacyEpoch(netuid, block, tempo)).toEqual(expected);
  });
  it.each([
    [5, 5],
    ["0x10", 16],
    ["300", 300],
    [null, undefined],
    ["abc", undefined],
  ])("a SCALE number as JSON: %p", (json, n) => {
    expect(jsonNumber(json)).toBe(n);
  });
});

/**
 * The storage items as @polkadot/api decorates them from a runtime's metadata (camelCase names,
 * toJSON values). The local node runs spec 219 (rate limit, end to end in release-chain.test.ts);
 * the space limit of current runtimes is read through this stand-in.
 */
function runtime(query: Record<string, Record<string, unknown>>, consts: Record<string, Record<string, unknown>> = {}): ApiPromise {
  const codec = (json: unknown) => ({ toJSON: () => json });
  const wrap = (items: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(items).map(([name, json]) => [
        name,
        async (...args: unknown[]) => codec(typeof json === "function" ? json(...args) : json),
      ]),
    );
  return {
    query: Object.fromEntries(Object.entries(query).map(([pallet, items]) => [pallet, wrap(items)])),
    consts: Object.fromEntries(
      Object.entries(consts).map(([pallet, items]) => [pallet, Object.fromEntries(Object.entries(items).map(([k, v]) => [k, codec(v)]))]),
    ),
  } as unknown as ApiPromise;
}

describe("reading the limit from the runtime", () => {
  it("the space limit with the stateful epoch counter (SubnetEpochIndex, LastEpochBlock + Tempo)", async () => {
    const api = runtime({
      commitments: { usedSpaceOf: { lastEpoch: "0x07", usedSpace: 3000 }, maxSpace: 3100 },
      subtensorModule: { tempo: 360, subnetEpochIndex: 7, lastEpochBlock: 4000 },
    });
    const limit = await readCommitLimit(api, 76, "5F", 4100);
    expect(limit).toEqual({ kind: "space", maxSpace: 3100, usedSpace: 3000, usedEpoch: 7, epoch: 7, nextEpochBlock: 4360 });
    expect(commitAllowance(limit, 4100, 120)).toMatchObject({ ok: false, nextBlock: 4360 });
  });
  it("the space limit with the epoch computed from the tempo, before SubnetEpochIndex; no usage yet", async () => {
    const api = runtime({ commitments: { usedSpaceOf: null, maxSpace: 3100 }, subtensorModule: { tempo: 360 } });
    expect(await readCommitLimit(api, 76, "5F", 284)).toEqual({
      kind: "space",
      maxSpace: 3100,
      usedSpace: 0,
      usedEpoch: -1,
      epoch: 1,
      nextEpochBlock: 645,
    });
  });
  it.each([
    [
      "a RateLimit storage value",
      runtime({ commitments: { lastCommitment: 950, rateLimit: 100 } }),
      { kind: "rate", rateLimit: 100, lastBlock: 950 },
    ],
    [
      "a RateLimit constant (spec 219)",
      runtime({ commitments: { lastCommitment: null } }, { commitments: { rateLimit: 100 } }),
      { kind: "rate", rateLimit: 100 },
    ],
    ["neither", runtime({ commitments: { commitmentOf: null } }), { kind: "unknown" }],
  ])("the rate limit from %s", async (_, api, expected) => {
    expect(await readCommitLimit(api, 76, "5F", 1000)).toMatchObject(expected);
  });
});

describe("the default model name", () => {
  const SHA = "1a2b3c4d".repeat(8);
  it.each([
    ["v1.2.0", "v1.2.0"],
    ["model.onnx", "model"],
    ["release/2026 11 20", "release-2026-11-20"],
    ["-.weird:name!", "weird-name"],
    ["a-very-long-tag-name-for-a-release", "a-very-long-tag-na"],
    ["モデル", "model"],
  ])("label of %j is %j", (text, label) => {
    expect(labelOf(text)).toBe(label);
  });
  it("is <label>-<8 hex digits>, within the miner CLI's file-name limits, and commits", () => {
    const stem = defaultStem("a-very-long-tag-name-for-a-release", SHA);
    expect(stem).toBe("a-very-long-tag-na-1a2b3c4d");
    const parts = { repoId: "miner/skin", stem, competitionId: "tricorder-3", sha256: SHA };
    expect(checkCommitment(parts)).toBe(`miner/skin:${stem}:tricorder-3:${SHA}`);
    expect(commitmentAdvice(parts)).toEqual([]);
  });
});
