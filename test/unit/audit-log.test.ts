/** The audit log's pure parts: action names derived from routes, and details with secrets redacted. */
import { describe, expect, it } from 'vitest';
import { ACTION_PATTERN, actionOf, singular } from '../../src/modules/audit-log/audit-log.actions.js';
import { detailsOfWrite, isSecretField, REDACTED, summarize } from '../../src/modules/audit-log/audit-log.details.js';

describe('action names', () => {
  it('are derived from the route: resource in the singular, verb from the method or the last segment', () => {
    const cases: Array<[string, string, string, string | null]> = [
      ['POST', '/v1/workspaces/:workspaceId/brands', 'brand.create', null],
      ['PATCH', '/v1/workspaces/:workspaceId/model-configs/:modelConfigId', 'model_config.update', 'modelConfigId'],
      ['DELETE', '/v1/workspaces/:workspaceId', 'workspace.delete', 'workspaceId'],
      ['POST', '/v1/workspaces', 'workspace.create', null],
      ['POST', '/v1/workspaces/:workspaceId/runs/:runId/cancel', 'run.cancel', 'runId'],
      ['POST', '/v1/workspaces/:workspaceId/prompts/import', 'prompt.import', null],
      // Routes not written yet get a name too.
      ['POST', '/v1/workspaces/:workspaceId/alerts/:alertId/mute-all', 'alert.mute_all', 'alertId'],
      ['PUT', '/v1/workspaces/:workspaceId/categories/:categoryId', 'category.update', 'categoryId'],
      ['POST', '/v1/invitations', 'invitation.create', null],
      // …and the overrides where the derived name reads badly.
      ['DELETE', '/v1/api-keys/:apiKeyId', 'api_key.revoke', 'apiKeyId'],
      ['PATCH', '/v1/members/:memberId', 'member.update', 'memberId'],
      ['DELETE', '/v1/members/:memberId', 'member.remove', 'memberId'],
      ['DELETE', '/v1/invitations/:invitationId', 'invitation.revoke', 'invitationId'],
    ];
    for (const [method, url, action, targetParam] of cases) {
      const found = actionOf(method, url);
      expect(found, `${method} ${url}`).toMatchObject({ action, targetParam });
      expect(found.action).toMatch(ACTION_PATTERN);
    }
  });

  it('can be declared by the route itself', () => {
    expect(actionOf('POST', '/v1/workspaces/:workspaceId/brands', 'brand.add').action).toBe('brand.add');
  });

  it('use the singular of each collection', () => {
    expect(['reanalyses', 'api-keys', 'categories', 'brands', 'access'].map(singular)).toEqual([
      'reanalysis',
      'api_key',
      'category',
      'brand',
      'access',
    ]);
  });
});

describe('details', () => {
  it('redact fields named like secrets, at any depth, and keep their names', () => {
    const secrets = [
      'password',
      'newPassword',
      'current_password',
      'secret',
      'clientSecret',
      'webhook-secret',
      'token',
      'refreshToken',
      'x-csrf-token',
      'apiKey',
      'api_key',
      'API-KEY',
      'key',
      'privateKey',
      'authorization',
      'Cookie',
      'credentials',
      'passphrase',
    ];
    for (const name of secrets) expect(isSecretField(name), name).toBe(true);
    for (const name of ['maxTokens', 'apiKeyId', 'keywords', 'name', 'tokensUsed', 'prefix', 'login', 'monkey'])
      expect(isSecretField(name), name).toBe(false);

    const details = summarize({
      name: 'Nimbus',
      password: 'hunter2hunter2',
      nested: { deeper: [{ apiKey: 'sk-live-123', label: 'ok' }] },
      headers: { Authorization: 'Bearer cw_abc' },
      maxTokens: 500,
    });
    expect(details).toEqual({
      name: 'Nimbus',
      password: REDACTED,
      nested: { deeper: [{ apiKey: REDACTED, label: 'ok' }] },
      headers: { Authorization: REDACTED },
      maxTokens: 500,
    });
    expect(JSON.stringify(details)).not.toMatch(/hunter2|sk-live|cw_abc/);
  });

  it('cut credentials out of URLs', () => {
    expect(summarize({ baseUrl: 'https://user:s3cret@llm.example.com/v1?x=1' })).toEqual({
      baseUrl: 'https://llm.example.com/v1?x=1',
    });
    expect(summarize({ note: 'mail me at ana@agency.example' })).toEqual({ note: 'mail me at ana@agency.example' });
  });

  it('stay small: long text, long lists, deep nesting and large bodies are cut', () => {
    const long = summarize({ text: 'x'.repeat(1_000) }).text as string;
    expect(long).toHaveLength(201);
    expect(long.endsWith('…')).toBe(true);
    const list = summarize({ tags: Array.from({ length: 25 }, (_, i) => `t${i}`) }).tags as string[];
    expect(list).toEqual([...Array.from({ length: 10 }, (_, i) => `t${i}`), '… 15 more']);
    expect(summarize({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: '…' } } } });
    const big = summarize({
      name: 'Big',
      rows: Array.from({ length: 10 }, () => ({ text: 'y'.repeat(200), more: 'z'.repeat(200) })),
    });
    expect(big).toEqual({ truncated: true, name: 'Big' });
  });

  it('of a write: its body, or the length of a text body, and what its answer names — never the rest', () => {
    const answer = { id: 'k1', name: 'Reader', prefix: 'cw_live_abcd', scopes: ['read'], key: 'cw_live_abcd_SECRET' };
    const details = summarize(detailsOfWrite({ name: 'Reader', scopes: ['read'] }, answer));
    expect(details).toEqual({ name: 'Reader', prefix: 'cw_live_abcd', scopes: ['read'] });
    expect(summarize(detailsOfWrite('text,locale\nBest CRM?,en-US\n', { imported: 1, prompts: [] }))).toEqual({
      imported: 1,
      body: '28 characters',
    });
  });
});
