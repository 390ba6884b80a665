import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { commandHelp, commandOptions, parseCommand } from "../src/cli/args.js";
import { evaluateCommand, mergeCommand } from "../src/cli/evaluate.js";
import { submitCommand, uploadCommand } from "../src/cli/release.js";
import { leaderboardCommand, selfCheckCommand } from "../src/cli/self-check.js";
import { actionDefault, parseOption, readConfig, type ConfigSource } from "../src/config/config.js";
import { MODES, OPTION_NAMES, specOf, type OptionName } from "../src/config/options.js";
import { UsageError } from "../src/util/errors.js";
import { withInputs, withInputsTable } from "../scripts/sync-docs.js";
import { REPO } from "./helpers/golden.js";

const actionYml = readFileSync(path.join(REPO, "action.yml"), "utf8");
const COMMANDS = [evaluateCommand, mergeCommand, uploadCommand, submitCommand, selfCheckCommand, leaderboardCommand];

function inputs(values: Partial<Record<OptionName, string>>): ConfigSource {
  return { value: (name) => values[name], defaultOf: actionDefault, label: (name) => `input ${name}` };
}

describe("the option table", () => {
  it("is action.yml's inputs: names, defaults, descriptions (npm run sync-docs writes them)", () => {
    expect(withInputs(actionYml)).toBe(actionYml);
    const readme = readFileSync(path.join(REPO, "README.md"), "utf8");
    expect(withInputsTable(readme)).toBe(readme);
    const declared = parse(actionYml).inputs as Record<string, { description: string; default?: string; required: boolean }>;
    expect(Object.keys(declared)).toEqual(OPTION_NAMES);
    for (const name of OPTION_NAMES) {
      expect({ name, ...declared[name] }).toEqual({
        name,
        description: specOf(name).description,
        required: false,
        ...(specOf(name).default !== undefined ? { default: specOf(name).default } : {}),
      });
    }
  });

  it("names only modes that exist, and every default parses", () => {
    for (const name of OPTION_NAMES) {
      const spec = specOf(name);
      for (const mode of spec.modes) expect(MODES).toContain(mode);
      if (spec.default !== undefined && !spec.runnerDefault) expect(() => spec.parse(spec.default as string, name)).not.toThrow();
    }
  });

  it("gives every option the CLI offers to some command, under the input's own name", () => {
    const offered = new Set(COMMANDS.flatMap((c) => commandOptions(c)));
    for (const name of OPTION_NAMES) {
      const spec = specOf(name);
      const cliOnlyInEnv = spec.secret === true;
      if (spec.cli?.flag === false || cliOnlyInEnv) expect(offered.has(name)).toBe(false);
      else expect({ name, offered: offered.has(name) }).toEqual({ name, offered: true });
      if (cliOnlyInEnv && spec.cli?.flag !== false) expect(spec.cli?.env).toMatch(/^[A-Z_]+$/);
    }
  });

  it("lists each command's options, with defaults, in its --help", () => {
    for (const command of COMMANDS) {
      const help = commandHelp(command);
      for (const name of commandOptions(command)) expect(help).toContain(`--${name}`);
      expect(help.split("\n").every((line) => line.length <= 100)).toBe(true);
    }
    expect(commandHelp(evaluateCommand)).toMatch(/--dataset <latest\|hf:\/\/\.\.\.\|folder\|zip>\s+latest \(the competition/);
    expect(commandHelp(evaluateCommand)).toContain("default: latest");
    expect(commandHelp(evaluateCommand)).toContain("also --model");
    expect(commandHelp(submitCommand)).toContain("HOTKEY_MNEMONIC");
    expect(commandHelp(selfCheckCommand)).toContain("--evaluate | --no-evaluate");
  });
});

describe("reading a configuration", () => {
  it("applies action.yml's defaults and types every value", () => {
    const config = readConfig(inputs({ "model-path": "m.onnx" }));
    expect(config).toMatchObject({
      mode: "evaluate",
      modelPath: "m.onnx",
      dataset: "latest",
      datasetCount: 1,
      competitionId: "tricorder-3",
      netuid: 76,
      network: "finney",
      comment: true,
      dryRun: false,
      threads: undefined,
      minScore: undefined,
      resultsPath: "cancer-ai-results.json",
    });
    // The runner evaluates ${{ github.token }}; outside a runner there is no token.
    expect(config.githubToken).toBeUndefined();
  });

  it.each<[Partial<Record<OptionName, string>>, string]>([
    [{ "dataset-count": "0" }, 'input dataset-count must be a whole number from 1 to 30, got "0"'],
    [{ "dataset-count": "2.5" }, "input dataset-count must be a whole number from 1 to 30"],
    [{ netuid: "seventy-six" }, 'input netuid must be a whole number from 0 to 65535, got "seventy-six"'],
    [{ netuid: "70000" }, "input netuid must be a whole number from 0 to 65535"],
    [{ threads: "100000" }, 'input threads must be auto or a whole number from 1 to 64, got "100000"'],
    [{ threads: "0" }, "input threads must be auto or a whole number from 1 to 64"],
    [{ threads: "two" }, "input threads must be auto or a whole number from 1 to 64"],
    [{ shard: "3/2" }, 'input shard must be "i/n" with 1 <= i <= n'],
    [{ shard: "1-of-2" }, 'input shard must be "i/n"'],
    [{ "hf-endpoint": "ftp://mirror" }, "input hf-endpoint must be an http(s):// URL"],
    [{ network: "mainnet" }, "input network must be finney, test, archive, local or a ws(s):// URL"],
    [{ network: "http://127.0.0.1:9944" }, "input network must be finney"],
    [{ "competition-id": "tricorder-9" }, "input competition-id must be a known competition (tricorder-3)"],
    [{ "min-score": "high" }, "input min-score must be a number from 0 to 1"],
    [{ comment: "yes" }, 'input comment must be true or false, got "yes"'],
    [{ mode: "deploy" }, "input mode must be one of evaluate, merge, release, self-check, leaderboard-check, comment-from-artifact"],
    [{ compare: "rank" }, 'input compare must be one of none, leaderboard, got "rank"'],
    [{ compare: "leaderboard", "compare-top": "65" }, "input compare-top must be a whole number from 1 to 64"],
    [{ compare: "leaderboard", "min-rank": "0" }, 'input min-rank must be a whole number of at least 1, got "0"'],
    [{ compare: "leaderboard", "min-rank": "2.5" }, "input min-rank must be a whole number of at least 1"],
    [{ compare: "leaderboard", shard: "1/2" }, "input compare is leaderboard, which cannot run with input shard: the validators' copy"],
    [{ "min-rank": "3" }, "input min-rank needs input compare leaderboard: the rank comes from the forecast"],
    [{ hotkey: "5Grw" }, "input hotkey in mode evaluate needs input compare leaderboard: it tells the forecast which committed model"],
    [{ mode: "release", "hf-repo-id": "o/r", compare: "leaderboard" }, "input compare is leaderboard, which runs only in mode evaluate"],
  ])("refuses %p before any work", (values, message) => {
    expect(() => readConfig(inputs({ "model-path": "m.onnx", ...values }))).toThrow(UsageError);
    expect(() => readConfig(inputs({ "model-path": "m.onnx", ...values }))).toThrow(message);
  });

  it.each<[string, number | undefined]>([
    ["auto", undefined],
    [" 4 ", 4],
    ["1", 1],
    ["64", 64],
  ])("reads threads %p", (raw, threads) => {
    expect(parseOption("threads", raw)).toBe(threads);
  });

  it("reads the forecast's options: off by default", () => {
    expect(readConfig(inputs({ "model-path": "m.onnx" }))).toMatchObject({ compare: "none", compareTop: 10, minRank: undefined });
    const config = readConfig(
      inputs({ "model-path": "m.onnx", compare: "leaderboard", "compare-top": "25", "min-rank": "3", network: "test", netuid: "172" }),
    );
    expect(config).toMatchObject({ compare: "leaderboard", compareTop: 25, minRank: 3, network: "test", netuid: 172 });
  });

  it("requires what a mode cannot run without", () => {
    expect(() => readConfig(inputs({}))).toThrow("input model-path is required in mode evaluate");
    expect(() => readConfig(inputs({ mode: "release", "model-path": "m.onnx" }))).toThrow("input hf-repo-id is required in mode release");
    expect(readConfig(inputs({ mode: "self-check" })).mode).toBe("self-check");
  });
});

describe("the CLI's flags", () => {
  it("are the input names, with the old spellings as aliases", () => {
    const parsed = parseCommand(
      evaluateCommand,
      ["--model", "m.onnx", "--competition", "tricorder-3", "--dataset", "d", "--output", "r.json"],
      {},
    );
    expect(parsed.help).toBe(false);
    if (parsed.help) return;
    expect(parsed.config).toMatchObject({ modelPath: "m.onnx", dataset: "d", resultsPath: "r.json" });
    const named = parseCommand(
      evaluateCommand,
      ["--model-path", "m.onnx", "--competition-id", "tricorder-3", "--datasets-config-repo", "o/s"],
      {},
    );
    if (named.help) throw new Error("unexpected help");
    expect(named.config).toMatchObject({ modelPath: "m.onnx", dataset: "latest", datasetsConfigRepo: "o/s", resultsPath: undefined });
  });

  it("read secrets and the endpoint from the environment only", () => {
    const env = { HF_TOKEN: "hf_secret", HOTKEY_MNEMONIC: "word ".repeat(12), HF_ENDPOINT: "http://127.0.0.1:9" };
    const parsed = parseCommand(submitCommand, ["--model-path", "m.onnx", "--hf-repo-id", "o/r"], env);
    if (parsed.help) throw new Error("unexpected help");
    expect(parsed.config).toMatchObject({ hfToken: "hf_secret", hfEndpoint: "http://127.0.0.1:9", submit: true });
    expect(() => parseCommand(submitCommand, ["--hf-token", "x"], env)).toThrow(UsageError);
    const upload = parseCommand(
      uploadCommand,
      ["--model-path", "m.onnx", "--hf-repo-id", "o/r", "--hf-endpoint", "http://127.0.0.1:8"],
      env,
    );
    if (upload.help) throw new Error("unexpected help");
    expect(upload.config).toMatchObject({ submit: false, hfEndpoint: "http://127.0.0.1:8" });
  });

  it("offer --compare, --compare-top, --min-rank, --network and --netuid to evaluate only, and refuse a forecast of a shard", () => {
    const parsed = parseCommand(evaluateCommand, ["--compare", "leaderboard", "--min-rank", "1", "--netuid", "172"], {});
    if (parsed.help) throw new Error("unexpected help");
    expect(parsed.config).toMatchObject({ compare: "leaderboard", minRank: 1, netuid: 172, compareTop: 10 });
    expect(() => parseCommand(evaluateCommand, ["--compare", "leaderboard", "--shard", "1/2"], {})).toThrow(
      "--compare is leaderboard, which cannot run with --shard",
    );
    expect(() => parseCommand(evaluateCommand, ["--min-rank", "3"], {})).toThrow("--min-rank needs --compare leaderboard");
    expect(() => parseCommand(mergeCommand, ["--compare", "leaderboard"], {})).toThrow("Unknown option '--compare'");
  });

  it("negate default-true switches and name the flag in errors", () => {
    const parsed = parseCommand(selfCheckCommand, ["--no-evaluate", "--hotkey", "5F"], {});
    if (parsed.help) throw new Error("unexpected help");
    expect(parsed.config.evaluate).toBe(false);
    expect(() => parseCommand(selfCheckCommand, ["--dataset-count", "0"], {})).toThrow(
      '--dataset-count must be a whole number from 1 to 30, got "0"',
    );
    expect(() => parseCommand(evaluateCommand, ["--bogus"], {})).toThrow("cancer-ai evaluate: Unknown option '--bogus'");
  });
});
