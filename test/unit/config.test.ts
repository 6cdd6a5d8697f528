import { describe, expect, it } from 'vitest';
import { ConfigError, corsOrigins, loadEnv, trustProxySetting } from '../../src/config/env.js';
import { parseMailFrom, parseSmtpUrl } from '../../src/config/mail.js';
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

  it('reads the proxies to believe, and refuses a value it cannot read, saying what it takes', () => {
    expect(trustProxySetting(loadEnv({}))).toBe(false);
    expect(trustProxySetting(loadEnv({ TRUST_PROXY: 'false' }))).toBe(false);
    expect(trustProxySetting(loadEnv({ TRUST_PROXY: 'true' }))).toBe(true);
    expect(trustProxySetting(loadEnv({ TRUST_PROXY: '10.0.0.0/8, loopback, 2001:db8::/32, 192.0.2.7' }))).toEqual([
      '10.0.0.0/8',
      'loopback',
      '2001:db8::/32',
      '192.0.2.7',
    ]);
    const twoHops = trustProxySetting(loadEnv({ TRUST_PROXY: '2' }));
    expect(typeof twoHops).toBe('function');
    const hops = twoHops as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => hops('192.0.2.1', hop))).toEqual([true, true, false]);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', 'yes', '::1/129']) {
      expect(() => loadEnv({ TRUST_PROXY: bad }), bad).toThrow(
        /TRUST_PROXY.*comma-separated addresses and CIDR ranges/,
      );
    }
  });

  describe('email', () => {
    const problemsOf = (source: Record<string, string>): string[] => {
      try {
        loadEnv(source);
      } catch (err) {
        if (err instanceof ConfigError) return err.problems;
        throw err;
      }
      return [];
    };

    it('leaves SMTP out by default (mail to the log) and links at http://localhost:PORT', () => {
      const env = loadEnv({ PORT: '8080' });
      expect(env.SMTP_URL).toBeUndefined();
      expect(env.PUBLIC_BASE_URL).toBe('http://localhost:8080');
      expect(env.MAIL_FROM).toBe('Citewatch <no-reply@localhost>');
      expect(loadEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    });

    it('refuses a bad SMTP_URL by name, without repeating the password', () => {
      for (const [url, expected] of [
        ['https://mailer:hunter2-secret@smtp.example.com', /must start with smtp:\/\/ or smtps:\/\//],
        ['smtp://mailer:hunter2-secret@smtp.example.com?tls=off', /unknown option "tls"/],
        ['smtp://mailer:hunter2-secret@smtp.example.com/inbox', /must not have a path/],
        ['smtps://mailer:hunter2-secret@smtp.example.com?requireTLS=true', /requireTLS applies to smtp:\/\//],
        ['smtp://mailer:hunter2-secret@smtp.example.com?requireTLS=yes', /requireTLS must be true or false/],
        ['smtp://mailer:hunter2-secret@smtp example.com', /is not a URL/],
      ] as const) {
        const problems = problemsOf({ SMTP_URL: url });
        expect(problems, url).toHaveLength(1);
        expect(problems[0], url).toMatch(/^SMTP_URL: /);
        expect(problems[0], url).toMatch(expected);
        expect(problems[0], url).not.toContain('hunter2');
      }
    });

    it('reads SMTP_URL into host, port, TLS mode and credentials', () => {
      expect(parseSmtpUrl('smtp://mailer:p%40ss%3Aword@smtp.example.com')).toEqual({
        host: 'smtp.example.com',
        port: 587,
        secure: false,
        requireTLS: false,
        user: 'mailer',
        password: 'p@ss:word',
      });
      expect(parseSmtpUrl('smtps://smtp.example.com')).toEqual({
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        requireTLS: false,
      });
      expect(parseSmtpUrl('smtp://127.0.0.1:2525?requireTLS=true')).toMatchObject({ port: 2525, requireTLS: true });
      expect(parseSmtpUrl('smtp://[::1]:25')).toMatchObject({ host: '::1', port: 25 });
    });

    it('checks MAIL_FROM and PUBLIC_BASE_URL', () => {
      expect(parseMailFrom('Citewatch <no-reply@example.com>')).toEqual({
        name: 'Citewatch',
        address: 'no-reply@example.com',
      });
      expect(parseMailFrom('no-reply@example.com')).toEqual({ address: 'no-reply@example.com' });
      expect(problemsOf({ MAIL_FROM: 'Citewatch' })[0]).toMatch(/^MAIL_FROM: must be an address/);
      expect(problemsOf({ MAIL_FROM: 'a@b.c\r\nBcc: x@y.z' })[0]).toMatch(/^MAIL_FROM: /);
      expect(loadEnv({ PUBLIC_BASE_URL: 'https://example.com/citewatch/' }).PUBLIC_BASE_URL).toBe(
        'https://example.com/citewatch',
      );
      expect(problemsOf({ PUBLIC_BASE_URL: 'example.com' })[0]).toMatch(/^PUBLIC_BASE_URL: must be an http/);
      expect(problemsOf({ PUBLIC_BASE_URL: 'https://example.com/?x=1' })[0]).toMatch(/^PUBLIC_BASE_URL: /);
    });

    it('asks for PUBLIC_BASE_URL in production when email is really sent', () => {
      const secret = 'a'.repeat(64);
      expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: secret, SMTP_URL: 'smtp://smtp.example.com' })).toEqual([
        expect.stringMatching(/^PUBLIC_BASE_URL: required in production when SMTP_URL is set/),
      ]);
      expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: secret })).toEqual([]);
    });

    it('asks for AUTH_SECRET in production, and for all three OIDC variables or none', () => {
      expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^AUTH_SECRET: required/)]);
      expect(problemsOf({ OIDC_ISSUER: 'https://accounts.example.com' })).toEqual([
        expect.stringMatching(/^OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three/),
      ]);
    });
  });
});
