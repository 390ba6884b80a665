/**
 * Where progress and warnings go: the Actions log (grouped, annotated) or a
 * terminal. The engine only knows this interface.
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** Where a log writes: lines, and a group's header and end. */
export interface LogSink {
  info(message: string): void;
  warning(message: string): void;
  startGroup(title: string): void;
  endGroup(): void;
}

/**
 * A log whose groups open only when something is logged in them: a step that has nothing to say
 * (a local dataset folder needs no download) leaves no empty group. Groups do not nest (the
 * Actions log cannot show it): work inside an open group logs into it.
 */
export function groupingLog(sink: LogSink): Log {
  let pending: string | undefined;
  let inGroup = false;
  let open = false;
  const flush = (): void => {
    if (pending === undefined) return;
    sink.startGroup(pending);
    pending = undefined;
    open = true;
  };
  return {
    info: (message) => {
      flush();
      sink.info(message);
    },
    warning: (message) => {
      flush();
      sink.warning(message);
    },
    group: async (title, work) => {
      if (inGroup) return work();
      inGroup = true;
      pending = title;
      try {
        return await work();
      } finally {
        if (open) sink.endGroup();
        inGroup = false;
        pending = undefined;
        open = false;
      }
    },
  };
}

/**
 * A terminal log: everything to stderr, so that stdout stays clean for results. Its group
 * headers are not lazy: on a terminal "== title" says where a long run is before its first line.
 */
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
