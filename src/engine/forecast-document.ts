/**
 * forecast.json, the forecast's document (compare: leaderboard): written by
 * release/forecast.ts, read by the report and the gate. Snake_case, like
 * results.json.
 */

/** Who keeps the score of a group of identical models: the hotkey and its record's block; null for the candidate. */
export interface ForecastCopyOf {
  readonly hotkey: string | null;
  /** null: the candidate, which would commit after every other member. */
  readonly block: number | null;
}

/** One row of forecast.json: a committed model or the candidate. */
export interface ForecastEntry {
  readonly candidate: boolean;
  readonly uid: number | null;
  readonly hotkey: string | null;
  readonly repo?: string;
  readonly block?: number;
  /** scored: evaluated and counted; copy: 0, another member keeps the score; rejected: validators give 0 (reason). */
  readonly status: "scored" | "copy" | "rejected" | "invalid-record";
  readonly reason?: string;
  readonly package_scores: readonly number[];
  readonly average: number;
  readonly rank: number | null;
  readonly gap_to_first: number;
  readonly share: number;
  readonly copy_of?: ForecastCopyOf;
}

/** The miner's own hotkey (the hotkey option), whose commitment the candidate is, or would replace. */
export interface ForecastOwnHotkey {
  readonly hotkey: string;
  /** null: not registered on the subnet now. */
  readonly uid: number | null;
  /** Its commitment for this competition; same_model: the candidate has its bytes, and is ranked as committed. */
  readonly committed?: { readonly block: number; readonly repo: string; readonly same_model: boolean };
  /** Why validators read no model of it for this competition. */
  readonly ignored?: string;
}

/** The whole document. */
export interface ForecastDocument {
  readonly competition_id: string;
  readonly netuid: number;
  readonly at_block: number;
  readonly now: string;
  readonly packages: readonly string[];
  readonly top_n: number;
  readonly rows: readonly ForecastEntry[];
  readonly own_hotkey?: ForecastOwnHotkey;
  readonly candidate: {
    readonly rank: number | null;
    readonly rank_of: number;
    readonly share: number;
    readonly copy_of?: ForecastCopyOf;
    /** Ranked first, but within 1e-4 of this committed hotkey: validators would still log it as the winner. */
    readonly logged_winner_stays?: string;
  };
  /** Committed models not evaluated: outside the top N, too recent, or the hub did not serve them. */
  readonly not_evaluated: readonly { readonly uid: number; readonly hotkey: string; readonly reason: string }[];
  /** Commitments validators do not read for this competition. */
  readonly ignored: readonly { readonly hotkey: string; readonly uid?: number; readonly reason: string }[];
  readonly void_packages: readonly { readonly package: string; readonly reason: string }[];
}
