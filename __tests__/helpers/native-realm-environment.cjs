/**
 * Jest runs tests in a VM context with its own typed-array constructors, but
 * native addons (onnxruntime-node) create their output tensors in the main
 * context, and onnxruntime-common checks them with `instanceof`. Sharing the
 * main context's typed arrays makes both sides agree, as they do outside jest.
 */
const { TestEnvironment } = require("jest-environment-node");

const SHARED = [
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
];

// Set here, in the worker's own process.env (a test's process.env is a copy that native code never
// reads): tests that open an onnxruntime session in-process, to compare with the engine's, must not
// leave onnxruntime's telemetry files (.ses, mat-debug-*.log) in the temp folder either.
process.env.ORT_DISABLE_TELEMETRY = "1";

class NativeRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = NativeRealmEnvironment;
