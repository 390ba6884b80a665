/**
 * Scale-out across runners: shard i of n evaluates rows i-1, i-1+n, i-1+2n...
 * of the dataset (round-robin in CSV order, so shards get the same mix of
 * image sizes and take the same time), writes its predictions, and a merge
 * step checks that the shards fit together and scores their union exactly as
 * one runner would have: the metrics depend only on the (label, prediction)
 * pairs, which the shards carry unchanged.
 */
import type { Competition } from "../competition/competition.js";
import { CancerAiError, DatasetError, InputError } from "../util/errors.js";
import type { EvaluationResult, Prediction, Verdict } from "./results.js";
import { verdictResult } from "./verdict.js";
import { metricFields } from "./metrics.js";

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(`shard must be "i/n" with 1 <= i <= n (e.g. 2/3 for the second of three shards), got "${text}"`);
  }
  return { index, count };
}

export const formatShard = (shard: Shard): string => `${shard.index}/${shard.count}`;

/** The entries of a shard with their row numbers (0-based, CSV order); every entry when there is no shard. */
export function selectShard<T>(entries: readonly T[], shard?: Shard): { row: number; entry: T }[] {
  const rows = entries.map((entry, row) => ({ row, entry }));
  if (!shard) return rows;
  const selected = rows.filter(({ row }) => row % shard.count === shard.index - 1);
  if (selected.length === 0) {
    throw new InputError(
      `shard ${formatShard(shard)} has no rows: the dataset has only ${entries.length}, use at most ${entries.length} shards`,
    );
  }
  return selected;
}

export const SHARD_FORMAT = "cancer-ai-shard/1";

/**
 * Bounds on what a shard file may say, so a damaged or hostile file is
 * refused with a message instead of exhausting memory: no package holds ten
 * million images, no matrix has 1,000 jobs, no model has 10,000 outputs.
 */
export const SHARD_LIMITS = { rows: 10_000_000, shards: 1_000, outputs: 10_000 } as const;

/** JSON has no NaN or Infinity (JSON.stringify writes null): a model's non-finite outputs travel as these strings. */
type NonFinite = "NaN" | "Infinity" | "-Infinity";
const NON_FINITE: readonly string[] = ["NaN", "Infinity", "-Infinity"];
const toJsonNumber = (v: number): number | NonFinite => (Number.isFinite(v) ? v : (String(v) as NonFinite));
const fromJsonNumber = (v: number | NonFinite): number => (typeof v === "number" ? v : Number(v));

export interface ShardPrediction {
  readonly row: number;
  readonly file: string;
  readonly label: string;
  readonly class_index: number;
  /** The model's raw output 0 (non-finite values as "NaN", "Infinity", "-Infinity"). */
  readonly output: (number | NonFinite)[];
  /** The predicted class index (the validator's y_pred). */
  readonly predicted: number;
}

/** One shard's predictions, as the shard's runner writes them for the merge. */
export interface ShardDocument {
  readonly format: typeof SHARD_FORMAT;
  readonly competition_id: string;
  readonly dataset: string;
  readonly dataset_uri?: string;
  readonly dataset_date?: string;
  readonly dataset_sha256: string;
  readonly total_entries: number;
  readonly model_sha256: string;
  readonly model_size_bytes: number;
  readonly shard: Shard;
  readonly run_time_s: number;
  readonly predictions: ShardPrediction[];
  /** Validators would not score this package (see results.ts): the shard's rows were not all evaluated. */
  readonly verdict?: Verdict;
}

export function shardDocument(result: EvaluationResult): ShardDocument {
  const run = result.shard;
  if (!run) throw new Error("shardDocument needs the result of a shard run (evaluate with a shard)");
  return {
    format: SHARD_FORMAT,
    competition_id: result.competition_id,
    dataset: result.dataset,
    ...(result.dataset_uri !== undefined && { dataset_uri: result.dataset_uri }),
    ...(result.dataset_date !== undefined && { dataset_date: result.dataset_date }),
    dataset_sha256: run.dataset_sha256,
    total_entries: run.total_entries,
    model_sha256: result.model_sha256,
    // model_size_mb is bytes / 2^20, which is exact, so this is the byte count again.
    model_size_bytes: Math.round(result.model_size_mb * 1048576),
    shard: { index: run.index, count: run.count },
    run_time_s: result.run_time_s,
    predictions: result.predictions.map((p, i) => ({
      row: run.rows[i],
      file: p.file,
      label: p.label,
      class_index: run.class_indices[i],
      output: p.probabilities.map(toJsonNumber),
      predicted: run.predicted_indices[i],
    })),
    ...(result.verdict && { verdict: result.verdict }),
  };
}

const name = (doc: ShardDocument): string => `shard ${formatShard(doc.shard)}`;

function listed(values: readonly (string | number)[], limit = 10): string {
  const more = values.length > limit ? ` and ${values.length - limit} more` : "";
  return values.slice(0, limit).join(", ") + more;
}

/** All shards must describe the same evaluation; the first difference is reported with the shards on both sides. */
function checkSameRun(docs: readonly ShardDocument[], competition: Competition): void {
  const first = docs[0];
  const fields: [keyof ShardDocument, string][] = [
    ["competition_id", "competition"],
    ["dataset_sha256", "dataset (labels CSV sha256)"],
    ["total_entries", "dataset size"],
    ["model_sha256", "model sha256"],
    ["model_size_bytes", "model size"],
  ];
  for (const doc of docs) {
    if (doc.format !== SHARD_FORMAT)
      throw new InputError(`${name(doc)} is not a shard predictions document (format "${String(doc.format)}", expected "${SHARD_FORMAT}")`);
    for (const [field, what] of fields) {
      if (doc[field] !== first[field]) {
        throw new InputError(
          `${name(doc)} and ${name(first)} were not run on the same ${what}: ${String(doc[field])} vs ${String(first[field])}`,
        );
      }
    }
    if (doc.shard.count !== first.shard.count)
      throw new InputError(
        `${name(doc)} and ${name(first)} split the dataset differently (${doc.shard.count} vs ${first.shard.count} shards)`,
      );
  }
  if (first.competition_id !== competition.id)
    throw new InputError(`the shards were scored for ${first.competition_id}, not ${competition.id}`);
}

function checkShardSet(docs: readonly ShardDocument[]): void {
  const count = docs[0].shard.count;
  const seen = new Map<number, number>();
  for (const doc of docs) seen.set(doc.shard.index, (seen.get(doc.shard.index) ?? 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([i]) => `${i}/${count}`);
  if (duplicates.length) throw new InputError(`shard(s) ${listed(duplicates)} given more than once`);
  const missing = Array.from({ length: count }, (_, i) => i + 1)
    .filter((i) => !seen.has(i))
    .map((i) => `${i}/${count}`);
  if (missing.length) throw new InputError(`shard(s) ${listed(missing)} missing: all ${count} are needed to score the dataset`);
}

/** Every row exactly once, each in the shard it belongs to. */
function collectRows(docs: readonly ShardDocument[], classes: number): ShardPrediction[] {
  const total = docs[0].total_entries;
  const byRow: (ShardPrediction | undefined)[] = new Array(total);
  const owner: string[] = new Array(total);
  const duplicates: string[] = [];
  for (const doc of docs) {
    for (const p of doc.predictions) {
      if (!Number.isInteger(p.row) || p.row < 0 || p.row >= total)
        throw new DatasetError(`${name(doc)} has row ${p.row} (${p.file}), outside the dataset's ${total} rows`);
      if (p.row % doc.shard.count !== doc.shard.index - 1)
        throw new DatasetError(
          `${name(doc)} has row ${p.row} (${p.file}), which belongs to shard ${(p.row % doc.shard.count) + 1}/${doc.shard.count}`,
        );
      for (const [field, value] of [
        ["class_index", p.class_index],
        ["predicted", p.predicted],
      ] as const) {
        if (!Number.isInteger(value) || value < 0 || value >= classes)
          throw new DatasetError(
            `${name(doc)} has ${field} ${value} for row ${p.row} (${p.file}), but the competition has ${classes} classes`,
          );
      }
      if (byRow[p.row]) duplicates.push(`row ${p.row} (${p.file}) in ${owner[p.row]} and ${name(doc)}`);
      byRow[p.row] = p;
      owner[p.row] = name(doc);
    }
  }
  if (duplicates.length) throw new DatasetError(`rows predicted more than once: ${listed(duplicates)}`);
  const missing: number[] = [];
  for (let row = 0; row < total; row++) if (!byRow[row]) missing.push(row);
  if (missing.length) throw new DatasetError(`rows (0-based, CSV order) missing from the shards: ${listed(missing)}; of ${total}`);
  return byRow as ShardPrediction[];
}

/**
 * The result one runner would have produced on the whole dataset, from the
 * shards' predictions. run_time_s is the shards' total.
 */
export function mergeShards(docs: readonly ShardDocument[], competition: Competition): EvaluationResult {
  if (docs.length === 0) throw new InputError("no shard predictions to merge");
  checkShardSet(docs);
  const judged = docs.filter((d) => d.verdict);
  if (judged.length > 0) return mergedVerdict(docs, judged, competition);
  checkSameRun(docs, competition);
  const rows = collectRows(docs, competition.classes.length);
  const first = docs[0];
  const yTrue = rows.map((p) => p.class_index);
  const yPred = rows.map((p) => p.predicted);
  const predictions: Prediction[] = rows.map((p) => ({
    file: p.file,
    label: p.label,
    predicted: competition.classes[p.predicted]?.short ?? String(p.predicted),
    probabilities: p.output.map(fromJsonNumber),
  }));
  return {
    competition_id: first.competition_id,
    dataset: first.dataset,
    ...(first.dataset_uri !== undefined && { dataset_uri: first.dataset_uri }),
    ...(first.dataset_date !== undefined && { dataset_date: first.dataset_date }),
    model_sha256: first.model_sha256,
    model_size_mb: first.model_size_bytes / (1024 * 1024),
    tested_entries: rows.length,
    run_time_s: docs.reduce((sum, d) => sum + d.run_time_s, 0),
    ...metricFields(competition, yTrue, yPred, first.model_size_bytes),
    predictions,
  };
}

/**
 * A shard that met a validator's verdict decides the package: a package
 * every model fails on outweighs a model's 0, and the lowest shard wins a tie.
 */
function mergedVerdict(docs: readonly ShardDocument[], judged: readonly ShardDocument[], competition: Competition): EvaluationResult {
  checkSameRun(
    docs.map((d) => ({ ...d, dataset_sha256: "", total_entries: 0 })),
    competition,
  );
  const ranked = [...judged].sort(
    (a, b) => Number(b.verdict?.fault === "package") - Number(a.verdict?.fault === "package") || a.shard.index - b.shard.index,
  );
  const first = ranked[0];
  const result = verdictResult(first.verdict as Verdict, {
    competition,
    dataset: first.dataset,
    model: { sha256: first.model_sha256, bytes: first.model_size_bytes },
    runSeconds: docs.reduce((sum, d) => sum + d.run_time_s, 0),
  });
  return {
    ...result,
    ...(first.dataset_uri !== undefined && { dataset_uri: first.dataset_uri }),
    ...(first.dataset_date !== undefined && { dataset_date: first.dataset_date }),
  };
}

/**
 * The results of a run over several packages (dataset-count > 1), from all
 * shards' documents: one merge per package, newest first as runEvaluation
 * orders them.
 */
export function mergeShardRuns(docs: readonly ShardDocument[], competition: Competition): EvaluationResult[] {
  if (docs.length === 0) throw new InputError("no shard predictions to merge");
  // By package, not by labels: two packages may share a CSV; mergeShards then checks the labels agree.
  const packages = new Map<string, ShardDocument[]>();
  for (const doc of docs) {
    const key = doc.dataset_uri ?? doc.dataset;
    packages.set(key, [...(packages.get(key) ?? []), doc]);
  }
  const results = [...packages.values()].map((group) => {
    try {
      return mergeShards(group, competition);
    } catch (err) {
      if (packages.size === 1 || !(err instanceof CancerAiError)) throw err;
      const Kind = err instanceof DatasetError ? DatasetError : InputError;
      // Jobs of one matrix can see different "latest" packages if one was published while it ran.
      throw new Kind(
        `package ${group[0].dataset}: ${err.message} (every shard job must evaluate the same packages: re-run the ` +
          `workflow if one was published meanwhile)`,
      );
    }
  });
  return results.sort((a, b) => (b.dataset_date ?? "").localeCompare(a.dataset_date ?? "") || a.dataset.localeCompare(b.dataset));
}

/** What a field of a document read from disk must be, for the message that says it is not. */
type FieldCheck = readonly [field: string, ok: (value: unknown) => boolean, expected: string];

const isText = (v: unknown): boolean => typeof v === "string";
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isRowCount = (v: unknown): boolean => isCount(v) && (v as number) <= SHARD_LIMITS.rows;
const isOutput = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.length <= SHARD_LIMITS.outputs &&
  v.every((x) => (typeof x === "number" && Number.isFinite(x)) || NON_FINITE.includes(x as string));
const isShard = (v: unknown): boolean => {
  const { index, count } = (typeof v === "object" && v !== null ? v : {}) as Partial<Shard>;
  return (
    isCount(index) &&
    isCount(count) &&
    (index as number) >= 1 &&
    (index as number) <= (count as number) &&
    (count as number) <= SHARD_LIMITS.shards
  );
};

const isVerdict = (v: unknown): boolean => {
  const { fault, code, message } = (typeof v === "object" && v !== null ? v : {}) as Partial<Verdict>;
  return (fault === "model" || fault === "package") && isText(code) && isText(message);
};

const DOCUMENT_FIELDS: readonly FieldCheck[] = [
  ["competition_id", isText, "a string"],
  ["dataset", isText, "a string"],
  ["dataset_sha256", isText, "a string"],
  ["total_entries", isRowCount, `a whole number up to ${SHARD_LIMITS.rows}`],
  ["model_sha256", isText, "a string"],
  ["model_size_bytes", isCount, "a whole number"],
  ["shard", isShard, `{index, count} with 1 <= index <= count <= ${SHARD_LIMITS.shards}`],
  ["run_time_s", (v) => typeof v === "number", "a number"],
  ["predictions", Array.isArray, "a list"],
];

const PREDICTION_FIELDS: readonly FieldCheck[] = [
  ["row", isRowCount, `a whole number up to ${SHARD_LIMITS.rows}`],
  ["file", isText, "a string"],
  ["label", isText, "a string"],
  ["class_index", isCount, "a whole number"],
  ["output", isOutput, `a list of at most ${SHARD_LIMITS.outputs} numbers (or "NaN", "Infinity", "-Infinity")`],
  ["predicted", isCount, "a whole number"],
];

function checkFields(value: object, checks: readonly FieldCheck[], where: string): void {
  for (const [field, ok, expected] of checks) {
    if (!ok((value as Record<string, unknown>)[field])) throw new InputError(`${where}: ${field} must be ${expected}`);
  }
}

/**
 * The shard documents in a parsed file (one document, or a list of them for a
 * run over several packages). Undefined when the JSON is not ours at all;
 * an error naming the file and field when it is, but malformed.
 */
export function parseShardFile(value: unknown, source: string): ShardDocument[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const isOurs = (v: unknown): boolean =>
    typeof v === "object" && v !== null && "format" in v && String(v.format).startsWith("cancer-ai-shard/");
  if (items.length === 0 || !items.every(isOurs)) return undefined;
  return items.map((item: { format: unknown; predictions?: unknown; verdict?: unknown }, i) => {
    const where = items.length > 1 ? `${source} (document ${i + 1})` : source;
    if (item.format !== SHARD_FORMAT)
      throw new InputError(
        `${where} is in format ${String(item.format)}; this version of the action reads ${SHARD_FORMAT}: use the same ` +
          `action version for the shards and the merge`,
      );
    checkFields(item, DOCUMENT_FIELDS, where);
    if ("verdict" in item && !isVerdict(item.verdict))
      throw new InputError(`${where}: verdict must be {fault: "model" | "package", code, message}`);
    (item.predictions as unknown[]).forEach((p, j) => {
      if (typeof p !== "object" || p === null) throw new InputError(`${where}: prediction ${j} is not an object`);
      checkFields(p, PREDICTION_FIELDS, `${where}, prediction ${j}`);
    });
    return item as ShardDocument;
  });
}
