/** `cancer-ai self-check` and `cancer-ai leaderboard-check`: the chain and the hub as validators read them. */
import { getCompetition } from "../competition/competition.js";
import type { RunConfig } from "../config/config.js";
import { hotkeyOf, hubOptions, selfCheckRequest } from "../config/requests.js";
import { leaderboard, selfCheck } from "../release/self-check.js";
import { checklistText, leaderboardMarkdown, selfCheckJson } from "../release/summary.js";
import { noCache } from "../util/cache-store.js";
import { writeJson } from "../util/files.js";
import { makeTempDir } from "../util/temp.js";
import { cacheFolder } from "./evaluate.js";
import type { CliIo, Command } from "./io.js";

async function printLeaderboard(config: RunConfig, io: CliIo): Promise<number> {
  const competition = getCompetition(config.competitionId);
  const hub = hubOptions(config, io.log);
  io.stdout(`${leaderboardMarkdown(await leaderboard(config.network, config.netuid, competition, hub), competition, config.netuid)}\n`);
  return 0;
}

export const selfCheckCommand: Command = {
  name: "self-check",
  mode: "self-check",
  summary:
    "Checks a committed model the way validators do: registration, commitment, public MIT repository, files, the model's hash, " +
    "extrinsic_record.json and its block, the commitment's age, then the evaluation. Exits 1 if a check a validator rejects on fails. " +
    "Without --hotkey, the hotkey comes from HOTKEY_MNEMONIC.",
  extraFlags: {
    all: { description: "list every commitment for the competition on the subnet instead (same as cancer-ai leaderboard-check)" },
  },
  run: async ({ config, flags, io }) => {
    if (flags.has("all")) return printLeaderboard(config, io);
    const hotkey = await hotkeyOf(config);
    // The committed model is downloaded only to be evaluated, into a folder that is gone afterwards.
    const modelDir = config.evaluate ? await makeTempDir("cancer-ai-selfcheck-") : undefined;
    const places = { log: io.log, cache: noCache, downloadDir: cacheFolder(), modelDir: modelDir?.path ?? "" };
    const result = await selfCheck(selfCheckRequest(config, hotkey, places)).finally(() => modelDir?.remove());
    io.stdout(`${checklistText(result)}\n`);
    if (config.resultsPath) io.log.info(`results written to ${await writeJson(config.resultsPath, selfCheckJson(result))}`);
    return result.passed ? 0 : 1;
  },
};

export const leaderboardCommand: Command = {
  name: "leaderboard-check",
  mode: "leaderboard-check",
  summary:
    "Lists every commitment for the competition on the subnet, read-only, with whether its hash and extrinsic record " +
    "match (Markdown on stdout).",
  run: async ({ config, io }) => printLeaderboard(config, io),
};
