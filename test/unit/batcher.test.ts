/** Batcher: items from concurrent callers leave together, each caller getting its own result. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from '../../src/lib/batcher.js';

/** A flush that holds each batch until released, recording the batches it saw. */
function heldFlush() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const flush = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => releases.push(() => resolve(items.map((x) => x * 10))));
  };
  return { batches, releases, flush };
}

/** Lets pending promise callbacks run, and fake time pass. */
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('Batcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('with maxInFlight, gathers items arriving during a flush into the next batch', async () => {
    const held = heldFlush();
    const batcher = new Batcher<number, number>({ maxSize: 3, maxWaitMs: 1, maxInFlight: 1, flush: held.flush });
    const first = [1, 2, 3].map((x) => batcher.add(x));
    await settle();
    expect(held.batches).toEqual([[1, 2, 3]]);
    // Over the size and past the wait, yet nothing leaves while the first batch is being processed.
    const later = [4, 5, 6, 7].map((x) => batcher.add(x));
    await settle(20);
    expect(held.batches).toEqual([[1, 2, 3]]);
    held.releases[0]?.();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await settle();
    // The waiting items leave when the first batch is done, in batches of at most maxSize.
    expect(held.batches).toEqual([[1, 2, 3], [4, 5, 6]]);
    held.releases[1]?.();
    await settle();
    expect(held.batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    held.releases[2]?.();
    expect(await Promise.all(later)).toEqual([40, 50, 60, 70]);
  });

  it('without a limit, flushes each full batch at once', async () => {
    const held = heldFlush();
    const batcher = new Batcher<number, number>({ maxSize: 2, maxWaitMs: 1_000, flush: held.flush });
    const all = [1, 2, 3, 4].map((x) => batcher.add(x));
    await settle();
    expect(held.batches).toEqual([[1, 2], [3, 4]]);
    held.releases.forEach((release) => release());
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40]);
  });

  it('drains everything queued, over the limit, at shutdown', async () => {
    const seen: number[][] = [];
    const batcher = new Batcher<number, number>({
      maxSize: 2,
      maxWaitMs: 1_000,
      maxInFlight: 1,
      flush: async (items) => {
        seen.push(items);
        return items;
      },
    });
    const all = [1, 2, 3, 4, 5].map((x) => batcher.add(x));
    await batcher.drain();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.flat()).toEqual([1, 2, 3, 4, 5]);
  });
});
