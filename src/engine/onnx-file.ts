/**
 * Which tensors of an ONNX model keep their bytes outside the .onnx file ("external data").
 *
 * Validators download only `<stem>.onnx` from the hub, so a model whose weights live in a side
 * file (`model.onnx.data`: PyTorch's dynamo exporter writes one by default) cannot load there and
 * scores 0, while onnxruntime here finds the side file next to the model and scores it normally.
 *
 * This is a protobuf wire-format walk, not a decoder: it enters only the messages that can hold a
 * tensor (model, graph, node, attribute, function, tensor, sparse tensor; field numbers from
 * onnx.proto) and steps over every other field, tensor bytes included, by offset. The file is read
 * through one reused 1 MiB window with positional reads, so a model of any size costs about one
 * read per large embedded tensor and never sits in memory whole.
 */
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ModelError, ValidatorVerdictError } from "../util/errors.js";

export interface ExternalTensor {
  /** The tensor's own name (an initializer's name; a Constant's value is often named by the exporter, or empty). */
  readonly name: string;
  /** The file it names for its bytes, relative to the model's folder ("" if it names none: unloadable anywhere). */
  readonly location: string;
  /** Where the model holds it, e.g. `node "If_0" (If) attribute then_branch: initializer`. */
  readonly where: string;
}

export interface ExternalData {
  readonly tensors: readonly ExternalTensor[];
  /** The distinct files the tensors name, in order of first mention. */
  readonly files: readonly string[];
}

// Field numbers (onnx.proto). Everything else, and these fields with an unexpected wire type, is
// skipped: protobuf itself keeps a known field with the wrong wire type as an unknown field.
const MODEL = { graph: 7, functions: 25 } as const;
const GRAPH = { node: 1, initializer: 5, sparseInitializer: 15 } as const;
const FUNCTION = { name: 1, node: 7 } as const;
const NODE = { name: 3, opType: 4, attribute: 5 } as const;
const ATTRIBUTE = { name: 1, t: 5, g: 6, tensors: 10, graphs: 11, sparseTensor: 22, sparseTensors: 23 } as const;
/** The attribute fields that hold tensors or graphs (everything but the name). */
const TENSOR_HOLDERS: ReadonlySet<number> = new Set(Object.values(ATTRIBUTE).filter((n) => n !== ATTRIBUTE.name));
const TENSOR = { name: 8, externalData: 13, dataLocation: 14 } as const;
const SPARSE = { values: 1, indices: 2 } as const;
const ENTRY = { key: 1, value: 2 } as const;
/** TensorProto.DataLocation.EXTERNAL; onnx's uses_external_data and onnxruntime look at this field alone. */
const EXTERNAL = 1;
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
/** protobuf's default recursion limit: a deeper model does not parse in onnxruntime either. */
const MAX_DEPTH = 100;
const WINDOW = 1 << 20;

/** A structural fault of the protobuf stream, at a byte offset. */
class Malformed extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/** Random access to the model's bytes; what `at` returns is valid until its next call. */
interface Bytes {
  readonly size: number;
  /** Bytes [pos, pos + n), fewer only where the file ends. */
  at(pos: number, n: number): Promise<Uint8Array>;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** One field: its payload span (empty for a VARINT) and a VARINT's value. */
interface Field extends Span {
  readonly number: number;
  readonly wire: number;
  readonly value: number;
}

function fileBytes(file: FileHandle, size: number): Bytes {
  const own = new Uint8Array(WINDOW);
  let window = own.subarray(0, 0);
  let base = 0;
  return {
    size,
    async at(pos, n) {
      const end = Math.min(pos + n, size);
      if (pos < base || end > base + window.length) {
        // Reuse one buffer (callers consume a result before asking again); only a huge string needs its own.
        const buffer = end - pos > WINDOW ? new Uint8Array(end - pos) : own;
        const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, size - pos), pos);
        window = buffer.subarray(0, bytesRead);
        base = pos;
      }
      return window.subarray(pos - base, Math.min(end, base + window.length) - base);
    },
  };
}

/** A base-128 varint in `bytes` at `i`; numbers, not bigints: lengths and enums fit, and a huge length fails the bounds check anyway. */
function varint(bytes: Uint8Array, i: number, at: number): [value: number, next: number] {
  let value = 0;
  for (let scale = 1, k = 0; k < 10; k++, scale *= 128) {
    if (i >= bytes.length) throw new Malformed(at, "a field header runs past the end");
    const byte = bytes[i++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, i];
  }
  throw new Malformed(at, "a varint is longer than 10 bytes");
}

async function* fields(src: Bytes, span: Span): AsyncGenerator<Field> {
  let pos = span.start;
  while (pos < span.end) {
    const head = await src.at(pos, Math.min(20, span.end - pos));
    const [tag, afterTag] = varint(head, 0, pos);
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    if (number === 0) throw new Malformed(pos, "a field numbered 0");
    let start = pos + afterTag;
    let end: number;
    let value = 0;
    if (wire === VARINT) {
      const [v, next] = varint(head, afterTag, pos);
      value = v;
      start = end = pos + next;
    } else if (wire === I64) end = start + 8;
    else if (wire === I32) end = start + 4;
    else if (wire === LEN) {
      const [length, afterLength] = varint(head, afterTag, pos);
      start = pos + afterLength;
      end = start + length;
    } else {
      const why = wire === 3 || wire === 4 ? "a protobuf group, which ONNX never writes" : "which protobuf does not have";
      throw new Malformed(pos, `wire type ${wire} (${why})`);
    }
    if (end > span.end)
      throw new Malformed(pos, `field ${number} runs past the end of ${end > src.size ? "the file" : "the message holding it"}`);
    yield { number, wire, start, end, value };
    pos = end;
  }
}

async function text(src: Bytes, field: Field): Promise<string> {
  return new TextDecoder().decode(await src.at(field.start, field.end - field.start));
}

interface Walk {
  readonly src: Bytes;
  readonly found: ExternalTensor[];
}

/** The LEN fields of a message, each after the depth check (what protobuf's parser refuses, so do we). */
async function* messages(walk: Walk, span: Span, depth: number): AsyncGenerator<Field> {
  if (depth > MAX_DEPTH) throw new Malformed(span.start, `messages nested deeper than protobuf's limit of ${MAX_DEPTH}`);
  for await (const field of fields(walk.src, span)) if (field.wire === LEN) yield field;
}

async function walkGraph(walk: Walk, span: Span, where: string, depth: number): Promise<void> {
  for await (const f of messages(walk, span, depth)) {
    if (f.number === GRAPH.node) await walkNode(walk, f, where, depth + 1);
    else if (f.number === GRAPH.initializer) await walkTensor(walk, f, `${where}initializer`, depth + 1);
    else if (f.number === GRAPH.sparseInitializer) await walkSparse(walk, f, `${where}sparse initializer`, depth + 1);
  }
}

async function walkFunction(walk: Walk, span: Span, depth: number): Promise<void> {
  // Model-local functions are inlined by onnxruntime, so their Constant nodes load like the graph's own.
  let name = "";
  const nodes: Field[] = [];
  for await (const f of messages(walk, span, depth)) {
    if (f.number === FUNCTION.name) name = await text(walk.src, f);
    else if (f.number === FUNCTION.node) nodes.push(f);
  }
  for (const node of nodes) await walkNode(walk, node, `function "${name}": `, depth + 1);
}

async function walkNode(walk: Walk, span: Span, where: string, depth: number): Promise<void> {
  // Attributes are walked after the loop so that `where` can name the node whatever order its fields come in.
  let name = "";
  let op = "";
  const attributes: Field[] = [];
  for await (const f of messages(walk, span, depth)) {
    if (f.number === NODE.name) name = await text(walk.src, f);
    else if (f.number === NODE.opType) op = await text(walk.src, f);
    else if (f.number === NODE.attribute) attributes.push(f);
  }
  for (const a of attributes) await walkAttribute(walk, a, `${where}node "${name}" (${op}) `, depth + 1);
}

async function walkAttribute(walk: Walk, span: Span, where: string, depth: number): Promise<void> {
  let name = "";
  const parts: Field[] = [];
  for await (const f of messages(walk, span, depth)) {
    if (f.number === ATTRIBUTE.name) name = await text(walk.src, f);
    else if (TENSOR_HOLDERS.has(f.number)) parts.push(f);
  }
  const here = `${where}attribute ${name}: `;
  for (const p of parts) {
    if (p.number === ATTRIBUTE.t || p.number === ATTRIBUTE.tensors) await walkTensor(walk, p, `${here}tensor`, depth + 1);
    else if (p.number === ATTRIBUTE.g || p.number === ATTRIBUTE.graphs) await walkGraph(walk, p, here, depth + 1);
    else await walkSparse(walk, p, `${here}sparse tensor`, depth + 1);
  }
}

async function walkSparse(walk: Walk, span: Span, where: string, depth: number): Promise<void> {
  // onnxruntime densifies sparse initializers at load, reading external values and indices from disk.
  for await (const f of messages(walk, span, depth)) {
    if (f.number === SPARSE.values) await walkTensor(walk, f, `${where} values`, depth + 1);
    else if (f.number === SPARSE.indices) await walkTensor(walk, f, `${where} indices`, depth + 1);
  }
}

async function walkTensor(walk: Walk, span: Span, where: string, depth: number): Promise<void> {
  if (depth > MAX_DEPTH) throw new Malformed(span.start, `messages nested deeper than protobuf's limit of ${MAX_DEPTH}`);
  let name = "";
  let location = "";
  let external = false;
  for await (const f of fields(walk.src, span)) {
    if (f.number === TENSOR.name && f.wire === LEN) name = await text(walk.src, f);
    // A repeated singular field: the last one wins, as in protobuf.
    else if (f.number === TENSOR.dataLocation && f.wire === VARINT) external = f.value === EXTERNAL;
    else if (f.number === TENSOR.externalData && f.wire === LEN) {
      let key = "";
      let value = "";
      for await (const e of messages(walk, f, depth + 1)) {
        if (e.number === ENTRY.key) key = await text(walk.src, e);
        else if (e.number === ENTRY.value) value = await text(walk.src, e);
      }
      if (key === "location") location = value;
    }
  }
  if (external) walk.found.push({ name, location, where });
}

async function walkModel(src: Bytes): Promise<ExternalTensor[]> {
  const walk: Walk = { src, found: [] };
  let graphs = 0;
  for await (const f of messages(walk, { start: 0, end: src.size }, 0)) {
    if (f.number === MODEL.graph) {
      graphs++;
      await walkGraph(walk, f, "", 1);
    } else if (f.number === MODEL.functions) await walkFunction(walk, f, 1);
    // training_info graphs are left out: onnxruntime's inference session never loads them.
  }
  if (graphs === 0) throw new Malformed(0, "it has no graph");
  return walk.found;
}

/**
 * The tensors of `modelPath` stored outside it, or undefined when every tensor is inside.
 * Throws ModelError when the file is missing or is not an ONNX protobuf (truncated, another format).
 */
export async function externalDataOf(modelPath: string): Promise<ExternalData | undefined> {
  const info = await stat(modelPath).catch(() => undefined);
  if (!info?.isFile())
    throw new ModelError(info ? `model file ${modelPath} is a folder, not an .onnx file` : `model file ${modelPath} does not exist`);
  let file: FileHandle;
  try {
    file = await open(modelPath, "r");
  } catch (err) {
    throw new ModelError(`cannot read model file ${modelPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const tensors = await walkModel(fileBytes(file, info.size));
    return tensors.length ? { tensors, files: [...new Set(tensors.map((t) => t.location))] } : undefined;
  } catch (err) {
    if (err instanceof Malformed)
      throw new ModelError(`${modelPath} is not a loadable ONNX model (${err.message}, at byte ${err.at}: truncated, or not an ONNX file)`);
    throw err;
  } finally {
    await file.close();
  }
}

function fileList(files: readonly string[]): string {
  const shown = files.slice(0, 3).map((f) => f || "a file it does not name");
  if (files.length > 3) return `${shown.join(", ")} and ${files.length - 3} more files`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown[0];
}

/** The verdict's message: what validators do with such a model, and the two usual ways to re-export it whole. */
export function externalDataMessage(modelPath: string, data: ExternalData, uploadedAs = path.basename(modelPath)): string {
  const name = JSON.stringify(path.basename(modelPath));
  const count = `${data.tensors.length} tensor${data.tensors.length === 1 ? "" : "s"}`;
  return (
    `validators would score 0: ${modelPath} keeps its weights in ${fileList(data.files)} (external data, ${count}), ` +
    `and validators download only ${uploadedAs}. Re-export with the weights inside: ` +
    `onnx.save(onnx.load(${name}), ${name}, save_as_external_data=False) (PyTorch: torch.onnx.export(..., external_data=False))`
  );
}

/**
 * Throws ValidatorVerdictError("model", "external-data") when the model keeps any tensor outside the
 * file, since validators would score it 0. `uploadedAs` is the file name on the hub, for the message.
 */
export async function checkNoExternalData(modelPath: string, uploadedAs?: string): Promise<void> {
  const data = await externalDataOf(modelPath);
  if (data) throw new ValidatorVerdictError("model", "external-data", externalDataMessage(modelPath, data, uploadedAs));
}
