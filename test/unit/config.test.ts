import { describe, expect, it } from 'vitest';
import { ConfigError, corsOrigins, loadEnv } from '../../src/config/env.js';
import { providerLimit } from '../../src/providers/deployment.js';

describe('configuration', () => {
  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadEnv({
        DATABASE_URL: 'mysql://x',
        PORT: 'eighty',
        REDIS_URL: 'http://localhost',
        OPENAI_RPM: '0',
        LOG_LEVEL: 'loud',
        ENCRYPTION_KEY: 'short',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/PORT: /);
    expect(problems.join('\n')).toMatch(/REDIS_URL: must be a redis:\/\//);
    expect(problems.join('\n')).toMatch(/OPENAI_RPM: /);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL: /);
    expect(problems.join('\n')).toMatch(/ENCRYPTION_KEY: must be 32 bytes/);
  });

  it('applies defaults and per-provider queue limits', () => {
    const env = loadEnv({ ANTHROPIC_RPM: '42', MOCK_CONCURRENCY: '7' });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(providerLimit(env, 'anthropic')).toEqual({ rpm: 42, concurrency: 5 });
    expect(providerLimit(env, 'mock').concurrency).toBe(7);
  });

  it('reads CORS origins', () => {
    expect(corsOrigins(loadEnv({}))).toBe(false);
    expect(corsOrigins(loadEnv({ CORS_ORIGINS: '*' }))).toBe('*');
    expect(corsOrigins(loadEnv({ CORS_ORIGINS: 'https://a.example, https://b.example' }))).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});
