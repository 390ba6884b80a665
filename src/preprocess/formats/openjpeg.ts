/**
 * OpenJPEG, the library Pillow's JPEG 2000 plugin decodes with, compiled to
 * WebAssembly by @cornerstonejs/codec-openjpeg. It is loaded on the first
 * JPEG 2000 file only: most datasets never pay for it. `webpackIgnore` keeps
 * the import() as written (as util/natives.ts does for sharp): bundled, it
 * resolves into dist/node_modules, where scripts/build-dist.mjs copies the
 * package, and the Emscripten glue finds its .wasm beside itself.
 */
import type { OpenJpegModule } from "@cornerstonejs/codec-openjpeg/decodewasmjs";

/** What the package's J2KDecoder.decode() leaves: OpenJPEG's components, clamped to 8 or 16 bits and interleaved. */
export interface OpenJpegOutput {
  readonly samples: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly components: number;
  readonly bitsPerSample: number;
}

let module: Promise<OpenJpegModule> | undefined;

function load(): Promise<OpenJpegModule> {
  return (module ??= import(/* webpackIgnore: true */ "@cornerstonejs/codec-openjpeg/decodewasmjs").then((m) =>
    // OpenJPEG's own messages go through printf: keep them out of the action's log.
    m.default({ print: () => undefined, printErr: () => undefined }),
  ));
}

/**
 * Decodes a codestream or JP2 file at full resolution, all quality layers
 * (Pillow's reduce = 0, layers = 0). Only 1- and 3-component images: the
 * package throws on other counts (see jpeg2000.ts, which never asks).
 * Undefined when OpenJPEG could not decode the data.
 */
export async function openJpegDecode(data: Uint8Array): Promise<OpenJpegOutput | undefined> {
  const openjpeg = await load();
  const decoder = new openjpeg.J2KDecoder();
  try {
    decoder.getEncodedBuffer(data.length).set(data);
    decoder.decode();
    const info = decoder.getFrameInfo();
    // Already a copy out of the module's memory, which the next decode may reuse.
    const decoded = decoder.getDecodedBuffer();
    const samples = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    if (samples.length === 0 || info.width === 0 || info.height === 0) return undefined;
    return { samples, width: info.width, height: info.height, components: info.componentCount, bitsPerSample: info.bitsPerSample };
  } catch (err) {
    // A C++ exception may leave the instance's heap inconsistent: the next file gets a new one.
    module = undefined;
    throw err;
  } finally {
    decoder.delete();
  }
}
