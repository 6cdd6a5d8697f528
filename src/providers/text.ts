/**
 * Text and offset helpers shared by the parsers. Citewatch stores every citation offset as a
 * JavaScript (UTF-16) string index into the answer text; providers count in UTF-8 bytes (Gemini)
 * or in characters of a Python string, i.e. code points (OpenAI, Perplexity). Converting here
 * keeps the analysis layer free of provider quirks.
 */
import type { Usage } from './types.js';

export const ZERO_USAGE: Usage = {
  inputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  cachedInputTokens: 0,
  searchCalls: 0,
};

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** UTF-16 index of a UTF-8 byte offset in `text`; null when the offset is past the end or splits a character. */
export function utf8ByteToUtf16(text: string, byteOffset: number): number | null {
  if (byteOffset < 0) return null;
  let bytes = 0;
  let index = 0;
  while (bytes < byteOffset) {
    if (index >= text.length) return null;
    const cp = text.codePointAt(index) as number;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    index += cp >= 0x10000 ? 2 : 1;
  }
  return bytes === byteOffset ? index : null;
}

/** UTF-16 index of a code-point offset in `text`; null when past the end. */
export function codePointToUtf16(text: string, offset: number): number | null {
  if (offset < 0) return null;
  let index = 0;
  for (let seen = 0; seen < offset; seen++) {
    if (index >= text.length) return null;
    index += (text.codePointAt(index) as number) >= 0x10000 ? 2 : 1;
  }
  return index;
}

/**
 * Resolves a provider "character" span to UTF-16 indices. Whether OpenAI and Perplexity count
 * UTF-16 units or code points is unconfirmed (they differ only after an emoji or another astral
 * character), so when both readings are possible the one whose slice contains `probe` (the cited
 * URL, which the span usually covers) wins; otherwise code points, since both APIs are served by
 * Python, whose string indices are code points. Null when neither reading fits the text.
 */
export function resolveCharSpan(
  text: string,
  start: number,
  end: number,
  probe: string | null,
): { start: number; end: number } | null {
  const fits = (s: number | null, e: number | null): s is number =>
    s !== null && e !== null && s <= e && e <= text.length;
  const units = fits(start, end) ? { start, end } : null;
  const cpStart = codePointToUtf16(text, start);
  const cpEnd = codePointToUtf16(text, end);
  const points = fits(cpStart, cpEnd) ? { start: cpStart, end: cpEnd as number } : null;
  if (!units || !points) return points ?? units;
  if (units.start === points.start && units.end === points.end) return units;
  const contains = (span: { start: number; end: number }) =>
    probe !== null && text.slice(span.start, span.end).includes(probe);
  if (contains(units) && !contains(points)) return units;
  return points;
}

export interface Stripped {
  text: string;
  /** Maps an index of the original text to the stripped text (indices inside removed parts move to the cut). */
  map: (index: number) => number;
}

/**
 * Removes reasoning that some models write into the answer itself (`<think>…</think>` from
 * DeepSeek and Perplexity reasoning models). An unclosed <think> at the start swallows
 * everything, as the model never reached its answer.
 */
export function stripThinking(text: string): Stripped {
  const cuts: Array<[number, number]> = [];
  const pattern = /<think>[\s\S]*?(?:<\/think>|$)\s*/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    cuts.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  if (cuts.length === 0) return { text, map: (i) => i };
  let out = '';
  let from = 0;
  for (const [s, e] of cuts) {
    out += text.slice(from, s);
    from = e;
  }
  out += text.slice(from);
  const map = (index: number) => {
    let removed = 0;
    for (const [s, e] of cuts) {
      if (index >= e) removed += e - s;
      else if (index > s) return s - removed;
    }
    return index - removed;
  };
  return { text: out, map };
}

/** `[1]`, `[2][3]`, `[1, 4]` markers as legacy Sonar writes them, with their UTF-16 spans. */
export function citationMarkers(text: string): Array<{ n: number; start: number; end: number }> {
  const found: Array<{ n: number; start: number; end: number }> = [];
  const pattern = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?!\()/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    for (const part of (m[1] as string).split(','))
      found.push({ n: Number(part.trim()), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Whether a grounding chunk title is a bare host name ("hubspot.com", "www.g2.com") rather than a page title. */
export function looksLikeHost(title: string): boolean {
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(title.trim());
}

export function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
