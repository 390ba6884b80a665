/** The forecast's report: headline, ranked table, notes, escaping of everything that comes from chain or hub, size limit. */
import { getCompetition } from "../src/competition/competition.js";
import type { ForecastDocument, ForecastEntry } from "../src/engine/forecast-document.js";
import { forecastHeadline, forecastMarkdown, forecastPath, forecastText, percent, shortHotkey } from "../src/report/forecast.js";

const tricorder = getCompetition("tricorder-3");
const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const CAROL = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
const DAVE = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
const PKG = "hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-11-20.zip";

function entry(overrides: Partial<ForecastEntry>): ForecastEntry {
  return {
    candidate: false,
    uid: 1,
    hotkey: ALICE,
    repo: "alice/skin",
    block: 1000,
    status: "scored",
    package_scores: [0.8],
    average: 0.8,
    rank: 1,
    gap_to_first: 0,
    share: 0.6494,
    ...overrides,
  };
}

const candidate = (overrides: Partial<ForecastEntry> = {}): ForecastEntry =>
  entry({ candidate: true, uid: null, hotkey: null, repo: undefined, block: undefined, ...overrides });

function doc(rows: readonly ForecastEntry[], overrides: Partial<ForecastDocument> = {}): ForecastDocument {
  const cand = rows.find((r) => r.candidate);
  return {
    competition_id: "tricorder-3",
    netuid: 76,
    at_block: 4242,
    now: "2026-11-30T00:00:00.000Z",
    packages: [PKG],
    top_n: 10,
    rows,
    candidate: {
      rank: cand?.rank ?? null,
      rank_of: rows.filter((r) => r.rank !== null).length,
      share: cand?.share ?? 0,
      ...(cand?.copy_of ? { copy_of: cand.copy_of } : {}),
    },
    not_evaluated: [],
    ignored: [],
    void_packages: [],
    ...overrides,
  };
}

/** Alice first, the candidate second, Bob third; Carol rejected, Dave a copy of Alice. */
const ranked = doc([
  entry({ uid: 3 }),
  candidate({ package_scores: [0.75], average: 0.75, rank: 2, gap_to_first: 0.05, share: 0.2208 }),
  entry({
    uid: 5,
    hotkey: BOB,
    repo: "bob/derm",
    block: 1100,
    package_scores: [0.7],
    average: 0.7,
    rank: 3,
    gap_to_first: 0.1,
    share: 0.1299,
  }),
  entry({
    uid: 7,
    hotkey: CAROL,
    repo: "carol/x",
    block: 900,
    status: "rejected",
    reason: "MIT license not found or invalid",
    package_scores: [0],
    average: 0,
    rank: null,
    gap_to_first: 0.8,
    share: 0,
  }),
  entry({
    uid: 9,
    hotkey: DAVE,
    repo: "dave/copy",
    block: 1200,
    status: "copy",
    copy_of: { hotkey: ALICE, block: 1000 },
    package_scores: [0],
    average: 0,
    rank: null,
    gap_to_first: 0.8,
    share: 0,
  }),
]);

const copied = doc([
  entry({ uid: 3 }),
  candidate({ package_scores: [0], average: 0, rank: null, gap_to_first: 0.8, share: 0, copy_of: { hotkey: ALICE, block: 1000 } }),
]);

const zero = doc([entry({ uid: 3 }), candidate({ package_scores: [0], average: 0, rank: null, gap_to_first: 0.8, share: 0 })]);

describe("the forecast's headline", () => {
  it.each<[string, ForecastDocument, string]>([
    ["a rank and a share", ranked, "Would rank 2 of 3, about 22.1% of the competition's rewards."],
    [
      "a copy",
      copied,
      `Validators would treat this as a copy of ${ALICE}'s model (block 1000): the earlier commitment keeps the score, this one gets 0.`,
    ],
    ["an average of 0", zero, "Would not rank: its average score would be 0, and validators rank only models above 0."],
  ])("says %s", (_, forecast, line) => {
    expect(forecastHeadline(forecast)).toBe(line);
    expect(forecastMarkdown(forecast, tricorder)).toContain(line);
  });

  it("names a copy on one package even when the model still ranks", () => {
    const partial = doc([
      entry({ uid: 3 }),
      candidate({ average: 0.4, rank: 2, gap_to_first: 0.4, share: 0.3, copy_of: { hotkey: ALICE, block: 1000 } }),
    ]);
    expect(forecastHeadline(partial)).toBe(
      `Would rank 2 of 2, about 30.0% of the competition's rewards; but on at least one package validators would treat this as a ` +
        `copy of ${ALICE}'s model (block 1000): the earlier commitment keeps the score, this one gets 0.`,
    );
  });
});

describe("the forecast in Markdown", () => {
  const md = forecastMarkdown(ranked, tricorder);

  it("is a ranked table with the candidate's row in bold", () => {
    expect(md.startsWith("### Forecast: where this model would rank on subnet 76 (tricorder-3)\n\n**Would rank 2 of 3")).toBe(true);
    expect(md).toContain("rewards.**\n\n| rank | uid | hotkey | repository | block | score | average | gap to #1 | share | validators |");
    expect(md).toContain(`| 1 | 3 | ${shortHotkey(ALICE)} | alice/skin | 1000 | 0.800000 | 0.800000 |  | 64.9% |  |`);
    expect(md).toContain("| **2** | **—** | **← this model** |  |  | **0.750000** | **0.750000** | **0.050000** | **22.1%** |  |");
    const order = [shortHotkey(ALICE), "← this model", shortHotkey(BOB), shortHotkey(CAROL), shortHotkey(DAVE)].map((s) => md.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("gives the validators' reason for a rejected row and names whose copy a copy is", () => {
    expect(md).toContain(
      "| — | 7 | 5FLSig…S59Y | carol/x | 900 | 0.000000 | 0.000000 | 0.800000 | 0% | rejected: MIT license not found or invalid |",
    );
    expect(md).toContain(`| copy of ${shortHotkey(ALICE)}'s model (block 1000): 0 |`);
  });

  it("flags the candidate's copy in its row and marks the headline", () => {
    const text = forecastMarkdown(copied, tricorder);
    expect(text).toContain(`**❌ Validators would treat this as a copy of ${ALICE}'s model (block 1000)`);
    expect(text).toContain(`**copy of ${shortHotkey(ALICE)}'s model (block 1000): 0** |`);
  });

  it("counts what it did not evaluate and what validators ignore, and says what the numbers mean", () => {
    const text = forecastMarkdown(
      doc(ranked.rows, {
        not_evaluated: [
          { uid: 20, hotkey: "a", reason: "outside the top 10 by Incentive" },
          { uid: 21, hotkey: "b", reason: "outside the top 10 by Incentive" },
          { uid: 22, hotkey: "c", reason: "committed too recently: 0 on a package released now" },
          { uid: 23, hotkey: "d", reason: "the hub did not serve it: HTTP 503" },
        ],
        ignored: [{ hotkey: "e", reason: "no commitment on chain" }],
      }),
      tricorder,
    );
    expect(text).toContain(
      "Committed models not evaluated: 2 outside the top 10 by Incentive, 1 committed too recently, 1 the hub did not serve it.",
    );
    expect(text).toContain("Ignored: 1 registered hotkey(s) or commitment(s) validators do not evaluate for this competition");
    expect(text).toContain("At block 4242: the top 10 committed models by Incentive");
    expect(text).toContain("not emission");
  });

  it("says when validators would still log the committed leader as the winner (within 1e-4), and escapes its hotkey", () => {
    const text = forecastMarkdown(doc(ranked.rows, { candidate: { ...ranked.candidate, logged_winner_stays: "<b>x</b>" } }), tricorder);
    expect(text).toContain("Within 1e-4 of &lt;b&gt;x&lt;/b&gt;'s average: validators would still log it as the winner");
    expect(forecastMarkdown(ranked, tricorder)).not.toContain("Within 1e-4");
  });

  it("has a column per package, and says which package is void for everyone", () => {
    const older = "hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-11-01.zip";
    const broken = "hf://safescanai/tricorder-3-data/packages/tricorder-3-2026-10-01.zip";
    const text = forecastMarkdown(
      doc([entry({ package_scores: [0.8, 0.8] }), candidate({ package_scores: [0.7, 0.8], average: 0.75, rank: 2, gap_to_first: 0.05 })], {
        packages: [PKG, older, broken],
        void_packages: [{ package: broken, reason: "a (k, 1) output <b>crashes</b>" }],
      }),
      tricorder,
    );
    expect(text).toContain("| block | tricorder-3-2026-11-20.zip | tricorder-3-2026-11-01.zip | average |");
    expect(text).toContain(
      "⚠️ hf:\\/\\/safescanai/tricorder-3-data/packages/tricorder-3-2026-10-01.zip: no model is scored on this package " +
        "(validators fail it for everyone): a (k, 1) output &lt;b&gt;crashes&lt;/b&gt;",
    );
  });

  it.each<[string, Partial<ForecastEntry>, string[], string[]]>([
    [
      "HTML and table syntax in a repository",
      { repo: 'evil/<img src=x onerror="alert(1)">|**bold**' },
      ['evil/&lt;img src=x onerror="alert(1)"&gt;\\|\\*\\*bold\\*\\*'],
      ["<img", "|**bold**"],
    ],
    [
      "links, mentions and comments in a reason",
      { status: "rejected", reason: "see https://evil.example and @octocat <!-- hide -->[x](y)", rank: null, average: 0 },
      ["https:\\/\\/evil.example", "@\u200boctocat", "&lt;!-- hide --&gt;\\[x\\](y)"],
      ["https://", "@octocat", "<!--", "[x](y)"],
    ],
    ["a newline in a hotkey", { hotkey: "5E\n# pwn" }, ["| 5E # pwn |"], ["\n# pwn"]],
    [
      "markup in whose copy it is",
      { status: "copy", rank: null, average: 0, copy_of: { hotkey: "<script>", block: 7 } },
      ["copy of &lt;script&gt;'s model (block 7)"],
      ["<script>"],
    ],
  ])("escapes %s", (_, row, present, absent) => {
    const text = forecastMarkdown(doc([entry({ uid: 4, ...row }), candidate({ rank: 1, share: 1 })]), tricorder);
    for (const s of present) expect(text).toContain(s);
    for (const s of absent) expect(text).not.toContain(s);
  });

  it("keeps within its limit, dropping rows but never the candidate's", () => {
    const rows = Array.from({ length: 64 }, (_, i) =>
      entry({ uid: i, rank: i + 1, repo: `miner-${i}/${"x".repeat(60)}`, average: 0.9 - i / 100 }),
    );
    rows.push(candidate({ rank: 65, average: 0.1, share: 0.0001 }));
    const full = forecastMarkdown(doc(rows), tricorder);
    expect(full).not.toContain("more row(s)");
    for (const limit of [full.length - 1, 4_000, 1_500]) {
      const text = forecastMarkdown(doc(rows), tricorder, { limit });
      expect(text.length).toBeLessThanOrEqual(limit);
      expect(text).toContain("**← this model**");
      expect(text).toMatch(/_\d+ more row\(s\) in forecast\.json\._/);
    }
    const tiny = forecastMarkdown(doc(rows), tricorder, { limit: 300 });
    expect(tiny.length).toBeLessThanOrEqual(300);
    expect(tiny).toContain("forecast.json has everything");
  });
});

describe("the forecast on a terminal", () => {
  it("prints the headline and aligned columns, without the terminal escapes a repository name may carry", () => {
    const text = forecastText(doc([entry({ repo: "evil/\u001b[2Jrepo\u009b" }), candidate({ rank: 2, share: 0.35, average: 0.7 })]));
    expect(text.split("\n")[0]).toBe("forecast on subnet 76: Would rank 2 of 2, about 35.0% of the competition's rewards.");
    const [, , head, first, second] = text.split("\n");
    expect(head.split(/ {2,}/)).toEqual([
      "rank",
      "uid",
      "hotkey",
      "repository",
      "block",
      "score",
      "average",
      "gap to #1",
      "share",
      "validators",
    ]);
    expect(second.split(/ {2,}/)).toEqual(["2", "—", "← this model", "0.800000", "0.700000", "0.000000", "35.0%"]);
    expect(first.indexOf("evil/")).toBe(head.indexOf("repository"));
    expect(text).toContain("evil/ [2Jrepo ");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("small helpers", () => {
  it.each([
    [0.649351, "64.9%"],
    [0.101, "10.1%"],
    [0.000833, "0.08%"],
    [0, "0%"],
  ])("percent(%p) = %p", (share, text) => expect(percent(share)).toBe(text));

  it.each([
    ["cancer-ai-results.json", "cancer-ai-results.forecast.json"],
    ["out/results.JSON", "out/results.forecast.json"],
    ["results", "results.forecast.json"],
  ])("forecastPath(%p) = %p", (results, forecast) => expect(forecastPath(results)).toBe(forecast));

  it("shortens a hotkey, not a short name", () => {
    expect(shortHotkey(ALICE)).toBe("5Grwva…utQY");
    expect(shortHotkey("5F")).toBe("5F");
  });
});

describe("the own hotkey's note", () => {
  const mine = candidate({ uid: 7, hotkey: BOB });
  it.each([
    [
      { hotkey: BOB, uid: 7, committed: { block: 900, repo: "bob/skin", same_model: true } },
      `As hotkey ${BOB} (uid 7): this model is the one it committed at block 900, ranked as committed.`,
    ],
    [
      { hotkey: BOB, uid: 7, committed: { block: 900, repo: "bob/skin", same_model: false } },
      `As hotkey ${BOB} (uid 7): this model takes the place of the one it committed at block 900, as a new commitment would`,
    ],
    [
      { hotkey: BOB, uid: 7, ignored: "no commitment on chain" },
      `As hotkey ${BOB} (uid 7): no model of it counts for this competition yet (no commitment on chain), so this model is ranked`,
    ],
    [
      { hotkey: "x<!--", uid: null },
      "As hotkey x&lt;!-- (not registered on the subnet now): no model of it counts for this competition yet, so",
    ],
  ])("%j", (own, note) => {
    expect(forecastMarkdown(doc([entry({}), mine], { own_hotkey: own }), tricorder)).toContain(note);
  });
});
