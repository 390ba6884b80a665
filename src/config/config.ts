/**
 * The run configuration: every option of options.ts read once, validated,
 * and typed. The action reads its inputs through it and the CLI its flags
 * and environment, so both shells share one set of defaults and checks.
 */
import { UsageError } from "../util/errors.js";
import { OPTION_NAMES, OPTIONS, specOf, type OptionName } from "./options.js";

/** "dataset-count" -> "datasetCount". */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type Parsed<N extends OptionName> = ReturnType<(typeof OPTIONS)[N]["parse"]>;
type ValueOf<N extends OptionName> = (typeof OPTIONS)[N] extends { default: string } ? Parsed<N> : Parsed<N> | undefined;

export type RunConfig = { readonly [N in OptionName as Camel<N>]: ValueOf<N> };

export const camelName = (name: string): string => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface ConfigSource {
  /** The option's raw value as given (empty or undefined: not given). */
  readonly value: (name: OptionName) => string | undefined;
  /** The value of an option not given (the shell's default). */
  readonly defaultOf: (name: OptionName) => string | undefined;
  /** How the shell names the option in an error: "input model-path", "--model-path". */
  readonly label: (name: OptionName) => string;
}

/** The action's default for an option not given; none for a default the runner evaluates. */
export function actionDefault(name: OptionName): string | undefined {
  const spec = specOf(name);
  return spec.runnerDefault ? undefined : spec.default;
}

/** One option's raw text, parsed and validated as the configuration would (for tools that take a single option). */
export function parseOption<N extends OptionName>(name: N, raw: string, label: string = name): Parsed<N> {
  return OPTIONS[name].parse(raw, label) as Parsed<N>;
}

export function readConfig(source: ConfigSource): RunConfig {
  const values: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) {
    const given = source.value(name);
    const raw = given !== undefined && given.trim() !== "" ? given : source.defaultOf(name);
    values[camelName(name)] = raw === undefined ? undefined : specOf(name).parse(raw, source.label(name));
  }
  const config = values as RunConfig;
  for (const name of OPTION_NAMES) {
    if (specOf(name).requiredIn?.includes(config.mode) && values[camelName(name)] === undefined) {
      throw new UsageError(`${source.label(name)} is required in mode ${config.mode}`);
    }
  }
  checkCombinations(config, source.label);
  return withReportArtifact(config);
}

/** With report-id, artifact-name left at its default becomes <default>-<report-id>: a matrix's jobs upload apart. */
function withReportArtifact(config: RunConfig): RunConfig {
  const fallback = specOf("artifact-name").default;
  if (config.reportId === undefined || config.artifactName !== fallback) return config;
  return { ...config, artifactName: `${fallback}-${config.reportId}` };
}

/** Options that cannot go together, refused before any work. */
function checkCombinations(config: RunConfig, label: (name: OptionName) => string): void {
  if (config.compare === "leaderboard" && config.mode !== "evaluate")
    throw new UsageError(`${label("compare")} is leaderboard, which runs only in mode evaluate (not ${config.mode})`);
  if (config.compare === "leaderboard" && config.shard)
    throw new UsageError(
      `${label("compare")} is leaderboard, which cannot run with ${label("shard")}: the validators' copy signature needs ` +
        "every row of each package, in CSV order, on one runner; remove shard",
    );
  if (config.minRank !== undefined && config.compare !== "leaderboard")
    throw new UsageError(`${label("min-rank")} needs ${label("compare")} leaderboard: the rank comes from the forecast`);
  if (config.hotkey !== undefined && config.mode === "evaluate" && config.compare !== "leaderboard")
    throw new UsageError(
      `${label("hotkey")} in mode evaluate needs ${label("compare")} leaderboard: it tells the forecast which committed model is yours`,
    );
}

/** A value readConfig has already required for the mode (a shell that changes mode later checks again here). */
export function need<T>(value: T | undefined, name: OptionName): T {
  if (value === undefined) throw new UsageError(`${name} is required here`);
  return value;
}
