import { describe, expect, it } from 'vitest';
import { cronOf, presetOf } from '../../dashboard/src/lib/schedule-presets.js';

describe('the audit form’s schedule presets', () => {
  it('writes every day and every week at a time as cron', () => {
    expect(cronOf('daily', '06:00', '1', '')).toBe('0 6 * * *');
    expect(cronOf('weekly', '07:30', '1', '')).toBe('30 7 * * 1');
    expect(cronOf('weekly', '23:05', '0', '')).toBe('5 23 * * 0');
    expect(cronOf('manual', '06:00', '1', '0 6 * * *')).toBe('');
    expect(cronOf('custom', '06:00', '1', '0 7 * * 1-5')).toBe('0 7 * * 1-5');
  });

  it('reads a saved expression back as its preset, and anything else as custom', () => {
    expect(presetOf(null)).toMatchObject({ repeat: 'manual' });
    expect(presetOf('0 6 * * *')).toEqual({ repeat: 'daily', at: '06:00', weekday: '1' });
    expect(presetOf('30 7 * * 1')).toEqual({ repeat: 'weekly', at: '07:30', weekday: '1' });
    expect(presetOf('0 7 * * 1-5').repeat).toBe('custom');
    expect(presetOf('@daily').repeat).toBe('custom');
    expect(presetOf('99 6 * * *').repeat).toBe('custom');
    expect(presetOf('0 24 * * *').repeat).toBe('custom');
  });

  it('round-trips every preset', () => {
    for (const [repeat, at, weekday] of [
      ['daily', '00:00', '1'],
      ['weekly', '12:45', '6'],
    ] as const) {
      expect(presetOf(cronOf(repeat, at, weekday, ''))).toEqual({ repeat, at, weekday });
    }
  });
});
