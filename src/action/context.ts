/**
 * What every mode of the action shares: the configuration read from the
 * inputs, the log, the work folders and the hub client options.
 */
import * as core from "@actions/core";
import { mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { actionDefault, readConfig, type RunConfig } from "../config/config.js";
import { OPTION_NAMES, specOf } from "../config/options.js";
import { groupingLog, type Log } from "../util/log.js";
import { logSafe } from "../util/text.js";

export const actionLog: Log = groupingLog({
  info: (message) => core.info(logSafe(message)),
  // core.warning escapes its message itself: it is a workflow command.
  warning: (message) => core.warning(message),
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup(),
});

/** The job summary may hold 1 MiB per step. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** Masks every secret input (and the mnemonic's normalised spelling) before anything can print it. */
export function maskSecrets(): void {
  for (const name of OPTION_NAMES) {
    if (!specOf(name).secret) continue;
    const value = core.getInput(name);
    if (!value) continue;
    core.setSecret(value);
    const words = value.trim().split(/\s+/).join(" ");
    if (words !== value) core.setSecret(words);
  }
}

/** The secret inputs' values (and the mnemonic's normalised spelling), longest first. */
function secretValues(): string[] {
  const values = new Set<string>();
  for (const name of OPTION_NAMES) {
    if (!specOf(name).secret) continue;
    const value = core.getInput(name);
    if (!value) continue;
    values.add(value);
    values.add(value.trim().split(/\s+/).join(" "));
  }
  return [...values].filter((v) => v.trim() !== "").sort((a, b) => b.length - a.length);
}

/** Text with every secret input's value replaced by ***, for what the runner does not mask (a file it reads later). */
export function redactSecrets(text: string): string {
  return secretValues().reduce((t, secret) => t.split(secret).join("***"), text);
}

/** The inputs as one validated configuration (an empty input takes action.yml's default). */
export function readInputs(): RunConfig {
  return readConfig({ value: (name) => core.getInput(name), defaultOf: actionDefault, label: (name) => `input ${name}` });
}

export function workDir(...parts: string[]): string {
  return path.join(process.env.RUNNER_TEMP || os.tmpdir(), "cancer-ai", ...parts);
}

/** A new, empty folder under the work folder (a self-hosted runner may keep RUNNER_TEMP between jobs). */
export async function freshDir(prefix: string): Promise<string> {
  await mkdir(workDir(), { recursive: true });
  return mkdtemp(path.join(workDir(), `${prefix}-`));
}
