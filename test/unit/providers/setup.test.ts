/**
 * A provider's environment variables, key, queue limits and organization keys are declared once,
 * as data in src/providers/settings.ts, and everything else is derived. These tests add a provider
 * ("acme") the way a contributor would, through the same derivation the configuration uses, and
 * check the registered providers are wired only that way.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envSchema, loadEnv } from '../../../src/config/env.js';
import { optionalSecret, optionalUrl } from '../../../src/config/settings.js';
import { providerParam } from '../../../src/modules/provider-credentials/provider-credentials.schemas.js';
import {
  credentialsFrom,
  credentialsFromEnv,
  limitsFrom,
  providerEnvShape,
  providerLimit,
} from '../../../src/providers/deployment.js';
import { adapterList, getAdapter, hasAdapter } from '../../../src/providers/registry.js';
import {
  namedSetups,
  organizationKeyProviders,
  providerNames,
  providerSettings,
} from '../../../src/providers/settings.js';
import { defineSetup, type NamedSetup } from '../../../src/providers/setup.js';

/** What an "acme" entry of src/providers/settings.ts would declare. */
const acme: NamedSetup = {
  name: 'acme',
  setup: defineSetup({
    env: { ACME_API_KEY: optionalSecret, ACME_BASE_URL: optionalUrl },
    credentials: (env) => ({ apiKey: env.ACME_API_KEY, baseUrl: env.ACME_BASE_URL }),
    keyVariable: 'ACME_API_KEY',
    organizationKeys: true,
    limits: { rpm: 90, concurrency: 3 },
  }),
};

/** The deployment's configuration schema if the registry listed acme: what env.ts builds. */
const schemaWithAcme = z.object(providerEnvShape([...namedSetups(), acme]));

describe('a new provider declared in the settings table', () => {
  it('gets its variables validated with the rest of the configuration, and its limit variables', () => {
    const env = schemaWithAcme.parse({ ACME_API_KEY: 'ak-1', ACME_RPM: '120' });
    expect(env.ACME_API_KEY).toBe('ak-1');
    expect(limitsFrom(env, acme)).toEqual({ rpm: 120, concurrency: 3 });
    expect(limitsFrom(schemaWithAcme.parse({}), acme)).toEqual({ rpm: 90, concurrency: 3 });

    const bad = schemaWithAcme.safeParse({ ACME_BASE_URL: 'not a url', ACME_CONCURRENCY: '0' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['ACME_BASE_URL', 'ACME_CONCURRENCY']);
  });

  it('gets its credentials from its own variables only, sealed against logging', () => {
    const env = schemaWithAcme.parse({
      ACME_API_KEY: 'ak-secret',
      ACME_BASE_URL: 'https://acme.example/v1',
      OPENAI_API_KEY: 'sk-other',
    });
    const creds = credentialsFrom(env, acme);
    expect(creds).toEqual({ apiKey: 'ak-secret', baseUrl: 'https://acme.example/v1' });
    expect(JSON.stringify(creds)).not.toContain('ak-secret');
    expect(inspect(creds)).not.toContain('ak-secret');
  });

  it('cannot take a variable another provider declares', () => {
    const thief: NamedSetup = { name: 'thief', setup: { ...acme.setup, env: { OPENAI_API_KEY: optionalSecret } } };
    expect(() => providerEnvShape([...namedSetups(), thief])).toThrow(
      'providers "openai" and "thief" both declare the environment variable OPENAI_API_KEY',
    );
  });
});

describe('the registered providers', () => {
  it('each have their variables and limit variables in the configuration schema', () => {
    const keys = Object.keys(envSchema.shape);
    for (const adapter of adapterList()) {
      for (const variable of Object.keys(adapter.setup.env)) expect(keys).toContain(variable);
      const upper = adapter.name.toUpperCase();
      expect(keys).toEqual(expect.arrayContaining([`${upper}_RPM`, `${upper}_CONCURRENCY`]));
      expect(providerLimit(loadEnv({}), adapter.name)).toEqual(adapter.setup.limits);
      if (adapter.setup.keyVariable) expect(keys).toContain(adapter.setup.keyVariable);
    }
  });

  it('each have an adapter that uses their settings entry, and no adapter without settings', () => {
    expect(adapterList().map((a) => a.name)).toEqual(providerNames());
    for (const adapter of adapterList()) expect(adapter.setup).toBe(providerSettings[adapter.name]);
  });

  it('take organization keys as their setup says, and the API accepts exactly those', () => {
    expect(organizationKeyProviders()).toEqual(providerNames().filter((n) => n !== 'mock' && n !== 'mock_app'));
    for (const name of providerNames()) {
      expect(providerParam.safeParse({ provider: name }).success).toBe(getAdapter(name).setup.organizationKeys);
    }
  });

  it('read credentials through their setup', () => {
    const env = loadEnv({ PERPLEXITY_API_KEY: 'pk', PERPLEXITY_BASE_URL: 'https://pplx.example/v1' });
    expect(credentialsFromEnv(env, 'perplexity')).toEqual({ apiKey: 'pk', baseUrl: 'https://pplx.example/v1' });
    expect(credentialsFromEnv(env, 'openai')).toEqual({});
  });

  it('share one DataForSEO login between the providers captured through it', () => {
    const env = loadEnv({
      DATAFORSEO_LOGIN: 'dfs',
      DATAFORSEO_PASSWORD: 'secret',
      DATAFORSEO_BASE_URL: 'https://dfs.example',
    });
    expect(credentialsFromEnv(env, 'assistant_app')).toEqual({
      login: 'dfs',
      password: 'secret',
      baseUrls: { dataforseo: 'https://dfs.example' },
    });
    expect(credentialsFromEnv(env, 'google_ai_overview')).toMatchObject({ login: 'dfs', password: 'secret' });
    expect(inspect(credentialsFromEnv(env, 'assistant_app'))).not.toContain('secret');
    expect(credentialsFromEnv(loadEnv({}), 'assistant_app')).toEqual({});
  });

  it('are the only names the registry knows, and WORKER_PROVIDERS is checked against them', () => {
    expect(hasAdapter('toString')).toBe(false);
    expect(() => getAdapter('acme')).toThrow(/unknown provider "acme" \(known: openai, anthropic/);
    expect(loadEnv({ WORKER_PROVIDERS: 'openai, mock' }).WORKER_PROVIDERS).toBe('openai, mock');
    expect(() => loadEnv({ WORKER_PROVIDERS: 'openai,opneai' })).toThrow(
      /WORKER_PROVIDERS: must be "all" or a comma-separated list of: openai, anthropic/,
    );
  });
});
