/** The external-data reader against what Python's onnx says of the golden models, and against broken or crafted files. */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { loadModel } from "../src/engine/inference.js";
import { checkNoExternalData, externalDataMessage, externalDataOf, type ExternalData } from "../src/engine/onnx-file.js";
import { ModelError, ValidatorVerdictError } from "../src/util/errors.js";
import { GOLDEN_DATASET, GOLDEN_DIR, REPO, golden } from "./helpers/golden.js";
import { tempDir } from "./helpers/temp.js";

const MODELS = path.join(GOLDEN_DIR, "models");
/** generate.py's `external_data`: per model, the tensors onnx.external_data_helper.uses_external_data marks, with their location. */
const python = (golden as unknown as { external_data: Record<string, { name: string; location: string }[]> }).external_data;
const tricorder = getCompetition("tricorder-3");

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

describe("externalDataOf, against Python's onnx", () => {
  it("covers external and embedded models", () => {
    expect(python["external-data.onnx"].length).toBeGreaterThan(0);
    expect(python["external-subgraph.onnx"].length).toBeGreaterThan(0);
    expect(python["two-input-512.onnx"]).toEqual([]);
  });

  it.each(Object.keys(python))("%s: the same tensors and files as onnx", async (file) => {
    const data = await externalDataOf(path.join(MODELS, file));
    const expected = python[file];
    if (!expected.length) return expect(data).toBeUndefined();
    expect(data?.tensors.map(({ name, location }) => ({ name, location })).sort(byName)).toEqual([...expected].sort(byName));
    expect(data?.files).toEqual([...new Set(expected.map((t) => t.location))]);
  });

  it("says where a nested tensor sits: subgraph initializer, Constant in a branch, sparse initializer", async () => {
    const data = await externalDataOf(path.join(MODELS, "external-subgraph.onnx"));
    const where = Object.fromEntries(data?.tensors.map((t) => [t.name, t.where]) ?? []);
    expect(where).toEqual({
      then_w: 'node "branch" (If) attribute then_branch: initializer',
      else_c_value: 'node "branch" (If) attribute else_branch: node "else_const" (Constant) attribute value: tensor',
      main_c_value: 'node "main_const" (Constant) attribute value: tensor',
      sparse_w: "sparse initializer values",
    });
  });

  it("the example model keeps everything inside", async () => {
    await expect(externalDataOf(path.join(REPO, "example", "model.onnx"))).resolves.toBeUndefined();
    await expect(checkNoExternalData(path.join(REPO, "example", "model.onnx"))).resolves.toBeUndefined();
  });
});

describe("why it matters", () => {
  it("onnxruntime loads the model next to its .data file, but not the .onnx alone (what validators download)", async () => {
    await (await loadModel(path.join(MODELS, "external-data.onnx"), tricorder)).close();
    const alone = path.join(await tempDir(), "external-data.onnx");
    await copyFile(path.join(MODELS, "external-data.onnx"), alone);
    await expect(loadModel(alone, tricorder)).rejects.toThrow(/not a loadable ONNX model .*external-data\.onnx\.data/);
  });
});

describe("checkNoExternalData", () => {
  it("gives the validator's verdict with the fix", async () => {
    const model = path.join(MODELS, "external-data.onnx");
    const err = await checkNoExternalData(model, "skin-v2.onnx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidatorVerdictError);
    expect(err).toMatchObject({ fault: "model", code: "external-data" });
    expect((err as Error).message).toBe(
      `validators would score 0: ${model} keeps its weights in external-data.onnx.data (external data, 2 tensors), ` +
        "and validators download only skin-v2.onnx. Re-export with the weights inside: " +
        'onnx.save(onnx.load("external-data.onnx"), "external-data.onnx", save_as_external_data=False) ' +
        "(PyTorch: torch.onnx.export(..., external_data=False))",
    );
  });

  it("names every file, up to three", () => {
    const data = (...files: string[]): ExternalData => ({ files, tensors: files.map((location) => ({ name: "w", location, where: "" })) });
    expect(externalDataMessage("m.onnx", data("a.bin", "b.bin"))).toContain(
      "keeps its weights in a.bin and b.bin (external data, 2 tensors)",
    );
    expect(externalDataMessage("m.onnx", data("a", "b", "c", "d", "e"))).toContain(
      "in a, b, c and 2 more files (external data, 5 tensors)",
    );
    expect(externalDataMessage("m.onnx", data(""))).toContain(
      "in a file it does not name (external data, 1 tensor), and validators download only m.onnx",
    );
  });
});

describe("broken files: a ModelError naming the file, never a crash", () => {
  it("every truncation of an external-data model is either still readable or a clear ModelError", async () => {
    const bytes = await readFile(path.join(MODELS, "external-data.onnx"));
    const file = path.join(await tempDir(), "cut.onnx");
    let refused = 0;
    for (let n = 0; n < bytes.length; n++) {
      await writeFile(file, bytes.subarray(0, n));
      const outcome = await externalDataOf(file).catch((e: unknown) => e);
      if (outcome instanceof Error) {
        expect(outcome).toBeInstanceOf(ModelError);
        expect(outcome.message).toMatch(new RegExp(`^${file.replace(/[/.]/g, "\\$&")} is not a loadable ONNX model \\(.*at byte \\d+`));
        refused++;
      }
    }
    // Only cuts that fall between top-level fields after the graph still parse (protobuf has no end marker).
    expect(refused).toBeGreaterThan(bytes.length * 0.9);
  });

  it.each([
    ["half a model", async () => (await readFile(path.join(MODELS, "two-input-512.onnx"))).subarray(0, 300), /past the end of the file/],
    ["an empty file", async () => Buffer.alloc(0), /it has no graph/],
    ["a JSON file", () => readFile(path.join(REPO, "package.json")), /wire type 3/],
    ["a JPEG", () => readFile(path.join(GOLDEN_DATASET, "images", "jpeg420.jpg")), /not a loadable ONNX model/],
    ["seeded noise", async () => noise(4096), /not a loadable ONNX model/],
  ])("%s", async (_, content, reason) => {
    const file = path.join(await tempDir(), "broken.onnx");
    await writeFile(file, await content());
    const err = await externalDataOf(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).toMatch(reason);
    expect((err as Error).message).toContain(file);
  });

  it("a missing file or a folder", async () => {
    const dir = await tempDir();
    await expect(externalDataOf(path.join(dir, "nope.onnx"))).rejects.toThrow(`model file ${path.join(dir, "nope.onnx")} does not exist`);
    await mkdir(path.join(dir, "m.onnx"));
    await expect(externalDataOf(path.join(dir, "m.onnx"))).rejects.toThrow(/m\.onnx is a folder, not an \.onnx file/);
  });
});

// --- crafted protobuf: what the Python fixtures cannot easily produce -----------------------------------

function varint(n: number): Buffer {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return Buffer.from(out);
}
const len = (field: number, ...payload: Buffer[]) => {
  const body = Buffer.concat(payload);
  return Buffer.concat([varint(field * 8 + 2), varint(body.length), body]);
};
const str = (field: number, s: string) => len(field, Buffer.from(s));
const num = (field: number, n: number) => Buffer.concat([varint(field * 8), varint(n)]);
const externalTensor = (name: string, location?: string) =>
  len(5, str(8, name), ...(location === undefined ? [] : [len(13, str(1, "location"), str(2, location))]), num(14, 1));

/** xorshift: reproducible bytes. */
function noise(n: number): Buffer {
  let s = 76;
  return Buffer.from(Array.from({ length: n }, () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), s & 0xff)));
}

async function crafted(...fields: Buffer[]): Promise<string> {
  const file = path.join(await tempDir(), "crafted.onnx");
  await writeFile(file, Buffer.concat(fields));
  return file;
}

describe("crafted models", () => {
  it("steps over tensors larger than its read window and finds what follows, in any field order", async () => {
    const big = len(5, str(8, "big"), num(2, 1), len(9, Buffer.alloc(3 << 20, 7)));
    // The node's attribute comes before its name and op type; the Loop body holds the external tensor.
    const loop = len(1, len(5, str(1, "body"), len(6, externalTensor("deep", "w.bin"))), str(3, "loop"), str(4, "Loop"));
    const file = await crafted(num(1, 8), len(7, big, loop, externalTensor("late", "w.bin")), len(8, str(1, ""), num(2, 17)));
    const data = await externalDataOf(file);
    expect(data?.tensors).toEqual([
      { name: "deep", location: "w.bin", where: 'node "loop" (Loop) attribute body: initializer' },
      { name: "late", location: "w.bin", where: "initializer" },
    ]);
    expect(data?.files).toEqual(["w.bin"]);
  });

  it("external_data entries without data_location EXTERNAL are embedded (as onnx and onnxruntime read them)", async () => {
    const tensor = len(5, str(8, "w"), len(13, str(1, "location"), str(2, "w.bin")), num(14, 0));
    await expect(externalDataOf(await crafted(len(7, tensor)))).resolves.toBeUndefined();
  });

  it("an external tensor that names no file still counts", async () => {
    const data = await externalDataOf(await crafted(len(7, externalTensor("w"))));
    expect(data).toEqual({ tensors: [{ name: "w", location: "", where: "initializer" }], files: [""] });
  });

  it("finds Constant tensors of model-local functions (onnxruntime inlines them)", async () => {
    const constant = len(7, str(4, "Constant"), len(5, str(1, "value"), len(5, str(8, "k"), num(14, 1))));
    const data = await externalDataOf(await crafted(len(7), len(25, str(1, "f"), constant)));
    expect(data?.tensors).toEqual([{ name: "k", location: "", where: 'function "f": node "" (Constant) attribute value: tensor' }]);
  });

  it("a graph field with the wrong wire type is an unknown field to protobuf: no graph", async () => {
    await expect(externalDataOf(await crafted(num(7, 1)))).rejects.toThrow(/it has no graph/);
  });

  it("refuses nesting beyond protobuf's recursion limit instead of overflowing the stack", async () => {
    let graph = len(5, str(8, "w"));
    for (let i = 0; i < 60; i++) graph = len(1, len(5, str(1, "g"), len(6, graph)));
    await expect(externalDataOf(await crafted(len(7, graph)))).rejects.toThrow(/nested deeper than protobuf's limit of 100/);
  });
});
