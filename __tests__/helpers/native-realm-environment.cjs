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

class NativeRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = NativeRealmEnvironment;
