/**
 * Over HTTP, a parameter the model would reject is refused when the configuration is saved, with
 * a 400 naming the parameter and why; it is never silently dropped or saved to fail at run time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../factories/index.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let api: ApiClient;
let base: string;

beforeAll(async () => {
  ctx = await createTestContext();
  api = apiClient(ctx.app, (await createTenant(ctx.db)).headers);
  base = `/v1/workspaces/${(await api.post('/v1/workspaces', { name: 'Params' })).id}`;
});
afterAll(async () => {
  await ctx?.close();
});

async function refused(provider: string, model: string, params: Record<string, unknown>) {
  const res = await api.send(
    'POST',
    `${base}/model-configs`,
    { name: `${provider} ${model}`, provider, model, params },
    400,
  );
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.body as { code: string; detail: string; errors: Array<{ path: string; message: string }> };
}

describe('model configuration parameters the model rejects', () => {
  it('temperature on an OpenAI reasoning model is a 400 naming temperature and how to make it valid', async () => {
    const body = await refused('openai', 'gpt-5.4-mini', { temperature: 0.2 });
    expect(body.code).toBe('unsupported_parameter');
    expect(body.detail).toContain('openai');
    expect(body.errors.map((e) => e.path)).toEqual(['body.params.temperature']);
    expect(body.errors[0]!.message).toMatch(/reasoning effort "none"|reasoningEffort "none"/);
  });

  it('temperature and topP on a current Claude model are a 400 naming each one', async () => {
    const body = await refused('anthropic', 'claude-sonnet-5-5', { temperature: 0.5, topP: 0.8 });
    expect(body.code).toBe('unsupported_parameter');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['body.params.temperature', 'body.params.topP']);
    for (const e of body.errors) expect(e.message.length).toBeGreaterThan(20);
  });

  it("an app surface refuses every model parameter, and Gemini app's search switch, each with its reason", async () => {
    const body = await refused('assistant_app', 'chatgpt', {
      temperature: 0.2,
      seed: 7,
      systemPrompt: 'Answer briefly',
    });
    expect(body.errors.map((e) => e.path).sort()).toEqual([
      'body.params.seed',
      'body.params.systemPrompt',
      'body.params.temperature',
    ]);
    for (const e of body.errors) expect(e.message).toMatch(/captured from the consumer app as a person sees it/);
    const gemini = await refused('assistant_app', 'gemini', { webSearch: true });
    expect(gemini.errors.map((e) => [e.path, e.message])).toEqual([
      ['body.params.webSearch', expect.stringMatching(/Gemini app, which decides for itself whether to search/)],
    ]);
    // Bright Data captures the ChatGPT app only: the Gemini app through it is refused when saved.
    const vendor = await refused('assistant_app', 'gemini', { vendor: 'brightdata' });
    expect(vendor.errors.map((e) => [e.path, e.message])).toEqual([
      [
        'body.params.vendor',
        expect.stringMatching(/^Bright Data captures only "chatgpt".*use vendor "dataforseo" for gemini$/),
      ],
    ]);
  });

  it('nothing refused is saved, and the same parameters pass where the model takes them', async () => {
    const list = await api.get(`${base}/model-configs`);
    expect(list.data).toEqual([]);
    const ok = await api.send(
      'POST',
      `${base}/model-configs`,
      { name: 'gpt-4.1 warm', provider: 'openai', model: 'gpt-4.1', params: { temperature: 0.2 } },
      201,
    );
    expect(ok.body.params).toMatchObject({ temperature: 0.2 });
    const none = await api.send(
      'POST',
      `${base}/model-configs`,
      {
        name: 'gpt-5.4 none',
        provider: 'openai',
        model: 'gpt-5.4',
        params: { temperature: 0.2, reasoningEffort: 'none' },
      },
      201,
    );
    expect(none.body.params).toMatchObject({ temperature: 0.2, reasoningEffort: 'none' });
    const app = await api.send(
      'POST',
      `${base}/model-configs`,
      { name: 'ChatGPT app, France', provider: 'assistant_app', model: 'chatgpt', params: { locale: 'fr-FR' } },
      201,
    );
    expect(app.body).toMatchObject({
      channel: 'app',
      params: { vendor: 'dataforseo', webSearch: false, locale: 'fr-FR', queue: 'live' },
    });
  });
});

describe('persona, location and language', () => {
  let wsBase: string;
  beforeAll(async () => {
    wsBase = `/v1/workspaces/${(await api.post('/v1/workspaces', { name: 'Targeting' })).id}`;
  });

  it('a persona on a search page or a captured app is a 400 naming persona and why, and nothing is saved', async () => {
    for (const [provider, model] of [
      ['google_ai_overview', 'ai_overview'],
      ['assistant_app', 'chatgpt'],
      ['mock_app', 'chatgpt'],
    ] as const) {
      const res = await api.send(
        'POST',
        `${wsBase}/model-configs`,
        { name: provider, provider, model, params: { persona: 'CFO of a retailer' } },
        400,
      );
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.body as { code: string; errors: Array<{ path: string; message: string }> };
      expect(body.code).toBe('unsupported_parameter');
      expect(body.errors).toEqual([
        {
          path: 'body.params.persona',
          message: expect.stringMatching(/takes no system prompt, so there is nowhere to say who is asking/),
        },
      ]);
    }
    expect((await api.get(`${wsBase}/model-configs`)).data).toEqual([]);
  });

  it('answers the effective location, language and persona, read only, in the item and the list', async () => {
    const openai = await api.send(
      'POST',
      `${wsBase}/model-configs`,
      {
        name: 'GPT, Lyon IT manager',
        provider: 'openai',
        model: 'gpt-4.1',
        params: { webSearch: true, userLocation: { country: 'FR', city: 'Lyon' }, persona: '  IT manager in Lyon ' },
      },
      201,
    );
    expect(openai.body).toMatchObject({
      location: { country: 'FR', region: null, city: 'Lyon' },
      language: null,
      persona: 'IT manager in Lyon',
      params: { persona: 'IT manager in Lyon' },
    });
    const app = await api.send(
      'POST',
      `${wsBase}/model-configs`,
      { name: 'ChatGPT app, Germany', provider: 'assistant_app', model: 'chatgpt', params: { locale: 'de-DE' } },
      201,
    );
    expect(app.body).toMatchObject({
      location: { country: 'DE', region: null, city: null },
      language: 'de',
      persona: null,
    });
    const list = await api.get(`${wsBase}/model-configs`);
    expect(
      list.data.map((c: Record<string, unknown>) => [c['name'], c['location'], c['language'], c['persona']]),
    ).toEqual([
      ['GPT, Lyon IT manager', { country: 'FR', region: null, city: 'Lyon' }, null, 'IT manager in Lyon'],
      ['ChatGPT app, Germany', { country: 'DE', region: null, city: null }, 'de', null],
    ]);
    // Derived fields are not parameters: a client sending them back is told so.
    const res = await api.send('PATCH', `${wsBase}/model-configs/${app.body.id}`, { language: 'fr' }, 400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
