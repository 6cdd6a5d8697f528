/**
 * The documentation UI at /docs: served as HTML, and every script and stylesheet it needs loads
 * from this server under its Content-Security-Policy (no inline script, no other origin).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

it('serves the reference UI, whose assets load under the CSP', async () => {
  const page = await ctx.app.inject({ url: '/docs/' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  const csp = String(page.headers['content-security-policy'] ?? '');
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

  const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, inline] of scripts)
    expect({ attrs, inline: inline?.trim() }, 'inline scripts are blocked by the CSP').toMatchObject({ inline: '' });
  const assets = [...page.body.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  for (const asset of assets) {
    const url = new URL(asset, 'http://citewatch.test/docs/');
    expect(url.origin, `${asset} must come from this server`).toBe('http://citewatch.test');
    const res = await ctx.app.inject({ url: url.pathname });
    expect(res.statusCode, asset).toBe(200);
  }
  // The initializer asks for the document the UI renders.
  const spec = await ctx.app.inject({ url: '/docs/json' });
  expect(spec.statusCode).toBe(200);
  expect(spec.json()).toMatchObject({ openapi: '3.1.0' });
});
