/**
 * GET /v1/providers: every provider with whether a key is there (deployment or organization), the
 * per-model rules and every parameter a configuration may set, read from the validation schemas;
 * and model-configuration 400s that name each refused field the way every other 400 does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPerson } from '../factories/people.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let base: string;

interface Parameter {
  name: string;
  type: string;
  required: boolean;
  min?: number;
  max?: number;
  values?: string[];
  default?: unknown;
  description: string;
  fields?: Parameter[];
}
interface Provider {
  name: string;
  configured: boolean;
  keySource: string | null;
  channel: string;
  models: Array<{ id: string; sampling: string; efforts: string[] | 'any'; webSearch: string }>;
  parameters: Parameter[];
}

beforeAll(async () => {
  // The deployment has an OpenAI key and no other.
  ctx = await createTestContext({
    OPENAI_API_KEY: 'sk-test-deployment',
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  base = `/v1/workspaces/${(await api.post('/v1/workspaces', { name: 'Providers' })).id}`;
});
afterAll(async () => ctx?.close());

const providers = async (headers: Record<string, string> = tenant.headers) => {
  const res = await ctx.app.inject({ url: '/v1/providers', headers });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().providers as Provider[]).map((p) => [p.name, p]));
};
const param = (p: Provider | undefined, name: string) => p?.parameters.find((x) => x.name === name);

describe('GET /v1/providers', () => {
  it('says which providers have a key: the deployment’s, the organization’s, or none (the mock needs none)', async () => {
    let list = await providers();
    expect([...list.keys()]).toEqual([
      'openai',
      'anthropic',
      'perplexity',
      'gemini',
      'google_ai_overview',
      'assistant_app',
      'openai_compatible',
      'mock',
      'mock_app',
    ]);
    expect(list.get('openai')).toMatchObject({ configured: true, keySource: 'deployment', channel: 'api' });
    expect(list.get('assistant_app')).toMatchObject({ channel: 'app', configured: false, keySource: 'none' });
    expect(list.get('mock_app')).toMatchObject({ channel: 'app', configured: true, keySource: null });
    // The app surface offers no model parameter: only where and how the capture is made.
    expect(list.get('assistant_app')?.parameters.map((p) => p.name)).toEqual([
      'vendor',
      'webSearch',
      'locale',
      'queue',
    ]);
    expect(list.get('assistant_app')?.models.map((m) => [m.id, m.webSearch])).toEqual([
      ['chatgpt', 'yes'],
      ['gemini', 'no'],
    ]);
    expect(list.get('anthropic')).toMatchObject({ configured: false, keySource: 'none' });
    expect(list.get('mock')).toMatchObject({ configured: true, keySource: null, channel: 'mock' });
    expect(list.get('google_ai_overview')).toMatchObject({ channel: 'serp', configured: false });

    await api.send('PUT', '/v1/provider-credentials/anthropic', { apiKey: 'sk-ant-organization-key' }, 200);
    list = await providers();
    expect(list.get('anthropic')).toMatchObject({ configured: true, keySource: 'organization' });
    // The apps take a DataForSEO login and password, a Bright Data key, or both (one for each vendor).
    await api.send('PUT', '/v1/provider-credentials/assistant_app', { login: 'agency@dfs', password: 'pw-123' }, 200);
    expect((await providers()).get('assistant_app')).toMatchObject({ configured: true, keySource: 'organization' });
    const both = await api.send(
      'PUT',
      '/v1/provider-credentials/assistant_app',
      { apiKey: 'bd-organization-key-9876', login: 'agency@dfs', password: 'pw-123' },
      200,
    );
    expect(both.body.hint).toBe('…9876');
    const half = await api.send('PUT', '/v1/provider-credentials/assistant_app', { login: 'agency@dfs' }, 400);
    expect(half.body.errors.map((e: { path: string }) => e.path)).toContain('body.login');
    // Another organization does not see this one's key.
    const other = await createTenant(ctx.db);
    expect((await providers(other.headers)).get('anthropic')).toMatchObject({ configured: false, keySource: 'none' });
  });

  it('lists each parameter with its type, range, values and default, from the schemas the API validates with', async () => {
    const list = await providers();
    const openai = list.get('openai');
    expect(param(openai, 'temperature')).toMatchObject({ type: 'number', min: 0, max: 2, required: false });
    expect(param(openai, 'maxOutputTokens')).toMatchObject({ type: 'integer', min: 1, max: 1_000_000 });
    expect(param(openai, 'webSearch')).toMatchObject({ type: 'boolean', default: false });
    expect(param(openai, 'reasoningEffort')).toMatchObject({
      type: 'enum',
      values: expect.arrayContaining(['none', 'low', 'high']),
    });
    expect(param(openai, 'api')).toMatchObject({ type: 'enum', values: ['responses', 'chat'] });
    expect(param(openai, 'userLocation')?.fields?.map((f) => f.name)).toEqual([
      'country',
      'region',
      'city',
      'timezone',
    ]);
    // Parameters a provider refuses outright are not offered.
    expect(param(openai, 'locale')).toBeUndefined();
    expect(param(list.get('anthropic'), 'seed')).toBeUndefined();
    expect(param(list.get('anthropic'), 'maxOutputTokens')).toMatchObject({ default: 4096 });
    expect(param(list.get('perplexity'), 'webSearch')).toMatchObject({ default: true });
    expect(param(list.get('google_ai_overview'), 'temperature')).toBeUndefined();
    expect(param(list.get('google_ai_overview'), 'vendor')).toMatchObject({
      type: 'enum',
      values: ['serpapi', 'dataforseo'],
      default: 'serpapi',
    });
    expect(param(list.get('openai_compatible'), 'baseUrl')).toMatchObject({ type: 'string', required: true });
    expect(param(list.get('mock'), 'costUsd')).toMatchObject({ type: 'number', min: 0, max: 10, default: 0 });
    for (const p of list.values())
      for (const x of p.parameters) expect(x.description, `${p.name}.${x.name}`).not.toBe(x.name);
  });

  it('gives the per-model rules of the capability table', async () => {
    const list = await providers();
    const gpt54 = list.get('openai')?.models.find((m) => m.id === 'gpt-5.4*');
    expect(gpt54).toMatchObject({ sampling: 'with_effort_none', webSearch: 'yes' });
    expect(gpt54?.efforts).toContain('none');
    expect(list.get('mock')?.models).toEqual([]);
  });

  it('is open to every signed-in person and key, workspace-limited ones included, and to no one else', async () => {
    const read = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const client = await createPerson(ctx.app, ctx.db, {
      organizationId: tenant.organizationId,
      role: 'client',
      workspaceIds: [],
    });
    expect((await ctx.app.inject({ url: '/v1/providers', headers: read.headers })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/v1/providers', headers: client.headers })).statusCode).toBe(200);
    const anonymous = await ctx.app.inject({ url: '/v1/providers' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('model-configuration errors a form can place', () => {
  const create = (body: unknown) => api.send('POST', `${base}/model-configs`, body, 400);

  it('names each refused parameter at its path in the body, as schema errors are named', async () => {
    const refused = await create({
      name: 'x',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: { temperature: 0.2, locale: 'fr' },
    });
    expect(refused.body.code).toBe('unsupported_parameter');
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.params.locale',
      'body.params.temperature',
    ]);
    const nested = await create({
      name: 'x',
      provider: 'openai',
      model: 'gpt-4.1',
      params: { webSearch: true, userLocation: { country: 'fr' } },
    });
    expect(nested.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.params.userLocation.country']);
    const model = await create({ name: 'x', provider: 'google_ai_overview', model: 'gpt-4.1', params: {} });
    expect(model.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.model']);
    const unknown = await create({ name: 'x', provider: 'mock', model: 'mock-1', params: { colour: 'red' } });
    expect(unknown.body.errors).toEqual([{ path: 'body.params.colour', message: 'unknown parameter for mock' }]);
    const schema = await create({ name: '', provider: 'openai', model: 'gpt-4.1' });
    expect(schema.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.name']);
  });

  it('names them on update too', async () => {
    const config = await api.post(`${base}/model-configs`, {
      name: 'gpt',
      provider: 'openai',
      model: 'gpt-4.1',
      params: {},
    });
    const res = await api.send(
      'PATCH',
      `${base}/model-configs/${config.id}`,
      { model: 'gpt-5.4-mini', params: { temperature: 1 } },
      400,
    );
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.params.temperature']);
  });
});
