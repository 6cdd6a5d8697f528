/**
 * A thin typed client of the Citewatch REST API: openapi-fetch over the types generated from the
 * API's OpenAPI document (client/openapi.d.ts). Paths, parameters, bodies and answers are checked
 * by the compiler; at run time it is fetch and nothing more (about 6 KB, no dependencies).
 *
 *   const cw = createCitewatchClient({ baseUrl: 'https://citewatch.example.com', apiKey });
 *   const { data, error } = await cw.POST('/v1/workspaces/{workspaceId}/runs', {
 *     params: { path: { workspaceId }, header: { 'Idempotency-Key': key } },
 *     body: { auditId },
 *   });
 *
 * openapi-fetch is by the authors of openapi-typescript and made for its types: one generic
 * `paths` type drives every call, so a new route needs no client code, and a renamed field fails
 * the build of whoever uses it. Errors come back as `error` (the problem+json body), not thrown.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './openapi.js';

export type { components, operations, paths } from './openapi.js';

export interface CitewatchClientOptions {
  /** Where the API is, e.g. https://citewatch.example.com (no /v1). */
  baseUrl: string;
  /** An API key (cw_…), sent as `Authorization: Bearer`. */
  apiKey: string;
  /** Another fetch (tests, proxies); default: the global one. */
  fetch?: (request: Request) => Promise<Response>;
}

export type CitewatchClient = Client<paths>;

export function createCitewatchClient(options: CitewatchClientOptions): CitewatchClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.apiKey}` },
    // Citewatch reads lists in the query comma-separated (`providers=openai,anthropic`).
    querySerializer: { array: { style: 'form', explode: false } },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
