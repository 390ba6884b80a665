/**
 * Ordered, bounded concurrency: `fn` runs on up to `ahead` items at once and
 * results come out in input order. Memory stays at `ahead` results however
 * long the input is, which is what keeps a 10,000-image evaluation flat.
 */
export async function* mapOrdered<T, R>(items: Iterable<T>, ahead: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const iterator = items[Symbol.iterator]();
  const fill = (): void => {
    while (pending.length < ahead) {
      const next = iterator.next();
      if (next.done) return;
      const promise = fn(next.value);
      // A rejection is surfaced when its turn comes; until then it must not count as unhandled.
      promise.catch(() => {});
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const result = await (pending.shift() as Promise<R>);
    fill();
    yield result;
  }
}
