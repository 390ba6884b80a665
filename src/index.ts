/**
 * The bundle's entry. Run by the Actions runner (`node dist/index.js`), it is
 * the action; imported by bin/cancer-ai.js, it provides the CLI.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runAction } from "./main.js";

export { cli } from "./cli.js";

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await runAction();
