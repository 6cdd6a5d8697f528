/**
 * PDF reports: made by the worker, stored, downloaded, emailed; each PDF is parsed back (pdf.js)
 * and must show the figures the report API returns for the same period.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, interval, percent, points } from '../../src/modules/pdf-reports/pdf-reports.format.js';
import { gatherPdfReport } from '../../src/modules/pdf-reports/pdf-reports.content.js';
import { renderWorkspacePdf } from '../../src/modules/pdf-reports/pdf-reports.service.js';
import { rebuildRollups } from '../../src/modules/reports/rollups.service.js';
import { addRun } from '../factories/answers.js';
import { createTenant, keyFor, type TestTenant } from '../factories/index.js';
import { createPdfWorld, GAP_SNIPPET, type PdfWorld } from '../factories/pdf-world.js';
import { apiClient, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { readPdf } from '../helpers/pdf.js';
import { startSmtp, type SmtpCatcher } from '../helpers/smtp.js';

let ctx: TestContext;
let smtp: SmtpCatcher;
let tenant: TestTenant;
let api: ApiClient;
let pdfWorld: PdfWorld;

beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestContext({ SMTP_URL: smtp.url });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  pdfWorld = await createPdfWorld(ctx.db, tenant.organizationId);
  ctx.startWorker();
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const completed = async (base: string, id: string) =>
  waitFor(async () => {
    const r = await api.get(`${base}/pdf-reports/${id}`);
    if (r.status === 'failed') throw new Error(`PDF report failed: ${r.error}`);
    return r.status === 'completed' ? r : null;
  }, 'the PDF report');

const qs = (p: Record<string, string>) => new URLSearchParams(p).toString();

describe('PDF reports', () => {
  it('makes, stores and serves a PDF whose figures are the report API’s', async () => {
    const { world, period } = pdfWorld;
    const base = world.base;
    const created = await api.send('POST', `${base}/pdf-reports`, period, 202);
    expect(created.body).toMatchObject({ status: 'queued', from: period.from, to: period.to, fileUrl: null });
    const done = await completed(base, created.body.id);
    expect(done.fileUrl).toBe(`${base}/pdf-reports/${done.id}/file`);

    const file = await ctx.app.inject({ url: done.fileUrl, headers: tenant.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="citewatch-report-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.pdf"$/,
    );
    expect(file.rawPayload.length).toBe(done.bytes);
    const pdf = await readPdf(file.rawPayload);
    expect(pdf.pages).toBe(done.pages);
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    const all = pdf.text.join('\n');

    // The figures, as the API reports them for the same period.
    const vis = await api.get(`${base}/reports/visibility?${qs({ ...period, groupBy: 'brand' })}`);
    const own = vis.rows.find((r: { brandKind: string }) => r.brandKind === 'own');
    expect(own.mentionRate.value).toBeCloseTo(20 / 24, 10);
    const sov = await api.get(`${base}/reports/share-of-voice?${qs(period)}`);
    const ownSov = sov.rows.find((r: { brandId: string }) => r.brandId === own.brandId);

    // Cover: the organization's name, the workspace, own-brand visibility and share of voice with interval and n.
    const org = await ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: tenant.organizationId } });
    const cover = pdf.text[0] ?? '';
    expect(cover).toContain(org.name);
    expect(cover).toContain('Nimbus CRM');
    expect(cover).toContain(percent(own.mentionRate.value));
    expect(cover).toContain(`95% CI ${interval(own.mentionRate.ci95)} · n = ${count(own.mentionRate.n)}`);
    expect(cover).toContain(percent(ownSov.shareOfVoice.presence.value));
    expect(cover).toContain(`95% CI ${interval(ownSov.shareOfVoice.presence.ci95)}`);

    // Visibility by assistant and configuration: every own-brand row of the default grouping.
    const byConfig = await api.get(`${base}/reports/visibility?${qs(period)}`);
    const page2 = pdf.text[1] ?? '';
    for (const r of byConfig.rows.filter((x: { brandKind: string }) => x.brandKind === 'own')) {
      expect(page2).toContain(r.modelConfigName);
      expect(page2).toContain(interval(r.mentionRate.ci95));
    }
    // Share of voice and rank: every brand.
    for (const r of sov.rows) {
      expect(page2).toContain(r.brandName);
      expect(page2).toContain(interval(r.shareOfVoice.presence.ci95));
    }

    // Significant change since the previous week: Nimbus CRM up, by the difference of the API's rates.
    const previous = new Date(
      Date.parse(period.from) - (Date.parse(period.to) - Date.parse(period.from)),
    ).toISOString();
    const prevVis = await api.get(
      `${base}/reports/visibility?${qs({ from: previous, to: period.from, groupBy: 'brand' })}`,
    );
    const prevOwn = prevVis.rows.find((r: { brandId: string }) => r.brandId === own.brandId);
    expect(prevOwn.mentionRate.value).toBeCloseTo(3 / 24, 10);
    expect(all).toContain('Significant changes since the previous period');
    expect(all).toContain(points(own.mentionRate.value - prevOwn.mentionRate.value));

    // Trend (drawn as vectors) is titled; its days are the trend report's.
    const trend = await api.get(`${base}/reports/trends?${qs(period)}`);
    expect(all).toContain('Visibility trend (per day)');
    expect(all).toContain(trend.rows[0].period);

    // Top cited domains and URLs.
    const cited = await api.get(`${base}/reports/citations?${qs({ ...period, top: '10' })}`);
    for (const d of cited.groups[0].domains) expect(all).toContain(d.domain);
    for (const u of cited.groups[0].urls) expect(all).toContain(u.url);

    // Competitor gap with its example snippet.
    const gap = await api.get(`${base}/reports/competitor-gap?${qs(period)}`);
    expect(gap.rows.length).toBeGreaterThan(0);
    expect(all).toContain(`${gap.rows[0].competitor.brandName} · gap ${percent(gap.rows[0].gap.value)}`);
    expect(all).toContain(GAP_SNIPPET);

    // Methodology: configurations, answers analysed and failed calls.
    const last = pdf.text[pdf.pages - 1] ?? '';
    expect(last).toContain('Methodology');
    expect(last).toContain('What an interval means');
    expect(last).toContain(`In all: ${count(own.n)} answers analysed, ${count(own.failed)} failed calls`);
    expect(own.failed).toBe(2);
    expect(last).toContain('GPT, web search');

    // The exported renderer gives the same document.
    const direct = await renderWorkspacePdf(ctx, tenant.organizationId, world.workspaceId, period);
    expect(direct.pages).toBe(pdf.pages);
    expect(direct.buffer.subarray(0, 5).toString()).toBe('%PDF-');

    const list = await api.get(`${base}/pdf-reports`);
    expect(list.data.map((r: { id: string }) => r.id)).toContain(done.id);
  });

  it('shows the citation lists and competitor gap the report API gives, read live, from rollups and both', async () => {
    // A workspace of its own: its runs are rolled up half-way through the test.
    const { world, period } = await createPdfWorld(ctx.db, tenant.organizationId);
    const json = (x: unknown) => JSON.parse(JSON.stringify(x));
    type Group = { brands: unknown; [k: string]: unknown };
    const sameFigures = async () => {
      const data = await gatherPdfReport(ctx, tenant.organizationId, world.workspaceId, period);
      // The PDF asks for the top 10 sources, and 8 gap rows with one example each.
      const cited = await api.get(`${world.base}/reports/citations?${qs({ ...period, top: '10' })}`);
      const gap = await api.get(`${world.base}/reports/competitor-gap?${qs({ ...period, limit: '8', examples: '1' })}`);
      const { groups, byProvider, competitorOnlySources, sourceCategories, liveRuns, ...citedRest } = cited;
      const { liveRuns: pdfLive, groups: pdfGroups, ...pdfRest } = json(data.citations);
      expect(pdfRest).toEqual(citedRest);
      // Every figure of each slice (totals, domains with owners, URLs); the PDF leaves out the brand rows only.
      expect(pdfGroups).toEqual(groups.map(({ brands, ...g }: Group) => g));
      expect(pdfGroups[0].domains.length).toBeGreaterThan(0);
      expect(pdfGroups[0].urls.length).toBeGreaterThan(0);
      const { liveRuns: gapLive, ...gapRest } = gap;
      const { liveRuns: pdfGapLive, ...pdfGapRest } = json(data.competitorGap);
      expect(pdfGapRest).toEqual(gapRest);
      expect(gap.rows.length).toBeGreaterThan(0);
      return { data, gap };
    };

    // Both runs of the period read live (no rollup built yet).
    const live = await sameFigures();
    expect(live.data.citations.liveRuns).toBe(2);
    // From the rollups, the period's whole local days from period rollups.
    await rebuildRollups(ctx.db.pool, { workspaceId: world.workspaceId });
    const rolled = await sameFigures();
    expect(rolled.data.citations.liveRuns).toBe(0);
    expect(rolled.data.citations.groups).toEqual(live.data.citations.groups);
    // A newer run read live beside the rollups, with a newer gap answer: it becomes the row's example.
    const newest = 'HubSpot, newest of the gap answers';
    await addRun(ctx.db, world, {
      createdAt: new Date(Date.parse(period.to) - 2 * 3_600_000),
      answers: [
        {
          prompt: 'p1',
          config: 'gpt',
          text: 'HubSpot is worth a look.',
          mentions: [{ brand: 'HubSpot', rank: 1, snippet: newest }],
          citations: [{ url: 'https://www.hubspot.com/crm' }],
        },
      ],
    });
    const mixed = await sameFigures();
    expect(mixed.data.citations.liveRuns).toBe(1);
    const row = mixed.gap.rows.find(
      (r: { competitor: { brandName: string }; promptText: string }) =>
        r.competitor.brandName === 'HubSpot' && r.promptText === 'What is the best CRM for a small team?',
    );
    expect(row.examples.map((e: { snippet: string }) => e.snippet)).toEqual([newest]);
  });

  it('emails the PDF as an attachment to every address given', async () => {
    const { world, period } = pdfWorld;
    const to = ['client@nimbus.example', 'cmo@nimbus.example'];
    const created = await api.send('POST', `${world.base}/pdf-reports`, { ...period, sendTo: to }, 202);
    const done = await completed(world.base, created.body.id);
    const sent = await waitFor(async () => {
      const r = await api.get(`${world.base}/pdf-reports/${done.id}`);
      return r.sentAt ? r : null;
    }, 'the PDF email');
    expect(sent.error).toBeNull();
    for (const address of to) {
      const msg = await smtp.waitFor((m) => m.to === address && m.partTypes.includes('application/pdf'));
      expect(msg.subject).toContain('AI visibility report');
      expect(msg.text).toContain('is attached as a PDF');
      const part = /Content-Type: application\/pdf[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(msg.raw);
      const bytes = Buffer.from((part?.[1] ?? '').replace(/\s+/g, ''), 'base64');
      const attached = await readPdf(bytes);
      expect(attached.pages).toBe(done.pages);
      expect(attached.text[0]).toContain('Nimbus CRM');
    }
  });

  it('draws the cover in the organization’s white label and sends under its sender name', async () => {
    const other = await createTenant(ctx.db);
    const otherApi = apiClient(ctx.app, other.headers);
    const { world, period } = await createPdfWorld(ctx.db, other.organizationId);
    await otherApi.patch(`/v1/organizations/${other.organizationId}/branding`, {
      displayName: 'Northwind Agency',
      primaryColor: '#7c2d12',
      accentColor: '#0e7490',
      emailSenderName: 'Northwind Reports',
    });
    const png = new PNG({ width: 40, height: 20 });
    png.data.fill(200);
    const logo = await ctx.app.inject({
      method: 'PUT',
      url: `/v1/organizations/${other.organizationId}/branding/logo`,
      headers: { ...other.headers, 'content-type': 'image/png' },
      payload: PNG.sync.write(png),
    });
    expect(logo.statusCode, logo.body).toBeLessThan(300);
    const created = await otherApi.send(
      'POST',
      `${world.base}/pdf-reports`,
      { ...period, sendTo: ['brand@nimbus.example'] },
      202,
    );
    const done = await waitFor(async () => {
      const r = await otherApi.get(`${world.base}/pdf-reports/${created.body.id}`);
      return r.sentAt ? r : null;
    }, 'the branded PDF');
    const file = await ctx.app.inject({ url: done.fileUrl, headers: other.headers });
    const pdf = await readPdf(file.rawPayload);
    expect(pdf.text[0]).toContain('Northwind Agency');
    expect(pdf.info.Author).toBe('Northwind Agency');
    // The logo is drawn on the cover as an image.
    expect(file.rawPayload.toString('latin1')).toMatch(/\/Subtype \/Image/);
    // Every other page's footer names the agency.
    for (const page of pdf.text.slice(1)) expect(page).toContain('Northwind Agency ·');
    const msg = await smtp.waitFor((m) => m.to === 'brand@nimbus.example');
    expect(msg.from).toContain('Northwind Reports');
    expect(msg.subject).toContain('Northwind Agency');
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const { world, period } = pdfWorld;
    const cases: Array<[unknown, string]> = [
      [{ from: period.to, to: period.from }, 'body.from'],
      [{ from: '2025-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }, 'body.to'],
      [{ ...period, sendTo: ['not an address'] }, 'body.sendTo.0'],
      [{ from: 'yesterday', to: period.to }, 'body.from'],
      [{ ...period, colour: 'red' }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `${world.base}/pdf-reports`,
        headers: tenant.headers,
        payload: body as object,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    }
  });

  it('answers 409 for the file of a report not made yet, 404 for an unknown one', async () => {
    const { world, period } = pdfWorld;
    const row = await ctx.db.prisma.pdfReport.create({
      data: {
        id: crypto.randomUUID(),
        workspaceId: world.workspaceId,
        from: new Date(period.from),
        to: new Date(period.to),
      },
    });
    const res = await ctx.app.inject({ url: `${world.base}/pdf-reports/${row.id}/file`, headers: tenant.headers });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('queued');
    const missing = await ctx.app.inject({
      url: `${world.base}/pdf-reports/${crypto.randomUUID()}`,
      headers: tenant.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps each organization’s reports to itself', async () => {
    const { world, period } = pdfWorld;
    const created = await api.send('POST', `${world.base}/pdf-reports`, period, 202);
    const done = await completed(world.base, created.body.id);
    const other = await createTenant(ctx.db);
    for (const url of [
      `${world.base}/pdf-reports`,
      `${world.base}/pdf-reports/${done.id}`,
      `${world.base}/pdf-reports/${done.id}/file`,
    ]) {
      const res = await ctx.app.inject({ url, headers: other.headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('%PDF');
    }
    const post = await ctx.app.inject({
      method: 'POST',
      url: `${world.base}/pdf-reports`,
      headers: other.headers,
      payload: period,
    });
    expect(post.statusCode).toBe(404);
    // A read-only key of the organization downloads but cannot ask for a PDF.
    const reader = await keyFor(ctx.db, tenant.organizationId, ['read']);
    const download = await ctx.app.inject({
      url: `${world.base}/pdf-reports/${done.id}/file`,
      headers: reader.headers,
    });
    expect(download.statusCode).toBe(200);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `${world.base}/pdf-reports`,
      headers: reader.headers,
      payload: period,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });
});
