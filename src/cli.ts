/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same core as
 * the action; progress on stderr, the report on stdout, exit 0 on a completed
 * evaluation, 1 with a one-line reason otherwise, 2 on a usage error.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_COMPETITION, getCompetition } from "./competition.js";
import { CancerAiError, InputError } from "./errors.js";
import { evaluate } from "./evaluate.js";
import { consoleLog, type Log } from "./log.js";
import { embeddedExample } from "./paths.js";
import { textReport } from "./report.js";
import { writeResults } from "./results.js";

const USAGE = `usage: cancer-ai evaluate [--model <file.onnx> --dataset <folder|zip>] [--competition ${DEFAULT_COMPETITION}] [--output results.json]

Scores an ONNX model on a competition dataset exactly as the CancerAI validators do.
Without --model and --dataset it runs on the embedded example.

options:
  --model <file>        the ONNX model to score
  --dataset <path>      a dataset package: a folder holding labels.csv and images, or a .zip
  --competition <id>    competition id (default ${DEFAULT_COMPETITION})
  --output <file>       also write the results as JSON to <file>
  -h, --help            show this help`;

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
  const result = await evaluate({ modelPath: model, dataset, competition, log: io.log });
  io.stdout(`${textReport(result, competition)}\n`);
  if (values.output) io.log.info(`results written to ${await writeResults(values.output, result)}`);
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
