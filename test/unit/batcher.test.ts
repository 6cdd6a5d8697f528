import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/lib/batcher.js';

/** A flush the test settles by hand, recording each batch it was given. */
function manualFlush() {
  const batches: number[][] = [];
  const settle: Array<() => void> = [];
  let inFlight = 0;
  let maxSeen = 0;
  const flush = (items: number[]) => {
    batches.push(items);
    inFlight += 1;
    maxSeen = Math.max(maxSeen, inFlight);
    return new Promise<number[]>((resolve) => {
      settle.push(() => {
        inFlight -= 1;
        resolve(items.map((i) => i * 10));
      });
    });
  };
  return { flush, batches, settle, maxInFlightSeen: () => maxSeen };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('flushes at maxSize and gives each caller its own result', async () => {
    const batcher = new Batcher<number, number>({
      maxSize: 3,
      maxWaitMs: 60_000,
      flush: async (items) => items.map((i) => i + 1),
    });
    await expect(Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)])).resolves.toEqual([2, 3, 4]);
  });

  it('hands a failed flush’s error to every caller of that batch', async () => {
    const batcher = new Batcher<number, number>({
      maxSize: 2,
      maxWaitMs: 60_000,
      flush: async () => {
        throw new Error('database down');
      },
    });
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('refuses a flush that returns the wrong number of results', async () => {
    const batcher = new Batcher<number, number>({ maxSize: 2, maxWaitMs: 60_000, flush: async () => [1] });
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow(/1 results for 2 items/);
  });

  describe('group commit (maxInFlight)', () => {
    it('flushes a lone item at once instead of waiting out maxWaitMs', async () => {
      const batcher = new Batcher<number, number>({
        maxSize: 100,
        maxWaitMs: 3_600_000,
        maxInFlight: 1,
        flush: async (items) => items,
      });
      await expect(batcher.add(7)).resolves.toBe(7);
    });

    it('gathers what arrives while every slot is busy into the next batch, and never exceeds the slots', async () => {
      const m = manualFlush();
      const batcher = new Batcher<number, number>({
        maxSize: 100,
        maxWaitMs: 3_600_000,
        maxInFlight: 2,
        flush: m.flush,
      });
      const first = batcher.add(1);
      await tick();
      const second = batcher.add(2);
      await tick();
      // Both slots busy: these three wait together.
      const waiting = [batcher.add(3), batcher.add(4), batcher.add(5)];
      await tick();
      expect(m.batches).toEqual([[1], [2]]);
      m.settle[0]?.();
      await expect(first).resolves.toBe(10);
      await tick();
      expect(m.batches).toEqual([[1], [2], [3, 4, 5]]);
      m.settle[1]?.();
      m.settle[2]?.();
      await expect(second).resolves.toBe(20);
      await expect(Promise.all(waiting)).resolves.toEqual([30, 40, 50]);
      expect(m.maxInFlightSeen()).toBe(2);
    });

    it('still flushes at maxSize while the slots are busy', async () => {
      const m = manualFlush();
      const batcher = new Batcher<number, number>({ maxSize: 2, maxWaitMs: 3_600_000, maxInFlight: 1, flush: m.flush });
      const all = [batcher.add(1)];
      await tick();
      all.push(batcher.add(2), batcher.add(3));
      expect(m.batches).toEqual([[1], [2, 3]]);
      for (const settle of m.settle) settle();
      await expect(Promise.all(all)).resolves.toEqual([10, 20, 30]);
    });

    it('drain waits for every batch, including those gathered behind busy slots', async () => {
      const batcher = new Batcher<number, number>({
        maxSize: 100,
        maxWaitMs: 3_600_000,
        maxInFlight: 1,
        flush: async (items) => {
          await tick();
          return items;
        },
      });
      const results = [batcher.add(1), batcher.add(2)];
      await tick();
      results.push(batcher.add(3));
      await batcher.drain();
      await expect(Promise.all(results)).resolves.toEqual([1, 2, 3]);
    });
  });
});
