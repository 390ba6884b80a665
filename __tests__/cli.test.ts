import { existsSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { cli } from "../src/cli/main.js";
import { captureIo } from "./helpers/cli-io.js";
import { EXAMPLE_DIR, GOLDEN_DATASET, GOLDEN_DIR, exampleExpected } from "./helpers/golden.js";
import { startCompetitionHub } from "./helpers/competition-hub.js";
import { tempDir } from "./helpers/temp.js";

const capture = captureIo;

describe("cancer-ai evaluate", () => {
  it("with no arguments scores the embedded example and prints the table", async () => {
    const io = capture();
    expect(await cli(["evaluate"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toContain(`score                               ${exampleExpected.metrics.score.toFixed(6)}`);
    expect(text).toMatch(/BCC\s+high\s+1\.000000\s+1/);
    expect(io.err.join("\n")).toMatch(/embedded example/);
  });

  it("--output writes the results.json contract", async () => {
    const dir = await tempDir();
    const output = path.join(dir, "out", "results.json");
    const io = capture();
    const args = [
      "evaluate",
      "--model",
      path.join(EXAMPLE_DIR, "model.onnx"),
      "--dataset",
      path.join(EXAMPLE_DIR, "dataset"),
      "--output",
      output,
    ];
    expect(await cli(args, io)).toBe(0);
    const result = JSON.parse(await readFile(output, "utf8"));
    for (const field of [
      "tested_entries",
      "run_time_s",
      "accuracy",
      "precision",
      "recall",
      "fbeta",
      "weighted_f1",
      "efficiency_score",
      "score",
      "f1_by_class",
      "class_weights",
      "confusion_matrix",
      "risk_category_scores",
      "competition_id",
      "dataset",
      "model_sha256",
      "model_size_mb",
      "predictions",
    ]) {
      expect(result).toHaveProperty(field);
    }
    expect(result.score).toBe(exampleExpected.metrics.score);
    expect(result.predictions[0]).toMatchObject({ file: exampleExpected.predictions[0].file, label: "BCC", predicted: "BCC" });
    expect(result.predictions[0].probabilities).toHaveLength(11);
    expect(readdirSync(path.dirname(output))).toEqual(["results.json"]);
  });

  it.each([
    [["evaluate", "--dataset", "d"], 2, /--dataset needs --model-path \(give neither to run the embedded example\)/],
    [["evaluate", "--model-path", "m.onnx"], 1, /model file m\.onnx does not exist/],
    [["evaluate", "--threads", "100000"], 2, /--threads must be auto or a whole number from 1 to 64, got "100000"/],
    [["evaluate", "--dataset-count", "0"], 2, /--dataset-count must be a whole number from 1 to 30, got "0"/],
    [["evaluate", "--compare", "leaderboard", "--shard", "1/2"], 2, /--compare is leaderboard, which cannot run with --shard/],
    [["evaluate", "--min-rank", "3"], 2, /--min-rank needs --compare leaderboard/],
    [["evaluate", "--hotkey", "5Grw"], 2, /--hotkey in mode evaluate needs --compare leaderboard/],
    [["evaluate", "--compare", "leaderboard", "--compare-top", "0"], 2, /--compare-top must be a whole number from 1 to 64, got "0"/],
    [["evaluate", "--bogus"], 2, /Unknown option '--bogus'/],
    [["frobnicate"], 2, /unknown command "frobnicate"/],
    [["evaluate", "--competition", "tricorder-9"], 2, /--competition-id must be a known competition \(tricorder-3\), got "tricorder-9"/],
    [["evaluate", "--model", "/nope.onnx", "--dataset", "/nope"], 1, /model file \/nope\.onnx does not exist/],
    [["evaluate", "--model", path.join(GOLDEN_DIR, "models", "bad-1-channel.onnx"), "--dataset", "/nope"], 1, /1 channel/],
    [["evaluate", "--model", path.join(EXAMPLE_DIR, "model.onnx"), "--dataset", "/nope"], 1, /dataset \/nope does not exist/],
  ])("%p exits %p with one reason", async (args, code, reason) => {
    const io = capture();
    expect(await cli(args, io)).toBe(code);
    expect(io.err.join("\n")).toMatch(reason);
    expect(io.err.filter((l) => l.startsWith("error:"))).toHaveLength(1);
    // Only a usage error points at --help; a data or model error says what to fix instead.
    expect(io.err.some((l) => l.includes("--help"))).toBe(code === 2);
  });

  it("refuses a results path that is a folder before any work, and leaves nothing behind", async () => {
    const dir = await tempDir();
    const io = capture();
    expect(await cli(["evaluate", "--results-path", dir], io)).toBe(2);
    expect(io.err.join("\n")).toContain(
      `error: --results-path ${dir} is a folder: give a file path, e.g. ${path.join(dir, "results.json")}`,
    );
    expect(io.err.join("\n")).not.toMatch(/embedded example/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("says an empty or cut model file is one, without onnxruntime's C++ source locations", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "empty.onnx"), "");
    await writeFile(path.join(dir, "cut.onnx"), (await readFile(path.join(EXAMPLE_DIR, "model.onnx"))).subarray(0, 300));
    const io = capture();
    expect(await cli(["evaluate", "--model-path", path.join(dir, "empty.onnx"), "--dataset", path.join(EXAMPLE_DIR, "dataset")], io)).toBe(
      1,
    );
    expect(await cli(["evaluate", "--model-path", path.join(dir, "cut.onnx"), "--dataset", path.join(EXAMPLE_DIR, "dataset")], io)).toBe(1);
    expect(io.err.filter((l) => l.startsWith("error:"))).toEqual([
      `error: model file ${path.join(dir, "empty.onnx")} is empty (0 bytes): was the export cut short?`,
      expect.stringMatching(/^error: .*cut\.onnx is not a loadable ONNX model \(/),
    ]);
    expect(io.err.join("\n")).not.toMatch(/onnxruntime_src|\.cc:\d+/);
  });

  it("writes no results file when the evaluation fails", async () => {
    const dir = await tempDir();
    const output = path.join(dir, "results.json");
    const io = capture();
    expect(await cli(["evaluate", "--model", path.join(EXAMPLE_DIR, "model.onnx"), "--dataset", dir, "--output", output], io)).toBe(1);
    expect(existsSync(output)).toBe(false);
  });

  it("--dataset latest downloads the newest package from the hub into the cache folder", async () => {
    const hub = await startCompetitionHub();
    const cacheHome = await tempDir();
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cacheHome;
    try {
      await hub.publish("tricorder-3-2026-11-20.zip", "2026-11-20T00:00:00Z");
      const io = capture();
      const args = ["evaluate", "--model", path.join(EXAMPLE_DIR, "model.onnx"), "--dataset", "latest", "--hf-endpoint", hub.server.url];
      expect(await cli(args, io)).toBe(0);
      expect(io.out.join("")).toContain("tricorder-3 on tricorder-3-2026-11-20.zip");
      expect(io.err.join("\n")).toMatch(/downloaded \d+ bytes/);
      expect(existsSync(path.join(cacheHome, "cancer-ai", "datasets"))).toBe(true);
      const again = capture();
      expect(await cli(args, again)).toBe(0);
      expect(again.err.join("\n")).toMatch(/already downloaded/);
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
      await hub.server.close();
    }
  });

  it("--help prints the command's options with their defaults and exits 0", async () => {
    const io = capture();
    expect(await cli(["evaluate", "--help"], io)).toBe(0);
    const help = io.out.join("");
    expect(help).toMatch(/usage: cancer-ai evaluate \[options\]/);
    expect(help).toMatch(/--model-path <file\.onnx>/);
    expect(help).toMatch(/default: tricorder-3/);
    expect(help).toMatch(/HF_TOKEN/);
  });
});

describe("cancer-ai", () => {
  it("--help lists every command", async () => {
    const io = capture();
    expect(await cli(["--help"], io)).toBe(0);
    for (const command of ["evaluate", "merge", "upload", "submit", "self-check", "leaderboard-check"])
      expect(io.out.join("")).toContain(`  ${command} `);
  });

  it("with no command prints the overview and exits 2", async () => {
    const io = capture();
    expect(await cli([], io)).toBe(2);
    expect(io.out.join("")).toMatch(/usage: cancer-ai <command>/);
  });

  it("--version prints package.json's version", async () => {
    const io = capture();
    expect(await cli(["--version"], io)).toBe(0);
    expect(io.out.join("")).toBe(`${JSON.parse(await readFile(path.join(EXAMPLE_DIR, "..", "package.json"), "utf8")).version}\n`);
  });

  it.each(["merge", "upload", "submit", "self-check", "leaderboard-check"])("%s --help exits 0", async (command) => {
    const io = capture();
    expect(await cli([command, "--help"], io)).toBe(0);
    expect(io.out.join("")).toContain(`usage: cancer-ai ${command} [options]`);
  });
});

describe("cancer-ai evaluate --shard and cancer-ai merge", () => {
  const model = path.join(EXAMPLE_DIR, "model.onnx");
  const shardArgs = (index: number, output: string): string[] => [
    "evaluate",
    "--model",
    model,
    "--dataset",
    GOLDEN_DATASET,
    "--shard",
    `${index}/2`,
    "--output",
    output,
  ];
  const withoutTime = (text: string): string => text.replace(/images {2,}23 in [\d.]+ s/, "images 23");

  it("two shards merged print and write what one run does", async () => {
    const dir = await tempDir();
    const single = capture();
    expect(await cli(["evaluate", "--model", model, "--dataset", GOLDEN_DATASET, "--output", path.join(dir, "one.json")], single)).toBe(0);
    for (const index of [1, 2]) {
      const io = capture();
      expect(await cli(shardArgs(index, path.join(dir, "shards", `${index}.json`)), io)).toBe(0);
      expect(io.out.join("")).toMatch(new RegExp(`shard ${index}/2 evaluated \\(dataset: ${index === 1 ? 12 : 11} of 23 images\\)`));
    }
    const merge = capture();
    expect(
      await cli(
        ["merge", "--output", path.join(dir, "merged.json"), path.join(dir, "shards", "2.json"), path.join(dir, "shards", "1.json")],
        merge,
      ),
    ).toBe(0);
    expect(withoutTime(merge.out.join(""))).toBe(withoutTime(single.out.join("")));
    const read = async (file: string) => {
      const { run_time_s: _time, ...fields } = JSON.parse(await readFile(path.join(dir, file), "utf8"));
      return fields;
    };
    expect(await read("merged.json")).toEqual(await read("one.json"));
  });

  it("merge reads folders and skips JSON files that are not shards, with a warning", async () => {
    const dir = await tempDir();
    for (const index of [1, 2]) {
      expect(await cli(shardArgs(index, path.join(dir, `s${index}`, "shard.json")), capture())).toBe(0);
    }
    await writeFile(path.join(dir, "package.json"), "{}");
    const io = capture();
    expect(await cli(["merge", dir], io)).toBe(0);
    expect(io.err).toContain(`warning: ${path.join(dir, "package.json")} is not a shard predictions file; skipped`);
    expect(io.out.join("")).toContain("tricorder-3 on dataset");
  });

  it.each<[string[], RegExp, number]>([
    [["evaluate", "--shard", "1/2"], /--shard needs --results-path <file> for the shard's predictions/, 2],
    [["evaluate", "--shard", "2", "--output", "x.json"], /shard must be "i\/n"/, 2],
    [["merge"], /merge needs the shard files/, 2],
    [["merge", "/nonexistent/shards"], /shard predictions \/nonexistent\/shards do not exist/, 1],
  ])("%p fails with a reason", async (args, reason, code) => {
    const io = capture();
    expect(await cli(args, io)).toBe(code);
    expect(io.err.join("\n")).toMatch(reason);
  });

  it("merge explains a truncated file", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "cut.json"), '[{"format": "cancer-ai-shard/1", "predic');
    const io = capture();
    expect(await cli(["merge", dir], io)).toBe(1);
    expect(io.err.join("\n")).toMatch(/cut\.json is not valid JSON .*was the shard's upload cut short\? Re-run that shard/);
  });
});
