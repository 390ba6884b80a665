/**
 * A young-generation collection on demand. sharp hands each decoded image
 * over as an external buffer that is freed only when V8 collects its
 * wrapper; left to V8, dozens of dead 6-20 MB buffers pile up between
 * collections, glibc returns their pages to the kernel, and every decode
 * then writes into fresh pages. Page faults made decoding 2-3x slower than
 * Pillow's on CI-like VMs; a minor collection after each image (under 1 ms)
 * frees the buffer while its pages are still warm.
 */
import v8 from "node:v8";
import vm from "node:vm";

type Gc = (options: { type: "minor" | "major" }) => void;

let gc: Gc | null | undefined;

export function collectYoungGarbage(): void {
  if (gc === undefined) {
    try {
      // The flag exposes gc() to contexts created after it is set: this one.
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as Gc;
    } catch {
      gc = null;
    }
  }
  gc?.({ type: "minor" });
}
