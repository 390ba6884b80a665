/**
 * The GitHub Action: reads the inputs once, then hands the run to its mode.
 * Modes: evaluate (the default; one shard of the rows with `shard`), merge,
 * release, self-check, leaderboard-check and comment-from-artifact.
 */
import * as core from "@actions/core";
import { UsageError } from "../util/errors.js";
import { describeError } from "../util/retry.js";
import { commentFromArtifactMode } from "./comment-from-artifact.js";
import { maskSecrets, readInputs, redactSecrets } from "./context.js";
import { evaluateMode } from "./evaluate.js";
import { failureMessage, failureSummary } from "./failure.js";
import { readEvent, type RunEvent } from "./event.js";
import { leaderboardMode } from "./leaderboard.js";
import { mergeMode } from "./merge.js";
import { releaseMode } from "./release.js";
import { selfCheckMode } from "./self-check.js";
import type { Mode } from "../config/options.js";

/**
 * Earlier versions released on any tag push with hf-repo-id set, even in mode evaluate. A release
 * costs the hotkey a scoring window, so it now takes mode: release; a workflow written for the old
 * behaviour is told so, loudly, instead of releasing or staying silent.
 */
export function implicitReleaseNotice(mode: Mode, event: RunEvent, hfRepoId: string | undefined): string | undefined {
  if (mode !== "evaluate" || !event.tagPush || hfRepoId === undefined) return undefined;
  return (
    `not releasing: this tag push (${event.tagPush.tag}) sets hf-repo-id, but mode is evaluate, which only scores the model. ` +
    `Releases run only with mode: release (earlier versions released here implicitly): set mode: release on the release step.`
  );
}

export async function runAction(): Promise<void> {
  maskSecrets();
  try {
    const config = readInputs();
    const event = readEvent();
    switch (config.mode) {
      case "comment-from-artifact":
        return await commentFromArtifactMode(config, event);
      case "self-check":
        return await selfCheckMode(config);
      case "leaderboard-check":
        return await leaderboardMode(config);
      case "merge":
        await mergeMode(config, event);
        return;
      case "evaluate":
      case "release": {
        // Releasing is explicit: only mode release publishes and commits, and never on a pull request.
        const releasing = config.mode === "release";
        if (releasing && event.pullRequest) throw new UsageError("releases never run on pull requests: run mode release on a tag push");
        if (releasing && config.shard) throw new UsageError("a release evaluates on one runner: remove shard from the release step");
        const notice = implicitReleaseNotice(config.mode, event, config.hfRepoId);
        if (notice) core.warning(notice);
        const passed = await evaluateMode(config, event);
        if (releasing && !passed) core.error("not releasing: the score gate failed");
        else if (releasing) await releaseMode(config, event);
        return;
      }
    }
  } catch (err) {
    core.setFailed(failureMessage(err));
    await writeFailureSummary(err);
  }
}

/** A failed run still says in the job summary what failed and what to do (without a summary file, nothing). */
async function writeFailureSummary(err: unknown): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(failureSummary(err, redactSecrets), true).write();
  } catch (summaryErr) {
    core.warning(`the job summary could not be written: ${describeError(summaryErr)}`);
  }
}
