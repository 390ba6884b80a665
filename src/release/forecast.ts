/**
 * The forecast: where the candidate would rank among the models committed
 * on the subnet now, and whether validators would call it a copy. The top N
 * committed models (by Incentive) are checked and downloaded as validators
 * get them (committed.ts), evaluated with the candidate in one pass per
 * package (engine/evaluate-many.ts), and judged by the validators' rules
 * (engine/forecast.ts): the copy rule per package, then averages, ranks and
 * reward shares. A committed model validators would reject scores 0 with
 * their reason; one the hub did not serve is left out and said so.
 */
import path from "node:path";
import type { Competition } from "../competition/competition.js";
import { resolveDatasets, type ResolveOptions } from "../dataset/remote.js";
import { copySignature } from "../engine/copy-signature.js";
import { evaluateMany, type ModelUnderTest } from "../engine/evaluate-many.js";
import { applyCopyRule, forecastRows, type ForecastRow, type PackageEntry, type PackageResult } from "../engine/forecast.js";
import { checkModel } from "../engine/inference.js";
import type { EvaluationResult, RunReport } from "../engine/results.js";
import { runReport } from "../engine/run.js";
import type { ForecastCopyOf, ForecastDocument, ForecastEntry, ForecastOwnHotkey } from "../engine/forecast-document.js";
import { sha256File } from "../util/digest.js";
import { committedModels, type CheckedModel, type CommittedModels, type ModelStore, type OwnHotkey } from "./committed.js";

export interface ForecastRequest extends Omit<ResolveOptions, "competitionId"> {
  readonly modelPath: string;
  readonly dataset: string;
  readonly competition: Competition;
  readonly network: string;
  readonly netuid: number;
  /** Committed models to evaluate, by Incentive (compare-top). */
  readonly top: number;
  /** Where downloaded models are kept, and the cache behind it. */
  readonly models: ModelStore;
  readonly threads?: number;
  /** Default: now (tests pass the local chain's time). */
  readonly now?: Date;
  /** The limit per image (tests use a small one). */
  readonly inferenceTimeoutMs?: number;
  /**
   * The miner's hotkey: the candidate takes the place of its committed model (validators keep one per
   * hotkey), or is that model when the bytes are the same, rather than being compared with it.
   */
  readonly hotkey?: string;
}

export interface ForecastRun {
  /** The candidate's own evaluation, as runEvaluation reports it. */
  readonly report: RunReport;
  readonly forecast: ForecastDocument;
}

/** A committed model taking part: evaluated (evaluable) or rejected (0 with the validators' reason). */
interface Contestant {
  readonly checked: CheckedModel;
  /** Its index among the models evaluated, when evaluable. */
  readonly evaluated?: number;
  /** The candidate itself: the own hotkey's committed model, with the candidate's bytes (evaluated as the candidate). */
  readonly candidate?: boolean;
}

export async function runForecast(request: ForecastRequest): Promise<ForecastRun> {
  const { competition, hub } = request;
  const log = hub.log;
  await checkModel(request.modelPath, competition);
  const committed = await log.group(`Committed models on subnet ${request.netuid}`, () =>
    committedModels({
      network: request.network,
      netuid: request.netuid,
      competitionId: competition.id,
      now: request.now,
      top: request.top,
      hub,
      store: request.models,
      own: request.hotkey,
    }),
  );
  const own = committed.own?.committed;
  const sameAsCommitted = own !== undefined && own.model.hash === (await sha256File(request.modelPath));
  // What the forecast made of the hotkey is its report's note; a hotkey not registered is likely a typo, said at once.
  if (committed.own && committed.own.uid === undefined)
    log.warning(`hotkey ${committed.own.hotkey} is not registered on subnet ${request.netuid} now: check the hotkey input`);
  const others = taking(committed);
  const contestants = [...others, ...(own && sameAsCommitted ? [{ checked: own, candidate: true }] : [])];
  const evaluable: ModelUnderTest[] = others.flatMap(({ checked }) =>
    checked.check.status === "evaluable" ? [{ id: `uid ${checked.model.uid}`, path: checked.check.modelPath }] : [],
  );
  log.info(
    `${evaluable.length} committed model(s) to evaluate with the candidate; ` +
      `${others.length - evaluable.length} rejected as validators would; ` +
      `${committed.notEvaluated.length} outside the top ${request.top}`,
  );
  const sources = await log.group("Datasets", () => resolveDatasets(request.dataset, { ...request, competitionId: competition.id }));
  const packages: PackageResult[] = [];
  const packageNames: string[] = [];
  const candidateResults: EvaluationResult[] = [];
  for (const source of sources) {
    const results = await evaluateMany({
      models: [{ id: "candidate", path: request.modelPath }, ...evaluable],
      dataset: source.localPath,
      competition,
      log,
      threads: request.threads,
      inferenceTimeoutMs: request.inferenceTimeoutMs,
    });
    const [candidate, ...others] = results;
    if (source.ref) {
      candidate.dataset_uri = `hf://${source.ref.repo}/${source.ref.path}`;
      if (source.ref.date) candidate.dataset_date = source.ref.date;
    }
    candidateResults.push(candidate);
    packageNames.push(candidate.dataset_uri ?? candidate.dataset);
    packages.push(applyCopyRule(entries(contestants, others, candidate, !sameAsCommitted)));
  }
  // Packages come newest first; the rules read them oldest first (the newest five count, the newest says the status).
  packages.reverse();
  packageNames.reverse();
  // One competition: the weight cancels out in the normalised shares except beyond rank 10 (rewarder: not weighted).
  const forecast = forecastRows(packages, 1);
  return {
    report: runReport(competition.id, candidateResults),
    forecast: document(request, committed, contestants, forecast, packages, packageNames),
  };
}

/** The committed models that take part: the top N as checked, except those the hub did not serve. */
function taking(committed: CommittedModels): Contestant[] {
  let evaluated = 0;
  return committed.checked.flatMap((checked): Contestant[] => {
    if (checked.check.status === "unavailable") return [];
    return [{ checked, ...(checked.check.status === "evaluable" ? { evaluated: evaluated++ } : {}) }];
  });
}

/**
 * One package's entries for the copy rule: the committed models in uid order, then the candidate as a
 * new commitment (`newCommitment`); or, when it is its hotkey's committed model, in that model's place.
 */
function entries(
  contestants: readonly Contestant[],
  results: readonly EvaluationResult[],
  candidate: EvaluationResult,
  newCommitment: boolean,
): PackageEntry[] {
  const byUid = [...contestants].sort((a, b) => a.checked.model.uid - b.checked.model.uid);
  const entry = (result: EvaluationResult, hotkey: string | null, uid: number | null): Omit<PackageEntry, "slashed" | "pioneer"> => ({
    hotkey,
    uid,
    score: result.score,
    // Validators take the signature of every result with a score; none for a verdict's zeros. (The rows are the
    // flattened outputs: an output of shape (k, 1), on which their signature crashes, is not told apart.)
    ...(result.verdict
      ? {}
      : {
          signature: copySignature(
            result.predictions.map((p) => p.probabilities),
            { accuracy: result.accuracy, weightedF1: result.weighted_f1 },
          ),
        }),
  });
  return [
    ...byUid.map((contestant): PackageEntry => {
      const { model, check } = contestant.checked;
      const mark = contestant.candidate ? { candidate: true } : {};
      const result = contestant.candidate ? candidate : contestant.evaluated === undefined ? undefined : results[contestant.evaluated];
      if (check.status !== "evaluable" || !result)
        return { hotkey: model.hotkey, ...mark, uid: model.uid, score: 0, slashed: check.status === "rejected" && check.slashed };
      const p = check.pioneer;
      return {
        ...entry(result, model.hotkey, model.uid),
        ...mark,
        slashed: false,
        pioneer: p.valid ? { valid: true, block: p.recordBlock } : { valid: false, reason: p.reason },
      };
    }),
    ...(newCommitment ? [{ ...entry(candidate, null, null), slashed: false }] : []),
  ];
}

function document(
  request: ForecastRequest,
  committed: CommittedModels,
  contestants: readonly Contestant[],
  forecast: ReturnType<typeof forecastRows>,
  packages: readonly PackageResult[],
  packageNames: readonly string[],
): ForecastDocument {
  const byHotkey = new Map(contestants.map((c) => [c.checked.model.hotkey, c.checked]));
  const rows = forecast.rows.map((row: ForecastRow, i): ForecastEntry => {
    const checked = row.hotkey === null ? undefined : byHotkey.get(row.hotkey);
    const check = checked?.check;
    // The status on the newest package decides the row's label; the scores carry every package.
    const newest = packages.at(-1)?.outcomes[i];
    const status: ForecastEntry["status"] =
      check?.status === "rejected"
        ? "rejected"
        : newest?.status === "copy"
          ? "copy"
          : newest?.status === "invalid-record"
            ? "invalid-record"
            : "scored";
    const reason = check?.status === "rejected" ? check.reason : newest?.reason;
    // A new commitment of the own hotkey is shown under that hotkey and its uid.
    const own = row.candidate && row.hotkey === null ? committed.own : undefined;
    return {
      candidate: row.candidate,
      uid: row.uid ?? own?.uid ?? null,
      hotkey: row.hotkey ?? own?.hotkey ?? null,
      ...(checked ? { repo: checked.model.repo, block: checked.model.block } : {}),
      status,
      ...(reason ? { reason } : {}),
      package_scores: row.packageScores,
      average: row.average,
      rank: row.rank,
      gap_to_first: row.gapToFirst,
      share: row.share,
      ...(row.copyOf ? { copy_of: copyOf(row.copyOf) } : {}),
    };
  });
  const unavailable = committed.checked.flatMap(({ model, check }) =>
    check.status === "unavailable" ? [{ uid: model.uid, hotkey: model.hotkey, reason: `the hub did not serve it: ${check.reason}` }] : [],
  );
  return {
    competition_id: committed.competitionId,
    netuid: committed.netuid,
    at_block: committed.atBlock,
    now: committed.now.toISOString(),
    packages: packageNames,
    top_n: request.top,
    rows: rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
    ...(committed.own && { own_hotkey: ownHotkeyEntry(committed.own, contestants) }),
    candidate: {
      rank: forecast.candidate.rank,
      rank_of: forecast.candidate.rankOf,
      share: forecast.candidate.share,
      ...(forecast.candidate.copyOf ? { copy_of: copyOf(forecast.candidate.copyOf) } : {}),
      ...(forecast.candidate.loggedWinnerStays ? { logged_winner_stays: forecast.candidate.loggedWinnerStays } : {}),
    },
    not_evaluated: [
      ...committed.notEvaluated.map((m) => ({ uid: m.uid, hotkey: m.hotkey, reason: `outside the top ${request.top} by Incentive` })),
      ...committed.tooRecent.map(({ model }) => ({
        uid: model.uid,
        hotkey: model.hotkey,
        reason: "committed too recently: 0 on a package released now",
      })),
      ...unavailable,
    ],
    ignored: committed.ignored.map((i) => ({ hotkey: i.hotkey, ...(i.uid === undefined ? {} : { uid: i.uid }), reason: i.reason })),
    void_packages: forecast.voidPackages.map((v) => ({
      package: packageNames[v.index] ?? path.basename(String(v.index)),
      reason: v.reason,
    })),
  };
}

/** forecast.json's own_hotkey: whether the candidate is its committed model, or replaces it. */
function ownHotkeyEntry(own: OwnHotkey, contestants: readonly Contestant[]): ForecastOwnHotkey {
  const committed = own.committed?.model;
  return {
    hotkey: own.hotkey,
    uid: own.uid ?? null,
    ...(committed && {
      committed: {
        block: committed.block,
        repo: committed.repo,
        same_model: contestants.some((c) => c.candidate),
      },
    }),
    ...(own.ignored && { ignored: own.ignored.reason }),
  };
}

/** The candidate's block is +Infinity in the rules; JSON has no such number. */
const copyOf = (c: { readonly hotkey: string | null; readonly block: number }): ForecastCopyOf => ({
  hotkey: c.hotkey,
  block: Number.isFinite(c.block) ? c.block : null,
});
