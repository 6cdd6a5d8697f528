/**
 * How numbers read on screen. Every rate is shown with its 95% interval and n, the way Citewatch
 * reports it: "42% (35–49%), n=120". Percentages under 10% keep one decimal so small rates do
 * not round to 0%.
 */
import type { Mean, Proportion, Share } from '../api/types.js';

/** 0.4234 → "42"; 0.042 → "4.2"; without the % sign. */
export function percentNumber(x: number): string {
  const p = x * 100;
  const text = p !== 0 && Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0);
  return text.replace(/\.0$/, '').replace(/^-0$/, '0');
}

export function percent(x: number | null): string {
  return x === null ? '—' : `${percentNumber(x)}%`;
}

/** A rate with its interval and n: "42% (35–49%), n=120". */
export function formatRate(r: Proportion | Share): string {
  if (r.value === null) return `no answers, n=${r.n}`;
  const ci = r.ci95
    ? ` (${percentNumber(r.ci95.low)}–${percentNumber(r.ci95.high)}%)`
    : ' (no interval below 2 answers)';
  return `${percent(r.value)}${ci}, n=${r.n}`;
}

/** A mean with its interval: "1.8 (1.2 to 2.4), n=12". */
export function formatMean(m: Mean, digits = 2): string {
  if (m.value === null) return `none, n=${m.n}`;
  const ci = m.ci95 ? ` (${m.ci95.low.toFixed(digits)} to ${m.ci95.high.toFixed(digits)})` : '';
  return `${m.value.toFixed(digits)}${ci}, n=${m.n}`;
}

const signed = (points: number) => `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)}`;

/** A difference of two rates in percentage points: "+25.0 pts (+7.5 to +41.2)". */
export function formatDifference(d: { value: number | null; ci95: { low: number; high: number } | null }): string {
  if (d.value === null) return '—';
  const ci = d.ci95 ? ` (${signed(d.ci95.low * 100)} to ${signed(d.ci95.high * 100)})` : '';
  return `${signed(d.value * 100)} pts${ci}`;
}

export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  if (p < 0.001) return '<0.001';
  return p < 0.01 ? p.toFixed(4) : p.toFixed(3);
}

export function formatUsd(x: number): string {
  if (x === 0) return '$0.00';
  return `$${x >= 1 ? x.toFixed(2) : x.toFixed(4)}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDuration(fromIso: string, toIso: string | null): string {
  if (!toIso) return '—';
  const s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Long prompt texts in tight places. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Ids are time-ordered UUIDs whose first digits repeat between neighbours: the last ones tell them apart. */
export function shortId(id: string): string {
  return `…${id.slice(-8)}`;
}

/**
 * What an answer says of a brand, in a list of answers: only an analysed answer names it or not;
 * a failed or waiting one says nothing of it (reports do not count it either).
 */
export function answerVerdict(
  answer: { status: string; analyzedAt: string | null; mentions: Array<{ brandId: string }> },
  brandId: string,
  brandName: string,
): string {
  if (answer.status !== 'succeeded') return answer.status;
  if (answer.analyzedAt === null) return 'waiting for analysis';
  return answer.mentions.some((m) => m.brandId === brandId) ? `names ${brandName}` : `does not name ${brandName}`;
}
