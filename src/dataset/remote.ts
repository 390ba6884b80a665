/**
 * Turning the `dataset` input into local packages: `latest` (the newest
 * packages of the competition on the hub), `hf://repo/path.zip`, or a local
 * folder or zip. Downloads are cached under a key made of the hub's content
 * id, so a new package is a new key and an unchanged one is a hit; a cached
 * file is re-hashed before use and downloaded again if it does not match.
 */
import { existsSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "../util/cache-store.js";
import { sha256File } from "../util/digest.js";
import {
  DEFAULT_CONFIG_REPO,
  checkDigest,
  datasetUri,
  discoverDatasets,
  downloadDataset,
  findDataset,
  parseHfUri,
  type DatasetRef,
  type HubOptions,
} from "../hub/hub.js";
import { DatasetError } from "../util/errors.js";

export interface DatasetSource {
  /** What the report calls it: the package's file name. */
  readonly name: string;
  /** A local folder or zip, ready for openPackage(). */
  readonly localPath: string;
  /** Where it came from on the hub, if it did. */
  readonly ref?: DatasetRef;
}

export interface ResolveOptions {
  readonly competitionId: string;
  readonly configRepo?: string;
  readonly count: number;
  readonly hub: HubOptions;
  readonly cache: CacheStore;
  /** Downloads go to <downloadDir>/<content id>/<file>. */
  readonly downloadDir: string;
}

export async function resolveDatasets(input: string, options: ResolveOptions): Promise<DatasetSource[]> {
  const value = input.trim() || "latest";
  if (value === "latest") {
    const refs = await discoverDatasets(options.competitionId, options.configRepo ?? DEFAULT_CONFIG_REPO, options.hub);
    const newest = refs.slice(0, options.count);
    options.hub.log.info(
      `newest ${options.competitionId} packages: ${newest.map((r) => `${datasetUri(r)} (${r.date ?? "no date"})`).join(", ")}`,
    );
    // One at a time: parallel multi-GB downloads are no faster on a runner, and use more disk at once.
    const sources: DatasetSource[] = [];
    for (const ref of newest) sources.push(await fetchDataset(ref, options));
    return sources;
  }
  if (value.startsWith("hf://")) {
    const { repo, path: file } = parseHfUri(value);
    return [await fetchDataset(await findDataset(repo, file, options.hub), options)];
  }
  if (!existsSync(value))
    throw new DatasetError(`dataset ${value} does not exist: give "latest", an hf:// URI, or a folder or .zip package`);
  return [{ name: path.basename(value), localPath: value }];
}

async function recordedDigest(file: string): Promise<string | undefined> {
  return readFile(`${file}.sha256`, "utf8").then(
    (s) => s.trim(),
    () => undefined,
  );
}

/** A cached copy is used only if its bytes hash to what the hub (or our own download) recorded. */
async function usableCopy(file: string, ref: DatasetRef): Promise<boolean> {
  if (!existsSync(file)) return false;
  const expected = ref.sha256 ?? (await recordedDigest(file));
  return expected !== undefined && (await sha256File(file)) === expected;
}

async function fetchDataset(ref: DatasetRef, options: ResolveOptions): Promise<DatasetSource> {
  const { log } = options.hub;
  const dir = path.join(options.downloadDir, ref.oid || ref.path.replace(/[^\w.-]/g, "_"));
  const file = path.join(dir, path.basename(ref.path));
  const key = `cancer-ai-dataset-${ref.oid}`;
  const source = { name: path.basename(ref.path), localPath: file, ref };
  if (await usableCopy(file, ref)) {
    log.info(`${datasetUri(ref)}: already downloaded (${file})`);
    return source;
  }
  const restored = ref.oid ? await options.cache.restore([dir], key) : undefined;
  if (restored) {
    if (await usableCopy(file, ref)) {
      log.info(`${datasetUri(ref)}: cache hit (${key}, ${(await stat(file)).size} bytes)`);
      return source;
    }
    log.warning(`${datasetUri(ref)}: the cached copy is corrupt (its SHA-256 does not match); downloading it again`);
    await rm(dir, { recursive: true, force: true });
  } else if (ref.oid) {
    log.info(`${datasetUri(ref)}: cache miss (${key})`);
  }
  const started = Date.now();
  const sha256 = await downloadDataset(ref, file, options.hub);
  checkDigest(ref, sha256);
  await writeFile(`${file}.sha256`, `${sha256}\n`);
  const bytes = (await stat(file)).size;
  log.info(`${datasetUri(ref)}: downloaded ${bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s, SHA-256 ${sha256}`);
  if (ref.oid && (await options.cache.save([dir], key))) log.info(`${datasetUri(ref)}: saved to the cache as ${key}`);
  return source;
}
