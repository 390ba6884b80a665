/**
 * Shard predictions on disk: a shard run writes one file (a list of
 * documents, one per package), the merge reads files or whole folders of
 * them, as actions/download-artifact or our own artifact download lays them out.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../util/errors.js";
import type { EvaluationResult } from "./results.js";
import type { Log } from "../util/log.js";
import { parseShardFile, shardDocument, type Shard, type ShardDocument } from "./shard.js";

export const shardFileName = (shard: Shard): string => `cancer-ai-shard-${shard.index}-of-${shard.count}.json`;

export const shardFileContent = (results: readonly EvaluationResult[]): string => `${JSON.stringify(results.map(shardDocument))}\n`;

async function jsonFiles(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => {
    throw new InputError(
      `shard predictions ${input} do not exist: give the files or folders the shard runs wrote (cancer-ai-shard-<i>-of-<n>.json)`,
    );
  });
  if (!info.isDirectory()) return [input];
  const names = await readdir(input, { recursive: true });
  return names
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(input, name));
}

/** Every shard document in the files and folders given; other JSON files are skipped with a warning. */
export async function readShardFiles(inputs: readonly string[], log: Log): Promise<ShardDocument[]> {
  const docs: ShardDocument[] = [];
  for (const input of inputs) {
    for (const file of await jsonFiles(input)) {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(file, "utf8"));
      } catch (err) {
        throw new InputError(`${file} is not valid JSON (${(err as Error).message}): was the shard's upload cut short? Re-run that shard`);
      }
      const found = parseShardFile(value, file);
      if (found) docs.push(...found);
      else log.warning(`${file} is not a shard predictions file; skipped`);
    }
  }
  if (docs.length === 0)
    throw new InputError(`no shard predictions found in ${inputs.join(", ")}: the shard runs write cancer-ai-shard-<i>-of-<n>.json`);
  return docs;
}
