/** Files a reader never sees half-written. */
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./errors.js";

/** Writes through a temporary file and a rename, so a reader never sees half a file; returns the absolute path. */
export async function writeWhole(file: string, content: string): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return target;
}

/** A JSON document (results.json and the like), pretty-printed, written whole. */
export async function writeJson(file: string, document: object): Promise<string> {
  return writeWhole(file, `${JSON.stringify(document, null, 2)}\n`);
}

/**
 * Refuses, before any work, an output path that cannot take a file (a
 * folder, or a path through a file), so a long evaluation does not end in
 * "EISDIR" with nothing written. `name` is how the shell calls the option.
 */
export async function checkOutputPath(file: string, name: string): Promise<void> {
  const target = path.resolve(file);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(`${name} ${file} is a folder: give a file path, e.g. ${path.join(file, "results.json")}`);
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const parent = await stat(dir).catch(() => undefined);
    if (parent === undefined) continue;
    if (!parent.isDirectory()) throw new UsageError(`${name} ${file} cannot be written: ${dir} is a file, not a folder`);
    return;
  }
}
