/** New ids: valid UUIDv7, unique, and strictly increasing in the order they were made. */
import { describe, expect, it } from 'vitest';
import { version } from 'uuid';
import { isUuid, newId } from '../../src/lib/ids.js';

describe('newId', () => {
  it('makes version 7 ids that sort in the order they were made, many per millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    // Thousands of ids share a millisecond here: the counter keeps them in order.
    expect([...ids].sort()).toEqual(ids);
    const millis = new Set(ids.map((id) => id.slice(0, 13)));
    expect(millis.size).toBeLessThan(ids.length);
  });

  it('stamps the time of creation in the first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const stamp = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after + 1);
  });

  it('draws fresh random bits for every id', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(1_000);
  });
});
