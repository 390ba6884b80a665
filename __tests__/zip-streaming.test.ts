/**
 * Zip packages stream: openPackage() returns once the folders and CSV files
 * are written, the images follow in the background in zip order, and
 * `extracted()` says when each one is there. What readDataset() and
 * evaluate() make of a streaming zip must be what they made of it extracted
 * whole: the same verdicts, the same scores, the same errors.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { openPackage, readDataset, type DatasetPackage } from "../src/dataset/package.js";
import { evaluate } from "../src/engine/evaluate.js";
import { DatasetError, ValidatorVerdictError } from "../src/util/errors.js";
import type { Log } from "../src/util/log.js";
import { EXAMPLE_DIR, GOLDEN_DATASET } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";
import { makeZip, type TestEntry } from "./helpers/zip.js";

const competition = getCompetition("tricorder-3");
const quietLog: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };
const HEADER = "filepath,label,age,gender,location";
const csv = (...files: string[]): string => [HEADER, ...files.map((f) => `${f},NV,30,m,leg`)].map((r) => `${r}\n`).join("");

/** Bytes that do not compress, like a JPEG's. */
const noise = (size: number): Buffer => randomBytes(size);
/** Jest's toEqual walks a Buffer byte by byte: seconds for a few of these. */
const sameBytes = (a: Buffer, b: Buffer | string | undefined): boolean => Buffer.isBuffer(b) && a.equals(b);

async function writeZip(entries: TestEntry[]): Promise<string> {
  const file = path.join(await tempDir(), "package.zip");
  await writeFile(file, makeZip(entries));
  return file;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Ten images of 100 kB in a folder, the CSV last in the zip. */
async function imagesThenCsv(): Promise<{ zip: string; images: Buffer[] }> {
  const images = Array.from({ length: 10 }, () => noise(100_000));
  const names = images.map((_, i) => `images/${i}.jpg`);
  const zip = await writeZip([
    ...images.map((data, i) => ({ name: names[i], data, method: 0 })),
    { name: "labels.csv", data: csv(...names) },
  ]);
  return { zip, images };
}

describe("openPackage on a zip", () => {
  it("returns with the folders and the CSV written, before the images, which extracted() waits for", async () => {
    const { zip, images } = await imagesThenCsv();
    const pkg = await openPackage(zip);
    try {
      // No I/O has run since openPackage() returned, so the background extraction has not written any image yet.
      expect(existsSync(path.join(pkg.dir, "images"))).toBe(true);
      expect(existsSync(path.join(pkg.dir, "images/0.jpg"))).toBe(false);
      expect((await readFile(path.join(pkg.dir, "labels.csv"), "utf8")).split("\n")).toHaveLength(12);
      const dataset = await readDataset(pkg, competition);
      expect(dataset.entries).toHaveLength(10);

      const last = path.join(pkg.dir, "images/9.jpg");
      await pkg.extracted(last);
      expect(sameBytes(await readFile(last), images[9])).toBe(true);
      // Early (the CSV, and a file written before), and not in the zip at all: at once.
      await pkg.extracted(path.join(pkg.dir, "labels.csv"));
      await pkg.extracted(path.join(pkg.dir, "images/0.jpg"));
      await pkg.extracted(path.join(pkg.dir, "images/missing.jpg"));
      await pkg.extracted(path.join(pkg.dir, "..", "elsewhere.jpg"));
      await pkg.extracted();
      for (const [i, image] of images.entries()) expect(sameBytes(await readFile(dataset.entries[i].path), image)).toBe(true);
    } finally {
      await pkg.close();
    }
    expect(existsSync(path.dirname(pkg.dir))).toBe(false);
  });

  it("writes CSV files wherever the zip has them first, whatever the letter case", async () => {
    const zip = await writeZip([
      { name: "pkg/images/a.jpg", data: noise(100_000) },
      { name: "pkg/test.csv", data: csv("images/a.jpg") },
      { name: "notes/OTHER.CSV", data: "x" },
      { name: "empty/" },
    ]);
    const pkg = await openPackage(zip);
    try {
      expect(await readFile(path.join(pkg.dir, "pkg/test.csv"), "utf8")).toBe(csv("images/a.jpg"));
      expect(await readFile(path.join(pkg.dir, "notes/OTHER.CSV"), "utf8")).toBe("x");
      expect((await readdir(pkg.dir)).sort()).toEqual(["empty", "notes", "pkg"]);
      expect((await readDataset(pkg, competition)).csvPath).toBe(path.join(pkg.dir, "pkg/test.csv"));
    } finally {
      await pkg.close();
    }
  });

  it("refuses a zip whose CSV is corrupt before returning, leaving nothing behind", async () => {
    const tmp = await tempDir();
    const zip = path.join(tmp, "bad-csv.zip");
    await writeFile(
      zip,
      makeZip([
        { name: "a.jpg", data: "a" },
        { name: "labels.csv", data: csv("a.jpg"), crc: 1 },
      ]),
    );
    const before = await readdir(path.dirname(tmp));
    const error = await failure(openPackage(zip));
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toMatch(/"labels.csv" is corrupt \(CRC mismatch\)/);
    expect((await readdir(path.dirname(tmp))).filter((f) => f.startsWith("cancer-ai-dataset-") && !before.includes(f))).toEqual([]);
  });
});

describe("a corrupt entry late in the zip", () => {
  const bData = noise(50_000);
  const entries = (): TestEntry[] => [
    { name: "labels.csv", data: csv("a.jpg", "b.jpg", "bad.jpg", "c.jpg") },
    { name: "a.jpg", data: noise(50_000) },
    { name: "b.jpg", data: bData },
    { name: "bad.jpg", data: noise(50_000), crc: 1234 },
    { name: "c.jpg", data: noise(50_000) },
  ];

  it("rejects extracted() from that entry on with the extraction's DatasetError", async () => {
    const pkg = await openPackage(await writeZip(entries()));
    try {
      // The listing says every image is there: readDataset() does not wait for them.
      const dataset = await readDataset(pkg, competition);
      const [a, b, bad, c] = dataset.entries.map((e) => e.path);
      const late = await failure(pkg.extracted(c));
      expect(late).toBeInstanceOf(DatasetError);
      expect(late.message).toMatch(/package\.zip: entry "bad\.jpg" is corrupt \(CRC mismatch\); download the dataset again/);
      expect(await failure(pkg.extracted(bad))).toBe(late);
      expect(await failure(pkg.extracted())).toBe(late);
      // Written and checked before the corrupt entry: still there for whoever reads them.
      await pkg.extracted(a);
      await pkg.extracted(b);
      expect(sameBytes(await readFile(b), bData)).toBe(true);
    } finally {
      await pkg.close();
    }
  });

  it("comes before a verdict on the CSV, as when the zip was extracted whole first", async () => {
    const zip = await writeZip([{ name: "labels.csv", data: csv("a.jpg").replace("NV", "nv") }, ...entries().slice(1)]);
    const pkg = await openPackage(zip);
    try {
      const error = await failure(readDataset(pkg, competition));
      expect(error).not.toBeInstanceOf(ValidatorVerdictError);
      expect(error.message).toMatch(/"bad\.jpg" is corrupt \(CRC mismatch\)/);
    } finally {
      await pkg.close();
    }
  });
});

describe("readDataset on a streaming zip", () => {
  /** The verdict's message, or "ok", for the same files as a folder and as a zip. */
  async function outcome(pkg: DatasetPackage): Promise<string> {
    try {
      return (await readDataset(pkg, competition)).entries.map((e) => e.file).join(",") || "ok";
    } catch (err) {
      expect(err).toBeInstanceOf(ValidatorVerdictError);
      return `${(err as ValidatorVerdictError).code}: ${(err as Error).message}`;
    } finally {
      await pkg.close();
    }
  }

  it.each<[string, string[], Record<string, string>]>([
    [
      "missing files, folders, an empty path, other letter case, paths outside the package",
      ["images/a.jpg", "images/none.jpg", "images", "", "Images/A.jpg", "images/a.jpg/x", process.execPath, "sub/../b.jpg", "/no/such.jpg"],
      { "images/a.jpg": "a", "b.jpg": "b", "notes.txt": "n" },
    ],
    ["no image at all", ["x.jpg", "y.jpg"], { "z.jpg": "z" }],
    ["every image, some through ./ and ../", ["./a.jpg", "d/../b.jpg", "d/c.jpg"], { "a.jpg": "a", "b.jpg": "b", "d/c.jpg": "c" }],
  ])("gives the verdicts a folder gives: %s", async (_name, rows, files) => {
    const dir = await tempDir();
    const tree = { "labels.csv": csv(...rows), ...files };
    for (const [name, data] of Object.entries(tree)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), data);
    }
    const zip = await writeZip(Object.entries(tree).map(([name, data]) => ({ name, data })));
    expect(await outcome(await openPackage(zip))).toBe(await outcome(await openPackage(dir)));
  });
});

describe("close() during the extraction", () => {
  it("stops it: nothing is written after, nothing is left behind, waiting callers get a DatasetError", async () => {
    const { zip } = await imagesThenCsv();
    const pkg = await openPackage(zip);
    const parent = path.dirname(pkg.dir);
    expect(existsSync(parent)).toBe(true);
    const waiting = failure(pkg.extracted(path.join(pkg.dir, "images/9.jpg")));
    await pkg.close();
    expect(existsSync(parent)).toBe(false);
    const error = await waiting;
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toMatch(/extraction of .*package\.zip was stopped before it ended: the package was closed/);
    await expect(pkg.extracted(path.join(pkg.dir, "images/5.jpg"))).rejects.toThrow(error.message);
    // Time for a write that would still be under way.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(parent)).toBe(false);
    await pkg.close();
  });
});

describe("evaluate() on a streaming zip", () => {
  const model = path.join(EXAMPLE_DIR, "model.onnx");
  /** The golden dataset (23 images of every kind) as a zip, stored and deflated by turns, the CSV at the end. */
  async function goldenZip(): Promise<string> {
    const names = (await readdir(path.join(GOLDEN_DATASET, "images"))).sort().map((f) => `images/${f}`);
    const entries = await Promise.all(
      [...names, "labels.csv"].map(async (name, i) => ({
        name,
        data: await readFile(path.join(GOLDEN_DATASET, name)),
        method: (i % 2) * 8,
      })),
    );
    return writeZip(entries);
  }
  /** Everything but the time it took and the package's name. */
  const comparable = ({ run_time_s: _time, dataset: _name, ...rest }: Awaited<ReturnType<typeof evaluate>>): string => JSON.stringify(rest);

  it("scores bit for bit what the folder scores", async () => {
    const folder = comparable(await evaluate({ modelPath: model, dataset: GOLDEN_DATASET, competition, log: quietLog, threads: 2 }));
    const result = await evaluate({ modelPath: model, dataset: await goldenZip(), competition, log: quietLog, threads: 2 });
    expect(comparable(result)).toBe(folder);
  });

  it("fails with the extraction's error, not a verdict, when an image late in the zip is corrupt", async () => {
    const names = (await readdir(path.join(GOLDEN_DATASET, "images"))).sort().map((f) => `images/${f}`);
    const entries: TestEntry[] = await Promise.all(
      ["labels.csv", ...names].map(async (name) => ({ name, data: await readFile(path.join(GOLDEN_DATASET, name)) })),
    );
    entries[entries.length - 2].crc = 1;
    const corrupt = JSON.stringify(entries[entries.length - 2].name);
    const run = evaluate({ modelPath: model, dataset: await writeZip(entries), competition, log: quietLog, threads: 2 });
    const error = await failure(run);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toContain(`entry ${corrupt} is corrupt (CRC mismatch)`);
  });
});
