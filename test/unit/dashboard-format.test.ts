/**
 * How the dashboard writes numbers (dashboard/src/lib/format.ts): rates always with their 95%
 * interval and n, small rates with a decimal, no answers said in words, differences in points.
 */
import { describe, expect, it } from 'vitest';
import {
  answerVerdict,
  formatDifference,
  formatPValue,
  formatRate,
  formatUsd,
  percent,
} from '../../dashboard/src/lib/format.js';

const p = (value: number | null, low: number, high: number, n: number) => ({
  numerator: 0,
  denominator: n,
  n,
  value,
  ci95: { low, high },
});

describe('dashboard number formats', () => {
  it('writes a rate as "42% (35–49%), n=120"', () => {
    expect(formatRate(p(0.4234, 0.3456, 0.4912, 120))).toBe('42% (35–49%), n=120');
    expect(formatRate(p(1, 0.7, 1, 9))).toBe('100% (70–100%), n=9');
  });

  it('keeps one decimal under 10% so small rates do not read as 0%', () => {
    expect(formatRate(p(0.042, 0.0051, 0.0987, 50))).toBe('4.2% (0.5–9.9%), n=50');
    expect(formatRate(p(0, 0, 0.24, 12))).toBe('0% (0–24%), n=12');
    expect(percent(0.05)).toBe('5%');
  });

  it('says when there is no answer or no interval', () => {
    expect(formatRate(p(null, 0, 0, 0))).toBe('no answers, n=0');
    expect(formatRate({ numerator: 1, denominator: 1, n: 1, value: 1, ci95: null })).toBe(
      '100% (no interval below 2 answers), n=1',
    );
  });

  it('writes differences in signed percentage points, p-values and costs', () => {
    expect(formatDifference({ value: -0.25, ci95: { low: -0.412, high: -0.075 } })).toBe('−25.0 pts (−41.2 to −7.5)');
    expect(formatDifference({ value: 0, ci95: null })).toBe('±0.0 pts');
    expect([formatPValue(0.0004), formatPValue(0.0052), formatPValue(0.742), formatPValue(null)]).toEqual([
      '<0.001',
      '0.0052',
      '0.742',
      '—',
    ]);
    expect([formatUsd(0), formatUsd(0.0421), formatUsd(12.5)]).toEqual(['$0.00', '$0.0421', '$12.50']);
  });

  it('says whether an answer names a brand only once it is analysed', () => {
    const answer = (status: string, analyzedAt: string | null, brandIds: string[] = []) => ({
      status,
      analyzedAt,
      mentions: brandIds.map((brandId) => ({ brandId })),
    });
    const at = '2026-06-01T12:00:00.000Z';
    expect(answerVerdict(answer('succeeded', at, ['b1']), 'b1', 'Acme')).toBe('names Acme');
    expect(answerVerdict(answer('succeeded', at, ['b2']), 'b1', 'Acme')).toBe('does not name Acme');
    expect(answerVerdict(answer('succeeded', null), 'b1', 'Acme')).toBe('waiting for analysis');
    expect(answerVerdict(answer('failed', null), 'b1', 'Acme')).toBe('failed');
    expect(answerVerdict(answer('pending', null), 'b1', 'Acme')).toBe('pending');
  });
});
