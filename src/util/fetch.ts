/**
 * A network call given up for silence: a server that accepts the connection
 * and then never answers (or stops sending) would otherwise hold a run for
 * as long as the job may live (hub/transfer.ts watches every hub call). Its
 * code is ETIMEDOUT, so the callers' retries treat it as the transient
 * fault it usually is.
 */
export class NetworkTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
}
