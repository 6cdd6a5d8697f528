/** Thin helpers over app.inject for tests that set up data through the public API. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export function apiClient(app: FastifyInstance, headers: Record<string, string>) {
  const send = async (method: string, url: string, payload?: unknown, expected?: number) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    if (expected !== undefined) expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(expected);
    else if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, headers: res.headers };
  };
  return {
    send,
    get: async (url: string) => (await send('GET', url)).body,
    post: async (url: string, payload: unknown) => (await send('POST', url, payload)).body,
    patch: async (url: string, payload: unknown) => (await send('PATCH', url, payload)).body,
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** An OpenAI model configuration in the workspace at `base` (tests point OPENAI_BASE_URL at a fake). */
export async function createOpenAIConfig(api: ApiClient, base: string) {
  return api.post(`${base}/model-configs`, { name: 'gpt', provider: 'openai', model: 'gpt-5.4-mini', params: {} });
}

/** A workspace with brands, tagged prompts and mock configurations, through the API. */
export async function seedWorkspace(
  api: ApiClient,
  opts: { prompts?: number; configs?: Array<Record<string, unknown>>; brands?: string[] } = {},
) {
  const ws = await api.post('/v1/workspaces', { name: 'Seeded' });
  const base = `/v1/workspaces/${ws.id}`;
  for (const name of opts.brands ?? ['HubSpot', 'Salesforce', 'Pipedrive']) await api.post(`${base}/brands`, { name });
  const prompts = [];
  for (let i = 0; i < (opts.prompts ?? 4); i++)
    prompts.push(await api.post(`${base}/prompts`, { text: `Which CRM should team #${i} pick?`, tags: ['crm'] }));
  const configs = [];
  for (const [i, params] of (opts.configs ?? [{}]).entries()) {
    configs.push(
      await api.post(`${base}/model-configs`, { name: `mock ${i}`, provider: 'mock', model: 'mock-1', params }),
    );
  }
  return { ws, base, prompts, configs };
}
