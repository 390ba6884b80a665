/**
 * The bundle's entry. Run by the Actions runner (`node dist/index.js`), it is
 * the action; imported by bin/cancer-ai.js, it provides the CLI. Nothing
 * here may load sharp or onnxruntime before the platform check: they are
 * loaded on first use (util/natives.ts), and the engine is imported after
 * the check.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkPlatform } from "./util/platform.js";
import { isInferenceProcess, isPreprocessWorker } from "./workers/protocol.js";

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** The CLI from the bundle: same platform check, then the same engine as the action. */
export async function cli(argv: readonly string[]): Promise<number> {
  try {
    checkPlatform();
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
  return (await import("./cli/main.js")).cli(argv);
}

if (isPreprocessWorker()) {
  // This bundle started again as a preprocessing worker of a running evaluation (workers/pool.ts).
  await (await import("./workers/preprocess-worker.js")).servePreprocessing();
} else if (isInferenceProcess()) {
  // This bundle started again as the inference process of a running evaluation (workers/inference-pool.ts).
  await (await import("./workers/inference-process.js")).serveInference();
} else if (isEntryPoint()) {
  try {
    checkPlatform();
    await (await import("./action/main.js")).runAction();
  } catch (err) {
    // @actions/core is not loaded yet; this is its ::error:: command, spelled out.
    process.stdout.write(`::error::${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
