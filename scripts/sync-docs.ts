/**
 * Writes the option table (src/config/options.ts) where users read it:
 * action.yml's `inputs:` and the README's inputs table. The action's
 * inputs, the CLI's flags and the docs then cannot drift apart.
 * Usage: npm run sync-docs   (__tests__/config.test.ts fails when it is due)
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { cliDefault } from "../src/cli/args.js";
import { MODES, OPTION_NAMES, specOf } from "../src/config/options.js";

export function inputsYaml(): string {
  const inputs: Record<string, { description: string; required: boolean; default?: string }> = {};
  for (const name of OPTION_NAMES) {
    const spec = specOf(name);
    inputs[name] = { description: spec.description, required: false, ...(spec.default !== undefined ? { default: spec.default } : {}) };
  }
  return stringify({ inputs }, { lineWidth: 0 });
}

export function withInputs(actionYml: string): string {
  const start = actionYml.indexOf("\ninputs:\n");
  const end = actionYml.indexOf("\noutputs:\n");
  if (start < 0 || end < start) throw new Error("action.yml must have an inputs: block followed by an outputs: block");
  return `${actionYml.slice(0, start + 1)}${inputsYaml()}${actionYml.slice(end + 1)}`;
}

const START = "<!-- inputs: written by npm run sync-docs -->";
const END = "<!-- /inputs -->";

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function inputsTable(): string {
  const rows = OPTION_NAMES.map((name) => {
    const spec = specOf(name);
    const cli = spec.cli?.flag === false ? "action only" : spec.secret ? `$${spec.cli?.env}` : `--${name}`;
    const cliDefaultNote =
      spec.cli?.flag !== false && !spec.secret && cliDefault(name) !== spec.default ? ` (CLI: ${cliDefault(name) ?? "none"})` : "";
    const fallback = spec.default === undefined ? "" : `\`${spec.default}\`${cliDefaultNote}`;
    const modes = spec.modes.length === MODES.length ? "all" : spec.modes.join(", ");
    return `| \`${name}\` | ${cell(fallback)} | ${modes} | ${cli} | ${cell(spec.description)} |`;
  });
  return ["| input | default | modes | CLI | meaning |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function withInputsTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md must hold the inputs table between ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${inputsTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
  const actionYml = path.join(root, "action.yml");
  writeFileSync(actionYml, withInputs(readFileSync(actionYml, "utf8")));
  const readme = path.join(root, "README.md");
  writeFileSync(readme, withInputsTable(readFileSync(readme, "utf8")));
}
