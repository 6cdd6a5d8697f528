/**
 * How the PDF writes numbers, exported so the tests can check a PDF's text against the API's
 * figures written the same way.
 */

export interface IntervalLike {
  low: number;
  high: number;
}

/** 0.4123 → "41.2%"; null → "–". */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** A difference in points: 0.052 → "+5.2 pts". */
export function points(value: number): string {
  const p = (value * 100).toFixed(1);
  return `${value > 0 ? '+' : value < 0 ? '-' : ''}${p.replace('-', '')} pts`;
}

/** "38.0–44.5%" (a 95% interval of a proportion or share); "–" without one. */
export function interval(ci: IntervalLike | null | undefined): string {
  if (!ci) return '–';
  return `${(ci.low * 100).toFixed(1)}–${(ci.high * 100).toFixed(1)}%`;
}

export function decimal(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/**
 * The standard PDF fonts (Helvetica) encode WinAnsi only: characters outside it (other scripts,
 * emoji, math signs) would print as garbage, so they are replaced by a close form or "?". Names
 * and snippets come from users and assistants, so every such text goes through this.
 */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
const REPLACEMENTS: Record<string, string> = { '−': '-', '≤': '<=', '≥': '>=', '→': '->', '×': 'x', '\u00a0': ' ' };

export function pdfText(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (code === 9 || code === 10) out += ' ';
    else if ((code >= 32 && code < 127) || (code >= 160 && code <= 255) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code < 32 || (code >= 127 && code < 160)) out += ' ';
    else out += '?';
  }
  return out;
}

/** A date of the workspace's time zone: "1 Nov 2026". */
export function day(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(instant),
  );
}

/** A period [from, to) as the dates it covers: to is exclusive, so the last day is the one before it. */
export function periodLabel(period: { from: string; to: string }, timeZone: string): string {
  return `${day(period.from, timeZone)} – ${day(new Date(Date.parse(period.to) - 1), timeZone)}`;
}
