/**
 * Issue #17: the verdict first (one headline line, no empty columns, small
 * models in KiB, no empty log groups, a summary for a failed run), and
 * report-id for several models in one repository (comment markers, baseline
 * keys, artifact names, the base-score and score-delta outputs).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { commentMarker } from "../src/action/comment.js";
import { failureAdvice, failureSummary } from "../src/action/failure.js";
import { scoreDelta } from "../src/action/report.js";
import { getCompetition } from "../src/competition/competition.js";
import { actionDefault, readConfig, type ConfigSource } from "../src/config/config.js";
import type { OptionName } from "../src/config/options.js";
import type { EvaluationResult, RunReport } from "../src/engine/results.js";
import { runReport } from "../src/engine/run.js";
import { HubUnavailableError } from "../src/release/errors.js";
import { baselineKeyPrefix, restoreBaseline, saveBaseline, toBaseline, type Baseline } from "../src/report/baseline.js";
import { applyGate, type GateVerdict } from "../src/report/gate.js";
import { deltaText, markdownReport, sizeText, verdictHeadline, type MarkdownOptions } from "../src/report/markdown.js";
import type { CacheStore } from "../src/util/cache-store.js";
import { DatasetError, ModelError, UsageError } from "../src/util/errors.js";
import { groupingLog, type Log } from "../src/util/log.js";
import { result as sampleResult } from "./helpers/results.js";
import { tempDir } from "./helpers/temp.js";

const tricorder = getCompetition("tricorder-3");

/** The shared sample result, without predictions. */
const result = (dataset: string, score: number, overrides: Partial<EvaluationResult> = {}): EvaluationResult =>
  sampleResult(dataset, score, { predictions: [], ...overrides });

const one = (score: number, overrides: Partial<EvaluationResult> = {}): RunReport =>
  runReport("tricorder-3", [result("pkg.zip", score, overrides)]);
const baseOn = (dataset: string, score: number): Baseline =>
  toBaseline({ ...runReport("tricorder-3", [result(dataset, score)]), score }, "main", "0123456789abcdef");
const gateOf = (report: RunReport, base: Baseline | undefined, rule = {}): GateVerdict =>
  applyGate(
    report,
    base && base.datasets.every((d) => report.datasets.some((r) => r.dataset === d.dataset)) ? base.score : undefined,
    rule,
  );

describe("the verdict headline", () => {
  const modelFault = { fault: "model" as const, code: "external-data", message: "validators would score 0: weights in model.onnx.data" };
  const packageFault = { fault: "package" as const, code: "no-images", message: "validators would fail this package for every model: x" };
  const cases: [string, RunReport, MarkdownOptions, string][] = [
    [
      "passed, against a baseline",
      one(0.7),
      { baseline: baseOn("pkg.zip", 0.6), baseBranch: "main" },
      "### ✅ CancerAI tricorder-3: score 0.700000 (▲ +0.100000 vs main) — gate passed",
    ],
    [
      "failed on a drop",
      one(0.6),
      { baseline: baseOn("pkg.zip", 0.7), baseBranch: "main", gate: undefined },
      "### ❌ CancerAI tricorder-3: score 0.600000 (▼ -0.100000 vs main) — gate failed: score 0.600000 dropped 0.100000 from the " +
        "base branch's 0.700000, more than max-score-drop 0.010000",
    ],
    [
      "validators would score 0",
      one(0, { verdict: modelFault }),
      { baseBranch: "main" },
      "### ❌ CancerAI tricorder-3: score 0.000000 (no baseline on main yet) — gate failed: pkg.zip: validators would score 0: " +
        "weights in model.onnx.data",
    ],
    [
      "no baseline yet",
      one(0.7),
      { baseBranch: "main" },
      "### ✅ CancerAI tricorder-3: score 0.700000 (no baseline on main yet) — gate passed",
    ],
    [
      "a baseline on other packages",
      one(0.7),
      { baseline: baseOn("old.zip", 0.9), baseBranch: "main" },
      "### ✅ CancerAI tricorder-3: score 0.700000 (not comparable with main: other packages) — gate passed",
    ],
    ["a push (nothing to compare with)", one(0.7), {}, "### ✅ CancerAI tricorder-3: score 0.700000 — gate passed"],
    [
      "no score",
      one(0, { verdict: packageFault }),
      { baseline: baseOn("pkg.zip", 0.6), baseBranch: "main" },
      "### ⚠️ CancerAI tricorder-3: no score: validators would fail every package for every model — gate passed",
    ],
    [
      "a report-id",
      one(0.7),
      { baseBranch: "main", reportId: "resnet-50" },
      "### ✅ CancerAI tricorder-3 (resnet-50): score 0.700000 (no baseline on main yet) — gate passed",
    ],
  ];
  it.each(cases)("%s", (name, report, options, expected) => {
    const rule = name === "failed on a drop" ? { maxScoreDrop: 0.01 } : {};
    const gate = gateOf(report, options.baseline, rule);
    expect(verdictHeadline(report, tricorder, { ...options, gate })).toBe(expected);
    // It is the report's first line (after the comment's marker), and the details follow.
    const md = markdownReport(report, tricorder, { ...options, gate, marker: "<!-- m -->" });
    expect(md.split("\n").slice(0, 2)).toEqual(["<!-- m -->", expected]);
  });

  it("escapes what comes from data, and bounds the gate's reasons", () => {
    const report = runReport("tricorder-3", [result("x<!--@octocat.zip", 0, { verdict: { ...modelFault, message: "y".repeat(2000) } })]);
    const line = verdictHeadline(report, tricorder, { gate: applyGate(report, undefined, {}), baseBranch: "a<b>" });
    expect(line).not.toMatch(/<!--|<b>|@octocat/);
    expect(line.length).toBeLessThan(600);
  });

  it.each([
    [0.7, 0.6, { branch: "main" }, "▲ +0.100000 vs main"],
    [0.6, 0.6, { branch: "main" }, "= 0 vs main"],
    [0.6, undefined, { branch: "main" }, "no baseline on main yet"],
    [0.6, undefined, { branch: "main", incomparable: true }, "not comparable with main: other packages"],
    [null, 0.6, { branch: "main" }, ""],
    [0.6, 0.5, {}, ""],
  ])("deltaText(%p, %p, %p) = %p", (score, base, context, expected) => {
    expect(deltaText(score, base, context)).toBe(expected);
  });
});

describe("details without empty columns", () => {
  it("drops the vs base columns without a baseline, and keeps them with one", () => {
    const without = markdownReport(one(0.7), tricorder);
    expect(without).toContain("| metric | value |\n|---|---|\n| score | 0.700000 |");
    expect(without).toContain("| class | name | risk | F1 | images |");
    expect(without).not.toContain("vs base");
    const withBase = markdownReport(one(0.7), tricorder, { baseline: baseOn("pkg.zip", 0.6) });
    expect(withBase).toContain("| metric | value | vs base |");
    expect(withBase).toContain("| class | name | risk | F1 | vs base | images |");
  });

  it("drops the released column of the package table when no package has a date", () => {
    const md = markdownReport(runReport("tricorder-3", [result("a.zip", 0.7), result("b.zip", 0.5)]), tricorder);
    expect(md).toContain("| package | score |\n|---|---|\n| a.zip | 0.700000 |");
  });

  it.each([
    [12.5, "12.50 MiB"],
    [0.01, "0.01 MiB"],
    [5 / 1024, "5.0 KiB"],
    [0.0099, "10.1 KiB"],
  ])("a model of %p MiB reads %p", (mib, text) => {
    expect(sizeText(mib)).toBe(text);
  });

  it("shows a tiny model in KiB", () => {
    expect(markdownReport(one(0.7, { model_size_mb: 3000 / 1048576 }), tricorder)).toContain("; model 2.9 KiB;");
  });
});

describe("log groups", () => {
  function recording(): { log: Log; lines: string[] } {
    const lines: string[] = [];
    const log = groupingLog({
      info: (m) => lines.push(m),
      warning: (m) => lines.push(`warning: ${m}`),
      startGroup: (t) => lines.push(`[${t}`),
      endGroup: () => lines.push("]"),
    });
    return { log, lines };
  }

  it("opens a group only when something is logged in it", async () => {
    const { log, lines } = recording();
    expect(await log.group("Datasets", async () => 1)).toBe(1);
    await log.group("Evaluating", async () => log.warning("slow"));
    await log.group("Nested", () => log.group("inner", async () => log.info("x")));
    await expect(log.group("Failing", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    log.info("after");
    expect(lines).toEqual(["[Evaluating", "warning: slow", "]", "[Nested", "x", "]", "after"]);
  });
});

describe("a failed run's summary", () => {
  it.each([
    [new UsageError('input dataset-count must be a whole number from 1 to 30, got "99"'), /^Fix the input/],
    [new HubUnavailableError("the hub did not answer"), /re-run the job/],
    [Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } }), /re-run the job/],
    [new ModelError("model file m.onnx does not exist"), /^Fix the model/],
    [new DatasetError("labels.csv has no rows"), /^Fix the dataset/],
    [new Error("boom"), /open an issue/],
  ])("%p: %p", (err, advice) => {
    expect(failureAdvice(err)).toMatch(advice);
    const summary = failureSummary(err);
    expect(summary.split("\n")[0]).toMatch(/^### ❌ cancer-ai-action failed: /);
    expect(summary).toContain(failureAdvice(err));
  });

  it("says unexpected for an error that is not the action's, escapes and redacts", () => {
    expect(failureSummary(new Error("boom"))).toContain("failed: unexpected failure: boom");
    const summary = failureSummary(new ModelError("bad <!-- token hf_secret"), (t) => t.replaceAll("hf_secret", "***"));
    expect(summary).not.toMatch(/hf_secret|<!--/);
  });
});

describe("report-id", () => {
  const config = (values: Partial<Record<OptionName, string>>) => {
    const source: ConfigSource = { value: (name) => values[name], defaultOf: actionDefault, label: (name) => `input ${name}` };
    return readConfig(source);
  };

  it("is a short slug, refused clearly otherwise", () => {
    expect(config({ "model-path": "m.onnx" }).reportId).toBeUndefined();
    expect(config({ "model-path": "m.onnx", "report-id": " resnet-50.v2_b " }).reportId).toBe("resnet-50.v2_b");
    for (const bad of ["a b", "a:b", "x".repeat(65), "<!--", "a/b"]) {
      expect(() => config({ "model-path": "m.onnx", "report-id": bad })).toThrow(UsageError);
      expect(() => config({ "model-path": "m.onnx", "report-id": bad })).toThrow(/input report-id must be 1 to 64 letters/);
    }
  });

  it("names the default artifact apart, and leaves a given artifact-name alone", () => {
    expect(config({ "model-path": "m.onnx" }).artifactName).toBe("cancer-ai-report");
    expect(config({ "model-path": "m.onnx", "report-id": "a" }).artifactName).toBe("cancer-ai-report-a");
    expect(config({ "model-path": "m.onnx", "report-id": "a", "artifact-name": "mine" }).artifactName).toBe("mine");
  });

  it("keys the comment marker; without it the marker is the one earlier versions wrote", () => {
    expect(commentMarker("tricorder-3")).toBe("<!-- cancer-ai-action:tricorder-3 -->");
    const markers = [commentMarker("tricorder-3"), commentMarker("tricorder-3", "a"), commentMarker("tricorder-3", "ab")];
    expect(markers[1]).toBe("<!-- cancer-ai-action:tricorder-3:a -->");
    // upsertComment finds a comment whose body starts with the marker: none may start another's.
    for (const m of markers) for (const other of markers) if (m !== other) expect(`${other}\nbody`.startsWith(m)).toBe(false);
  });

  it("keys the baseline per competition, report-id and branch, none a prefix of another's", () => {
    expect(baselineKeyPrefix("tricorder-3", "main")).toBe("cancer-ai-baseline:tricorder-3::main:");
    const keys = [
      baselineKeyPrefix("tricorder-3", "main"),
      baselineKeyPrefix("tricorder-3", "main-x"),
      baselineKeyPrefix("tricorder-3", "main", "a"),
      baselineKeyPrefix("tricorder-3", "main", "a-main"),
      baselineKeyPrefix("tricorder-3", "x", "main"),
      baselineKeyPrefix("tricorder-3", "main", "x"),
      baselineKeyPrefix("tricorder-3", "a:main"),
    ];
    // Restored by prefix: no key (prefix + commit) may match another's prefix, a branch main-x's not main's.
    for (const prefix of keys) for (const other of keys) if (prefix !== other) expect(`${other}abc`.startsWith(prefix)).toBe(false);
  });

  /** A cache as the service answers: the exact key, else the newest match of the first restore key that has one. */
  function memoryStore(): CacheStore & { saved: Map<string, string> } {
    const saved = new Map<string, string>();
    const file = (dir: string): string => path.join(dir, "baseline.json");
    return {
      saved,
      save: async ([dir], key) => (saved.set(key, await readFile(file(dir), "utf8")), true),
      restore: async ([dir], key, restoreKeys = []) => {
        const keys = [...saved.keys()].reverse();
        const hit = saved.has(key) ? key : restoreKeys.map((prefix) => keys.find((k) => k.startsWith(prefix))).find(Boolean);
        if (hit) await writeFile(file(dir), saved.get(hit) ?? "");
        return hit;
      },
    };
  }
  const quiet: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };

  it("saves and restores baselines apart", async () => {
    const store = memoryStore();
    const dir = path.join(await tempDir(), "baseline");
    await mkdir(dir, { recursive: true });
    await saveBaseline(store, dir, "tricorder-3", baseOn("pkg.zip", 0.6), quiet, "a");
    expect([...store.saved.keys()]).toEqual(["cancer-ai-baseline:tricorder-3:a:main:0123456789abcdef"]);
    expect(await restoreBaseline(store, dir, "tricorder-3", "main", quiet, "b")).toBeUndefined();
    expect(await restoreBaseline(store, dir, "tricorder-3", "main", quiet)).toBeUndefined();
    expect((await restoreBaseline(store, dir, "tricorder-3", "main", quiet, "a"))?.score).toBe(0.6);
  });

  it("restores a baseline saved before 1.0 until a push saves one under the new key, and never another branch's", async () => {
    const store = memoryStore();
    const dir = path.join(await tempDir(), "baseline");
    await mkdir(dir, { recursive: true });
    const saveAs = async (key: string, baseline: Baseline): Promise<void> => {
      await writeFile(path.join(dir, "baseline.json"), JSON.stringify(baseline));
      await store.save([dir], key);
    };
    await saveAs("cancer-ai-baseline-tricorder-3-main-0123456789abcdef", baseOn("pkg.zip", 0.5));
    expect((await restoreBaseline(store, dir, "tricorder-3", "main", quiet))?.score).toBe(0.5);
    // Keyed reports were new in 1.0: no legacy key to fall back to.
    expect(await restoreBaseline(store, dir, "tricorder-3", "main", quiet, "a")).toBeUndefined();
    await saveAs("cancer-ai-baseline:tricorder-3::main-x:0123456789abcdef", baseOn("pkg.zip", 0.9));
    expect((await restoreBaseline(store, dir, "tricorder-3", "main", quiet))?.score).toBe(0.5);
    await saveBaseline(store, dir, "tricorder-3", baseOn("pkg.zip", 0.7), quiet);
    expect((await restoreBaseline(store, dir, "tricorder-3", "main", quiet))?.score).toBe(0.7);
  });

  it("outputs score-delta to 6 decimals, empty without a baseline or a score", () => {
    expect(scoreDelta(0.812345, 0.808245)).toBe("0.004100");
    expect(scoreDelta(0.701, 0.714)).toBe("-0.013000");
    expect(scoreDelta(0.7, undefined)).toBe("");
    expect(scoreDelta(null, 0.7)).toBe("");
  });
});
