import { inParallel } from './parallel';

describe('inParallel', () => {
  it('handles every item, at most `concurrency` at a time', async () => {
    let running = 0;
    let peak = 0;
    const handled: number[] = [];
    const all = await inParallel(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      () => true,
      async (item) => {
        running += 1;
        peak = Math.max(peak, running);
        await Promise.resolve();
        handled.push(item);
        running -= 1;
      },
    );
    expect(all).toBe(true);
    expect(handled.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('takes no new item once mayStart() says no, and says the batch was cut', async () => {
    const handled: number[] = [];
    let starts = 0;
    // the budget allows four starts: the sweep stops inside it instead of running the whole batch
    const all = await inParallel(
      [1, 2, 3, 4, 5, 6, 7, 8],
      2,
      () => starts++ < 4,
      async (item) => {
        await Promise.resolve();
        handled.push(item);
      },
    );
    expect(all).toBe(false);
    expect(handled).toHaveLength(4);
  });

  it('an empty batch is complete', async () => {
    expect(
      await inParallel(
        [],
        4,
        () => false,
        async () => undefined,
      ),
    ).toBe(true);
  });
});
