/**
 * A bound on the pixels being decoded at once, over every thread. A decode
 * holds the whole image in memory (3 bytes a pixel, plus the decoder's and
 * the resampler's working copies); four 169-megapixel images decoded at
 * once took 2.9 GB. Each decode first takes its pixel count from the
 * budget and gives it back when its pixels are resampled; an image larger
 * than the whole budget waits until it has the budget to itself. The count
 * lives in shared memory, so the workers share one budget.
 */

/**
 * Megapixels decoded at once, over all threads: about 450 MB of decoding at
 * ~4.5 bytes a pixel. A dermoscopy image has 2 to 12 megapixels, so only
 * unusually large images ever wait.
 */
export const DECODE_BUDGET_MEGAPIXELS = 100;

/** How long one wait lasts before looking again (a give-back always wakes the waiters; this is a safety net). */
const WAIT_MS = 1000;

/** The shared counters: megapixels taken, the next ticket, the ticket being served. */
const TAKEN = 0;
const NEXT = 1;
const SERVING = 2;

/** Taken in ticket order, so that a large image is not passed over forever by the small ones behind it. */
export class PixelBudget {
  /** Pass `shared` to another thread to share the budget. */
  constructor(
    readonly shared: Int32Array = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT)),
    readonly limit: number = DECODE_BUDGET_MEGAPIXELS,
  ) {}

  /** Waits until `pixels` fit (all of the budget, for an image larger than it); resolves to the function that gives them back. */
  async take(pixels: number): Promise<() => void> {
    const units = Math.min(this.limit, Math.max(1, Math.ceil(pixels / 1e6)));
    const ticket = Atomics.add(this.shared, NEXT, 1);
    for (;;) {
      const serving = Atomics.load(this.shared, SERVING);
      const taken = Atomics.load(this.shared, TAKEN);
      if (serving === ticket && taken + units <= this.limit) break;
      // The head waits for pixels to come back, the others for their turn.
      const [index, seen] = serving === ticket ? [TAKEN, taken] : [SERVING, serving];
      const waited = Atomics.waitAsync(this.shared, index, seen, WAIT_MS);
      if (waited.async) await waited.value;
    }
    Atomics.add(this.shared, TAKEN, units);
    Atomics.add(this.shared, SERVING, 1);
    Atomics.notify(this.shared, SERVING);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      Atomics.sub(this.shared, TAKEN, units);
      Atomics.notify(this.shared, TAKEN);
    };
  }
}
