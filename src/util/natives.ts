/**
 * The two native packages, loaded on first use instead of imported. ncc
 * hoists every static import of an external package to the top of
 * dist/index.js, so a static `import sharp from "sharp"` anywhere would open
 * the binaries before the bundle's entry could run the platform check
 * (util/platform.ts), and on macOS, Windows or musl the action would die on a
 * missing .node file instead of saying where it runs. `webpackIgnore` keeps
 * each import() as written: bundled, it resolves from the chunk's folder,
 * dist/, into dist/node_modules; from the sources, into the repository's
 * node_modules.
 */
import type Sharp from "sharp";
import type * as Ort from "onnxruntime-node";

export type SharpModule = typeof Sharp;
export type OrtModule = typeof Ort;

let sharp: Promise<SharpModule> | undefined;
let ort: Promise<OrtModule> | undefined;

export function loadSharp(): Promise<SharpModule> {
  return (sharp ??= import(/* webpackIgnore: true */ "sharp").then((m) => m.default));
}

/**
 * The named exports, not `default`: onnxruntime-node is CommonJS marked
 * `__esModule`, so tsx's interop leaves `default` undefined where Node and
 * jest make it `module.exports`.
 */
export function loadOrt(): Promise<OrtModule> {
  return (ort ??= import(/* webpackIgnore: true */ "onnxruntime-node"));
}
