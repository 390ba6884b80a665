/** results.json on disk: written whole or not at all. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EvaluationResult } from "./evaluate.js";

export async function writeResults(file: string, result: EvaluationResult): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, `${JSON.stringify(result, null, 2)}\n`);
  await rename(partial, target);
  return target;
}
