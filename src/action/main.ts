/**
 * The GitHub Action: reads the inputs once, then hands the run to its mode.
 * Modes: evaluate (the default; one shard of the rows with `shard`), merge,
 * release, self-check, leaderboard-check and comment-from-artifact.
 */
import * as core from "@actions/core";
import { CancerAiError, UsageError } from "../util/errors.js";
import { commentFromArtifactMode } from "./comment-from-artifact.js";
import { maskSecrets, readInputs } from "./context.js";
import { evaluateMode } from "./evaluate.js";
import { readEvent } from "./event.js";
import { leaderboardMode } from "./leaderboard.js";
import { mergeMode } from "./merge.js";
import { releaseMode } from "./release.js";
import { selfCheckMode } from "./self-check.js";

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
        // A tag push with a repository to publish to is a release; a pull request never is.
        const releasing = config.mode === "release" || (event.tagPush !== undefined && config.hfRepoId !== undefined);
        if (releasing && event.pullRequest) throw new UsageError("releases never run on pull requests: run mode release on a tag push");
        if (releasing && config.shard) throw new UsageError("a release evaluates on one runner: remove shard from the release step");
        const passed = await evaluateMode(config, event);
        if (releasing && !passed) core.error("not releasing: the score gate failed");
        else if (releasing) await releaseMode(config);
        return;
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    core.setFailed(err instanceof CancerAiError ? message : `unexpected failure: ${message}`);
  }
}
