/**
 * Every option of a run, once: its name (the action input's kebab-case name,
 * which is also the CLI flag), description, default, validation, and the
 * modes that read it. action.yml's inputs and the CLI's flags are checked
 * against this table by the tests, so the two shells cannot drift apart.
 */
import { COMPETITIONS, DEFAULT_COMPETITION, getCompetition } from "../competition/competition.js";
import { MAX_THREADS } from "../engine/pipeline.js";
import { parseShard, type Shard } from "../engine/shard.js";
import { DEFAULT_CONFIG_REPO, DEFAULT_HUB_URL } from "../hub/hub.js";
import { NETWORKS } from "../release/chain.js";
import { DEFAULT_TOP_N } from "../release/committed.js";
import { WINDOW_CHECKS } from "../release/window.js";
import { UsageError } from "../util/errors.js";

export const COMPARISONS = ["none", "leaderboard"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** compare-top: at most this many committed models are evaluated with the candidate, in one pass. */
export const MAX_COMPARE_TOP = 64;

export const MODES = ["evaluate", "merge", "release", "self-check", "leaderboard-check", "comment-from-artifact"] as const;
export type Mode = (typeof MODES)[number];

/** history: the default branch's scores kept with its baseline, and drawn in a report. */
export const DEFAULT_HISTORY = 20;
export const MAX_HISTORY = 100;

/** Validators evaluate at most this many of the newest packages. */
export const MAX_DATASET_COUNT = 30;

/** How the CLI offers an option; without it, the CLI has a flag of the same name. */
export interface CliSpec {
  /** false: the option exists only in the action (the CLI has no such service, or decides it by command). */
  readonly flag?: boolean;
  /** Older flag names that still work. */
  readonly aliases?: readonly string[];
  /** Where the CLI reads the value when no flag is given (and, for a secret, the only place). */
  readonly env?: string;
  /** The CLI's default when it differs from the action's (undefined: none). */
  readonly default?: string | undefined;
  /** What the flag's value looks like in --help. */
  readonly placeholder?: string;
}

export interface OptionSpec<T> {
  readonly description: string;
  /** action.yml's default, and the value of an empty input. */
  readonly default?: string;
  /** The default is an expression the runner evaluates (`${{ github.token }}`): the reader never applies it. */
  readonly runnerDefault?: boolean;
  readonly modes: readonly Mode[];
  /** Modes in which a value is required. */
  readonly requiredIn?: readonly Mode[];
  /** Masked in the action's log; never a CLI flag (it would show in the process list and shell history). */
  readonly secret?: boolean;
  readonly cli?: CliSpec;
  /** Parses a non-empty value; throws UsageError naming the option, what it expects and what it got. */
  readonly parse: (raw: string, name: string) => T;
}

const invalid = (name: string, expected: string, raw: string): UsageError => new UsageError(`${name} must be ${expected}, got "${raw}"`);

const text = (raw: string): string => raw.trim();

/** report-id: what may follow the competition in a comment marker, a cache key and an artifact name. */
export const REPORT_ID = /^[A-Za-z0-9._-]{1,64}$/;

function reportId(raw: string, name: string): string {
  const value = raw.trim();
  if (!REPORT_ID.test(value)) throw invalid(name, "1 to 64 letters, digits, '.', '_' or '-' (e.g. the matrix's model name)", raw);
  return value;
}

/** YAML 1.2's booleans, as @actions/core's getBooleanInput reads them. */
function boolean(raw: string, name: string): boolean {
  const value = raw.trim();
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw invalid(name, "true or false", raw);
}

function integer(min: number, max: number): (raw: string, name: string) => number {
  return (raw, name) => {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      throw invalid(name, `a whole number from ${min} to ${max}`, raw);
    return Number(value);
  };
}

function atLeast(min: number): (raw: string, name: string) => number {
  return (raw, name) => {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min)
      throw invalid(name, `a whole number of at least ${min}`, raw);
    return Number(value);
  };
}

function decimal(min: number, max: number): (raw: string, name: string) => number {
  return (raw, name) => {
    const value = Number(raw.trim());
    if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max)
      throw invalid(name, `a number from ${min} to ${max}`, raw);
    return value;
  };
}

function oneOf<T extends string>(values: readonly T[]): (raw: string, name: string) => T {
  return (raw, name) => {
    const value = raw.trim() as T;
    if (!values.includes(value)) throw invalid(name, `one of ${values.join(", ")}`, raw);
    return value;
  };
}

function httpUrl(raw: string, name: string): string {
  const value = raw.trim().replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s/]+/.test(value) || !URL.canParse(value)) throw invalid(name, "an http(s):// URL", raw);
  return value;
}

function network(raw: string, name: string): string {
  const value = raw.trim();
  if (value in NETWORKS || (/^wss?:\/\/[^\s/]+/.test(value) && URL.canParse(value))) return value;
  throw invalid(name, `${Object.keys(NETWORKS).join(", ")} or a ws(s):// URL`, raw);
}

function competitionId(raw: string, name: string): string {
  const value = raw.trim();
  if (!COMPETITIONS.has(value)) throw invalid(name, `a known competition (${[...COMPETITIONS.keys()].join(", ")})`, raw);
  return getCompetition(value).id;
}

/** "auto" (undefined: the engine picks, see engine/pipeline.ts planThreads) or a count of threads. */
function threads(raw: string, name: string): number | undefined {
  const value = raw.trim();
  if (value === "auto") return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_THREADS)
    throw invalid(name, `auto or a whole number from 1 to ${MAX_THREADS}`, raw);
  return Number(value);
}

function shard(raw: string, name: string): Shard {
  try {
    return parseShard(raw);
  } catch {
    throw invalid(name, '"i/n" with 1 <= i <= n (e.g. 2/3 for the second of three shards)', raw);
  }
}

/** Comma- or newline-separated paths. */
const pathList = (raw: string): string[] =>
  raw
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);

const EVALUATING: readonly Mode[] = ["evaluate", "release", "self-check"];
const REPORTING: readonly Mode[] = ["evaluate", "merge", "release"];
const ON_HUB: readonly Mode[] = ["evaluate", "release", "self-check", "leaderboard-check"];
const ON_CHAIN: readonly Mode[] = ["evaluate", "release", "self-check", "leaderboard-check"];

function option<T>(spec: OptionSpec<T> & { default: string; runnerDefault?: false }): OptionSpec<T> & { default: string };
function option<T>(spec: OptionSpec<T>): OptionSpec<T>;
function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

export const OPTIONS = {
  mode: option({
    description:
      "evaluate (score the model, report, gate; it never releases, even on a tag push with hf-repo-id set; with shard, " +
      "only evaluate one slice of the rows), merge (score the union of the shards' predictions, then report and gate as " +
      "evaluate does), release (evaluate, then publish to HuggingFace and commit on chain; never on pull requests), " +
      "self-check (check a committed model as validators do), leaderboard-check (list the subnet's commitments, " +
      "read-only), or comment-from-artifact (second stage of the fork-safe PR comment, on workflow_run).",
    default: "evaluate",
    modes: MODES,
    cli: { flag: false },
    parse: oneOf(MODES),
  }),
  "model-path": option({
    description:
      "Path to the ONNX model to evaluate (for example the file your workflow just exported). Required in evaluate and release modes.",
    modes: ["evaluate", "release"],
    requiredIn: ["evaluate", "release"],
    cli: { aliases: ["model"], placeholder: "file.onnx" },
    parse: text,
  }),
  dataset: option({
    description:
      "latest (the competition's newest packages on HuggingFace), hf://<owner>/<repo>/<package.zip>, or a local folder (labels.csv + images) or .zip package.",
    default: "latest",
    modes: EVALUATING,
    cli: { placeholder: "latest|hf://...|folder|zip" },
    parse: text,
  }),
  "dataset-count": option({
    description:
      `With dataset latest, how many of the newest packages to evaluate (each separately; the score output is ` +
      `their mean), 1 to ${MAX_DATASET_COUNT}.`,
    default: "1",
    modes: EVALUATING,
    cli: { placeholder: "n" },
    parse: integer(1, MAX_DATASET_COUNT),
  }),
  "competition-id": option({
    description: "Competition to score for.",
    default: DEFAULT_COMPETITION,
    modes: ["evaluate", "merge", "release", "self-check", "leaderboard-check"],
    cli: { aliases: ["competition"], placeholder: "id" },
    parse: competitionId,
  }),
  "datasets-config-repo": option({
    description: "The HuggingFace space holding the competition configuration (datasets/*.yaml).",
    default: DEFAULT_CONFIG_REPO,
    modes: EVALUATING,
    cli: { aliases: ["config-repo"], placeholder: "owner/space" },
    parse: text,
  }),
  "hf-token": option({
    description: "HuggingFace token: a write token for releases; otherwise only needed for private dataset repositories. Masked in logs.",
    modes: ON_HUB,
    secret: true,
    cli: { env: "HF_TOKEN" },
    parse: text,
  }),
  "hf-endpoint": option({
    description: "HuggingFace endpoint (a mirror, or a local hub in tests).",
    default: DEFAULT_HUB_URL,
    modes: ON_HUB,
    cli: { env: "HF_ENDPOINT", placeholder: "url" },
    parse: httpUrl,
  }),
  "github-token": option({
    description: "Token for the pull request comment (needs pull-requests write) and, in comment-from-artifact mode, actions read.",
    default: "${{ github.token }}",
    runnerDefault: true,
    modes: ["evaluate", "merge", "release", "comment-from-artifact"],
    secret: true,
    cli: { flag: false },
    parse: text,
  }),
  comment: option({
    description: "Post (and keep updating) one report comment on pull requests.",
    default: "true",
    modes: REPORTING,
    cli: { flag: false },
    parse: boolean,
  }),
  "min-score": option({
    description: "Fail the check when the score is below this value. Empty disables.",
    modes: REPORTING,
    cli: { placeholder: "score" },
    parse: decimal(0, 1),
  }),
  "max-score-drop": option({
    description: "Fail the check when the score is lower than the base branch's by more than this. Empty disables.",
    modes: REPORTING,
    cli: { flag: false },
    parse: decimal(0, 1),
  }),
  "significant-drops-only": option({
    description:
      "With max-score-drop: fail only when the drop is also significant, i.e. the 95% confidence interval of the delta " +
      "(a paired bootstrap over the images both runs scored, with the validators' score on each resample) lies below 0. " +
      "Without an interval (a baseline saved by an older version) the drop alone decides.",
    default: "false",
    modes: REPORTING,
    cli: { flag: false },
    parse: boolean,
  }),
  history: option({
    description:
      `How many of the default branch's scores to keep (with its baseline in the Actions cache, one per push) and draw ` +
      `over commits in the report, 0 to ${MAX_HISTORY}; 0: no chart.`,
    default: String(DEFAULT_HISTORY),
    modes: [...REPORTING, "comment-from-artifact"],
    cli: { flag: false },
    parse: integer(0, MAX_HISTORY),
  }),
  cache: option({
    description:
      "Keep downloaded dataset packages, the base branch's results and (with compare: leaderboard) the committed models " +
      "in the Actions cache.",
    default: "true",
    modes: ["evaluate", "merge", "release", "self-check"],
    cli: { flag: false },
    parse: boolean,
  }),
  "artifact-name": option({
    description: "Name of the report artifact (results.json, predictions.csv, comment.json; forecast.json with compare: leaderboard).",
    default: "cancer-ai-report",
    modes: ["evaluate", "merge", "release", "comment-from-artifact"],
    cli: { flag: false },
    parse: text,
  }),
  "report-id": option({
    description:
      "Several models in one repository (a matrix): a short name that keeps this model's report apart, like " +
      "sticky-comment's header. It keys the pull request comment, the base branch's baseline in the cache and, when " +
      "artifact-name is left at its default, the report artifact (<artifact-name>-<report-id>); give the " +
      "comment-from-artifact step the same report-id. Letters, digits, '.', '_' and '-', at most 64. Empty: one report per competition.",
    modes: ["evaluate", "merge", "release", "comment-from-artifact"],
    cli: { flag: false },
    parse: reportId,
  }),
  threads: option({
    description:
      `Cores to use (auto: every core; at most ${MAX_THREADS}) for decoding and for inference. Each inference session ` +
      "runs batch 1 on one onnxruntime thread, as on the validators, and more sessions start only when the model is " +
      "the bottleneck, so scores are bit-identical whatever this is.",
    default: "auto",
    modes: EVALUATING,
    cli: { placeholder: "n|auto" },
    parse: threads,
  }),
  shard: option({
    description:
      "Scale-out: evaluate only shard i/n of each package's rows (rows i-1, i-1+n, ... in CSV order; e.g. 2/4, from a " +
      "matrix of 1..4), write the predictions to cancer-ai-shard-<i>-of-<n>.json and upload them as artifact " +
      "<artifact-name>-shard-<i>-of-<n>. A job with mode: merge then scores the union. No report, comment or gate in a shard job.",
    modes: ["evaluate"],
    cli: { placeholder: "i/n" },
    parse: shard,
  }),
  "shards-path": option({
    description:
      "Merge: files or folders (comma or newline separated) holding the shards' cancer-ai-shard-*.json. Default: " +
      "download this workflow run's <artifact-name>-shard-* artifacts.",
    modes: ["merge"],
    cli: { placeholder: "paths" },
    parse: pathList,
  }),
  "results-path": option({
    description: "Where to write results.json (validator field names plus per-image predictions).",
    default: "cancer-ai-results.json",
    modes: ["evaluate", "merge", "release", "self-check"],
    cli: { aliases: ["output"], default: undefined, placeholder: "file" },
    parse: text,
  }),
  compare: option({
    description:
      "leaderboard: also forecast where this model would rank among the models committed on the subnet now, and whether " +
      "validators would call it a copy of one of them (downloads the top compare-top committed models and evaluates them " +
      "with this one, by the validators' rules; writes forecast.json; not with shard). none: only score this model.",
    default: "none",
    modes: ["evaluate"],
    cli: { placeholder: "none|leaderboard" },
    parse: oneOf(COMPARISONS),
  }),
  "compare-top": option({
    description:
      `With compare: leaderboard, how many committed models to evaluate with this one: the top N by on-chain Incentive ` +
      `(the others are listed as not evaluated), 1 to ${MAX_COMPARE_TOP}.`,
    default: String(DEFAULT_TOP_N),
    modes: ["evaluate"],
    cli: { placeholder: "n" },
    parse: integer(1, MAX_COMPARE_TOP),
  }),
  "min-rank": option({
    description:
      "With compare: leaderboard, fail the check unless the model would rank in the top N (a copy, or an average score " +
      "of 0, has no rank). Empty disables.",
    modes: ["evaluate"],
    cli: { placeholder: "n" },
    parse: atLeast(1),
  }),
  "hf-repo-id": option({
    description:
      "Release: the public HuggingFace model repository (owner/name; the miner CLI keeps it within 32 bytes, validators only need " +
      "the whole commitment within 128); created public with an MIT card if missing.",
    modes: ["release"],
    requiredIn: ["release"],
    cli: { placeholder: "owner/name" },
    parse: text,
  }),
  "hf-model-name": option({
    description:
      "Release: the model's file name on the hub, <stem>.onnx (the code zip is <stem>.zip). Default: a new name per release, " +
      "<tag or model file name>-<first 8 hex digits of the model's SHA-256>.onnx (the tag on a tag push, at most 18 characters), " +
      "so a release never overwrites the file a live commitment points to. A given name whose file on the hub is the one the " +
      "hotkey's commitment points to, with other bytes, is refused.",
    modes: ["release"],
    cli: { placeholder: "stem.onnx" },
    parse: text,
  }),
  "code-directory": option({
    description:
      "Release: the training code folder, zipped to <stem>.zip (deterministically, so an unchanged folder is not uploaded again).",
    modes: ["release"],
    cli: { placeholder: "folder" },
    parse: text,
  }),
  hotkey: option({
    description:
      "Self-check: the hotkey (SS58 address) whose committed model to check; or give hotkey-mnemonic. With compare: " +
      "leaderboard: your own hotkey, so the forecast ranks this model in place of the one it has committed (validators " +
      "keep one model per hotkey; the same bytes are ranked as committed) instead of calling it a copy of it.",
    modes: ["self-check", "evaluate"],
    cli: { placeholder: "ss58" },
    parse: text,
  }),
  evaluate: option({
    description: "Self-check: also evaluate the committed model on the dataset.",
    default: "true",
    modes: ["self-check"],
    parse: boolean,
  }),
  "hotkey-mnemonic": option({
    description:
      "The miner hotkey's mnemonic, from a secret. Release: needed only to commit (not with submit: false, nor for cancer-ai " +
      "upload). Self-check: gives the hotkey. Masked; never logged.",
    modes: ["release", "self-check"],
    secret: true,
    cli: { env: "HOTKEY_MNEMONIC" },
    parse: (raw) => raw.trim().split(/\s+/).join(" "),
  }),
  network: option({
    description:
      "The subtensor node: finney, test, local, archive, or a ws(s):// URL. Release commits through it; self-check, " +
      "leaderboard-check and compare: leaderboard read from it.",
    default: "finney",
    modes: ON_CHAIN,
    cli: { placeholder: "name|url" },
    parse: network,
  }),
  netuid: option({
    description: "The subnet: where a release commits, and whose commitments self-check, leaderboard-check and compare: leaderboard read.",
    default: "76",
    modes: ON_CHAIN,
    cli: { placeholder: "n" },
    parse: integer(0, 0xffff),
  }),
  submit: option({
    description: "Release: commit on chain after uploading (false: upload to HuggingFace only, no hotkey needed).",
    default: "true",
    modes: ["release"],
    cli: { flag: false },
    parse: boolean,
  }),
  "release-window-check": option({
    description:
      "Release: before committing, read the competition's package history and tell whether a package is likely to come out " +
      "in the next 120 minutes, on which the new commitment would score 0 (validators only evaluate a model committed at " +
      "least 120 minutes before a package, and keep one model per hotkey). warn: say so and release; fail: refuse (also " +
      "when the history cannot be read); off: do not look.",
    default: "warn",
    modes: ["release"],
    cli: { placeholder: "warn|fail|off" },
    parse: oneOf(WINDOW_CHECKS),
  }),
  "dry-run": option({
    description: "Release: only run the offline checks and print the commitment, call data and hotkey.",
    default: "false",
    modes: ["release"],
    parse: boolean,
  }),
} as const;

export type OptionName = keyof typeof OPTIONS;
export const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

/** The spec of an option, typed loosely for code that walks the whole table. */
export const specOf = (name: OptionName): OptionSpec<unknown> => OPTIONS[name] as OptionSpec<unknown>;
