/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same options
 * as the action's inputs; progress on stderr, the report on stdout. Exit 0
 * when the work is done, 1 when it failed (with one line saying why), 2 on
 * a usage error (with a pointer to --help).
 */
import { CancerAiError, UsageError } from "../util/errors.js";
import { toolVersion } from "../util/paths.js";
import { commandHelp, parseCommand } from "./args.js";
import { evaluateCommand, mergeCommand } from "./evaluate.js";
import { defaultIo, type CliIo, type Command } from "./io.js";
import { submitCommand, uploadCommand } from "./release.js";
import { leaderboardCommand, selfCheckCommand } from "./self-check.js";

export type { CliIo } from "./io.js";

const COMMANDS: readonly Command[] = [evaluateCommand, mergeCommand, uploadCommand, submitCommand, selfCheckCommand, leaderboardCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
  return [
    "usage: cancer-ai <command> [options]",
    "",
    "Scores, publishes and checks CancerAI (Bittensor subnet 76) models exactly as the validators do.",
    "The options are the GitHub Action's inputs, as --flags; `cancer-ai <command> --help` lists a command's.",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary.split(/(?<=\.) /)[0]}`),
    "",
    "  cancer-ai --version    prints the version",
  ].join("\n");
}

export async function cli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "-h" || name === "--help") {
    io.stdout(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}": use ${COMMANDS.map((c) => c.name).join(", ")}`);
    const parsed = parseCommand(command, rest);
    if (parsed.help) {
      io.stdout(`${commandHelp(command)}\n`);
      return 0;
    }
    return await command.run({ ...parsed, io });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.log.info(`error: ${err instanceof CancerAiError ? message : `unexpected failure: ${message}`}`);
    if (!(err instanceof UsageError)) return 1;
    io.log.info(`run \`cancer-ai ${command ? `${command.name} ` : ""}--help\` for usage`);
    return 2;
  }
}
