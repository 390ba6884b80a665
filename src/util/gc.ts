/**
 * A collection on demand after each image. sharp hands each decoded image
 * over as an external buffer that is freed only when V8 collects its
 * wrapper; left to V8, dozens of dead 6-20 MB buffers pile up between
 * collections, glibc returns their pages to the kernel, and every decode
 * then writes into fresh pages. Page faults made decoding 2-3x slower than
 * Pillow's on CI-like VMs; a minor collection after each image (under 1 ms)
 * frees the buffer while its pages are still warm. A huge image's buffer
 * (hundreds of MB) outlives the minor collections of its long resample, so
 * only a major one frees it: without it, four 169-megapixel images left
 * 2.2 GB of dead pixels behind, whatever the decode budget.
 */
import v8 from "node:v8";
import vm from "node:vm";

type Gc = (options: { type: "minor" | "major" }) => void;

let gc: Gc | null | undefined;

/** Decoded images from this many pixels on get a major collection after them (a few ms, against seconds of decoding). */
const MAJOR_AFTER_PIXELS = 16e6;

export function collectGarbageAfter(decodedPixels: number): void {
  if (gc === undefined) {
    try {
      // The flag exposes gc() to contexts created after it is set: this one.
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as Gc;
    } catch {
      gc = null;
    }
  }
  gc?.({ type: decodedPixels >= MAJOR_AFTER_PIXELS ? "major" : "minor" });
}
