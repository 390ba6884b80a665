/** Where the CLI writes: the report on stdout, progress and errors through the log (stderr). */
import type { RunConfig } from "../config/config.js";
import { consoleLog, type Log } from "../util/log.js";
import type { CommandSpec } from "./args.js";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly log: Log;
}

export const defaultIo: CliIo = { stdout: (text) => process.stdout.write(text), log: consoleLog };

export interface Invocation {
  readonly config: RunConfig;
  readonly positionals: string[];
  readonly flags: ReadonlySet<string>;
  readonly io: CliIo;
}

export interface Command extends CommandSpec {
  /** The exit code: 0 done, 1 the work failed (a gate, a check). */
  readonly run: (invocation: Invocation) => Promise<number>;
}
