/**
 * Plain-fetch calls to the SERP vendors (SerpApi, DataForSEO). Neither SDK earns its place:
 * SerpApi's returns untyped JSON, and dataforseo-client's generated classes would still need the
 * tolerant parsing of serpapi.ts/dataforseo.ts, since vendors add and rename fields as Google's
 * page changes. Each request goes through this helper for status classification and JSON checks;
 * the caller wraps it in withDeadline.
 */
import { mapCommonError, parseJsonBody, unexpectedError } from './call.js';
import { classifyHttpFailure } from './errors.js';
import { isRecord, str } from './text.js';
import { ProviderError, type ProviderName } from './types.js';

export interface SerpResponse {
  body: unknown;
  headers: Headers;
}

/** The message a vendor puts in an error body: SerpApi {error}, DataForSEO {status_message}. */
function vendorMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  return (
    str(body['error']) ??
    str(body['status_message']) ??
    (isRecord(body['error']) ? str(body['error']['message']) : null)
  );
}

export async function serpRequest(
  provider: ProviderName,
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
): Promise<SerpResponse> {
  const response = await fetchFn(url, { ...init, signal });
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // An HTML error page from a proxy: the status alone decides.
    }
    throw classifyHttpFailure(provider, {
      status: response.status,
      headers: response.headers,
      message: scrub(vendorMessage(body) ?? text.slice(0, 300)),
    });
  }
  return { body: parseJsonBody(provider, text, null), headers: response.headers };
}

/** SerpApi takes its key in the query string: no error message may carry a URL with it. */
function scrub(text: string): string {
  return text.replace(/(api_key=)[^&\s"']+/gi, '$1[redacted]');
}

export function mapSerpError(provider: ProviderName, err: unknown): ProviderError {
  const mapped = mapCommonError(provider, err) ?? unexpectedError(provider, err);
  const clean = scrub(mapped.message);
  if (clean === mapped.message) return mapped;
  return new ProviderError(mapped.kind, clean, mapped.details);
}

/** Language and country for a SERP request: explicit parameters first, then the prompt's locale. */
export function serpLocale(locale: string, country: string | undefined): { language: string; country: string | null } {
  const [language, ...rest] = locale.split('-');
  const region = rest.find((part) => /^[A-Z]{2}$/.test(part)) ?? null;
  return { language: (language ?? 'en').toLowerCase(), country: country ?? region };
}
