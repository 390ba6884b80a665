/**
 * Keeping files between workflow runs with the Actions cache service. Outside
 * Actions (a laptop, another CI) there is no service: the store says so once
 * and every call is a miss, so callers need no special case.
 */
import * as cache from "@actions/cache";
import type { CacheStore } from "../util/cache-store.js";
import type { Log } from "../util/log.js";
import { describeError } from "../util/retry.js";

export function actionsCache(log: Log): CacheStore {
  let warned = false;
  const available = (): boolean => {
    if (cache.isFeatureAvailable()) return true;
    if (!warned) {
      log.warning("the Actions cache service is not available here (no ACTIONS_RESULTS_URL): nothing is cached between runs");
      warned = true;
    }
    return false;
  };
  return {
    async restore(paths, key, restoreKeys = []) {
      if (!available()) return undefined;
      try {
        return await cache.restoreCache(paths, key, restoreKeys);
      } catch (err) {
        log.warning(`cache restore of ${key} failed, continuing without it: ${describeError(err)}`);
        return undefined;
      }
    },
    async save(paths, key) {
      if (!available()) return false;
      try {
        return (await cache.saveCache(paths, key)) !== -1;
      } catch (err) {
        log.warning(`cache save of ${key} failed, continuing: ${describeError(err)}`);
        return false;
      }
    },
  };
}
