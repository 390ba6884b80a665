/**
 * Where progress and warnings go: the Actions log (grouped, annotated) or a
 * terminal. The engine only knows this interface.
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** A terminal log: everything to stderr, so that stdout stays clean for results. */
export const consoleLog: Log = {
  info: (message) => process.stderr.write(`${message}\n`),
  warning: (message) => process.stderr.write(`warning: ${message}\n`),
  group: async (title, work) => {
    process.stderr.write(`== ${title}\n`);
    return work();
  },
};

/** Emits at most one progress line per `intervalMs`, plus the last one. */
export function progressReporter(log: Log, total: number, what: string, intervalMs = 5000): (done: number) => void {
  const start = Date.now();
  let last = start;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < intervalMs) return;
    last = now;
    const seconds = (now - start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && done < total ? `, ETA ${Math.ceil((total - done) / rate)} s` : "";
    log.info(`${what}: ${done}/${total} (${rate.toFixed(1)}/s${eta})`);
  };
}

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** Download progress: at most one line per `intervalMs`, with bytes, rate and ETA, plus the last one. */
export function byteProgress(log: Log, total: number | undefined, what: string, intervalMs = 5000): (received: number) => void {
  const start = Date.now();
  let last = start;
  return (received) => {
    const now = Date.now();
    const finished = total !== undefined && received >= total;
    if (!finished && now - last < intervalMs) return;
    last = now;
    const rate = received / Math.max((now - start) / 1000, 1e-3);
    const eta = total !== undefined && !finished && rate > 0 ? `, ETA ${Math.ceil((total - received) / rate)} s` : "";
    const of = total !== undefined ? ` of ${mib(total)}` : "";
    log.info(`${what}: ${mib(received)}${of} MiB (${mib(rate)} MiB/s${eta})`);
  };
}
