import { describe, expect, it } from 'vitest';
import {
  SubmissionKeys,
  newIdempotencyKey,
  outcomeUnknown,
  takesIdempotencyKey,
} from '../../dashboard/src/lib/idempotency.js';

describe('dashboard idempotency keys', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('gives each submission a new key', () => {
    const keys = new SubmissionKeys(counter());
    expect(keys.keyFor('/v1/workspaces/w/brands', { name: 'A' })).toBe('key-1');
    keys.settled(null);
    expect(keys.keyFor('/v1/workspaces/w/brands', { name: 'A' })).toBe('key-2');
  });

  it('reuses the key when the same submission is sent again after an unknown outcome', () => {
    for (const error of [
      { status: 0, code: 'network' },
      { status: 502, code: 'error' },
      { status: 409, code: 'idempotency_key_in_use' },
    ]) {
      const keys = new SubmissionKeys(counter());
      expect(keys.keyFor('/v1/workspaces/w/runs', { auditId: 'a' })).toBe('key-1');
      keys.settled(error);
      expect(keys.keyFor('/v1/workspaces/w/runs', { auditId: 'a' }), error.code).toBe('key-1');
    }
  });

  it('takes a new key when the submission changed or the API answered for sure', () => {
    const keys = new SubmissionKeys(counter());
    keys.keyFor('/v1/workspaces/w/brands', { name: 'A' });
    keys.settled({ status: 0, code: 'network' });
    expect(keys.keyFor('/v1/workspaces/w/brands', { name: 'B' })).toBe('key-2');
    keys.settled({ status: 400, code: 'validation_failed' });
    expect(keys.keyFor('/v1/workspaces/w/brands', { name: 'B' })).toBe('key-3');
    expect(outcomeUnknown({ status: 422, code: 'idempotency_key_reused' })).toBe(false);
  });

  it('sends keys on POSTs but not on creates that hand out a secret once', () => {
    expect(takesIdempotencyKey('POST', '/v1/workspaces/w/runs')).toBe(true);
    expect(takesIdempotencyKey('PATCH', '/v1/workspaces/w/brands/b')).toBe(false);
    for (const url of [
      '/v1/api-keys',
      '/v1/organizations',
      '/v1/workspaces/w/share-links',
      '/v1/workspaces/w/webhooks?x=1',
    ])
      expect(takesIdempotencyKey('POST', url), url).toBe(false);
  });

  it('makes version 4 UUIDs', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
