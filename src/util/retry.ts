/**
 * Work that may fail or hang for reasons outside the miner's control: retrying
 * transient failures (dropped connections, 5xx, 429) with exponential backoff,
 * time limits, and one line to describe what went wrong.
 */
import type { Log } from "./log.js";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Delay before the second attempt; doubled each time. */
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000 };

/** The HTTP status of a client's error: `statusCode` (@huggingface/hub) or `status` (Octokit); undefined without one. */
export function httpStatus(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const status = "statusCode" in err ? Number(err.statusCode) : "status" in err ? Number(err.status) : NaN;
  return Number.isFinite(status) ? status : undefined;
}

/** A status code worth another try, or a network-level failure (no status at all). */
export function isTransient(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const status = httpStatus(err);
  if (status !== undefined) return status === 429 || status >= 500;
  // fetch() reports refused, reset and dropped connections as a TypeError with a cause.
  return err instanceof TypeError || (err as Error).name === "TypeError" || "code" in err;
}

export async function withRetry<T>(what: string, work: () => Promise<T>, log: Log, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= policy.attempts || !isTransient(err)) throw err;
      const delay = policy.baseDelayMs * 2 ** (attempt - 1);
      log.warning(
        `${what} failed (${describeError(err)}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${policy.attempts})`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The work's result, or `onTimeout()`'s error once `ms` have passed (the work itself is not cancelled). */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One line about an error, including a network error's cause (ECONNREFUSED, ...). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error) && !(typeof err === "object" && err !== null && "message" in err)) return String(err);
  const e = err as Error & { cause?: unknown };
  const cause = e.cause && typeof e.cause === "object" && "code" in e.cause ? ` (${String(e.cause.code)})` : "";
  return `${withoutQueries(e.message.split("\n")[0])}${cause}`;
}

/** Addresses without their query strings: a presigned upload or download address carries its signature there. */
const withoutQueries = (text: string): string => text.replace(/(https?:\/\/[^\s?#]+)[?#]\S*?(?=[,;:.)\]]?(?:\s|$))/g, "$1");
