import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate } from "../src/engine/evaluate.js";
import type { EvaluationResult } from "../src/engine/results.js";
import type { Log } from "../src/util/log.js";
import { EXAMPLE_DIR, GOLDEN_DATASET, GOLDEN_DIR, exampleExpected, golden, type GoldenModelRun } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";
import { makeZip } from "./helpers/zip.js";

const tricorder = getCompetition("tricorder-3");
export const quietLog: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };

function expectMatchesReference(result: EvaluationResult, expected: GoldenModelRun): void {
  expect(result.tested_entries).toBe(expected.predictions.length);
  result.predictions.forEach((p, i) => {
    const e = expected.predictions[i];
    expect([p.file, p.label]).toEqual([e.file, e.label]);
    // onnxruntime sums 262,144 pixels in float32, numpy in float64, and the test
    // models amplify the mean 40x: scores agree within 1e-3 (a wrong channel
    // order or scale is off by far more), and the argmax, hence every metric, exactly.
    p.probabilities.forEach((v, k) => expect(Math.abs(v - e.probabilities[k])).toBeLessThan(1e-3));
  });
  const m = expected.metrics;
  expect([result.accuracy, result.weighted_f1, result.efficiency_score, result.score]).toEqual([
    m.accuracy,
    m.weighted_f1,
    m.efficiency_score,
    m.score,
  ]);
  expect([result.precision, result.recall, result.fbeta]).toEqual([m.precision, m.recall, m.fbeta]);
  expect(result.confusion_matrix).toEqual(m.confusion_matrix);
  result.f1_by_class.forEach((v, i) => expect(v).toBeCloseTo(m.f1_by_class[i], 12));
}

describe("end to end against Pillow + numpy + sklearn", () => {
  it.each(Object.keys(golden.models))("%s on 23 images of every kind", async (model) => {
    const result = await evaluate({
      modelPath: path.join(GOLDEN_DIR, "models", model),
      dataset: GOLDEN_DATASET,
      competition: tricorder,
      log: quietLog,
    });
    expectMatchesReference(result, golden.models[model]);
  });

  it("the embedded example scores what the reference computed", async () => {
    const result = await evaluate({
      modelPath: path.join(EXAMPLE_DIR, "model.onnx"),
      dataset: path.join(EXAMPLE_DIR, "dataset"),
      competition: tricorder,
      log: quietLog,
    });
    expectMatchesReference(result, exampleExpected);
    expect(result.model_size_mb).toBe(exampleExpected.size_bytes / 1048576);
    expect(result.model_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.class_weights).toEqual([2, 3, 1, 2, 1, 1, 3, 3, 1, 3, 2]);
    expect(Object.keys(result.risk_category_scores).sort()).toEqual(["benign", "high_risk", "medium_risk"]);
  });

  it("a zipped package scores the same as the folder, CSV in a subfolder", async () => {
    const dir = await tempDir();
    const csv = await readFile(path.join(EXAMPLE_DIR, "dataset", "labels.csv"));
    const entries = [{ name: "tricorder/labels.csv", data: csv }];
    for (const line of csv.toString().trim().split("\n").slice(1)) {
      const file = line.split(",")[0];
      entries.push({ name: `tricorder/${file}`, data: await readFile(path.join(EXAMPLE_DIR, "dataset", file)) });
    }
    const zip = path.join(dir, "tricorder-3-dataset.zip");
    await writeFile(zip, makeZip(entries));
    const result = await evaluate({ modelPath: path.join(EXAMPLE_DIR, "model.onnx"), dataset: zip, competition: tricorder, log: quietLog });
    expectMatchesReference(result, exampleExpected);
    expect(result.dataset).toBe("tricorder-3-dataset.zip");
  });
});

describe("bad input fails with one clear error", () => {
  async function datasetWith(csv: string, images: Record<string, Buffer | string>): Promise<string> {
    const dir = await tempDir();
    await mkdir(path.join(dir, "images"));
    await writeFile(path.join(dir, "labels.csv"), csv);
    for (const [name, data] of Object.entries(images)) await writeFile(path.join(dir, name), data);
    return dir;
  }
  const run = (dataset: string, model = path.join(EXAMPLE_DIR, "model.onnx")): Promise<EvaluationResult> =>
    evaluate({ modelPath: model, dataset, competition: tricorder, log: quietLog });

  it("a corrupt image is the package's verdict, naming the file", async () => {
    const good = await readFile(path.join(EXAMPLE_DIR, "dataset", "images", "dermoscopy-256.jpg"));
    const dataset = await datasetWith("filepath,label,age,gender,location\nimages/a.jpg,NV,30,m,arm\nimages/b.jpg,MEL,40,f,leg\n", {
      "images/a.jpg": good,
      "images/b.jpg": good.subarray(0, 2000),
    });
    const { verdict } = await run(dataset);
    expect(verdict).toMatchObject({ fault: "package", code: "unreadable-image" });
    expect(verdict?.message).toMatch(/cannot read image images\/b\.jpg/);
  });

  it("a missing model file", async () => {
    await expect(run(path.join(EXAMPLE_DIR, "dataset"), "/nonexistent/model.onnx")).rejects.toThrow(
      /model file \/nonexistent\/model\.onnx does not exist/,
    );
  });

  it("an empty dataset is the package's verdict", async () => {
    const dataset = await datasetWith("filepath,label,age,gender,location\n", {});
    expect((await run(dataset)).verdict).toMatchObject({ fault: "package", code: "empty-dataset" });
  });

  it("a zip with a path escaping its folder", async () => {
    const dir = await tempDir();
    const zip = path.join(dir, "evil.zip");
    await writeFile(zip, makeZip([{ name: "../../escape.csv", data: "x" }]));
    await expect(run(zip)).rejects.toThrow(/evil\.zip/);
  });

  it("a dataset folder copied with its images keeps scoring (paths relative to the CSV)", async () => {
    const dir = await tempDir();
    await cp(path.join(EXAMPLE_DIR, "dataset"), path.join(dir, "copy"), { recursive: true });
    const result = await run(path.join(dir, "copy"));
    expect(result.score).toBe(exampleExpected.metrics.score);
  });
});
