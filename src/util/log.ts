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
