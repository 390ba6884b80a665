/**
 * Keeping files between runs: the Actions cache in a workflow (action/cache.ts),
 * nothing at all elsewhere. The engine only knows this interface.
 */
export interface CacheStore {
  /** The key restored (primary or a restore-key match), or undefined on a miss. */
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>;
  /** True when saved; false (with a warning) when the service refused or failed. */
  save(paths: string[], key: string): Promise<boolean>;
}

/** No service at all: for the CLI, whose download folder persists by itself. */
export const noCache: CacheStore = {
  restore: async () => undefined,
  save: async () => false,
};
