/** The CLI's output, captured: the report (stdout) and the log (stderr, warnings prefixed as a terminal shows them). */
import type { CliIo } from "../../src/cli/main.js";

export function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    log: { info: (m) => err.push(m), warning: (m) => err.push(`warning: ${m}`), group: (_, work) => work() },
  };
}
