/**
 * A rate as Citewatch shows it everywhere: value, 95% interval and n in words
 * ("42% (35–49%), n=120"), with a small bar drawing the interval for the eye (hidden from screen
 * readers, which read the words).
 */
import type { Proportion, Share } from '../api/types.js';
import { formatRate } from '../lib/format.js';

export function Rate({ value, testId, bar = true }: { value: Proportion | Share; testId?: string; bar?: boolean }) {
  return (
    <span class="rate">
      <span class="rate-text" data-testid={testId}>
        {formatRate(value)}
      </span>
      {bar && value.value !== null && (
        <IntervalBar value={value.value} low={value.ci95?.low ?? null} high={value.ci95?.high ?? null} />
      )}
    </span>
  );
}

const pct = (x: number) => `${Math.max(0, Math.min(1, x)) * 100}%`;

export function IntervalBar({ value, low, high }: { value: number; low: number | null; high: number | null }) {
  return (
    <span class="interval-bar" aria-hidden="true">
      {low !== null && high !== null && (
        <span class="interval-range" style={{ left: pct(low), width: pct(high - low) }} />
      )}
      <span class="interval-point" style={{ left: pct(value) }} />
    </span>
  );
}
