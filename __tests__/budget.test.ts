/**
 * The decode budget: pixels being decoded at once stay under the limit, in
 * ticket order (a large image is not passed over forever), across threads.
 */
import { Worker } from "node:worker_threads";
import { PixelBudget } from "../src/preprocess/budget.js";

const MP = 1e6;
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe("PixelBudget", () => {
  it("lets images in while they fit, and the next one once enough comes back", async () => {
    const budget = new PixelBudget(undefined, 10);
    const a = await budget.take(4 * MP);
    const b = await budget.take(5.5 * MP); // 6 units: 10 in all
    let cIn = false;
    const c = budget.take(1).then((giveBack) => ((cIn = true), giveBack));
    await tick();
    expect(cIn).toBe(false);
    a();
    a(); // a second give-back gives nothing
    await (
      await c
    )();
    expect(Atomics.load(budget.shared, 0)).toBe(6);
    b();
    expect(Atomics.load(budget.shared, 0)).toBe(0);
  });

  it("an image larger than the budget waits for all of it, and the small ones behind it wait their turn", async () => {
    const budget = new PixelBudget(undefined, 10);
    const order: string[] = [];
    const small = await budget.take(2 * MP);
    const huge = budget.take(169 * MP).then((giveBack) => (order.push("huge"), giveBack));
    const after = budget.take(1 * MP).then((giveBack) => (order.push("after"), giveBack));
    await tick();
    expect(order).toEqual([]);
    small();
    (await huge)();
    (await after)();
    expect(order).toEqual(["huge", "after"]);
  });

  it("is one budget across threads", async () => {
    const budget = new PixelBudget(undefined, 10);
    // The other thread holds 8 of the 10 megapixels for 200 ms, then gives them back as a PixelBudget does.
    const worker = new Worker(
      `const { workerData, parentPort } = require("node:worker_threads");
       Atomics.add(workerData, 0, 8);
       parentPort.postMessage("holding");
       setTimeout(() => { Atomics.sub(workerData, 0, 8); Atomics.notify(workerData, 0); }, 200);`,
      { eval: true, workerData: budget.shared },
    );
    await new Promise((resolve) => worker.once("message", resolve));
    const started = performance.now();
    const giveBack = await budget.take(5 * MP);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    giveBack();
    await worker.terminate();
  });
});
