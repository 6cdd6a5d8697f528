/**
 * DataForSEO captures of Google AI Overviews (organic live/advanced with load_async_ai_overview)
 * and AI Mode (ai_mode live/advanced). The envelope can be HTTP 200 with a failed task, so the
 * task's status_code is checked: its first three digits read as an HTTP status (40501 → 405,
 * 50000 → 500) [mem, DataForSEO's documented code scheme], which the shared classifier decides on.
 */
import { missingCredential } from './errors.js';
import { ZERO_USAGE, dedupeBy, isRecord, num, records, str } from './text.js';
import type { ParsedAnswer, ProviderCitation, ProviderName, ProviderSource, QueryContext } from './types.js';

export const DATAFORSEO_OK = 20000;

/**
 * Where a DataForSEO call goes and how it signs in: DATAFORSEO_BASE_URL (tests point it at a
 * local server) or the vendor's API, and HTTP Basic with the login and password.
 */
export function dataForSeoEndpoint(
  provider: ProviderName,
  credentials: QueryContext['credentials'],
): { base: string; headers: Record<string, string> } {
  const { login, password } = credentials;
  if (!login || !password) throw missingCredential(provider, 'DATAFORSEO_LOGIN / DATAFORSEO_PASSWORD');
  return {
    base: (credentials.baseUrls?.['dataforseo'] ?? 'https://api.dataforseo.com').replace(/\/$/, ''),
    headers: {
      authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
  };
}

/**
 * Country location codes are Google Ads geo target ids, 2000 + ISO 3166-1 numeric (US 2840,
 * FR 2250). Countries outside this list are refused at validation rather than guessed.
 */
const ISO_NUMERIC: Record<string, number> = {
  US: 840,
  GB: 826,
  FR: 250,
  DE: 276,
  ES: 724,
  IT: 380,
  NL: 528,
  BE: 56,
  CH: 756,
  AT: 40,
  IE: 372,
  PT: 620,
  SE: 752,
  NO: 578,
  DK: 208,
  FI: 246,
  PL: 616,
  CZ: 203,
  CA: 124,
  MX: 484,
  BR: 76,
  AR: 32,
  AU: 36,
  NZ: 554,
  IN: 356,
  JP: 392,
  KR: 410,
  SG: 702,
  ZA: 710,
  AE: 784,
  IL: 376,
  TR: 792,
};

export function dataForSeoLocationCode(country: string): number | null {
  const numeric = ISO_NUMERIC[country.toUpperCase()];
  return numeric === undefined ? null : 2000 + numeric;
}

export function isDataForSeoBody(raw: unknown): raw is Record<string, unknown> {
  return isRecord(raw) && Array.isArray(raw['tasks']) && typeof raw['status_code'] === 'number';
}

/** The failing status code and message of an envelope or its first task, or null when both are OK. */
export function dataForSeoFailure(body: Record<string, unknown>): { code: number; message: string } | null {
  const task = records(body['tasks'])[0];
  for (const level of [body, task]) {
    if (!level) continue;
    const code = num(level['status_code']);
    if (code !== DATAFORSEO_OK) return { code, message: str(level['status_message']) ?? `status ${code}` };
  }
  return task ? null : { code: 50000, message: 'no task in the response' };
}

/**
 * Finds an element's plain text in the vendor's markdown, ignoring emphasis markers (the
 * markdown has "**HubSpot**" where the element text has "HubSpot"). Returns markdown indices.
 */
function locate(text: string, fragment: string | null, from: number): { start: number; end: number } | null {
  if (!fragment) return null;
  const exact = text.indexOf(fragment, from);
  if (exact >= 0) return { start: exact, end: exact + fragment.length };
  const kept: number[] = [];
  let plain = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '*' || ch === '_') continue;
    kept.push(i);
    plain += ch;
  }
  const at = plain.indexOf(fragment.replace(/[*_]/g, ''));
  if (at < 0 || fragment.length === 0) return null;
  const last = kept[at + fragment.replace(/[*_]/g, '').length - 1] as number;
  return { start: kept[at] as number, end: last + 1 };
}

export function parseDataForSeo(raw: unknown): ParsedAnswer {
  if (!isDataForSeoBody(raw)) throw new Error('not a DataForSEO body (expected "status_code" and "tasks")');
  const failure = dataForSeoFailure(raw);
  if (failure) throw new Error(`DataForSEO task failed: ${failure.code} ${failure.message}`);
  const task = records(raw['tasks'])[0] ?? {};
  const result = records(task['result'])[0] ?? {};
  const overview = records(result['items']).find((item) => item['type'] === 'ai_overview');
  const cost = typeof raw['cost'] === 'number' ? raw['cost'] : typeof task['cost'] === 'number' ? task['cost'] : null;
  const base: ParsedAnswer = {
    text: '',
    citations: [],
    sources: [],
    searchQueries: [],
    usage: { ...ZERO_USAGE, searchCalls: 1 },
    finish: 'absent',
    modelVersion: null,
    providerCostUsd: cost,
  };
  if (!overview) return base;

  const elements = records(overview['items']);
  // The vendor's markdown is what the page shows; element texts are located in it for offsets.
  const rendered = elements.map((e) => [str(e['title']), str(e['text'])].filter(Boolean).join('\n')).join('\n\n');
  const text = str(overview['markdown']) ?? rendered;
  const citations: ProviderCitation[] = [];
  let cursor = 0;
  for (const element of elements) {
    const span = locate(text, str(element['text']), cursor);
    if (span) cursor = span.end;
    for (const ref of records(element['references'])) {
      const url = str(ref['url']);
      if (!url) continue;
      citations.push({
        url,
        title: str(ref['title']),
        start: span?.start ?? null,
        end: span?.end ?? null,
        citedText: str(ref['text']),
        origin: 'reference',
      });
    }
  }
  const sources: ProviderSource[] = records(overview['references']).flatMap((r) =>
    str(r['url']) ? [{ url: r['url'] as string, title: str(r['title']) ?? str(r['source']) }] : [],
  );
  return {
    ...base,
    text,
    citations,
    sources: dedupeBy(sources, (s) => s.url),
    finish: text.trim() === '' ? 'absent' : 'stop',
  };
}

/** Polling states of a posted task (task_get before the result is ready) [docs: appendix/errors]. */
export const DATAFORSEO_TASK_CREATED = 20100;
export const DATAFORSEO_TASK_PENDING: ReadonlySet<number> = new Set([40601, 40602]);

/**
 * The HTTP status a DataForSEO status code stands for, for the shared classifier. The code's
 * first three digits read as one (40100 → 401, 40200 → 402, 50000 → 500), except where the
 * vendor's code says more [docs: appendix/errors; mem for the limit codes]:
 * - 40202 and 40209: request-rate and simultaneous-request limits, so 429 (wait, then retry);
 * - 40101: the assistant or engine failed behind the vendor, so 503 (retry with backoff).
 */
export function dataForSeoStatus(code: number): number {
  if (code === 40202 || code === 40209) return 429;
  if (code === 40101) return 503;
  if (code >= 50000) return 500;
  return Math.floor(code / 100);
}
