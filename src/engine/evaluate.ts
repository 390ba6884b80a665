/**
 * The evaluation of one model on one dataset package, as a stream (see
 * pipeline.ts): entries -> decode + resample in worker threads (on this
 * thread for a small dataset), a few images ahead -> inference in sessions
 * in processes of their own (which the 20 s limit can stop; more of them
 * when the model is the bottleneck, see sessions.ts), fed in CSV order ->
 * metrics. Only the images in flight are held in memory.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import { sha256File } from "../util/digest.js";
import { loadModel, type Model } from "./inference.js";
import { outputNumbers, PredictionStack } from "./prediction.js";
import { progressReporter, type Log } from "../util/log.js";
import { checkThreads, mapOrdered, planThreads, type StageTotals, type ThreadPlan } from "./pipeline.js";
import type { DatasetEntry } from "../dataset/entries.js";
import { openPackage, readDataset, type Dataset, type DatasetPackage } from "../dataset/package.js";
import type { EvaluationResult, Prediction } from "./results.js";
import { checkNoExternalData } from "./onnx-file.js";
import { scoredResult, verdictOf, verdictResult } from "./verdict.js";
import { formatShard, selectShard, type Shard } from "./shard.js";
import { SessionScaler } from "./sessions.js";
import type { TensorSize } from "../preprocess/index.js";
import type { PreprocessedImage } from "../workers/pool.js";
import { openPreprocessor, type Preprocessor } from "../workers/preprocessor.js";

export interface EvaluateOptions {
  readonly modelPath: string;
  readonly dataset: string;
  readonly competition: Competition;
  readonly log: Log;
  /** Threads to use, inference included (default: every core, and one for a small dataset; see planThreads). */
  readonly threads?: number;
  /** Only this shard of the rows is preprocessed, inferred and scored (see shard.ts). */
  readonly shard?: Shard;
  /** Filled with the time spent per stage (the benchmark reads it). */
  readonly timings?: StageTotals;
  /** The limit per image in the model (default: the validator's 20 s, INFERENCE_TIMEOUT_MS); tests use a small one. */
  readonly inferenceTimeoutMs?: number;
  /** Exactly this many inference sessions, from the start (default: one, more as measured; see sessions.ts): tests, the bench. */
  readonly sessions?: number;
}

/**
 * The model's result on one package. Where validators would not score it
 * normally (a model they give 0, a package that fails for every model), the
 * result carries their verdict instead of the run failing.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluationResult> {
  checkThreads(options.threads);
  const started = performance.now();
  try {
    // Validators download only <stem>.onnx: a model whose weights live beside it cannot load there.
    await checkNoExternalData(options.modelPath);
    return await scorePackage(options);
  } catch (err) {
    const verdict = verdictOf(err);
    if (!verdict) throw err;
    options.log.warning(verdict.message);
    const result = verdictResult(verdict, {
      competition: options.competition,
      dataset: path.basename(options.dataset),
      model: { bytes: (await stat(options.modelPath)).size, sha256: await sha256File(options.modelPath) },
      runSeconds: (performance.now() - started) / 1000,
    });
    // A shard's verdict travels to the merge, which then gives the package that verdict.
    if (options.shard) {
      result.shard = { ...options.shard, total_entries: 0, dataset_sha256: "", rows: [], class_indices: [], predicted_indices: [] };
    }
    return result;
  }
}

async function scorePackage(options: EvaluateOptions): Promise<EvaluationResult> {
  const { modelPath, competition, log } = options;
  checkThreads(options.threads);
  // The model loads in its own process while the package opens and the workers start; its load time still
  // counts in run_time_s, as in the validator.
  const started = performance.now();
  const loading = loadModel(modelPath, competition, { timeoutMs: options.inferenceTimeoutMs, sessions: options.sessions });
  // Awaited below, in every path: until then its failure must not count as unhandled.
  loading.catch(() => {});
  let pkg: DatasetPackage | undefined;
  let preprocessor: Preprocessor | undefined;
  try {
    let dataset: Dataset;
    let selected: { row: number; entry: DatasetEntry }[];
    let plan: ThreadPlan;
    try {
      pkg = await openPackage(options.dataset);
      dataset = await readDataset(pkg, competition);
      selected = selectShard(dataset.entries, options.shard);
      plan = planThreads(options.threads, selected.length);
      preprocessor = await openPreprocessor(plan.workers, competition.imageSize, log);
    } catch (err) {
      // The validator loads the model first: a model it cannot load is the verdict, whatever the package.
      await loading;
      throw err;
    }
    for (const warning of dataset.warnings) log.warning(warning);
    const session = await loading;
    const model = { bytes: (await stat(modelPath)).size, sha256: await sha256File(modelPath) };
    const what = options.shard
      ? `${selected.length} of ${dataset.entries.length} images (shard ${formatShard(options.shard)})`
      : `${dataset.entries.length} images`;
    const stream: Stream = {
      preprocessor: afterExtraction(pkg, preprocessor, session.signature.inputSize),
      scaler: new SessionScaler(session, options.sessions ?? plan.maxSessions, selected.length, model.bytes, log),
      inFlight: plan.inFlight,
      timings: options.timings,
    };
    const workers = preprocessor.workers;
    const { predictions, yTrue, yPred } = await log.group(
      `Evaluating ${path.basename(modelPath)} on ${what} of ${path.basename(options.dataset)}`,
      async () => {
        if (workers > 0)
          log.info(
            `preprocessing in ${workers} worker threads; inference in ` +
              (options.sessions
                ? `${options.sessions} session(s)`
                : `1 session (up to ${plan.maxSessions} as the model's share of the work calls for)`) +
              ", each in its own process on 1 onnxruntime thread",
          );
        return predictAll(
          session,
          selected.map((s) => s.entry),
          competition,
          log,
          stream,
        );
      },
    );
    const result = scoredResult(
      { yTrue, yPred, predictions },
      { competition, dataset: path.basename(options.dataset), model, runSeconds: (performance.now() - started) / 1000 },
    );
    if (options.shard) {
      result.shard = {
        ...options.shard,
        total_entries: dataset.entries.length,
        dataset_sha256: await sha256File(dataset.csvPath),
        rows: selected.map((s) => s.row),
        class_indices: yTrue,
        predicted_indices: yPred,
      };
    }
    // A corrupt entry after the last image the CSV names still fails the package, as when it was extracted first.
    await pkg.extracted();
    return result;
  } finally {
    await preprocessor?.close();
    await pkg?.close();
    await loading.then(
      (session) => session.close(),
      () => {},
    );
  }
}

/**
 * The images' source for this model: at its input size, and each read once it is on disk (a zip package
 * streams: its images are written while the first ones are evaluated).
 */
const afterExtraction = (pkg: DatasetPackage, preprocessor: Preprocessor, inputSize: TensorSize): ImageSource => ({
  prepare: (file, filePath) => pkg.extracted(filePath).then(() => preprocessor.preprocess(file, filePath, [inputSize])),
});

/** Where predictAll takes each image's model input from. */
interface ImageSource {
  prepare(file: string, filePath: string): Promise<PreprocessedImage>;
}

interface Stream {
  readonly preprocessor: ImageSource;
  readonly scaler: SessionScaler;
  readonly inFlight: number;
  readonly timings?: StageTotals;
}

async function predictAll(session: Model, entries: readonly DatasetEntry[], competition: Competition, log: Log, stream: Stream) {
  const predictions: Prediction[] = [];
  const yTrue: number[] = [];
  const yPred: number[] = [];
  const { preprocessor, scaler, timings } = stream;
  // The validators' y_pred from output 0, whatever its shape: warns once about an unusual one,
  // throws their verdict where numpy or sklearn would raise.
  const stack = new PredictionStack(competition, session.signature.output, log);
  const progress = progressReporter(log, entries.length, "images evaluated");
  // Each image goes into the model as soon as it is prepared and the one before it has gone in: the model's
  // process always has the next image waiting, and images enter in CSV order, as in the validator's loop
  // (so the image named by a timeout or an error is the first in the CSV that would hit it).
  let called: Promise<unknown> = Promise.resolve();
  const inferred = mapOrdered(entries, stream.inFlight, (entry) => {
    const prepared = preprocessor.prepare(entry.file, entry.path);
    // Its failure surfaces through `call` below, in CSV order; until then it must not count as unhandled.
    prepared.catch(() => {});
    const call = called.then(async () => {
      const image = await prepared;
      return { image, result: session.predict(image.rgbs[0], entry.demographics, entry.file) };
    });
    called = call.catch(() => {});
    return call.then(async ({ image, result }) => ({ entry, image, ...(await result) }));
  });
  for await (const { entry, image, output, ms } of inferred) {
    if (timings) {
      timings.images++;
      timings.decodeMs += image.times.decodeMs;
      timings.resampleMs += image.times.resampleMs;
      timings.inferenceMs += ms;
      timings.sessions = session.sessions;
    }
    scaler.observe(image.times, ms);
    const predicted = stack.add(output, entry.file);
    yTrue.push(entry.classIndex);
    yPred.push(predicted.index);
    predictions.push({ file: entry.file, label: entry.label, predicted: predicted.label, probabilities: outputNumbers(output) });
    progress(predictions.length);
  }
  return { predictions, yTrue, yPred };
}
