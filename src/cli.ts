/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same core as
 * the action; progress on stderr, the report on stdout, exit 0 on a completed
 * evaluation, 1 with a one-line reason otherwise, 2 on a usage error.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_COMPETITION, getCompetition } from "./competition.js";
import { CancerAiError, InputError } from "./errors.js";
import os from "node:os";
import path from "node:path";
import { noCache } from "./cache.js";
import { DEFAULT_CONFIG_REPO, DEFAULT_HUB_URL } from "./hub.js";
import { consoleLog, type Log } from "./log.js";
import { embeddedExample } from "./paths.js";
import { fixed6, textReport } from "./report.js";
import { writeResults } from "./results.js";
import { resultsDocument, runEvaluation } from "./run.js";

const USAGE = `usage: cancer-ai evaluate [--model <file.onnx> --dataset <latest|hf://...|folder|zip>] [options]

Scores an ONNX model on competition datasets exactly as the CancerAI validators do.
Without --model and --dataset it runs on the embedded example.

options:
  --model <file>          the ONNX model to score
  --dataset <source>      "latest" (the competition's newest packages on HuggingFace),
                          hf://<owner>/<repo>/<package.zip>, or a local folder or .zip
  --dataset-count <n>     with "latest": how many of the newest packages (default 1)
  --competition <id>      competition id (default ${DEFAULT_COMPETITION})
  --output <file>         also write the results as JSON to <file>
  --hf-endpoint <url>     HuggingFace endpoint (default ${DEFAULT_HUB_URL}, or $HF_ENDPOINT)
  --config-repo <space>   competition configuration space (default ${DEFAULT_CONFIG_REPO})
  -h, --help              show this help

environment:
  HF_TOKEN                token for private dataset repositories
  XDG_CACHE_HOME          downloads are kept in $XDG_CACHE_HOME/cancer-ai (default ~/.cache/cancer-ai)`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly log: Log;
}

const defaultIo: CliIo = { stdout: (text) => process.stdout.write(text), log: consoleLog };

async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: "string" },
      dataset: { type: "string" },
      competition: { type: "string", default: DEFAULT_COMPETITION },
      output: { type: "string" },
      "dataset-count": { type: "string", default: "1" },
      "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || DEFAULT_HUB_URL },
      "config-repo": { type: "string", default: DEFAULT_CONFIG_REPO },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let { model, dataset } = values;
  if ((model === undefined) !== (dataset === undefined)) {
    throw new InputError("give both --model and --dataset, or neither to run the embedded example");
  }
  if (model === undefined || dataset === undefined) {
    const example = embeddedExample();
    if (!existsSync(example.model)) throw new InputError(`the embedded example is not in this installation (${example.model}); give --model and --dataset`);
    ({ model, dataset } = example);
    io.log.info(`no --model/--dataset given: running the embedded example (${model})`);
  }
  const competition = getCompetition(values.competition);
  const count = Number(values["dataset-count"]);
  if (!Number.isInteger(count) || count < 1) throw new InputError(`--dataset-count must be a whole number of at least 1, got "${values["dataset-count"]}"`);
  const hfToken = process.env.HF_TOKEN || undefined;
  const report = await runEvaluation({
    modelPath: model,
    dataset,
    competition,
    count,
    configRepo: values["config-repo"],
    hub: { hubUrl: values["hf-endpoint"], accessToken: hfToken, log: io.log },
    cache: noCache,
    downloadDir: path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "cancer-ai", "datasets"),
  });
  io.stdout(`${report.datasets.map((d) => textReport(d, competition)).join("\n\n")}\n`);
  if (report.datasets.length > 1) io.stdout(`\nmean score over ${report.datasets.length} packages: ${fixed6(report.score)}\n`);
  if (values.output) io.log.info(`results written to ${await writeResults(values.output, resultsDocument(report))}`);
  return 0;
}

/** node:util parseArgs' own errors (checked by code: they may come from another realm). */
function isParseArgsError(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS");
}

export async function cli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "evaluate":
        return await evaluateCommand(rest, io);
      case undefined:
      case "help":
      case "-h":
      case "--help":
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new InputError(`unknown command "${command}"`);
    }
  } catch (err) {
    const usage = err instanceof InputError || isParseArgsError(err);
    const message = err instanceof Error || isParseArgsError(err) ? (err as Error).message : String(err);
    io.log.info(`error: ${err instanceof CancerAiError || usage ? message : `unexpected failure: ${message}`}`);
    if (usage) io.log.info("run `cancer-ai --help` for usage");
    return usage ? 2 : 1;
  }
}
