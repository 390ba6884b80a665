/**
 * What a release, a self-check and the leaderboard check print: a terminal
 * checklist and the job summary's Markdown. Pure functions of their results.
 */
import type { Competition } from "../competition/competition.js";
import { pad, table } from "../util/text.js";
import type { ReleaseResult } from "./release.js";
import type { CheckStatus, LeaderboardRow, SelfCheckResult } from "./self-check.js";
import { COMMIT_LEAD_MINUTES, utc } from "./window.js";

/** The job summary's release section: what was published where, with links. */
export function releaseSummary(result: ReleaseResult): string {
  const changed = [
    result.uploaded && "uploaded to HuggingFace",
    result.committed && "committed on chain",
    result.recorded && "recorded the extrinsic",
  ].filter(Boolean);
  return [
    "### CancerAI release",
    "",
    table(
      ["", ""],
      [
        ["model repository", `[${result.hfUrl}](${result.hfUrl})`],
        ["model file", `\`${result.modelName}\``],
        ["model SHA-256 (as served)", `\`${result.modelHash}\``],
        ["commitment", `\`${result.commitment}\``],
        ["hotkey", result.hotkey ? `\`${result.hotkey}\`` : "none (uploaded without committing)"],
        ["extrinsic", result.extrinsic ? `\`${result.extrinsic}\`` : "not submitted"],
        ...(result.eligibleFrom
          ? [
              [
                "eligible from",
                `${utc(result.eligibleFrom)}: packages released from then on (block ${result.committedBlock} + ${COMMIT_LEAD_MINUTES} min)`,
              ],
            ]
          : []),
      ],
    ),
    "",
    changed.length > 0 ? `This run ${changed.join(", ")}.` : "Everything was already published: this run changed nothing.",
  ].join("\n");
}

const MARK: Record<CheckStatus, string> = { pass: "✓", fail: "✗", warn: "!", skip: "-" };

/** The self-check as a terminal checklist. */
export function checklistText(result: SelfCheckResult): string {
  const rows = result.checks.map((c) => [`  ${MARK[c.status]} ${c.name}`, c.detail]);
  const verdict = result.passed ? "every check a validator applies passed" : "a validator would reject this model";
  return [`self-check of ${result.hotkey} on subnet ${result.netuid}`, pad(rows), "", verdict].join("\n");
}

/** The self-check for the job summary. */
export function checklistMarkdown(result: SelfCheckResult): string {
  return [
    `### CancerAI self-check: ${result.passed ? "✓ passes" : "✗ would be rejected"}`,
    "",
    `Hotkey \`${result.hotkey}\` on subnet ` +
      `${result.netuid}${result.commitment ? `, model \`${result.commitment.repoId}/${result.commitment.stem}.onnx\`` : ""}.`,
    "",
    table(
      ["", "check", "detail"],
      result.checks.map((c) => [MARK[c.status], c.name, c.detail.replace(/\|/g, "\\|")]),
    ),
  ].join("\n");
}

/** The subnet's commitments for a competition, read-only. */
export function leaderboardMarkdown(rows: readonly LeaderboardRow[], competition: Competition, netuid: number): string {
  return [
    `### CancerAI commitments for ${competition.id} on subnet ${netuid}`,
    "",
    "Only hotkeys registered on the subnet now, as validators read it. ? = the hub did not answer (not checked).",
    "",
    "*verified*: what validators check, `extrinsic_record.json` names the hotkey and a commitment carrying the served model's hash " +
      "(✗: they give 0). *current hash*: the current commitment carries it too (✗ matters only among identical models).",
    "",
    table(
      ["uid", "hotkey", "repository", "block", "current hash", "verified"],
      rows.map((r) => [String(r.uid), `\`${r.hotkey}\``, r.repo ?? "", String(r.block), mark(r.hashMatches), mark(r.recordMatches)]),
    ),
  ].join("\n");
}

const mark = (ok: boolean | undefined): string => (ok === undefined ? "?" : ok ? "✓" : "✗");

/** The self-check as a machine reads it (results-path): snake_case, like results.json. */
export function selfCheckJson(result: SelfCheckResult): object {
  const c = result.commitment;
  return {
    hotkey: result.hotkey,
    netuid: result.netuid,
    commitment: c && { repo_id: c.repoId, stem: c.stem, competition_id: c.competitionId, sha256: c.sha256 },
    checks: result.checks,
    evaluation: result.evaluation,
    passed: result.passed,
  };
}

/** A release as a machine reads it (the CLI's stdout): snake_case, like results.json. */
export function releaseJson(result: ReleaseResult): object {
  return {
    hotkey: result.hotkey,
    model_name: result.modelName,
    model_hash: result.modelHash,
    commitment: result.commitment,
    call_data: result.callData,
    hf_url: result.hfUrl,
    extrinsic: result.extrinsic,
    committed_block: result.committedBlock,
    eligible_from: result.eligibleFrom?.toISOString(),
    uploaded: result.uploaded,
    committed: result.committed,
    recorded: result.recorded,
  };
}
