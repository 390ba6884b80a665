/**
 * The engine's and the release's requests from a run configuration, built
 * once for both shells: they differ only in where logs, caches and
 * downloads go.
 */
import { getCompetition } from "../competition/competition.js";
import type { RunRequest } from "../engine/run.js";
import type { HubOptions } from "../hub/hub.js";
import type { ModelStore } from "../release/committed.js";
import type { ForecastRequest } from "../release/forecast.js";
import { hotkeyFromMnemonic } from "../release/hotkey.js";
import type { ReleaseRequest } from "../release/release.js";
import type { SelfCheckRequest } from "../release/self-check.js";
import type { CacheStore } from "../util/cache-store.js";
import { UsageError } from "../util/errors.js";
import type { Log } from "../util/log.js";
import { need, type RunConfig } from "./config.js";

/** What the shell provides: its log, its cache and its folders. */
export interface ShellPlaces {
  readonly log: Log;
  readonly cache: CacheStore;
  /** Downloaded packages go here. */
  readonly downloadDir: string;
}

export function hubOptions(config: RunConfig, log: Log): HubOptions {
  return { hubUrl: config.hfEndpoint, accessToken: config.hfToken, log };
}

export function runRequest(config: RunConfig, places: ShellPlaces): RunRequest {
  return {
    modelPath: need(config.modelPath, "model-path"),
    dataset: config.dataset,
    competition: getCompetition(config.competitionId),
    count: config.datasetCount,
    configRepo: config.datasetsConfigRepo,
    hub: hubOptions(config, places.log),
    cache: places.cache,
    downloadDir: places.downloadDir,
    threads: config.threads,
    shard: config.shard,
  };
}

/**
 * compare: leaderboard. `models`: where the committed models are downloaded (kept by SHA-256), and the cache
 * behind that folder (the Actions cache in a workflow; none for the CLI, whose folder persists by itself).
 */
export function forecastRequest(config: RunConfig, places: ShellPlaces & { readonly models: ModelStore }): ForecastRequest {
  const { shard, ...run } = runRequest(config, places);
  // readConfig refuses the combination before any work; a request must not silently drop the shard either.
  if (shard) throw new UsageError("compare: leaderboard cannot run with shard: the copy signature needs every row");
  return {
    ...run,
    network: config.network,
    netuid: config.netuid,
    top: config.compareTop,
    models: places.models,
    ...(config.hotkey && { hotkey: config.hotkey }),
  };
}

/**
 * `workDir`: where the code zip is written; `tag`: the release's tag (the action on a tag push),
 * which the default model name starts with. The mnemonic is read only when committing: an upload
 * (`submit: false`, `cancer-ai upload`) never touches it.
 */
export function releaseRequest(config: RunConfig, log: Log, workDir: string, tag?: string): ReleaseRequest {
  if (config.submit && !config.hotkeyMnemonic)
    throw new UsageError(
      "committing on chain needs the hotkey's mnemonic: hotkey-mnemonic (action, from a secret) or HOTKEY_MNEMONIC (CLI); " +
        "to upload only, set submit: false (action) or run cancer-ai upload",
    );
  return {
    modelPath: need(config.modelPath, "model-path"),
    repoId: need(config.hfRepoId, "hf-repo-id"),
    modelName: config.hfModelName,
    nameLabel: tag,
    codeDir: config.codeDirectory,
    competition: getCompetition(config.competitionId),
    hub: hubOptions(config, log),
    configRepo: config.datasetsConfigRepo,
    network: config.network,
    netuid: config.netuid,
    mnemonic: config.submit ? config.hotkeyMnemonic : undefined,
    submit: config.submit,
    windowCheck: config.releaseWindowCheck,
    workDir,
  };
}

/** `modelDir`: where the committed model is downloaded to, when it is also evaluated. */
export function selfCheckRequest(config: RunConfig, hotkey: string, places: ShellPlaces & { readonly modelDir: string }): SelfCheckRequest {
  return {
    hotkey,
    network: config.network,
    netuid: config.netuid,
    competition: getCompetition(config.competitionId),
    hub: hubOptions(config, places.log),
    configRepo: config.datasetsConfigRepo,
    evaluate: config.evaluate
      ? {
          dataset: config.dataset,
          count: config.datasetCount,
          threads: config.threads,
          cache: places.cache,
          downloadDir: places.downloadDir,
          modelDir: places.modelDir,
        }
      : undefined,
  };
}

/** The hotkey to check: given, or derived from the mnemonic. */
export async function hotkeyOf(config: RunConfig): Promise<string> {
  if (config.hotkey) return config.hotkey;
  if (config.hotkeyMnemonic) return (await hotkeyFromMnemonic(config.hotkeyMnemonic)).address;
  throw new UsageError(
    "self-check needs the hotkey: hotkey (an SS58 address) or hotkey-mnemonic (action); --hotkey or HOTKEY_MNEMONIC (CLI)",
  );
}
