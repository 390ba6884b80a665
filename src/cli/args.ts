/**
 * The CLI's flags, derived from the option table: a command takes the
 * options of its mode under the action's input names (plus their older
 * spellings), reads secrets from the environment only, and prints its own
 * --help from the same descriptions and defaults as action.yml.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { actionDefault, readConfig, type RunConfig } from "../config/config.js";
import { OPTION_NAMES, specOf, type Mode, type OptionName } from "../config/options.js";
import { UsageError } from "../util/errors.js";

export interface CommandSpec {
  readonly name: string;
  readonly mode: Mode;
  /** One paragraph for --help. */
  readonly summary: string;
  /** What follows the options on the usage line, e.g. "<shard file or folder>...". */
  readonly positionals?: string;
  /** Options the command decides itself (e.g. submit: upload never commits). */
  readonly fixed?: Partial<Record<OptionName, string>>;
  /** Flags of this command alone, not options of a run. */
  readonly extraFlags?: Readonly<Record<string, { readonly description: string }>>;
  /** Values for options not given, decided from those given (the embedded example when there is no model). */
  readonly fallback?: (given: (name: OptionName) => string | undefined) => Partial<Record<OptionName, string>>;
}

export type ParsedCommand =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly config: RunConfig;
      readonly positionals: string[];
      /** The command's own boolean flags that were given. */
      readonly flags: ReadonlySet<string>;
    };

const isBoolean = (name: OptionName): boolean => specOf(name).default === "true" || specOf(name).default === "false";

/** The options a command offers as flags, in table order. */
export function commandOptions(command: CommandSpec): OptionName[] {
  return OPTION_NAMES.filter((name) => {
    const spec = specOf(name);
    return spec.modes.includes(command.mode) && spec.cli?.flag !== false && !spec.secret && !(name in (command.fixed ?? {}));
  });
}

/** The options read from the environment by this command (secrets, endpoints). */
function envOptions(command: CommandSpec): OptionName[] {
  return OPTION_NAMES.filter((name) => specOf(name).modes.includes(command.mode) && specOf(name).cli?.env !== undefined);
}

/** The CLI's default for an option: its own where the table says so, else the action's. */
export function cliDefault(name: OptionName): string | undefined {
  const cli = specOf(name).cli;
  return cli && "default" in cli ? cli.default : actionDefault(name);
}

/** Every flag name a command accepts (options, their aliases, negations, its own flags), for parseArgs. */
function parseArgsOptions(command: CommandSpec): NonNullable<ParseArgsConfig["options"]> {
  const options: NonNullable<ParseArgsConfig["options"]> = { help: { type: "boolean", short: "h" } };
  for (const name of commandOptions(command)) {
    const type = isBoolean(name) ? "boolean" : "string";
    for (const flag of [name, ...(specOf(name).cli?.aliases ?? [])]) options[flag] = { type };
    if (type === "boolean" && specOf(name).default === "true") options[`no-${name}`] = { type: "boolean" };
  }
  for (const flag of Object.keys(command.extraFlags ?? {})) options[flag] = { type: "boolean" };
  return options;
}

/** node:util parseArgs' own errors, checked by code (they may come from another realm). */
function isParseArgsError(err: unknown): err is Error {
  return typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS");
}

export function parseCommand(command: CommandSpec, args: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: parseArgsOptions(command),
      allowPositionals: command.positionals !== undefined,
      strict: true,
    });
  } catch (err) {
    if (!isParseArgsError(err)) throw err;
    throw new UsageError(`cancer-ai ${command.name}: ${err.message.split(". ")[0]}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const flagValue = (name: OptionName): string | undefined => {
    if (values[`no-${name}`] === true) return "false";
    for (const flag of [name, ...(specOf(name).cli?.aliases ?? [])]) {
      const value = values[flag];
      if (value !== undefined) return String(value);
    }
    return undefined;
  };
  if (values.help) return { help: true };
  const offered = new Set(commandOptions(command));
  const fixed: Partial<Record<OptionName, string>> = { mode: command.mode, ...command.fixed };
  const given = (name: OptionName): string | undefined =>
    fixed[name] ?? (offered.has(name) ? flagValue(name) : undefined) ?? envValue(name, env);
  const fallback = command.fallback?.(given) ?? {};
  const config = readConfig({
    value: (name) => given(name) ?? fallback[name],
    defaultOf: cliDefault,
    label: (name) => (specOf(name).secret ? `$${specOf(name).cli?.env}` : `--${name}`),
  });
  const flags = new Set(Object.keys(command.extraFlags ?? {}).filter((flag) => values[flag] === true));
  return { help: false, config, positionals: parsed.positionals, flags };
}

function envValue(name: OptionName, env: NodeJS.ProcessEnv): string | undefined {
  const variable = specOf(name).cli?.env;
  return variable ? env[variable] || undefined : undefined;
}

const WIDTH = 100;
const FLAG_COLUMN = 30;

/** Words wrapped to the terminal width, indented to the description column. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function helpEntry(flag: string, description: string): string {
  const lines = wrap(description, FLAG_COLUMN);
  const head = `  ${flag}`;
  const first =
    head.length < FLAG_COLUMN ? `${head.padEnd(FLAG_COLUMN)}${lines[0] ?? ""}` : `${head}\n${" ".repeat(FLAG_COLUMN)}${lines[0] ?? ""}`;
  return [first, ...lines.slice(1).map((l) => `${" ".repeat(FLAG_COLUMN)}${l}`)].join("\n");
}

/** A command's --help: usage, what it does, every option with its default, the environment it reads. */
export function commandHelp(command: CommandSpec): string {
  const entries = commandOptions(command).map((name) => {
    const spec = specOf(name);
    const placeholder = isBoolean(name) ? "" : ` <${spec.cli?.placeholder ?? "value"}>`;
    const negation = isBoolean(name) && spec.default === "true" ? ` | --no-${name}` : "";
    const notes = [
      cliDefault(name) !== undefined && !isBoolean(name) ? `default: ${cliDefault(name)}` : "",
      spec.cli?.env ? `or $${spec.cli.env}` : "",
      spec.cli?.aliases?.length ? `also --${spec.cli.aliases.join(", --")}` : "",
    ].filter(Boolean);
    const description = spec.description.replace(/^(Release|Self-check|Merge): /, "");
    return helpEntry(`--${name}${placeholder}${negation}`, `${description}${notes.length ? ` (${notes.join("; ")})` : ""}`);
  });
  for (const [flag, { description }] of Object.entries(command.extraFlags ?? {})) entries.push(helpEntry(`--${flag}`, description));
  entries.push(helpEntry("-h, --help", "show this help"));
  const env = envOptions(command)
    .filter((name) => specOf(name).secret)
    .map((name) => helpEntry(`${specOf(name).cli?.env}`, specOf(name).description));
  return [
    `usage: cancer-ai ${command.name} [options]${command.positionals ? ` ${command.positionals}` : ""}`,
    "",
    ...wrap(command.summary, 0),
    "",
    "options:",
    ...entries,
    ...(env.length ? ["", "environment (secrets are read from the environment only):", ...env] : []),
  ].join("\n");
}
