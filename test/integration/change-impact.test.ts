/**
 * Change events and their impact: the events' CRUD (validation, roles, tenancy), trends marking
 * them, and the impact report on factory data with every number worked out by hand here
 * (docs/statistics.md#change-impact), JSON and CSV alike.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten } from '../../src/modules/reports/csv.js';
import { impactReport } from '../../src/modules/reports/impact.schemas.js';
import { trendsReport } from '../../src/modules/reports/brand-reports.schemas.js';
import { addRun, createWorld, times, type AnswerSpec, type World } from '../factories/answers.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let other: TestTenant;
let world: World;
let otherWorld: World;
let reader: { headers: Record<string, string> };
let writer: { headers: Record<string, string> };

type Json = Record<string, any>;
const call = async (who: { headers: Record<string, string> }, method: string, url: string, payload?: unknown) => {
  const res = await ctx.app.inject({
    method: method as 'GET',
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
  return {
    status: res.statusCode,
    body: res.body && String(res.headers['content-type']).includes('json') ? (JSON.parse(res.body) as Json) : null,
    text: res.body,
    type: res.headers['content-type'],
  };
};
const events = () => `${world.base}/events`;

/** Student t with 2 degrees of freedom in closed form (the design below has 4 prompts: df = 4 − 2). */
const t2Cdf = (x: number) => 0.5 + x / (2 * Math.sqrt(x * x + 2));
const t2Quantile = (p: number) => (2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p)));

const answers = (prompt: string, n: number, own: number, extra: AnswerSpec[] = []): AnswerSpec[] => [
  ...times(own, { prompt, config: 'c1', mentions: [{ brand: 'Acme' }] }),
  ...times(n - own, { prompt, config: 'c1' }),
  ...extra,
];

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db);
  other = await createTenant(ctx.db);
  reader = await keyFor(ctx.db, tenant.organizationId, ['read']);
  writer = await keyFor(ctx.db, tenant.organizationId, ['write']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    timezone: 'Europe/Paris',
    brands: [{ name: 'Acme', kind: 'own', domains: ['acme.com'] }, { name: 'Globex' }],
    prompts: [
      { key: 'p1', text: 'Best CRM?' },
      { key: 'p2', text: 'CRM pricing?', tags: ['pricing'] },
      { key: 'p3', text: 'CRM for startups?', tags: ['smb'] },
      { key: 'p4', text: 'CRM with email?' },
    ],
    configs: [{ key: 'c1', provider: 'openai' }],
  });
  otherWorld = await createWorld(ctx.db, other.organizationId, {
    brands: [{ name: 'Initech', kind: 'own' }],
    prompts: [{ key: 'p1', text: 'Best CRM?' }],
    configs: [{ key: 'c1', provider: 'openai' }],
  });
  // Outside both windows (event 2026-06-15, 7 days): never counted.
  await addRun(ctx.db, world, { createdAt: new Date('2026-06-01T10:00:00Z'), answers: answers('p3', 4, 4) });
  // Before: p1 2/4 (and one Globex-only answer among the others), p2 1/4, p3 1/4, p4 2/4; a failed
  // and an unanalysed answer are left out.
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-10T10:00:00Z'),
    answers: [
      ...times(2, { prompt: 'p1', config: 'c1', mentions: [{ brand: 'Acme' }] }),
      { prompt: 'p1', config: 'c1', mentions: [{ brand: 'Globex' }] },
      { prompt: 'p1', config: 'c1' },
      { prompt: 'p1', config: 'c1', status: 'failed' },
      ...answers('p2', 4, 1),
      ...answers('p3', 4, 1, [{ prompt: 'p3', config: 'c1', analyzed: false, mentions: [{ brand: 'Acme' }] }]),
      ...answers('p4', 4, 2),
    ],
  });
  // After: p1 3/4, p2 4/4, p3 1/4, p4 3/4.
  await addRun(ctx.db, world, {
    createdAt: new Date('2026-06-17T10:00:00Z'),
    answers: [...answers('p1', 4, 3), ...answers('p2', 4, 4), ...answers('p3', 4, 1), ...answers('p4', 4, 3)],
  });
});

afterAll(async () => {
  await ctx.close();
});

describe('events CRUD', () => {
  it('creates, lists, reads, updates and deletes an event', async () => {
    const created = await call(writer, 'POST', events(), {
      kind: 'pr_campaign',
      occurredAt: '2026-05-02T08:00:00+02:00',
      title: '  Spring press tour ',
      url: 'https://acme.com/press',
      promptIds: [world.prompt('p4'), world.prompt('p4')],
      promptTags: ['SMB'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'pr_campaign',
      occurredAt: '2026-05-02T06:00:00.000Z',
      title: 'Spring press tour',
      notes: null,
      url: 'https://acme.com/press',
      promptIds: [world.prompt('p4')],
      promptTags: ['smb'],
      workspaceId: world.workspaceId,
    });
    const id = created.body?.id as string;
    const list = await call(reader, 'GET', events());
    expect(list.status).toBe(200);
    expect(list.body?.data.map((e: Json) => e.id)).toContain(id);
    expect((await call(reader, 'GET', `${events()}/${id}`)).body).toEqual(created.body);
    const updated = await call(writer, 'PATCH', `${events()}/${id}`, {
      notes: 'Three interviews',
      promptIds: [],
      title: null,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ notes: 'Three interviews', promptIds: [], promptTags: ['smb'], title: null });
    // Without ids, the tags are all that is left: removing them too is refused.
    const empty = await call(writer, 'PATCH', `${events()}/${id}`, { promptTags: [] });
    expect(empty.status).toBe(400);
    expect(empty.type).toContain('application/problem+json');
    expect(empty.body).toMatchObject({ code: 'validation_failed' });
    expect((await call(writer, 'DELETE', `${events()}/${id}`)).status).toBe(204);
    const gone = await call(reader, 'GET', `${events()}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'not_found' });
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const otherPrompt = otherWorld.prompt('p1');
    const cases: Array<[Json, string]> = [
      [{ kind: 'launch', occurredAt: '2026-05-01T00:00:00Z', promptTags: ['a'] }, 'body.kind'],
      [{ kind: 'other', occurredAt: '1969-12-31T23:59:59Z', promptTags: ['a'] }, 'body.occurredAt'],
      [{ kind: 'other', occurredAt: '9999-06-01T00:00:00Z', promptTags: ['a'] }, 'body.occurredAt'],
      [{ kind: 'other', occurredAt: '2026-05-01', promptTags: ['a'] }, 'body.occurredAt'],
      [{ kind: 'other', occurredAt: '2026-05-01T00:00:00Z' }, 'body.promptIds'],
      [{ kind: 'other', occurredAt: '2026-05-01T00:00:00Z', promptIds: [otherPrompt] }, 'body.promptIds.0'],
      [{ kind: 'other', occurredAt: '2026-05-01T00:00:00Z', promptIds: ['nope'] }, 'body.promptIds.0'],
      [
        { kind: 'other', occurredAt: '2026-05-01T00:00:00Z', promptTags: ['a'], url: 'javascript:alert(1)' },
        'body.url',
      ],
      [{ kind: 'other', occurredAt: '2026-05-01T00:00:00Z', promptTags: ['a'], colour: 'red' }, 'body'],
    ];
    for (const [payload, path] of cases) {
      const res = await call(writer, 'POST', events(), payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body?.code).toBe('validation_failed');
      expect(
        ((res.body?.errors ?? []) as Array<{ path: string }>).some((e) => e.path.startsWith(path)),
        JSON.stringify(res.body),
      ).toBe(true);
    }
  });

  it('lets readers read and refuses their writes', async () => {
    const res = await call(reader, 'POST', events(), {
      kind: 'other',
      occurredAt: '2026-05-01T00:00:00Z',
      promptTags: ['a'],
    });
    expect(res.status).toBe(403);
    expect(res.body?.code).toBe('forbidden');
    expect((await call(reader, 'GET', events())).status).toBe(200);
  });

  it('answers 404 to another organization, for the list, the event and the impact report', async () => {
    const made = await call(writer, 'POST', events(), {
      kind: 'other',
      occurredAt: '2026-05-01T00:00:00Z',
      promptTags: ['a'],
    });
    const id = made.body?.id as string;
    expect((await call(other, 'GET', events())).status).toBe(404);
    expect((await call(other, 'GET', `${events()}/${id}`)).status).toBe(404);
    expect((await call(other, 'PATCH', `${events()}/${id}`, { title: 'x' })).status).toBe(404);
    expect((await call(other, 'DELETE', `${events()}/${id}`)).status).toBe(404);
    // Their own workspace does not hold it either.
    expect((await call(other, 'GET', `${otherWorld.base}/events/${id}`)).status).toBe(404);
    const theirs = await call(other, 'GET', `${otherWorld.base}/reports/impact?eventId=${id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body?.code).toBe('not_found');
    expect((await call(tenant, 'DELETE', `${events()}/${id}`)).status).toBe(204);
  });
});

describe('impact report', () => {
  let eventId: string;
  beforeAll(async () => {
    const res = await call(writer, 'POST', events(), {
      kind: 'content_published',
      occurredAt: '2026-06-15T00:00:00Z',
      title: 'Pricing page',
      promptIds: [world.prompt('p1')],
      promptTags: ['pricing'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    eventId = res.body?.id as string;
  });

  const impactUrl = (q: string) => `${world.base}/reports/impact?eventId=${eventId}&${q}`;

  it('computes the difference in differences, its clustered interval, p-value, power and verdict as by hand', async () => {
    const res = await call(reader, 'GET', impactUrl('windowDays=7&minEffect=0.1'));
    expect(res.status, res.text).toBe(200);
    const r = impactReport.parse(res.body);
    // Affected p1 (listed) and p2 (tagged pricing): 2/4 + 1/4 = 3/8 before, 3/4 + 4/4 = 7/8 after.
    // Unaffected p3 and p4: 1/4 + 2/4 = 3/8 before, 1/4 + 3/4 = 4/8 after. The run of June 1st,
    // the failed and the unanalysed answers are outside.
    expect(r.groups.affectedBefore.rate).toMatchObject({ numerator: 3, n: 8 });
    expect(r.groups.affectedAfter.rate).toMatchObject({ numerator: 7, n: 8 });
    expect(r.groups.unaffectedBefore.rate).toMatchObject({ numerator: 3, n: 8 });
    expect(r.groups.unaffectedAfter.rate).toMatchObject({ numerator: 4, n: 8 });
    expect(r.groups.affectedBefore.prompts).toBe(2);
    const estimate = 7 / 8 - 3 / 8 - (4 / 8 - 3 / 8);
    expect(r.estimate).toBeCloseTo(0.375, 12);
    expect(r.estimate).toBeCloseTo(estimate, 12);
    // Prompt residuals z = (k_after − p_after·n_after)/N_after − (k_before − p_before·n_before)/N_before:
    // p1 (3 − 3.5)/8 − (2 − 1.5)/8 = −1/8, p2 (4 − 3.5)/8 − (1 − 1.5)/8 = +1/8 → V = 2/1 · 2/64 = 1/16;
    // p3 (1 − 2)/8 − (1 − 1.5)/8 = −1/16, p4 (3 − 2)/8 − (2 − 1.5)/8 = +1/16 → V = 2/1 · 2/256 = 1/64.
    const se = Math.sqrt(1 / 16 + 1 / 64);
    expect(r.standardError).toBeCloseTo(se, 12);
    expect(r.df).toBe(2);
    const half = t2Quantile(0.975) * se;
    expect(r.ci95?.low).toBeCloseTo(estimate - half, 6);
    expect(r.ci95?.high).toBeCloseTo(estimate + half, 6);
    expect(r.pValue).toBeCloseTo(2 * (1 - t2Cdf(estimate / se)), 8);
    const c = t2Quantile(0.975);
    expect(r.power).toBeCloseTo(t2Cdf(0.1 / se - c) + t2Cdf(-0.1 / se - c), 8);
    expect(r.minimumDetectableEffect).toBeCloseTo((c + t2Quantile(0.8)) * se, 8);
    expect(r.verdict).toBe('underpowered');
    expect(r.summary).toMatch(/cannot tell whether “Pricing page” moved Acme’s mention rate by 10\.0 points/);
    expect(r.brands).toEqual([{ brandId: world.brand('Acme'), brandName: 'Acme', brandKind: 'own' }]);
    expect(r.windows).toMatchObject({
      before: { from: '2026-06-08T00:00:00.000Z', to: '2026-06-15T00:00:00.000Z' },
      after: { from: '2026-06-15T00:00:00.000Z', to: '2026-06-22T00:00:00.000Z' },
      afterComplete: true,
    });
    expect(r.event).toMatchObject({ id: eventId, promptIds: [world.prompt('p1')], promptTags: ['pricing'] });
  });

  it('measures another brand with brandId', async () => {
    const res = await call(reader, 'GET', impactUrl(`windowDays=7&brandId=${world.brand('Globex')}`));
    expect(res.status, res.text).toBe(200);
    const r = impactReport.parse(res.body);
    // Globex: one answer of p1 before, none elsewhere: (0 − 1/8) − (0 − 0) = −1/8; p1's residual
    // −(1 − 0.5)/8, p2's +0.5/8 → V = 2 · 2/256; the unaffected arm never varies.
    expect(r.groups.affectedBefore.rate).toMatchObject({ numerator: 1, n: 8 });
    expect(r.estimate).toBeCloseTo(-0.125, 12);
    expect(r.standardError).toBeCloseTo(0.125, 12);
    expect(r.brands).toEqual([{ brandId: world.brand('Globex'), brandName: 'Globex', brandKind: 'competitor' }]);
  });

  it('counts only the answers of the providers or configurations asked for', async () => {
    // A workspace of its own: the OpenAI configuration moves after the event, the app capture does not.
    const w = await createWorld(ctx.db, tenant.organizationId, {
      brands: [{ name: 'Acme', kind: 'own' }],
      prompts: [
        { key: 'a', text: 'Best CRM?' },
        { key: 'u', text: 'CRM for startups?' },
      ],
      configs: [
        { key: 'api', provider: 'openai' },
        { key: 'app', provider: 'assistant_app' },
      ],
    });
    const spec = (prompt: string, config: string, n: number, own: number): AnswerSpec[] => [
      ...times(own, { prompt, config, mentions: [{ brand: 'Acme' }] }),
      ...times(n - own, { prompt, config }),
    ];
    await addRun(ctx.db, w, {
      createdAt: new Date('2026-06-10T10:00:00Z'),
      answers: [
        ...spec('a', 'api', 4, 1),
        ...spec('u', 'api', 4, 1),
        ...spec('a', 'app', 4, 2),
        ...spec('u', 'app', 4, 2),
      ],
    });
    await addRun(ctx.db, w, {
      createdAt: new Date('2026-06-17T10:00:00Z'),
      answers: [
        ...spec('a', 'api', 4, 4),
        ...spec('u', 'api', 4, 1),
        ...spec('a', 'app', 4, 2),
        ...spec('u', 'app', 4, 2),
      ],
    });
    const ev = await call(writer, 'POST', `${w.base}/events`, {
      kind: 'content_published',
      occurredAt: '2026-06-15T00:00:00Z',
      promptIds: [w.prompt('a')],
    });
    expect(ev.status, ev.text).toBe(201);
    const url = (q: string) => `${w.base}/reports/impact?eventId=${ev.body?.id}&windowDays=7&${q}`;
    const api = impactReport.parse((await call(reader, 'GET', url('providers=openai'))).body);
    // OpenAI only: affected 1/4 → 4/4, unaffected 1/4 → 1/4: +75 points.
    expect(api.groups.affectedBefore.rate).toMatchObject({ numerator: 1, n: 4 });
    expect(api.groups.affectedAfter.rate).toMatchObject({ numerator: 4, n: 4 });
    expect(api.estimate).toBeCloseTo(0.75, 12);
    expect(api.filters).toEqual({ providers: ['openai'] });
    const byConfig = impactReport.parse((await call(reader, 'GET', url(`modelConfigIds=${w.config('app')}`))).body);
    // The app capture only: 2/4 everywhere, no change.
    expect(byConfig.groups.affectedAfter.rate).toMatchObject({ numerator: 2, n: 4 });
    expect(byConfig.estimate).toBeCloseTo(0, 12);
    expect(byConfig.filters).toEqual({ modelConfigIds: [w.config('app')] });
    // Both together: affected 3/8 → 6/8, unaffected 3/8 → 3/8.
    const all = impactReport.parse((await call(reader, 'GET', url(''))).body);
    expect(all.estimate).toBeCloseTo(0.375, 12);
    expect(all.filters).toEqual({});
    const csv = await call(reader, 'GET', url('providers=openai&format=csv'));
    const row = (parse(csv.text, { columns: true }) as Array<Record<string, string>>)[0] as Record<string, string>;
    expect(row['filters.providers']).toBe('["openai"]');
    expect(row['filters.modelConfigIds']).toBe('');
    const bad = await call(reader, 'GET', url('modelConfigIds=nope'));
    expect(bad.status).toBe(400);
    expect(bad.body?.code).toBe('validation_failed');
  });

  it('exports the same numbers as CSV', async () => {
    const json = await call(reader, 'GET', impactUrl('windowDays=7'));
    const csv = await call(reader, 'GET', impactUrl('windowDays=7&format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    const flat = flatten(json.body as Json);
    for (const [column, value] of Object.entries(rows[0] as Record<string, string>)) {
      const expected = flat[column];
      expect(value, column).toBe(expected === null || expected === undefined ? '' : String(expected));
    }
    expect(Object.keys(rows[0] as object)).toEqual(
      expect.arrayContaining(['estimate', 'ci95.low', 'pValue', 'verdict']),
    );
  });

  it('refuses bad queries with problem+json', async () => {
    const bad = [
      impactUrl('windowDays=0'),
      impactUrl('windowDays=366'),
      impactUrl('minEffect=0'),
      impactUrl('minEffect=2'),
      impactUrl('brandId=nope'),
      impactUrl(`brandId=${otherWorld.brand('Initech')}`),
    ];
    for (const url of bad) {
      const res = await call(reader, 'GET', url);
      expect(res.status, url).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body?.code).toBe('validation_failed');
    }
    const unknown = await call(reader, 'GET', `${world.base}/reports/impact?eventId=${world.prompt('p1')}`);
    expect(unknown.status).toBe(404);
    // Without eventId: the latest event up to now; a workspace without one is told to record one.
    const latest = await call(reader, 'GET', `${world.base}/reports/impact?windowDays=7`);
    expect(latest.status, latest.text).toBe(200);
    expect(latest.body?.event.id).toBe(eventId);
    const none = await call(other, 'GET', `${otherWorld.base}/reports/impact`);
    expect(none.status).toBe(404);
    expect(none.type).toContain('application/problem+json');
    expect(none.body?.detail).toMatch(/no event yet/);
  });

  it('says underpowered when a group has no answer', async () => {
    const res = await call(writer, 'POST', events(), {
      kind: 'site_change',
      occurredAt: '2027-01-10T00:00:00Z',
      promptTags: ['pricing'],
    });
    const r = impactReport.parse(
      (await call(reader, 'GET', `${world.base}/reports/impact?eventId=${res.body?.id}`)).body,
    );
    expect(r.estimate).toBeNull();
    expect(r.verdict).toBe('underpowered');
    expect(r.summary).toMatch(/^No estimate: the affected before group has no analysed answer/);
    expect(r.windows.afterComplete).toBe(false);
    await call(writer, 'DELETE', `${events()}/${res.body?.id}`);
  });

  it('lists the events of the range in trends, with their period in the workspace time zone', async () => {
    const late = await call(writer, 'POST', events(), {
      kind: 'product_launch',
      occurredAt: '2026-06-20T22:30:00Z',
      title: 'Launch',
      promptTags: ['smb'],
    });
    const res = await call(
      reader,
      'GET',
      `${world.base}/reports/trends?from=2026-06-08T00:00:00Z&to=2026-06-22T00:00:00Z`,
    );
    expect(res.status, res.text).toBe(200);
    const t = trendsReport.parse(res.body);
    // 22:30 UTC on June 20th is June 21st in Paris (UTC+2).
    expect(t.events).toEqual([
      {
        id: eventId,
        occurredAt: '2026-06-15T00:00:00.000Z',
        period: '2026-06-15',
        kind: 'content_published',
        title: 'Pricing page',
      },
      {
        id: late.body?.id,
        occurredAt: '2026-06-20T22:30:00.000Z',
        period: '2026-06-21',
        kind: 'product_launch',
        title: 'Launch',
      },
    ]);
    const weekly = trendsReport.parse(
      (await call(reader, 'GET', `${world.base}/reports/trends?interval=week&from=2026-06-16T00:00:00Z`)).body,
    );
    expect(weekly.events.map((e) => [e.title, e.period])).toEqual([['Launch', '2026-06-15']]);
    await call(writer, 'DELETE', `${events()}/${late.body?.id}`);
  });
});
