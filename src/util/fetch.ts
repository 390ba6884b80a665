/**
 * fetch with a limit on silence: a server that accepts the connection and
 * then never answers would otherwise hold a run for as long as the job may
 * live. The error it gives is a network error (code ETIMEDOUT), so the
 * callers' retries treat it as the transient fault it usually is.
 */
export class NetworkTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
}

/** A fetch whose response must start within `responseMs`; the caller's own signal still aborts it. */
export function fetchWithTimeout(responseMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    outer?.addEventListener("abort", () => controller.abort(outer.reason), { once: true });
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const timer = setTimeout(
      () => controller.abort(new NetworkTimeoutError(`no answer from ${new URL(url).host} within ${responseMs / 1000} s`)),
      responseMs,
    );
    try {
      return await fetch(input, { ...init, signal: controller.signal });
    } catch (err) {
      throw controller.signal.aborted && controller.signal.reason instanceof NetworkTimeoutError ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
    }
  };
}
