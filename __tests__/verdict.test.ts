/**
 * Where validators would not score normally, the run says what they would do:
 * a model they give 0 fails the gate; a package that fails for every model is
 * reported and kept out of the score and the gate.
 */
import { cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate } from "../src/engine/evaluate.js";
import type { EvaluationResult, Verdict } from "../src/engine/results.js";
import { runReport } from "../src/engine/run.js";
import { mergeShardRuns, parseShardFile, shardDocument } from "../src/engine/shard.js";
import { verdictResult } from "../src/engine/verdict.js";
import { applyGate } from "../src/report/gate.js";
import { markdownReport, textReport } from "../src/report/markdown.js";
import type { Log } from "../src/util/log.js";
import { EXAMPLE_DIR, GOLDEN_DIR } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const tricorder = getCompetition("tricorder-3");
const MODEL = path.join(EXAMPLE_DIR, "model.onnx");

function recordingLog(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warning: (m) => warnings.push(m), group: (_, work) => work() };
}

/** The example package with one image replaced by bytes no decoder reads. */
async function packageWithBrokenImage(): Promise<string> {
  const dir = path.join(await tempDir(), "broken-pkg");
  await cp(path.join(EXAMPLE_DIR, "dataset"), dir, { recursive: true });
  await writeFile(path.join(dir, "images", "dermoscopy-256.jpg"), Buffer.from("not an image at all"));
  return dir;
}

const modelZero = (dataset: string): EvaluationResult =>
  verdictResult(
    { fault: "model", code: "inference-timeout", message: "validators would score 0: image a.jpg took 23.0 s, over their 20 s limit" },
    { competition: tricorder, dataset, model: { sha256: "ab".repeat(32), bytes: 1000 }, runSeconds: 1 },
  );

describe("a package every model fails on", () => {
  it("is the package's verdict, not an error, and names the image", async () => {
    const log = recordingLog();
    const result = await evaluate({ modelPath: MODEL, dataset: await packageWithBrokenImage(), competition: tricorder, log, threads: 1 });
    expect(result.verdict).toMatchObject({ fault: "package", code: "unreadable-image" });
    expect(result.verdict?.message).toMatch(
      /^validators would fail this package for every model: cannot read image images\/dermoscopy-256\.jpg/,
    );
    expect(result.predictions).toEqual([]);
    expect(log.warnings).toEqual([result.verdict?.message]);
  });

  it("is left out of the run's score and passes the gate, with a notice in the reports", async () => {
    const good = await evaluate({
      modelPath: MODEL,
      dataset: path.join(EXAMPLE_DIR, "dataset"),
      competition: tricorder,
      log: recordingLog(),
      threads: 1,
    });
    const broken = await evaluate({
      modelPath: MODEL,
      dataset: await packageWithBrokenImage(),
      competition: tricorder,
      log: recordingLog(),
    });
    const report = runReport(tricorder.id, [good, broken]);
    expect(report.score).toBe(good.score);
    expect(applyGate(report, undefined, { minScore: 0.5 })).toEqual({ passed: true, reasons: [] });
    const md = markdownReport(report, tricorder);
    expect(md).toContain(`### ✅ CancerAI tricorder-3: mean score over 1 of 2 packages ${good.score.toFixed(6)}`);
    expect(md).toMatch(/⚠️ broken-pkg: validators would fail this package for every model: .*left out of this model's score and gate/);
    expect(md).toContain("| broken-pkg | not scored |");
    expect(textReport(broken, tricorder)).toMatch(/no model is scored on this package/);
  });

  it("alone leaves the run with no score", () => {
    const only = verdictResult(
      { fault: "package", code: "no-images", message: "validators would fail this package for every model: no image column" },
      { competition: tricorder, dataset: "p.zip", model: { sha256: "0".repeat(64), bytes: 10 }, runSeconds: 0 },
    );
    const report = runReport(tricorder.id, [only]);
    expect(report.score).toBeNull();
    expect(applyGate(report, 0.9, { minScore: 0.5, maxScoreDrop: 0 }).passed).toBe(true);
    expect(markdownReport(report, tricorder)).toContain("no score: validators would fail every package for every model");
  });
});

describe("an image Pillow reads but this tool cannot reproduce", () => {
  it("fails the run with the reason: no score is promised, and no verdict is claimed", async () => {
    const dir = path.join(await tempDir(), "lab-pkg");
    await cp(path.join(EXAMPLE_DIR, "dataset"), dir, { recursive: true });
    await cp(path.join(GOLDEN_DIR, "formats", "tiff-lab.tif"), path.join(dir, "images", "dermoscopy-256.jpg"));
    const run = evaluate({ modelPath: MODEL, dataset: dir, competition: tricorder, log: recordingLog(), threads: 1 });
    await expect(run).rejects.toMatchObject({ kind: "unreproducible" });
    await expect(evaluate({ modelPath: MODEL, dataset: dir, competition: tricorder, log: recordingLog(), threads: 2 })).rejects.toThrow(
      /cannot read image images\/dermoscopy-256\.jpg: cannot reproduce Pillow's pixels for .*convert it to PNG/,
    );
  });
});

describe("a model validators give 0", () => {
  it("with its weights in an external-data file is scored 0 before any image is read", async () => {
    const log = recordingLog();
    const model = path.join(GOLDEN_DIR, "models", "external-data.onnx");
    const result = await evaluate({ modelPath: model, dataset: path.join(EXAMPLE_DIR, "dataset"), competition: tricorder, log });
    expect(result.verdict).toMatchObject({ fault: "model", code: "external-data" });
    expect(result.verdict?.message).toMatch(
      /^validators would score 0: .*external-data\.onnx keeps its weights in external-data\.onnx\.data/,
    );
    expect(result.verdict?.message).toContain("save_as_external_data=False");
    expect(result).toMatchObject({ score: 0, tested_entries: 0 });
    expect(applyGate(runReport(tricorder.id, [result]), undefined, {}).passed).toBe(false);
  });

  it("scores 0 on that package and fails the gate with the validators' reason", () => {
    const report = runReport(tricorder.id, [modelZero("p.zip")]);
    expect(report.score).toBe(0);
    const gate = applyGate(report, undefined, {});
    expect(gate.passed).toBe(false);
    expect(gate.reasons).toEqual(["p.zip: validators would score 0: image a.jpg took 23.0 s, over their 20 s limit"]);
    expect(markdownReport(report, tricorder)).toMatch(/❌ p\.zip: validators would score 0: .*\(the score gate fails\)/);
  });
});

describe("a package named to forge a report", () => {
  it("cannot hide the verdict, ping anyone or link anywhere", () => {
    const forged = "x<!--@octocat [ok](https://evil).zip";
    const report = runReport(tricorder.id, [modelZero(forged)]);
    const md = markdownReport(report, tricorder, { footer: "**Score gate failed:** reason." });
    expect(md).not.toContain("<!--");
    expect(md).not.toContain("@octocat");
    expect(md).not.toContain("](https://");
    expect(md.endsWith("**Score gate failed:** reason.")).toBe(true);
  });
});

describe("shards", () => {
  const verdicts: Verdict[] = [
    { fault: "model", code: "inference-timeout", message: "validators would score 0: slow" },
    { fault: "package", code: "unreadable-image", message: "validators would fail this package for every model: x" },
  ];

  it("carry a verdict to the merge, where a package's failure outweighs a model's 0", async () => {
    const shardResult = (index: number, verdict?: Verdict): EvaluationResult => {
      const result = verdict
        ? verdictResult(verdict, {
            competition: tricorder,
            dataset: "p.zip",
            model: { sha256: "c".repeat(64), bytes: 2048 },
            runSeconds: 1,
          })
        : modelZero("p.zip");
      result.shard = { index, count: 3, total_entries: 0, dataset_sha256: "", rows: [], class_indices: [], predicted_indices: [] };
      return result;
    };
    const docs = [shardResult(1, verdicts[0]), shardResult(2, verdicts[1]), shardResult(3, verdicts[0])].map(shardDocument);
    const reread = parseShardFile(JSON.parse(JSON.stringify(docs)), "shards.json");
    expect(reread).toEqual(docs);
    const [merged] = mergeShardRuns(reread ?? [], tricorder);
    expect(merged.verdict).toEqual(verdicts[1]);
    expect(merged.run_time_s).toBe(3);
  });

  it("refuse a malformed verdict", () => {
    const doc = {
      ...shardDocument(
        Object.assign(modelZero("p.zip"), {
          shard: { index: 1, count: 1, total_entries: 0, dataset_sha256: "", rows: [], class_indices: [], predicted_indices: [] },
        }),
      ),
    };
    expect(() => parseShardFile({ ...doc, verdict: { fault: "everyone", code: "x", message: "y" } }, "s.json")).toThrow(
      's.json: verdict must be {fault: "model" | "package", code, message}',
    );
  });
});
