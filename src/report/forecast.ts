/**
 * The forecast (compare: leaderboard) for people: where the model would rank
 * among the models committed on the subnet now, and whether validators would
 * call it a copy. Pure functions of forecast.json (engine/forecast-document.ts).
 * Every string from the data is escaped: anyone can commit a repository name.
 */
import type { Competition } from "../competition/competition.js";
import type { ForecastCopyOf, ForecastDocument, ForecastEntry } from "../engine/forecast-document.js";
import { fixed6, markdownText, pad, table } from "../util/text.js";
import { COMMENT_LIMIT } from "./markdown.js";

export interface ForecastMarkdownOptions {
  /** At most this many characters: rows are dropped (the candidate's stays), then the text is cut. */
  readonly limit?: number;
}

/** Where forecast.json goes beside results-path: results.json -> results.forecast.json. */
export const forecastPath = (resultsPath: string): string => `${resultsPath.replace(/\.json$/i, "")}.forecast.json`;

/** How much of the rewards: "10.1%", "0.08%", "0%". */
export const percent = (share: number): string => (share === 0 ? "0%" : `${(share * 100).toFixed(share >= 0.01 ? 1 : 2)}%`);

/** An SS58 hotkey, shortened for a table: "5F3sa2…x7Yz". */
export const shortHotkey = (hotkey: string): string => (hotkey.length > 13 ? `${hotkey.slice(0, 6)}…${hotkey.slice(-4)}` : hotkey);

/** One line, no control characters (a terminal escape in a repository name would rewrite the screen), at most max. */
function plain(value: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How a text view writes a string from the data. */
type Escape = (value: string, max?: number) => string;

/** "5F…'s model (block 1200)", or the candidate's when it keeps the score. */
function copyTarget(copyOf: ForecastCopyOf, escape: Escape, short = false): string {
  if (copyOf.hotkey === null) return "this model";
  const who = escape(short ? shortHotkey(copyOf.hotkey) : copyOf.hotkey);
  return `${who}'s model${copyOf.block === null || !Number.isFinite(copyOf.block) ? "" : ` (block ${copyOf.block})`}`;
}

/** The verdict in one sentence: the rank and share, or why there is none. */
export function forecastHeadline(doc: ForecastDocument, escape: Escape = plain): string {
  const c = doc.candidate;
  const copy = c.copy_of
    ? `validators would treat this as a copy of ${copyTarget(c.copy_of, escape)}: the earlier commitment keeps the score, this one gets 0`
    : "";
  if (c.rank === null)
    return copy
      ? `${copy[0].toUpperCase()}${copy.slice(1)}.`
      : "Would not rank: its average score would be 0, and validators rank only models above 0.";
  const rank = `Would rank ${c.rank} of ${c.rank_of}, about ${percent(c.share)} of the competition's rewards`;
  return copy ? `${rank}; but on at least one package ${copy}.` : `${rank}.`;
}

/** The package columns: the packages not void for everyone, by short name. */
function packageColumns(doc: ForecastDocument): string[] {
  const voided = new Set(doc.void_packages.map((v) => v.package));
  const counted = doc.packages.filter((p) => !voided.has(p));
  return counted.length === 1 ? ["score"] : counted.map((p) => p.split("/").pop() ?? p);
}

/** What validators would do with a row, beyond its score. */
function rowNote(row: ForecastEntry, escape: Escape): string {
  if (row.candidate) return row.copy_of ? `copy of ${copyTarget(row.copy_of, escape, true)}: 0` : "";
  switch (row.status) {
    case "copy":
      return row.copy_of ? `copy of ${copyTarget(row.copy_of, escape, true)}: 0` : "copy: 0";
    case "rejected":
      return `rejected: ${escape(row.reason ?? "no reason given", 300)}`;
    case "invalid-record":
      return `0 among identical models: ${escape(row.reason ?? "its record fails the check", 300)}`;
    case "scored":
      return "";
  }
}

const HEAD = (doc: ForecastDocument): string[] => [
  "rank",
  "uid",
  "hotkey",
  "repository",
  "block",
  ...packageColumns(doc),
  "average",
  "gap to #1",
  "share",
  "validators",
];

function rowCells(row: ForecastEntry, escape: Escape): string[] {
  return [
    row.rank === null ? "—" : String(row.rank),
    row.uid === null ? "—" : String(row.uid),
    row.candidate ? "← this model" : escape(shortHotkey(row.hotkey ?? "")),
    row.candidate ? "" : escape(row.repo ?? "", 80),
    row.block === undefined ? "" : String(row.block),
    ...row.package_scores.map(fixed6),
    fixed6(row.average),
    row.rank === 1 ? "" : fixed6(row.gap_to_first),
    percent(row.share),
    rowNote(row, escape),
  ];
}

/** "8 outside the top 10 by Incentive, 1 committed too recently": the reasons up to their first colon, counted. */
function reasonCounts(items: readonly { readonly reason: string }[], escape: Escape): string {
  const counts = new Map<string, number>();
  for (const { reason } of items) {
    const kind = reason.split(":")[0].trim();
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const shown = [...counts].slice(0, 5).map(([kind, n]) => `${n} ${escape(kind, 120)}`);
  return counts.size > 5 ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** The lines after the table: void packages, then what was left out, then what the numbers mean. */
function notes(doc: ForecastDocument, escape: Escape): string[] {
  const lines = doc.void_packages.map(
    (v) => `⚠️ ${escape(v.package)}: no model is scored on this package (validators fail it for everyone): ${escape(v.reason, 500)}`,
  );
  const stays = doc.candidate.logged_winner_stays;
  if (stays)
    lines.push(
      `Within 1e-4 of ${escape(stays)}'s average: validators would still log it as the winner (their hysteresis), ` +
        "but rank 1 and its share go to the higher average, this model's.",
    );
  const own = doc.own_hotkey;
  if (own) {
    const who = `As hotkey ${escape(own.hotkey)}${own.uid === null ? " (not registered on the subnet now)" : ` (uid ${own.uid})`}`;
    const { committed } = own;
    const none = own.ignored ? ` (${escape(own.ignored, 200)})` : "";
    lines.push(
      !committed
        ? `${who}: no model of it counts for this competition yet${none}, so this model is ranked as its first commitment.`
        : committed.same_model
          ? `${who}: this model is the one it committed at block ${committed.block}, ranked as committed.`
          : `${who}: this model takes the place of the one it committed at block ${committed.block}, as a new commitment would ` +
            "(validators keep one model per hotkey; among identical models a new commitment comes last).",
    );
  }
  if (doc.not_evaluated.length > 0) lines.push(`Committed models not evaluated: ${reasonCounts(doc.not_evaluated, escape)}.`);
  if (doc.ignored.length > 0)
    lines.push(
      `Ignored: ${doc.ignored.length} registered hotkey(s) or commitment(s) validators do not evaluate for this competition ` +
        "(no commitment, deregistered, another competition, unparsable).",
    );
  lines.push(
    `At block ${doc.at_block}: the top ${doc.top_n} committed models by Incentive, evaluated with this one. Average: the mean ` +
      "over these packages (validators start a new hotkey at sum/5 and reach it after 5 packages). Share: one validator's " +
      "normalised weight for this competition, not emission. forecast.json has every row and reason.",
  );
  return lines;
}

/** The rows to show: the first `shown`, and the candidate's wherever it is. */
function shownRows(doc: ForecastDocument, shown: number): ForecastEntry[] {
  return doc.rows.filter((row, i) => i < shown || row.candidate);
}

/** The forecast as Markdown, for the job summary and the pull request comment. */
export function forecastMarkdown(doc: ForecastDocument, competition: Competition, options: ForecastMarkdownOptions = {}): string {
  const { limit = COMMENT_LIMIT } = options;
  const escape: Escape = markdownText;
  const candidateMark = doc.candidate.rank === null ? "❌ " : "";
  const head = [
    `### Forecast: where this model would rank on subnet ${doc.netuid} (${escape(competition.id)})`,
    "",
    `**${candidateMark}${forecastHeadline(doc, escape)}**`,
    "",
    "",
  ].join("\n");
  const tail = ["", ...notes(doc, escape).flatMap((line) => [line, ""])].join("\n").trimEnd();
  const assemble = (shown: number): string => {
    const rows = shownRows(doc, shown).map((row) => {
      const cells = rowCells(row, escape);
      return row.candidate ? cells.map((c) => (c ? `**${c}**` : c)) : cells;
    });
    const more = doc.rows.length - rows.length;
    const rest = more > 0 ? `\n\n_${more} more row(s) in forecast.json._` : "";
    return `${head}${table(HEAD(doc), rows)}${rest}\n${tail}`;
  };
  for (const shown of [doc.rows.length, 50, 20, 10, 3, 0]) {
    const body = assemble(shown);
    if (body.length <= limit) return body;
  }
  const note = "\n\n_Forecast truncated to fit; forecast.json has everything._";
  return assemble(0).slice(0, Math.max(0, limit - note.length)) + note;
}

/** The forecast for a terminal. */
export function forecastText(doc: ForecastDocument): string {
  const escape: Escape = plain;
  return [
    `forecast on subnet ${doc.netuid}: ${forecastHeadline(doc, escape)}`,
    "",
    pad([HEAD(doc), ...doc.rows.map((row) => rowCells(row, escape))]),
    "",
    ...notes(doc, escape),
  ].join("\n");
}
