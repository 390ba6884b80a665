/**
 * The benchmark's inputs, generated once and cached under the temp dir:
 * dermoscopy-sized JPEGs (600x450 to 2048x1536, 4:3) cut from the example's
 * real dermoscopic images with random crops, flips, colour shifts and
 * sensor-like noise, and a model of realistic cost (make-model.py). The same
 * seed gives the same files, so runs of different sizes share images.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { getCompetition } from "../../src/competition/competition.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCES = [
  path.join(REPO, "example", "dataset", "images", "ebd5b2e4-ad50-46bd-a437-7c91bc5d48f7.jpg"),
  path.join(REPO, "example", "dataset", "images", "dermoscopy-256.jpg"),
];
/** Bump when the generation changes, so stale caches are not reused. */
const VERSION = "v1";

export const CACHE_DIR = path.join(os.tmpdir(), "cancer-ai-bench", VERSION);

/** mulberry32: small, seedable, good enough to vary content. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function makeImage(file: string, index: number): Promise<void> {
  const rng = random(7600 + index);
  // Mostly the full-resolution lesion; one in five from the small one, upscaled (soft, like a phone attachment).
  const source = SOURCES[rng() < 0.8 ? 0 : 1];
  const meta = await sharp(source).metadata();
  const sw = meta.width ?? 0;
  const sh = meta.height ?? 0;
  const width = 600 + Math.floor(rng() * (2048 - 600 + 1));
  const height = Math.round((width * 3) / 4);
  const ch = Math.floor(sh * (0.55 + 0.45 * rng()));
  const cw = Math.min(sw, Math.round((ch * 4) / 3));
  const { data } = await sharp(source)
    .extract({ left: Math.floor(rng() * (sw - cw)), top: Math.floor(rng() * (sh - ch)), width: cw, height: ch })
    .resize(width, height, { fit: "fill" })
    .flip(rng() < 0.5)
    .flop(rng() < 0.5)
    .modulate({ brightness: 0.9 + 0.2 * rng(), saturation: 0.85 + 0.3 * rng(), hue: Math.round(rng() * 20 - 10) })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + Math.round((rng() + rng() + rng() - 1.5) * 8)));
  const jpeg = await sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 + Math.floor(rng() * 11) })
    .toBuffer();
  // Written aside and renamed, so that an interrupted run leaves no truncated image in the cache.
  writeFileSync(`${file}.partial`, jpeg);
  renameSync(`${file}.partial`, file);
}

/** make-model.py's presets: about 1 and 4 GFLOP per 512x512 image. */
export const MODEL_PRESETS = ["light", "heavy"] as const;
export type ModelPreset = (typeof MODEL_PRESETS)[number];

export interface BenchData {
  readonly dataset: string;
  readonly model: string;
  /** What make-model.py says of it ("1.01 GFLOP per image"). */
  readonly modelCost: string;
}

/** A dataset folder with the first `count` images and its labels.csv, and the model; generated where missing. */
export async function benchData(count: number, preset: ModelPreset, log: (message: string) => void): Promise<BenchData> {
  const images = path.join(CACHE_DIR, "images");
  mkdirSync(images, { recursive: true });
  const model = path.join(CACHE_DIR, `model-${preset}.onnx`);
  const cost = `${model}.txt`;
  if (!existsSync(model) || !existsSync(cost)) {
    log(`generating the ${preset} benchmark model (python3 + onnx)`);
    const said = execFileSync("/usr/bin/python3", [path.join(REPO, "scripts", "bench", "make-model.py"), model, preset], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    writeFileSync(cost, said.toString().trim());
  }
  const competition = getCompetition("tricorder-3");
  const rows = ["filepath,label,age,gender,location"];
  let made = 0;
  for (let i = 0; i < count; i++) {
    const name = `bench-${String(i).padStart(5, "0")}.jpg`;
    const file = path.join(images, name);
    if (!existsSync(file)) {
      await makeImage(file, i);
      made++;
    }
    const rng = random(99 + i);
    const label = competition.classes[Math.floor(rng() * competition.classes.length)].short;
    const location = competition.locations[Math.floor(rng() * competition.locations.length)];
    rows.push(`images/${name},${label},${20 + Math.floor(rng() * 60)},${rng() < 0.5 ? "m" : "f"},${location}`);
  }
  if (made) log(`generated ${made} benchmark images in ${images}`);
  const dataset = path.join(CACHE_DIR, `dataset-${count}`);
  mkdirSync(dataset, { recursive: true });
  if (!existsSync(path.join(dataset, "images"))) symlinkSync(images, path.join(dataset, "images"));
  writeFileSync(path.join(dataset, "labels.csv"), `${rows.join("\n")}\n`);
  return { dataset, model, modelCost: readFileSync(cost, "utf8") };
}
