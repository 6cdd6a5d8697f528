import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/config/env.js';
import { createLogger } from '../../../src/lib/logger.js';
import { ruleFor } from '../../../src/providers/capabilities.js';
import { configHash } from '../../../src/providers/config-hash.js';
import { credentialsFromEnv } from '../../../src/providers/deployment.js';
import { getAdapter } from '../../../src/providers/registry.js';
import { ConfigValidationError } from '../../../src/providers/types.js';

function problems(provider: string, model: string, params: unknown): string[] {
  try {
    getAdapter(provider).validateConfig(model, params);
  } catch (err) {
    if (err instanceof ConfigValidationError) return err.problems.map((p) => p.param);
    throw err;
  }
  return [];
}

describe('model capability rules', () => {
  it('OpenAI reasoning models refuse sampling unless effort is "none" on gpt-5.1+', () => {
    expect(problems('openai', 'gpt-5.4-mini', { temperature: 0.2 })).toEqual(['temperature']);
    expect(problems('openai', 'gpt-5.4-mini', { temperature: 0.2, topP: 0.5, reasoningEffort: 'none' })).toEqual([]);
    expect(problems('openai', 'gpt-5.4-mini-2026-03-17', { temperature: 0.2 })).toEqual(['temperature']);
    expect(problems('openai', 'gpt-5-mini', { temperature: 0.2, reasoningEffort: 'none' })).toEqual([
      'temperature',
      'reasoningEffort',
    ]);
    expect(problems('openai', 'o3', { topP: 0.9 })).toEqual(['topP']);
    expect(problems('openai', 'gpt-5.6-terra', { temperature: 0.5, reasoningEffort: 'none' })).toEqual(['temperature']);
    expect(problems('openai', 'gpt-4.1', { temperature: 0.2, topP: 0.9 })).toEqual([]);
    expect(problems('openai', 'gpt-4.1', { reasoningEffort: 'low' })).toEqual(['reasoningEffort']);
  });

  it('OpenAI: seed only on chat, web search on chat only with search-preview models', () => {
    expect(problems('openai', 'gpt-4.1', { seed: 1 })).toEqual(['seed']);
    expect(problems('openai', 'gpt-4.1', { seed: 1, api: 'chat' })).toEqual([]);
    expect(problems('openai', 'gpt-4.1', { webSearch: true, api: 'chat' })).toEqual(['webSearch']);
    expect(problems('openai', 'gpt-4o-search-preview', { api: 'responses' })).toEqual(['api']);
    expect(problems('openai', 'gpt-4o-search-preview', { webSearch: false })).toEqual(['webSearch']);
    expect(problems('openai', 'gpt-4.1', { userLocation: { country: 'FR' } })).toEqual(['userLocation']);
    expect(problems('openai', 'gpt-4.1', { locale: 'fr-FR' })).toEqual(['locale']);
    expect(getAdapter('openai').validateConfig('gpt-4o-search-preview', {})).toEqual({ webSearch: true, api: 'chat' });
  });

  it('Anthropic refuses sampling and seed on every Claude model; effort where supported', () => {
    expect(problems('anthropic', 'claude-opus-4-8', { temperature: 1 })).toEqual(['temperature']);
    expect(problems('anthropic', 'claude-sonnet-4-5', { topP: 0.99 })).toEqual(['topP']);
    expect(problems('anthropic', 'claude-haiku-4-5', { reasoningEffort: 'low' })).toEqual(['reasoningEffort']);
    expect(problems('anthropic', 'claude-sonnet-5-5', { reasoningEffort: 'minimal' })).toEqual(['reasoningEffort']);
    expect(problems('anthropic', 'claude-sonnet-5-5', { reasoningEffort: 'max' })).toEqual([]);
    expect(getAdapter('anthropic').validateConfig('claude-sonnet-5-5', {})).toEqual({
      maxOutputTokens: 4096,
      webSearch: false,
    });
  });

  it('Gemini: levels per family, no location, 2.x has no levels; temperature allowed on 3.x', () => {
    expect(problems('gemini', 'gemini-3.8-flash', { temperature: 0.2, reasoningEffort: 'minimal', seed: 3 })).toEqual(
      [],
    );
    expect(problems('gemini', 'gemini-3.1-pro-preview', { reasoningEffort: 'medium' })).toEqual(['reasoningEffort']);
    expect(problems('gemini', 'gemini-2.5-flash', { reasoningEffort: 'low' })).toEqual(['reasoningEffort']);
    expect(problems('gemini', 'gemini-3.8-flash', { webSearch: true, userLocation: { country: 'FR' } })).toEqual([
      'userLocation',
    ]);
    expect(ruleFor('gemini', 'gemini-3.8-flash').note).toMatch(/recommends the default temperature/);
  });

  it('shape errors are listed together, unknown parameters named', () => {
    expect(
      problems('openai', 'gpt-4.1', {
        temperature: 3,
        maxOutputTokens: 0,
        colour: 'blue',
        userLocation: { country: 'fr' },
      }).sort(),
    ).toEqual(['colour', 'maxOutputTokens', 'temperature', 'userLocation.country']);
    expect(problems('openai', '', {})).toEqual(['model']);
    expect(problems('openai', 'gpt-4.1', 'hot')).toEqual(['(params)']);
  });

  it('unknown models are allowed as given and say so', () => {
    expect(problems('openai', 'gpt-7-preview', { temperature: 0.2, reasoningEffort: 'max' })).toEqual([]);
    expect(ruleFor('openai', 'gpt-7-preview')).toMatchObject({
      known: false,
      note: expect.stringMatching(/not in Citewatch's capability table/) as unknown as string,
    });
    // Claude's API version has no sampling fields whatever the model.
    expect(problems('anthropic', 'claude-future-9', { temperature: 0.2 })).toEqual(['temperature']);
  });

  it('the mock keeps its own rules', () => {
    expect(problems('mock', 'mock-1', { temperature: 0.5 })).toEqual([]);
  });
});

describe('effective parameters', () => {
  it.each([
    ['openai', 'gpt-5.4-mini', { webSearch: true, reasoningEffort: 'low', userLocation: { country: 'FR' } }],
    ['openai', 'gpt-4o-search-preview', {}],
    ['anthropic', 'claude-sonnet-5-5', { webSearch: true }],
    ['perplexity', 'pro-search', {}],
    ['gemini', 'gemini-3.8-flash', { seed: 2, temperature: 1 }],
    ['google_ai_overview', 'ai_overview', { vendor: 'dataforseo', locale: 'fr-FR' }],
    ['openai_compatible', 'grok-4.7', { baseUrl: 'https://api.x.ai/v1', webSearch: true }],
    ['mock', 'mock-1', {}],
  ] as const)(
    '%s/%s: validating the effective parameters again changes nothing (stable hash)',
    (provider, model, params) => {
      const adapter = getAdapter(provider);
      const once = adapter.validateConfig(model, params);
      expect(adapter.validateConfig(model, once)).toEqual(once);
      expect(configHash(provider, model, adapter.validateConfig(model, once))).toBe(configHash(provider, model, once));
    },
  );

  it('an unknown provider is named in the error', () => {
    expect(() => getAdapter('bing')).toThrow(/unknown provider "bing"/);
  });
});

describe('configHash', () => {
  it('ignores key order and undefined values, and changes with any effective parameter', () => {
    const a = configHash('openai', 'gpt-4.1', { temperature: 0.2, webSearch: false, api: 'responses' });
    const b = configHash('openai', 'gpt-4.1', {
      api: 'responses',
      webSearch: false,
      temperature: 0.2,
      seed: undefined,
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(configHash('openai', 'gpt-4.1', { temperature: 0.3, webSearch: false, api: 'responses' })).not.toBe(a);
    expect(configHash('openai', 'gpt-4.1-mini', { temperature: 0.2, webSearch: false, api: 'responses' })).not.toBe(a);
    expect(
      configHash('openai_compatible', 'gpt-4.1', { temperature: 0.2, webSearch: false, api: 'responses' }),
    ).not.toBe(a);
  });

  it('hashes the effective parameters, so defaults count', () => {
    const adapter = getAdapter('anthropic');
    const implicit = adapter.validateConfig('claude-sonnet-5-5', {});
    const explicit = adapter.validateConfig('claude-sonnet-5-5', { maxOutputTokens: 4096, webSearch: false });
    expect(configHash('anthropic', 'claude-sonnet-5-5', implicit)).toBe(
      configHash('anthropic', 'claude-sonnet-5-5', explicit),
    );
  });
});

describe('credentialsFromEnv', () => {
  const env = {
    OPENAI_API_KEY: 'sk-o',
    OPENAI_BASE_URL: 'https://proxy.example/v1',
    ANTHROPIC_API_KEY: 'sk-a',
    GEMINI_API_KEY: 'g',
    SERPAPI_API_KEY: 's',
    DATAFORSEO_LOGIN: 'l',
    DATAFORSEO_PASSWORD: 'p',
    DATAFORSEO_BASE_URL: 'https://dfs.example',
    OPENAI_COMPATIBLE_API_KEY: 'c',
  } as unknown as Env;

  it("reads each provider's variables and nothing else", () => {
    expect(credentialsFromEnv(env, 'openai')).toEqual({ apiKey: 'sk-o', baseUrl: 'https://proxy.example/v1' });
    expect(credentialsFromEnv(env, 'anthropic')).toEqual({ apiKey: 'sk-a' });
    expect(credentialsFromEnv(env, 'perplexity')).toEqual({});
    expect(credentialsFromEnv(env, 'gemini')).toEqual({ apiKey: 'g' });
    expect(credentialsFromEnv(env, 'google_ai_overview')).toEqual({
      apiKey: 's',
      login: 'l',
      password: 'p',
      baseUrls: { dataforseo: 'https://dfs.example' },
    });
    expect(credentialsFromEnv(env, 'openai_compatible')).toEqual({ apiKey: 'c' });
    expect(credentialsFromEnv(env, 'mock')).toEqual({});
  });
});

describe('credentials in logs', () => {
  const credentials = credentialsFromEnv(
    {
      DATAFORSEO_LOGIN: 'me@example.com',
      DATAFORSEO_PASSWORD: 'pw-secret-2',
      SERPAPI_API_KEY: 'sk-secret-1',
    } as unknown as Env,
    'google_ai_overview',
  );

  it('credentials from the environment serialise without their secrets, at any depth', () => {
    expect(credentials.password).toBe('pw-secret-2');
    expect(credentials.apiKey).toBe('sk-secret-1');
    expect(JSON.stringify({ a: { b: { credentials } } })).not.toMatch(/secret/);
    expect(inspect({ a: { credentials } }, { depth: 5 })).not.toMatch(/secret/);
  });

  it('the shared logger redacts them in a logged context', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = createLogger({ level: 'info' }, sink);
    log.info({ credentials }, 'one level');
    log.info({ ctx: { timeoutMs: 1, credentials: { apiKey: credentials.apiKey } } }, 'two levels');
    expect(out).not.toMatch(/secret/);
  });
});
