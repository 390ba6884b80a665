/**
 * Several models on one package in one pass: each image is decoded and
 * resampled to the competition size once, resized again once per distinct
 * fixed model input, and fed to every model. Decoding is the expensive
 * part, so K models cost one decode pass plus K inference passes.
 *
 * Each model has its own session (a process of its own) and its own fate:
 * a model validators would give 0 (too slow, an output they cannot use)
 * gets that verdict and stops being fed, and the others go on; a package
 * every model fails on gives every model its verdict. At most one image
 * runs per core across all the models, so that each image's time in its
 * model is what one run on a validator's core takes, and the 20 s limit
 * judges that, not the contention between models.
 */
import { stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import type { DatasetEntry } from "../dataset/entries.js";
import { openPackage, readDataset } from "../dataset/package.js";
import type { TensorSize } from "../preprocess/index.js";
import { sha256File } from "../util/digest.js";
import { progressReporter, type Log } from "../util/log.js";
import type { PreprocessedImage } from "../workers/pool.js";
import { openPreprocessor } from "../workers/preprocessor.js";
import { loadModel, type Model } from "./inference.js";
import { checkNoExternalData } from "./onnx-file.js";
import { checkThreads, mapOrdered, planThreads, type StageTotals } from "./pipeline.js";
import { outputNumbers, PredictionStack } from "./prediction.js";
import type { EvaluationResult, Prediction, Verdict } from "./results.js";
import { sessionBytes } from "./sessions.js";
import { scoredResult, verdictOf, verdictResult } from "./verdict.js";

export interface ModelUnderTest {
  /** The caller's name for it (a hotkey, "candidate"), for the log. */
  readonly id: string;
  readonly path: string;
}

export interface EvaluateManyOptions {
  readonly models: readonly ModelUnderTest[];
  readonly dataset: string;
  readonly competition: Competition;
  readonly log: Log;
  /** Cores to use (default: every core; see planThreads). */
  readonly threads?: number;
  /** The limit per image in a model (default: the validator's 20 s); tests use a small one. */
  readonly inferenceTimeoutMs?: number;
  /** Filled with the time per stage; decoding counts once per image, inference once per model and image. */
  readonly timings?: StageTotals;
  /** Free memory to plan with (default: the kernel's); tests use a small one to force several passes. */
  readonly freeBytes?: number;
}

/** Of the free memory, the share the models' sessions may take; the rest is for decoding and the main process. */
const SESSION_MEMORY_SHARE = 0.7;

interface ModelFacts {
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Each model's result on the package, in the order of `models`. A model
 * validators would give 0 has its verdict; a package every model fails on
 * gives each model that verdict.
 */
export async function evaluateMany(options: EvaluateManyOptions): Promise<EvaluationResult[]> {
  const { models, competition, log } = options;
  checkThreads(options.threads);
  const started = performance.now();
  const facts = await Promise.all(models.map(async (m) => ({ bytes: (await stat(m.path)).size, sha256: await sha256File(m.path) })));
  const results = new Map<number, EvaluationResult>();
  const rejected = (index: number, verdict: Verdict): void => {
    log.warning(`${models[index].id}: ${verdict.message}`);
    results.set(
      index,
      verdictResult(verdict, { competition, dataset: path.basename(options.dataset), model: facts[index], runSeconds: 0 }),
    );
  };
  const pending: number[] = [];
  for (const [index, model] of models.entries()) {
    try {
      // Validators download only <stem>.onnx: a model whose weights live beside it cannot load there.
      await checkNoExternalData(model.path);
      pending.push(index);
    } catch (err) {
      const verdict = verdictOf(err);
      if (!verdict) throw err;
      rejected(index, verdict);
    }
  }
  const passes = sessionGroups(pending, facts, options.freeBytes ?? os.freemem());
  if (passes.length > 1)
    log.info(
      `the ${pending.length} models' sessions do not fit in memory at once: ${passes.length} passes over the images, ` +
        `of up to ${Math.max(...passes.map((p) => p.length))} models each`,
    );
  try {
    for (const pass of passes) {
      const passResults = await onePass(
        pass.map((i) => ({ index: i, model: models[i], facts: facts[i] })),
        options,
      );
      for (const [index, result] of passResults) results.set(index, result);
    }
  } catch (err) {
    const verdict = verdictOf(err);
    if (!verdict || verdict.fault !== "package") throw err;
    // A package every model fails on: each gets that verdict.
    log.warning(verdict.message);
    for (const index of pending) {
      const runSeconds = (performance.now() - started) / 1000;
      results.set(index, verdictResult(verdict, { competition, dataset: path.basename(options.dataset), model: facts[index], runSeconds }));
    }
  }
  return models.map((_, i) => results.get(i) as EvaluationResult);
}

/**
 * The models split into passes whose sessions fit in memory together (each
 * about twice its file plus a process, as sessions.ts estimates), in the
 * order given; a model alone over the budget gets a pass of its own.
 */
export function sessionGroups(indices: readonly number[], facts: readonly { readonly bytes: number }[], freeBytes: number): number[][] {
  const budget = freeBytes * SESSION_MEMORY_SHARE;
  const groups: number[][] = [];
  let used = Infinity;
  for (const index of indices) {
    const cost = sessionBytes(facts[index].bytes);
    if (used + cost > budget) {
      groups.push([]);
      used = 0;
    }
    groups[groups.length - 1].push(index);
    used += cost;
  }
  return groups;
}

interface Contender {
  readonly index: number;
  readonly model: ModelUnderTest;
  readonly facts: ModelFacts;
}

interface Running extends Contender {
  readonly session: Model;
  readonly sizeIndex: number;
  readonly stack: PredictionStack;
  readonly predictions: Prediction[];
  readonly yTrue: number[];
  readonly yPred: number[];
  /** Set once validators would give it 0: it is fed no more images. */
  verdict?: Verdict;
  /** Its images, one after the other: a session runs one image at a time. */
  tail: Promise<void>;
}

/** First come, first served: at most `size` holders at once. */
class Slots {
  private readonly waiting: (() => void)[] = [];
  private free: number;

  constructor(size: number) {
    this.free = size;
  }

  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

async function onePass(contenders: readonly Contender[], options: EvaluateManyOptions): Promise<Map<number, EvaluationResult>> {
  const { competition, log } = options;
  const started = performance.now();
  const results = new Map<number, EvaluationResult>();
  const reject = (c: Contender, verdict: Verdict): void => {
    log.warning(`${c.model.id}: ${verdict.message}`);
    const runSeconds = (performance.now() - started) / 1000;
    results.set(c.index, verdictResult(verdict, { competition, dataset: path.basename(options.dataset), model: c.facts, runSeconds }));
  };
  // Every model loads in its own process while the package opens.
  const loading = contenders.map((c) => loadModel(c.model.path, competition, { timeoutMs: options.inferenceTimeoutMs }));
  for (const l of loading) l.catch(() => {});
  const running: Running[] = [];
  const sizes: TensorSize[] = [];
  const pkg = await openPackage(options.dataset).catch(async (err: unknown) => {
    await Promise.all(
      loading.map((l) =>
        l.then(
          (s) => s.close(),
          () => {},
        ),
      ),
    );
    throw err;
  });
  try {
    for (const [i, c] of contenders.entries()) {
      let session: Model;
      try {
        session = await loading[i];
      } catch (err) {
        const verdict = verdictOf(err);
        // A model validators cannot run scores 0 there (their runner fails on it): here, it says why.
        reject(c, verdict ?? { fault: "model", code: "not-loadable", message: `validators would score 0: ${(err as Error).message}` });
        continue;
      }
      const { inputSize } = session.signature;
      let sizeIndex = sizes.findIndex((s) => s.width === inputSize.width && s.height === inputSize.height);
      if (sizeIndex < 0) sizeIndex = sizes.push(inputSize) - 1;
      running.push({
        ...c,
        session,
        sizeIndex,
        stack: new PredictionStack(competition, session.signature.output, log),
        predictions: [],
        yTrue: [],
        yPred: [],
        tail: Promise.resolve(),
      });
    }
    if (running.length === 0) return results;
    const dataset = await readDataset(pkg, competition);
    for (const warning of dataset.warnings) log.warning(warning);
    const plan = planThreads(options.threads, dataset.entries.length);
    const cores = Math.min(plan.maxSessions, running.length);
    await log.group(
      `Evaluating ${running.length} models on ${dataset.entries.length} images of ${path.basename(options.dataset)} in one pass`,
      async () => {
        log.info(
          `decoding once for all in ${Math.max(plan.workers, 1)} thread(s), ${sizes.length} input size(s); ` +
            `at most ${cores} image(s) in the models at once, one session per model`,
        );
        const preprocessor = await openPreprocessor(plan.workers, competition.imageSize, log);
        try {
          await feedAll(
            running,
            dataset.entries,
            { prepare: (e) => pkg.extracted(e.path).then(() => preprocessor.preprocess(e.file, e.path, sizes)) },
            {
              slots: new Slots(cores),
              inFlight: plan.inFlight,
              log,
              timings: options.timings,
            },
          );
        } finally {
          await preprocessor.close();
        }
      },
    );
    // A corrupt entry after the last image the CSV names still fails the package, as when it was extracted first.
    await pkg.extracted();
    const runSeconds = (performance.now() - started) / 1000;
    for (const r of running) {
      if (r.verdict) {
        reject(r, r.verdict);
        continue;
      }
      results.set(r.index, scoredResult(r, { competition, dataset: path.basename(options.dataset), model: r.facts, runSeconds }));
    }
    return results;
  } finally {
    await pkg.close();
    await Promise.all(
      loading.map((l) =>
        l.then(
          (s) => s.close(),
          () => {},
        ),
      ),
    );
  }
}

interface Feed {
  readonly slots: Slots;
  readonly inFlight: number;
  readonly log: Log;
  readonly timings?: StageTotals;
}

/** Every image, prepared once, to every model still running, in CSV order for each. */
async function feedAll(
  running: readonly Running[],
  entries: readonly DatasetEntry[],
  source: { prepare(entry: DatasetEntry): Promise<PreprocessedImage> },
  feed: Feed,
): Promise<void> {
  const { slots, timings, log } = feed;
  const progress = progressReporter(log, entries.length, "images evaluated");
  // An image is done once every model has it: a window of them bounds the pixels held.
  const window: Promise<void>[] = [];
  let done = 0;
  for await (const { entry, image } of mapOrdered(entries, feed.inFlight, async (entry) => ({
    entry,
    image: await source.prepare(entry),
  }))) {
    if (timings) {
      timings.images++;
      timings.decodeMs += image.times.decodeMs;
      timings.resampleMs += image.times.resampleMs;
    }
    const runs = running.map((r) => {
      r.tail = r.tail.then(async () => {
        if (r.verdict) return;
        const giveBack = await slots.take();
        try {
          const { output, ms } = await r.session.predict(image.rgbs[r.sizeIndex], entry.demographics, entry.file);
          if (timings) timings.inferenceMs += ms;
          const predicted = r.stack.add(output, entry.file);
          r.yTrue.push(entry.classIndex);
          r.yPred.push(predicted.index);
          r.predictions.push({ file: entry.file, label: entry.label, predicted: predicted.label, probabilities: outputNumbers(output) });
        } catch (err) {
          const verdict = verdictOf(err);
          if (!verdict || verdict.fault !== "model") throw err;
          r.verdict = verdict;
          await r.session.close();
        } finally {
          giveBack();
        }
      });
      return r.tail;
    });
    const all = Promise.all(runs).then(() => progress(++done));
    // Surfaced when awaited below, in order; until then it must not count as unhandled.
    all.catch(() => {});
    window.push(all);
    if (window.length >= feed.inFlight) await window.shift();
  }
  await Promise.all(window);
}
