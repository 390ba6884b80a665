/**
 * Dataset packages as the validator's dataset_manager.py opens them: a folder
 * or an extracted zip, the labels CSV searched in a fixed order, image paths
 * relative to the CSV's folder.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { findLabelsCsv, openPackage, readDataset } from "../src/dataset/package.js";
import { DatasetError, ValidatorVerdictError } from "../src/util/errors.js";
import { makeZip as buildZip } from "./helpers/zip.js";

const competition = getCompetition("tricorder-3");
const JPEG_PATH = path.resolve("example/dataset/images/dermoscopy-256.jpg");
let jpeg: Buffer;
let tmp: string;
let counter = 0;

beforeAll(async () => {
  jpeg = await readFile(JPEG_PATH);
  tmp = await mkdtemp(path.join(os.tmpdir(), "cancer-ai-dataset-test-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

type Tree = Record<string, string | Buffer>;

/** Writes `files` (relative paths; a trailing "/" makes an empty folder) into a new folder. */
async function makeTree(files: Tree): Promise<string> {
  const dir = path.join(tmp, `tree-${++counter}`);
  await mkdir(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    const target = path.join(dir, name);
    if (name.endsWith("/")) {
      await mkdir(target, { recursive: true });
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
    }
  }
  return dir;
}

/** Zips `files` (no folders) into a new .zip. */
async function makeZip(files: Tree): Promise<string> {
  const zipPath = path.join(tmp, `package-${++counter}.zip`);
  await writeFile(zipPath, buildZip(Object.entries(files).map(([name, data]) => ({ name, data: Buffer.from(data) }))));
  return zipPath;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as Error;
}

/** Expects the package verdict `code` and returns its message. */
async function verdict(promise: Promise<unknown>, code: string): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidatorVerdictError);
  expect([(error as ValidatorVerdictError).fault, (error as ValidatorVerdictError).code]).toEqual(["package", code]);
  return (error as Error).message;
}

const HEADER = "filepath,label,age,gender,location";
const csv = (...rows: string[]): string => [HEADER, ...rows].map((r) => `${r}\n`).join("");

describe("findLabelsCsv", () => {
  it.each<[string, string[], string]>([
    ["labels.csv before test.csv", ["test.csv", "labels.csv"], "labels.csv"],
    ["test.csv before the later names", ["dataset.csv", "metadata.csv", "data.csv", "test.csv"], "test.csv"],
    ["data.csv before metadata.csv", ["metadata.csv", "data.csv"], "data.csv"],
    ["metadata.csv before dataset.csv", ["dataset.csv", "metadata.csv"], "metadata.csv"],
    ["a root name before a better name in a folder", ["dataset.csv", "pkg/labels.csv"], "dataset.csv"],
    ["known names in a folder before any *.csv in the root", ["other.csv", "pkg/dataset.csv"], "pkg/dataset.csv"],
    ["name order inside a folder", ["pkg/test.csv", "pkg/labels.csv"], "pkg/labels.csv"],
    ["__MACOSX is skipped for known names", ["__MACOSX/labels.csv", "pkg/test.csv"], "pkg/test.csv"],
    ["__MACOSX is skipped for any *.csv", ["__MACOSX/x.csv", "other.csv"], "other.csv"],
    ["any *.csv in the root", ["notes.txt", "x.csv"], "x.csv"],
    ["any *.csv in the root before one in a folder", ["pkg/a.csv", "z.csv"], "z.csv"],
    ["any *.csv in a folder", ["readme.md", "pkg/x.csv"], "pkg/x.csv"],
  ])("%s", async (_name, files, expected) => {
    const dir = await makeTree(Object.fromEntries(files.map((f) => [f, "x"])));
    await expect(findLabelsCsv(dir)).resolves.toBe(path.join(dir, expected));
  });

  it.each<[string, string[]]>([
    ["an empty package", []],
    ["no .csv (extension is case-sensitive)", ["LABELS.CSV", "notes.txt"]],
    ["a CSV two levels down", ["a/b/labels.csv"]],
    ["a CSV only under __MACOSX", ["__MACOSX/labels.csv"]],
  ])("refuses %s", async (_name, files) => {
    const dir = await makeTree(Object.fromEntries(files.map((f) => [f, "x"])));
    const error = await rejection(findLabelsCsv(dir));
    expect(error.message).toContain(dir);
    expect(error.message).toContain("labels.csv");
  });
});

describe("openPackage", () => {
  it("opens a folder in place and leaves it on close", async () => {
    const dir = await makeTree({ "labels.csv": "x" });
    const pkg = await openPackage(dir);
    expect(pkg.source).toBe(dir);
    expect(pkg.dir).toBe(path.resolve(dir));
    await pkg.close();
    expect(existsSync(path.join(dir, "labels.csv"))).toBe(true);
  });

  it("extracts a zip to a temporary folder that close() removes", async () => {
    const zip = await makeZip({ "labels.csv": csv("images/a.jpg,NV,30,m,leg"), "images/a.jpg": jpeg });
    const pkg = await openPackage(zip);
    expect(pkg.source).toBe(zip);
    // The images follow the CSV in the background.
    await pkg.extracted(path.join(pkg.dir, "images/a.jpg"));
    expect(await readFile(path.join(pkg.dir, "images/a.jpg"))).toEqual(jpeg);
    expect((await readdir(pkg.dir)).sort()).toEqual(["images", "labels.csv"]);
    await pkg.close();
    expect(existsSync(pkg.dir)).toBe(false);
    expect(existsSync(path.dirname(pkg.dir))).toBe(false);
  });

  it.each<[string, () => Promise<string>, string[]]>([
    ["a missing path", async () => path.join(tmp, "does-not-exist.zip"), ["does-not-exist.zip", "does not exist"]],
    [
      "a file that is not a .zip",
      async () => (await makeTree({ "labels.csv": "x" })) + "/labels.csv",
      ["labels.csv", "neither a folder nor a .zip"],
    ],
    [
      "a .zip that is not a zip",
      async () => {
        const file = path.join(tmp, `fake-${++counter}.zip`);
        await writeFile(file, "this is not a zip archive");
        return file;
      },
      ["fake-"],
    ],
  ])("refuses %s", async (_name, source, fragments) => {
    const error = await rejection(openPackage(await source()));
    for (const fragment of fragments) expect(error.message).toContain(fragment);
  });
});

describe("readDataset", () => {
  it("reads a folder package, CRLF and all", async () => {
    const dir = await makeTree({
      "labels.csv": csv("images/a.jpg,NV,30,m,leg", "b.jpg,BCC,50,f,torso").replace(/\n/g, "\r\n"),
      "images/a.jpg": jpeg,
      "b.jpg": jpeg,
    });
    const pkg = await openPackage(dir);
    const dataset = await readDataset(pkg, competition);
    expect(dataset.source).toBe(dir);
    expect(dataset.csvPath).toBe(path.join(dir, "labels.csv"));
    expect(dataset.warnings).toEqual([]);
    expect(dataset.entries.map((e) => [e.line, e.file, e.path, e.label, e.demographics])).toEqual([
      [2, "images/a.jpg", path.join(dir, "images/a.jpg"), "NV", [30, 1, 6]],
      [3, "b.jpg", path.join(dir, "b.jpg"), "BCC", [50, 0, 7]],
    ]);
  });

  it("reads the bundled example dataset", async () => {
    const dataset = await readDataset(await openPackage("example/dataset"), competition);
    expect(dataset.entries.map((e) => e.label)).toEqual(["BCC", "NV"]);
    for (const entry of dataset.entries) expect((await stat(entry.path)).isFile()).toBe(true);
  });

  it("reports the images the validator skips by CSV line: the lengths then mismatch for every model", async () => {
    const dir = await makeTree({
      "labels.csv": csv(
        "images/a.jpg,NV,30,m,leg",
        "images/missing.jpg,BCC,50,f,torso",
        "a.jpg,MEL,40,m,arm",
        "images,DF,20,f,hand",
        ",NV,30,m,leg",
      ),
      "images/a.jpg": jpeg,
    });
    const message = await verdict(readDataset(await openPackage(dir), competition), "missing-images");
    expect(message).toContain("labels.csv: 4 of 5 image(s)");
    expect(message).toContain("line 3: images/missing.jpg");
    expect(message).toContain("line 4: a.jpg");
    expect(message).toContain("line 5: images"); // a folder is not an image
    expect(message).toContain("line 6: an empty image path");
    expect(message).not.toContain("line 2");
    expect(message).toContain("prepares 1");
    expect(message).toContain("inconsistent numbers of samples: [5, 1]");
  });

  it("says that no image is prepared when none of the files is there", async () => {
    const dir = await makeTree({ "labels.csv": csv("a.jpg,NV,30,m,leg", "b.jpg,BCC,50,f,torso") });
    const message = await verdict(readDataset(await openPackage(dir), competition), "no-images");
    expect(message).toContain("prepares 0");
    expect(message).toContain("[2, 0]");
  });

  it("fails a package whose path column is image_path, naming the columns found", async () => {
    const zip = await makeZip({ "labels.csv": "image_path,label,age,gender,location\nimages/a.jpg,NV,30,m,leg\n", "images/a.jpg": jpeg });
    const pkg = await openPackage(zip);
    try {
      const message = await verdict(readDataset(pkg, competition), "no-images");
      expect(message).toContain('columns found: "image_path", "label", "age", "gender", "location"');
      expect(message).toContain("[1, 0]");
    } finally {
      await pkg.close();
    }
  });

  it.each<[string, Buffer]>([
    ["Latin-1", Buffer.from(csv("caf\u00e9.jpg,NV,30,m,leg"), "latin1")],
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv("a.jpg,NV,30,m,leg"), "utf16le")])],
  ])("fails a %s CSV, which the validator cannot decode as UTF-8", async (_name, bytes) => {
    const dir = await makeTree({ "labels.csv": bytes, "a.jpg": jpeg });
    const message = await verdict(readDataset(await openPackage(dir), competition), "csv-not-utf8");
    expect(message).toContain("labels.csv is not valid UTF-8");
    expect(message).toContain("UnicodeDecodeError");
  });

  it.each<[string, string, string, string]>([
    ["a UTF-8 byte-order mark", `\ufeff${csv("a.jpg,NV,30,m,leg")}`, "no-images", "byte-order mark"],
    ["a blank first line", `\n${csv("a.jpg,NV,30,m,leg")}`, "csv-extra-fields", "blank line"],
  ])("explains %s, which hides the header from the validator", async (_name, content, code, hint) => {
    const dir = await makeTree({ "labels.csv": content, "a.jpg": jpeg });
    expect(await verdict(readDataset(await openPackage(dir), competition), code)).toContain(hint);
  });

  it("fails a zip without a CSV for every model, but calls a folder without one a wrong path", async () => {
    const zip = await makeZip({ "images/a.jpg": jpeg, "notes.txt": "x" });
    const pkg = await openPackage(zip);
    try {
      const message = await verdict(readDataset(pkg, competition), "no-csv");
      expect(message).toContain(path.basename(zip));
      expect(message).toContain("no CSV file found");
    } finally {
      await pkg.close();
    }
    const dir = await makeTree({ "images/a.jpg": jpeg });
    const error = await rejection(readDataset(await openPackage(dir), competition));
    expect(error).not.toBeInstanceOf(ValidatorVerdictError);
    expect(error.message).toContain("no labels CSV found");
  });

  it("finds a CSV in a zip's subfolder and resolves images against that folder", async () => {
    const zip = await makeZip({
      "__MACOSX/pkg/._labels.csv": "junk",
      "pkg/test.csv": csv("images/a.jpg,SCCKA,70,male,head", "b.jpg,VASC,12,Female,Feet"),
      "pkg/images/a.jpg": jpeg,
      "pkg/b.jpg": jpeg,
      "notes.csv": "not the labels",
    });
    const pkg = await openPackage(zip);
    try {
      const dataset = await readDataset(pkg, competition);
      const root = path.join(pkg.dir, "pkg");
      expect(dataset.csvPath).toBe(path.join(root, "test.csv"));
      expect(dataset.entries.map((e) => [e.path, e.label, e.classIndex, e.demographics])).toEqual([
        [path.join(root, "images/a.jpg"), "SCCKA", 9, [70, 1, 5]],
        [path.join(root, "b.jpg"), "VASC", 10, [12, 0, 2]],
      ]);
      await pkg.extracted(dataset.entries[0].path);
      expect(await readFile(dataset.entries[0].path)).toEqual(jpeg);
    } finally {
      await pkg.close();
    }
    expect(existsSync(pkg.dir)).toBe(false);
  });

  it("fails a zip whose CSV names images relative to the zip root instead of the CSV's folder", async () => {
    const zip = await makeZip({ "pkg/labels.csv": csv("pkg/a.jpg,NV,30,m,leg"), "pkg/a.jpg": jpeg });
    const pkg = await openPackage(zip);
    try {
      expect(await verdict(readDataset(pkg, competition), "no-images")).toContain("line 2: pkg/a.jpg");
    } finally {
      await pkg.close();
    }
  });
});
