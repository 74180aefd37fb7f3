/**
 * Runs `work` over `items`, `concurrency` at a time, taking a new item only while `mayStart()` holds:
 * a slow batch stops inside the time budget instead of running past the function's timeout. Returns
 * whether every item was handled (the rest still match the pass's query: the next run's).
 */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  mayStart: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<boolean> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && mayStart()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return next >= items.length;
}
