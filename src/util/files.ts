/** Files a reader never sees half-written. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes through a temporary file and a rename, so a reader never sees half a file; returns the absolute path. */
export async function writeWhole(file: string, content: string): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, content);
  await rename(partial, target);
  return target;
}

/** A JSON document (results.json and the like), pretty-printed, written whole. */
export async function writeJson(file: string, document: object): Promise<string> {
  return writeWhole(file, `${JSON.stringify(document, null, 2)}\n`);
}
