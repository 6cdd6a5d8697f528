/**
 * The last lines of `citewatch demo`, which a user copies from: the dashboard address, the
 * sign-in and the key to paste into it. They are printed by the function the demo ends with, here
 * against a factory workspace and the API listening on a real port, and must work as printed: the
 * dashboard is served there, the key reads the workspace's report but cannot change anything, and
 * the printed email and password sign in as the demo organization's owner.
 * (The whole demo, with its worker process, is run by readme-demo.test.ts against the README.)
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printNextSteps } from '../../src/cli/demo.js';
import { printAppGap, printReport, printSentimentExamples } from '../../src/cli/report-table.js';
import { addRun, createWorld, type World } from '../factories/answers.js';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';

let ctx: TestContext;
let tenant: TestTenant;
let world: World;
let runId: string;
let port: number;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx.db, ['admin']);
  world = await createWorld(ctx.db, tenant.organizationId, {
    brands: [{ name: 'Nimbus CRM', kind: 'own' }, { name: 'HubSpot' }],
    prompts: [{ key: 'p1' }],
    configs: [{ key: 'mock', provider: 'mock' }],
  });
  runId = await addRun(ctx.db, world, {
    createdAt: new Date(),
    answers: [
      {
        prompt: 'p1',
        config: 'mock',
        text: 'Nimbus CRM, then HubSpot.',
        mentions: [
          { brand: 'Nimbus CRM', rank: 1, sentiment: 0.6, label: 'positive', passage: [0, 11] },
          { brand: 'HubSpot', rank: 2, passage: [0, 25] },
        ],
      },
      {
        prompt: 'p1',
        config: 'mock',
        text: 'Avoid HubSpot:\n  too   costly.',
        mentions: [{ brand: 'HubSpot', rank: 1, sentiment: -0.5, label: 'negative', passage: [0, 30] }],
      },
    ],
  });
  // "localhost", as the demo prints it: the address must answer whichever family it resolves to.
  await ctx.app.listen({ host: 'localhost', port: 0 });
  port = (ctx.app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await ctx?.close();
});

const lineAfter = (lines: string[], label: string) =>
  lines
    .find((l) => l.startsWith(label))
    ?.slice(label.length)
    .trim();

describe('citewatch demo, last lines', () => {
  it('print the dashboard address and a key that reads the demo workspace and cannot write', async () => {
    const lines: string[] = [];
    await printNextSteps(
      { db: ctx.db, auth: ctx.app.auth },
      { organizationId: tenant.organizationId, workspaceId: world.workspaceId, runId, port },
      (l) => lines.push(l),
    );

    const dashboard = lineAfter(lines, 'Dashboard (after "npm start"):');
    expect(dashboard).toBe(`http://localhost:${port}/dashboard/`);
    const page = await fetch(dashboard as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');

    const key = lineAfter(lines, 'Demo API key (read only; shown once, paste it into the dashboard):');
    expect(key).toMatch(/^cw_\S+$/);
    expect(key).not.toBe(tenant.key);
    const auth = { authorization: `Bearer ${key}` };

    // The report the demo suggests reading with curl, with the same key, at the printed address.
    const curl = /curl -H "Authorization: Bearer (\S+)" "([^"]+)"/.exec(lines.join('\n'));
    expect(curl?.[1]).toBe(key);
    expect(curl?.[2]).toBe(
      `http://localhost:${port}/v1/workspaces/${world.workspaceId}/reports/visibility?runId=${runId}`,
    );
    const report = await fetch(curl?.[2] as string, { headers: auth });
    expect(report.status).toBe(200);
    const rows = (
      (await report.json()) as { rows: Array<{ brandName: string; n: number; mentionRate: { numerator: number } }> }
    ).rows;
    expect(rows.map((r) => [r.brandName, r.mentionRate.numerator, r.n]).sort()).toEqual([
      ['HubSpot', 2, 2],
      ['Nimbus CRM', 1, 2],
    ]);

    const write = await fetch(`http://localhost:${port}/v1/workspaces/${world.workspaceId}/brands`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Pipedrive', kind: 'competitor' }),
    });
    expect(write.status).toBe(403);
    expect(write.headers.get('content-type')).toContain('application/problem+json');
    expect(((await write.json()) as { detail: string }).detail).toContain('"write" scope');
    // The same request with a key that may write is accepted, so the 403 above is the scope's doing.
    const admin = await fetch(`http://localhost:${port}/v1/workspaces/${world.workspaceId}/brands`, {
      method: 'POST',
      headers: { ...tenant.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Pipedrive', kind: 'competitor' }),
    });
    expect(admin.status).toBe(201);
  });

  it('print a sign-in the demo workspace accepts, with a new password at each run', async () => {
    const run = async () => {
      const lines: string[] = [];
      await printNextSteps(
        { db: ctx.db, auth: ctx.app.auth },
        { organizationId: tenant.organizationId, workspaceId: world.workspaceId, runId, port },
        (l) => lines.push(l),
      );
      expect(lines).toContain('Sign in there as the demo organization’s owner (a new password at each demo run):');
      return { email: lineAfter(lines, '  email:') as string, password: lineAfter(lines, '  password:') as string };
    };
    const first = await run();
    const second = await run();
    expect(second.email).toBe('demo@citewatch.local');
    expect(second.password).toMatch(/^\S{16}$/);
    expect(second.password).not.toBe(first.password);

    // As a browser on PUBLIC_BASE_URL does: its Origin goes with the POST (better-auth refuses a
    // fetch that says it comes from a page, sec-fetch-mode, without one).
    const origin = new URL(ctx.app.auth.options.baseURL as string).origin;
    const signIn = (password: string) =>
      fetch(`http://localhost:${port}/v1/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: second.email, password }),
      });
    expect((await signIn(first.password)).status).toBe(401);
    const signedIn = await signIn(second.password);
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.getSetCookie().find((c) => c.includes('session_token=')) as string).split(';')[0];
    const headers = { cookie: cookie as string };
    const me = (await (await fetch(`http://localhost:${port}/v1/me`, { headers })).json()) as {
      organizations: Array<{ id: string; role: string }>;
      csrfToken: string;
    };
    expect(me.organizations).toContainEqual(expect.objectContaining({ id: tenant.organizationId, role: 'owner' }));
    const report = await fetch(
      `http://localhost:${port}/v1/workspaces/${world.workspaceId}/reports/visibility?runId=${runId}`,
      { headers },
    );
    expect(report.status).toBe(200);
    // The owner may change the demo workspace, with the session's CSRF token.
    const write = await fetch(`http://localhost:${port}/v1/workspaces/${world.workspaceId}/brands`, {
      method: 'POST',
      headers: { ...headers, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Close CRM', kind: 'competitor' }),
    });
    expect(write.status).toBe(201);
  });

  it('print, for a few answers, each brand’s sentiment label with the passage that decided it', async () => {
    const lines: string[] = [];
    await printSentimentExamples({ db: ctx.db }, world.workspaceId, runId, (l) => lines.push(l));
    expect(lines[0]).toBe('Sentiment — why each label: the passage of the answer that decided it, for 2 answers');
    // The answer holding more labels first; passages on one line, spaces collapsed.
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}“.*” \(.*\)$/),
      '    Nimbus CRM: positive — “Nimbus CRM,”',
      '    HubSpot: neutral — “Nimbus CRM, then HubSpot.”',
      expect.stringMatching(/^ {2}“.*” \(.*\)$/),
      '    HubSpot: negative — “Avoid HubSpot: too costly.”',
    ]);
  });

  it('print what kind of sources a run cites: each category with its share of citations, as the citations report splits them', async () => {
    const w = await createWorld(ctx.db, tenant.organizationId, {
      brands: [
        { name: 'Nimbus CRM', kind: 'own', domains: ['nimbus.example'] },
        { name: 'HubSpot', domains: ['hubspot.com'] },
      ],
      prompts: [{ key: 'p1' }],
      configs: [{ key: 'c1', name: 'Mock API', provider: 'mock', model: 'mock-assistant-1' }],
    });
    // Two answers, six citations: Reddit three times, G2 once, HubSpot's own site once, the own site once.
    const run = await addRun(ctx.db, w, {
      createdAt: new Date(),
      answers: [
        {
          prompt: 'p1',
          config: 'c1',
          mentions: [{ brand: 'HubSpot' }],
          citations: [
            { url: 'https://www.reddit.com/r/crm/1' },
            { url: 'https://www.reddit.com/r/crm/2' },
            { url: 'https://www.g2.com/crm' },
          ],
        },
        {
          prompt: 'p1',
          config: 'c1',
          mentions: [{ brand: 'Nimbus CRM' }],
          citations: [
            { url: 'https://www.reddit.com/r/crm/3' },
            { url: 'https://hubspot.com/pricing' },
            { url: 'https://nimbus.example/' },
          ],
        },
      ],
    });
    const lines: string[] = [];
    await printReport({ db: ctx.db }, tenant.organizationId, w.workspaceId, run, (l) => lines.push(l));
    const at = lines.findIndex((l) => l.startsWith('Cited sources by category'));
    expect(lines[at]).toMatch(/^Cited sources by category — 6 citations in 2 answers \(domain list version \d+\)$/);
    const text = lines.slice(at).join('\n');
    expect(text).toMatch(/Forum and community\s+50% \[[^\]]+\]\s+100% \[[^\]]+\]\s+3\n/);
    expect(text).toMatch(/Review and comparison\s+17% \[[^\]]+\]\s+50% \[[^\]]+\]\s+1\n/);
    expect(text).toMatch(/Competitor\s+17% .*\s1\n/);
    expect(text).toMatch(/Own\s+17% .*\s1\n/);
    // Categories no answer cites are left out; the most cited domains follow.
    expect(text).not.toMatch(/^Video/m);
    expect(lines.at(-1)).toMatch(/^Most cited domains: reddit\.com \(3\), /);
  });

  it('print the app-versus-API gap of a run: the verdict, then each brand and domain on both surfaces', async () => {
    const w = await createWorld(ctx.db, tenant.organizationId, {
      brands: [{ name: 'Nimbus CRM', kind: 'own' }, { name: 'HubSpot' }],
      prompts: [{ key: 'p1' }],
      configs: [
        { key: 'api', name: 'Mock API', provider: 'mock', model: 'mock-assistant-1' },
        { key: 'app', name: 'Mock ChatGPT app', provider: 'mock_app', model: 'chatgpt' },
      ],
    });
    const arm = (config: string, nimbus: number, domain: string) =>
      Array.from({ length: 30 }, (_, i) => ({
        prompt: 'p1',
        config,
        mentions: [...(i < nimbus ? [{ brand: 'Nimbus CRM' }] : []), { brand: 'HubSpot' }],
        citations: [{ url: `https://${domain}/${i}` }, { url: `https://g2.com/${i}` }],
      }));
    const gapRun = await addRun(ctx.db, w, {
      createdAt: new Date(),
      answers: [...arm('api', 15, 'capterra.com'), ...arm('app', 3, 'reddit.com')],
    });
    const lines: string[] = [];
    await printAppGap({ db: ctx.db }, tenant.organizationId, w.workspaceId, gapRun, (l) => lines.push(l));
    const res = await ctx.app.inject({
      url: `${w.base}/reports/app-gap?runId=${gapRun}&top=5`,
      headers: tenant.headers,
    });
    const report = JSON.parse(res.body);
    const [chatgpt] = report.assistants;
    expect(lines[0]).toBe(
      'App versus API — ChatGPT: Mock API (n=30) against Mock ChatGPT app (n=30) on 1 shared prompt',
    );
    expect(lines[1]).toBe(chatgpt.verdict.summary);
    expect(chatgpt.verdict.status).toBe('not_stand_in');
    const text = lines.join('\n');
    // 15/30 on the API, 3/30 in the app: −40 points.
    expect(text).toMatch(/Nimbus CRM \(own\)\s+50% \[33%–67%\]\s+10% \[3%–26%\]\s+−40 pts \[−\d+ to −\d+\]/);
    // Half the app's citations are Reddit's, none of the API's.
    expect(text).toMatch(/reddit\.com\s+0% \[0%–0%\]\s+50% \[50%–50%\]\s+\+50 pts/);
    expect(text).toMatch(/g2\.com\s+50% \[50%–50%\]\s+50% \[50%–50%\]\s+±0 pts/);
  });
});
