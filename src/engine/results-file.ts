/**
 * results.json read back from a place this run does not trust: the artifact
 * a fork's pull request job uploaded, which a workflow_run job with a write
 * token then turns into a comment. Every field is checked (type, range,
 * length) and only what a report shows is kept, so a forged file can neither
 * claim a score the metrics do not support nor smuggle text past the bounds.
 */
import type { Competition, RiskCategory } from "../competition/competition.js";
import { CancerAiError } from "../util/errors.js";
import type { EvaluationResult, Prediction, RunReport, Verdict } from "./results.js";
import { runReport } from "./run.js";

/** validators evaluate at most 30 packages at once; a name longer than this is no package's. */
const MAX_DATASETS = 30;
const MAX_NAME = 256;
const MAX_MESSAGE = 1000;
const MAX_IMAGES = 10_000_000;
/** An image's path inside its package, and a class name as a CSV's label column gives it. */
const MAX_PATH = 4096;
const MAX_CLASS = 256;

export class ResultsDocumentError extends CancerAiError {}

type Json = Record<string, unknown>;

class Reader {
  constructor(
    private readonly value: Json,
    private readonly where: string,
  ) {}

  private fail(field: string, expected: string): never {
    throw new ResultsDocumentError(`${this.where}: ${field} must be ${expected}`);
  }

  text(field: string, max = MAX_NAME, pattern?: RegExp): string {
    const v = this.value[field];
    if (typeof v !== "string" || v.length > max || (pattern && !pattern.test(v))) this.fail(field, `a string of at most ${max} characters`);
    return v;
  }

  optionalText(field: string): string | undefined {
    return this.value[field] === undefined ? undefined : this.text(field);
  }

  number(field: string, min: number, max: number, whole = false): number {
    const v = this.value[field];
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v))) {
      this.fail(field, `${whole ? "a whole number" : "a number"} from ${min} to ${max}`);
    }
    return v;
  }

  numbers(field: string, length: number, min: number, max: number, whole = false): number[] {
    const v = this.value[field];
    const ok = (x: unknown): boolean =>
      typeof x === "number" && Number.isFinite(x) && x >= min && x <= max && (!whole || Number.isInteger(x));
    if (!Array.isArray(v) || v.length !== length || !v.every(ok)) this.fail(field, `${length} numbers from ${min} to ${max}`);
    return v as number[];
  }

  object(field: string): Reader {
    const v = this.value[field];
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(field, "an object");
    return new Reader(v as Json, `${this.where}, ${field}`);
  }
}

function readVerdict(r: Reader): Verdict {
  const fault = r.text("fault");
  if (fault !== "model" && fault !== "package") throw new ResultsDocumentError(`verdict fault must be "model" or "package"`);
  return { fault, code: r.text("code", 64, /^[a-z0-9-]+$/), message: r.text("message", MAX_MESSAGE) };
}

function readResult(value: unknown, competition: Competition, where: string): EvaluationResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ResultsDocumentError(`${where} is not an object`);
  const r = new Reader(value as Json, where);
  const classes = competition.classes.length;
  if (r.text("competition_id") !== competition.id) throw new ResultsDocumentError(`${where}: competition_id is not ${competition.id}`);
  const risk = r.object("risk_category_scores");
  const risks: RiskCategory[] = ["high_risk", "medium_risk", "benign"];
  const matrix = (value as Json).confusion_matrix;
  if (!Array.isArray(matrix) || matrix.length !== classes)
    throw new ResultsDocumentError(`${where}: confusion_matrix must be ${classes} rows`);
  const confusion = matrix.map((row, i) =>
    new Reader({ row }, `${where}, confusion_matrix row ${i}`).numbers("row", classes, 0, MAX_IMAGES, true),
  );
  const verdict = (value as Json).verdict === undefined ? undefined : readVerdict(r.object("verdict"));
  return {
    competition_id: competition.id,
    dataset: r.text("dataset"),
    dataset_uri: r.optionalText("dataset_uri"),
    dataset_date: r.optionalText("dataset_date"),
    model_sha256: r.text("model_sha256", 64, /^[0-9a-f]{64}$/),
    model_size_mb: r.number("model_size_mb", 0, 1_000_000),
    tested_entries: r.number("tested_entries", 0, MAX_IMAGES, true),
    run_time_s: r.number("run_time_s", 0, 1e9),
    accuracy: r.number("accuracy", 0, 1),
    precision: r.number("precision", 0, 1),
    recall: r.number("recall", 0, 1),
    fbeta: r.number("fbeta", 0, 1),
    weighted_f1: r.number("weighted_f1", 0, 1),
    efficiency_score: r.number("efficiency_score", 0, 1),
    score: r.number("score", 0, 1),
    f1_by_class: r.numbers("f1_by_class", classes, 0, 1),
    class_weights: r.numbers("class_weights", classes, 0, 100),
    confusion_matrix: confusion,
    risk_category_scores: Object.fromEntries(risks.map((k) => [k, risk.number(k, 0, 1)])) as Record<RiskCategory, number>,
    predictions: readPredictions((value as Json).predictions, where),
    ...(verdict && { verdict }),
  };
}

/**
 * Each image's file and classes, for the delta's interval against the base
 * branch (a comment never lists images); the probabilities are left behind.
 * A file without predictions gives a report without intervals.
 */
function readPredictions(value: unknown, where: string): Prediction[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_IMAGES) throw new ResultsDocumentError(`${where}: predictions must be a list`);
  return value.map((item: unknown, i) => {
    if (typeof item !== "object" || item === null) throw new ResultsDocumentError(`${where}: prediction ${i + 1} is not an object`);
    const r = new Reader(item as Json, `${where}, prediction ${i + 1}`);
    return {
      file: r.text("file", MAX_PATH),
      label: r.text("label", MAX_CLASS),
      predicted: r.text("predicted", MAX_CLASS),
      probabilities: [],
    };
  });
}

/**
 * The report in a results.json (one package's result, or a run over several),
 * checked field by field. The run's score is recomputed from the packages'.
 */
export function parseResultsDocument(value: unknown, competition: Competition, source: string): RunReport {
  const doc = (typeof value === "object" && value !== null ? value : {}) as Json;
  const items = Array.isArray(doc.datasets) ? doc.datasets : [value];
  if (items.length === 0 || items.length > MAX_DATASETS) {
    throw new ResultsDocumentError(`${source}: datasets must hold 1 to ${MAX_DATASETS} packages`);
  }
  const datasets = items.map((item, i) => readResult(item, competition, items.length > 1 ? `${source}, package ${i + 1}` : source));
  return runReport(competition.id, datasets);
}
