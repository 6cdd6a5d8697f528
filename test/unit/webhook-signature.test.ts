/** Webhook signatures as integrators verify them, secrets at rest, and which brands visibility.changed lists. */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { significantChanges } from '../../src/modules/webhooks/webhooks.events.js';
import { openWebhookSecret, sealWebhookSecret } from '../../src/modules/webhooks/webhooks.secrets.js';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
} from '../../src/modules/webhooks/webhooks.signature.js';

const secret = 'whsec_test_secret';
const body = '{"id":"e1","type":"run.completed","data":{"run":{"status":"completed"}}}';
const now = 1_764_000_000;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, hex, in the documented header format', () => {
    const header = signWebhook(secret, body, now);
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(header).toBe(`t=${now},v1=${expected}`);
  });

  it('verifies its own signatures, from a string or the raw bytes', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), 300, now + 299)).toBe(true);
  });

  it('refuses another secret, a changed body, or a stale or future timestamp', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature('whsec_other', header, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body.replace('completed', 'failed'), 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, `${body} `, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, now - 301)).toBe(false);
  });

  it('refuses malformed headers without throwing', () => {
    for (const header of [
      undefined,
      null,
      '',
      'garbage',
      `t=${now}`,
      'v1=abc',
      `t=x,v1=${'a'.repeat(64)}`,
      `t=${now},v1=${'z'.repeat(64)}`,
      `t=${now},v1=${'a'.repeat(63)}`,
    ]) {
      expect(verifyWebhookSignature(secret, header, body, 300, now)).toBe(false);
    }
    expect(verifyWebhookSignature('', signWebhook(secret, body, now), body, 300, now)).toBe(false);
  });

  it('accepts any matching v1 value, so receivers can hold two secrets while rotating', () => {
    const good = signWebhook(secret, body, now).split(',')[1];
    expect(verifyWebhookSignature(secret, `t=${now},v1=${'0'.repeat(64)},${good}`, body, 300, now)).toBe(true);
  });

  it('a timestamp signed with the body cannot be swapped for a fresh one', () => {
    const old = signWebhook(secret, body, now - 3_600);
    const replayed = old.replace(`t=${now - 3_600}`, `t=${now}`);
    expect(verifyWebhookSignature(secret, replayed, body, 300, now)).toBe(false);
  });

  it('generates long random secrets', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe('webhook secrets at rest', () => {
  it('are sealed with ENCRYPTION_KEY when there is one, plain otherwise', () => {
    const key = randomBytes(32).toString('base64');
    const sealed = sealWebhookSecret('whsec_abc', key);
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('whsec_abc');
    expect(openWebhookSecret(sealed, key)).toBe('whsec_abc');
    expect(sealWebhookSecret('whsec_abc', undefined)).toBe('whsec_abc');
    expect(openWebhookSecret('whsec_abc', key)).toBe('whsec_abc');
    expect(() => openWebhookSecret(sealed, undefined)).toThrow(/ENCRYPTION_KEY/);
    expect(() => openWebhookSecret(sealed, randomBytes(32).toString('base64'))).toThrow();
  });
});

describe('visibility.changed', () => {
  const row = (brand: string, run: string, mentioned: number, n: number) => ({
    brand_id: brand,
    brand_name: brand,
    brand_kind: 'competitor' as const,
    run_id: run,
    mentioned,
    n,
  });

  it('lists only the brands whose change is significant, with both rates and the test used', () => {
    const changes = significantChanges(
      [
        row('up', 'a', 10, 100),
        row('up', 'b', 40, 100),
        row('same', 'a', 30, 100),
        row('same', 'b', 32, 100),
        row('down', 'a', 8, 10),
        row('down', 'b', 1, 10),
      ],
      'a',
      'b',
    );
    expect(changes.map((c) => [c.brandId, c.direction, c.test])).toEqual([
      ['up', 'up', 'z'],
      ['down', 'down', 'fisher'],
    ]);
    expect(changes[0]).toMatchObject({
      previous: { mentioned: 10, n: 100, rate: 0.1 },
      current: { mentioned: 40, n: 100, rate: 0.4 },
    });
    expect(changes[0]!.difference).toBeCloseTo(0.3, 10);
    expect(changes[0]!.ci95!.low).toBeGreaterThan(0);
    // Fisher's exact p for [[8,2],[1,9]] is 0.005477; Holm multiplies the second smallest of three by 2.
    expect(changes[1]!.pValue).toBeCloseTo(0.005477, 5);
    expect(changes[1]!.pValueAdjusted).toBeCloseTo(0.010955, 5);
  });

  it('adjusts for the number of brands compared, so many brands do not make noise significant', () => {
    // Alone, 20/50 → 30/50 is significant at 0.05 (p ≈ 0.045); among five unchanged brands it is not.
    const alone = significantChanges([row('x', 'a', 20, 50), row('x', 'b', 30, 50)], 'a', 'b');
    expect(alone).toHaveLength(1);
    expect(alone[0]!.pValue).toBeLessThan(0.05);
    const many = ['p', 'q', 'r', 's'].flatMap((b) => [row(b, 'a', 25, 50), row(b, 'b', 25, 50)]);
    expect(significantChanges([row('x', 'a', 20, 50), row('x', 'b', 30, 50), ...many], 'a', 'b')).toEqual([]);
  });

  it('skips brands without answers on either side', () => {
    expect(significantChanges([row('x', 'a', 0, 0), row('x', 'b', 30, 50)], 'a', 'b')).toEqual([]);
    expect(significantChanges([row('x', 'b', 30, 50)], 'a', 'b')).toEqual([]);
  });
});
