import { describe, expect, it } from 'vitest';
import { publicLinkFrom, publicUrl } from '../../../src/lib/public-url.js';

describe('publicUrl', () => {
  it('puts the path under the base, its prefix included, with encoded parameters', () => {
    expect(publicUrl('https://citewatch.example.com', '/verify-email', { token: 'a b&c=d/é' })).toBe(
      'https://citewatch.example.com/verify-email?token=a+b%26c%3Dd%2F%C3%A9',
    );
    expect(publicUrl('https://example.com/citewatch', '/invitations/7f3a', { from: undefined })).toBe(
      'https://example.com/citewatch/invitations/7f3a',
    );
    expect(publicUrl('http://localhost:3000', '/reset-password', { token: 't', n: 2 })).toBe(
      'http://localhost:3000/reset-password?token=t&n=2',
    );
  });

  it('refuses paths that are not relative to the base', () => {
    for (const path of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example/x',
      'verify-email',
      '',
      '/a/../../admin',
      '/a/%2e%2e/admin',
      '/verify?token=x',
      '/verify#x',
      '/a b',
      '/a\nb',
    ]) {
      expect(() => publicUrl('https://citewatch.example.com', path), JSON.stringify(path)).toThrow(/link path/);
    }
  });
});

describe('publicLinkFrom', () => {
  const base = 'https://example.com/citewatch';

  it('accepts a URL under the base as it is', () => {
    const url = 'https://example.com/citewatch/api/auth/verify-email?token=abc&callbackURL=%2F';
    expect(publicLinkFrom(base, url)).toBe(url);
  });

  it('refuses other hosts, schemes, ports and paths outside the prefix', () => {
    for (const url of [
      'https://evil.example/citewatch/verify',
      'http://example.com/citewatch/verify',
      'https://example.com:8443/citewatch/verify',
      'https://example.com/citewatch-evil/verify',
      'https://example.com/citewatch/../admin',
      'https://user:pw@example.com/citewatch/verify',
      '/citewatch/verify',
    ]) {
      expect(() => publicLinkFrom(base, url), url).toThrow(/PUBLIC_BASE_URL|absolute/);
    }
  });
});
