/**
 * Isolation beyond path ids: another organization's ids inside its own workspace's paths, and
 * inside bodies and query strings, answer exactly as ids that do not exist.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { apiClient } from '../helpers/api.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import {
  createFullTenant,
  exampleBody,
  fillPath,
  openApiDoc,
  operations,
  type FullTenant,
  type OpenApiDoc,
} from '../helpers/full-tenant.js';

let ctx: TestContext;
let doc: OpenApiDoc;
let owner: FullTenant;
let stranger: TestTenant;
let strangerWs: string;
let strangerOwner: TestPerson;

beforeAll(async () => {
  ctx = await createTestContext({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
  ctx.startWorker();
  doc = await openApiDoc(ctx.app);
  owner = await createFullTenant(ctx, doc);
  stranger = await createTenant(ctx.db);
  strangerWs = (await apiClient(ctx.app, stranger.headers).post('/v1/workspaces', { name: 'Theirs' })).id;
  strangerOwner = await createPerson(ctx.app, ctx.db, { organizationId: stranger.organizationId, role: 'owner' });
});

/** Both doors: the other organization's API key, and its owner signed in. */
const doors = [
  ['an API key', () => stranger.headers],
  ['a signed-in owner', () => strangerOwner.writeHeaders],
] as const;
afterAll(async () => ctx.close());

/** The answer without what differs by construction: the request id and the ids themselves. */
function normalized(res: { statusCode: number; body: string }, ids: string[]) {
  let body = res.body;
  for (const [i, id] of ids.entries()) body = body.replaceAll(id, `<id${i}>`);
  return { status: res.statusCode, body: body.replace(/"requestId":"[^"]+"/, '') };
}

it.each(doors)(
  "answers the owner's child ids inside another organization's own workspace as unknown ids, for %s",
  async (_, as) => {
    let n = 0;
    for (const { method, template, op, params } of operations(doc)) {
      if (!template.startsWith('/v1/workspaces/{workspaceId}/') || params.length < 2) continue;
      const body = exampleBody(op);
      const send = (values: Record<string, string>) =>
        ctx.app.inject({
          method: method as 'GET',
          url: fillPath(template, { ...values, workspaceId: strangerWs }),
          headers: as(),
          ...(body !== undefined ? { payload: body as object } : {}),
        });
      const theirs = await send(owner.params);
      const random = await send(Object.fromEntries(Object.keys(owner.params).map((k) => [k, randomUUID()])));
      expect(theirs.statusCode, `${method} ${template}: ${theirs.body}`).toBe(404);
      expect(theirs.json().detail, `${method} ${template}`).toBe(random.json().detail);
      n++;
    }
    expect(n).toBeGreaterThan(15);
  },
);

it.each(doors)("answers the owner's ids in bodies and query strings as unknown ids, for %s", async (_, as) => {
  const p = owner.params;
  const ws = `/v1/workspaces/${strangerWs}`;
  type Case = [
    label: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: (ids: string[]) => string,
    body: ((ids: string[]) => object) | null,
    ids: string[],
  ];
  const cases: Case[] = [
    ['run of an audit', 'POST', () => `${ws}/runs`, ([a]) => ({ auditId: a }), [p.auditId!]],
    [
      'inline run',
      'POST',
      () => `${ws}/runs`,
      ([pr, mc]) => ({ promptIds: [pr], modelConfigIds: [mc] }),
      [p.promptId!, p.modelConfigId!],
    ],
    [
      'audit',
      'POST',
      () => `${ws}/audits`,
      ([pr, mc]) => ({ name: 'Borrowed', promptIds: [pr], modelConfigIds: [mc] }),
      [p.promptId!, p.modelConfigId!],
    ],
    ['reanalysis', 'POST', () => `${ws}/reanalyses`, ([r]) => ({ runId: r }), [p.runId!]],
    ['report by run', 'GET', ([r]) => `${ws}/reports/visibility?runId=${r}`, null, [p.runId!]],
    ['report by brand', 'GET', ([b]) => `${ws}/reports/share-of-voice?brandIds=${b}`, null, [p.brandId!]],
    [
      'report by configs',
      'GET',
      ([b]) => `${ws}/reports/visibility?modelConfigIds=${b}&promptIds=${p.promptId}`,
      null,
      [p.modelConfigId!],
    ],
    [
      'experiment',
      'GET',
      ([a, b]) => `${ws}/reports/experiments?configA=${a}&configB=${b}`,
      null,
      [p.modelConfigId!, randomUUID()],
    ],
    ['answers', 'GET', ([r, pr]) => `${ws}/answers?runId=${r}&promptIds=${pr}`, null, [p.runId!, p.promptId!]],
    [
      'responses',
      'GET',
      ([r, pr, mc]) => `${ws}/responses?runId=${r}&promptId=${pr}&modelConfigId=${mc}`,
      null,
      [p.runId!, p.promptId!, p.modelConfigId!],
    ],
    ['runs of an audit', 'GET', ([a]) => `${ws}/runs?auditId=${a}`, null, [p.auditId!]],
    [
      'invitation of a client',
      'POST',
      () => '/v1/invitations',
      ([w]) => ({ email: 'client@nimbus.example', role: 'client', workspaceIds: [w] }),
      [p.workspaceId!],
    ],
    [
      'key restricted to workspaces',
      'POST',
      () => '/v1/api-keys',
      ([w]) => ({ name: 'Borrowed', scopes: ['read'], workspaceIds: [w] }),
      [p.workspaceId!],
    ],
  ];
  for (const [label, method, url, body, ids] of cases) {
    const send = (values: string[]) =>
      ctx.app.inject({
        method,
        url: url(values),
        headers: as(),
        ...(body ? { payload: body(values) } : {}),
      });
    const randoms = ids.map(() => randomUUID());
    const theirs = await send(ids);
    const unknown = await send(randoms);
    expect(theirs.statusCode, `${label}: ${theirs.body}`).toBeLessThan(500);
    expect(normalized(theirs, ids), label).toEqual(normalized(unknown, randoms));
  }
});
