/** Mode leaderboard-check: every commitment of the competition on the subnet, read-only, in the job summary. */
import * as core from "@actions/core";
import { getCompetition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import { hubOptions } from "../config/requests.js";
import { leaderboard } from "../release/self-check.js";
import { leaderboardMarkdown } from "../release/summary.js";
import { actionLog } from "./context.js";

export async function leaderboardMode(config: RunConfig): Promise<void> {
  const competition = getCompetition(config.competitionId);
  const rows = await leaderboard(config.network, config.netuid, competition, hubOptions(config, actionLog));
  await core.summary.addRaw(leaderboardMarkdown(rows, competition, config.netuid), true).write();
  actionLog.info(`${rows.length} commitments for ${competition.id} on subnet ${config.netuid}`);
}
