/** Mode merge: the shards' predictions, from shards-path or this run's artifacts, scored as one runner would. */
import { getCompetition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import { runReport } from "../engine/run.js";
import { mergeShardRuns } from "../engine/shard.js";
import { readShardFiles } from "../engine/shard-files.js";
import { downloadShardArtifacts } from "./artifacts.js";
import { actionLog, freshDir } from "./context.js";
import type { RunEvent } from "./event.js";
import { cacheFor, reportAndGate } from "./report.js";

export async function mergeMode(config: RunConfig, event: RunEvent): Promise<boolean> {
  const competition = getCompetition(config.competitionId);
  const inputs = config.shardsPath?.length
    ? config.shardsPath
    : await downloadShardArtifacts(config.artifactName, await freshDir("shards"), actionLog);
  const docs = await readShardFiles(inputs, actionLog);
  const datasets = mergeShardRuns(docs, competition);
  actionLog.info(`merged ${docs.length} shard documents: ${datasets.map((d) => `${d.dataset} (${d.tested_entries} images)`).join(", ")}`);
  return reportAndGate(config, event, runReport(competition.id, datasets), competition, cacheFor(config));
}
