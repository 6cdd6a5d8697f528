/**
 * Draws a PDF report with pdfkit: pure JavaScript, vector drawing and the 14 standard PDF fonts,
 * so it runs in the worker with nothing but `npm ci` (no browser, no font download). Charts are
 * vector paths, tables are text, so the PDF stays small and its text can be searched and copied.
 *
 * renderWorkspacePdf(deps, orgId, workspaceId, period) is the one entry point other modules use
 * (the worker job, and the digests that attach the PDF).
 */
import PDFDocument from 'pdfkit';
import type { Database } from '../../db/client.js';
import type { ReportsDeps } from '../reports/reports.service.js';
import { pdfBrandingOf, type PdfBranding } from './pdf-reports.branding.js';
import { gatherPdfReport, type PdfReportData, type ReportPeriod } from './pdf-reports.content.js';
import { count, day, decimal, interval, pdfText, percent, periodLabel, points, pValue } from './pdf-reports.format.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 };
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN - 20;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';
const PALETTE = ['#b45309', '#7c3aed', '#be185d', '#15803d', '#0369a1', '#a16207', '#4d7c0f'];

export interface RenderedPdf {
  buffer: Buffer;
  pages: number;
}

/** The PDF of a workspace for a period, as bytes: figures from the report services, drawn in the organization's branding. */
export async function renderWorkspacePdf(
  deps: { db: Database } & ReportsDeps,
  orgId: string,
  workspaceId: string,
  period: ReportPeriod,
): Promise<RenderedPdf> {
  const data = await gatherPdfReport(deps, orgId, workspaceId, period);
  const branding = await pdfBrandingOf(deps.db, orgId);
  return drawPdf(data, branding);
}

export async function drawPdf(data: PdfReportData, branding: PdfBranding): Promise<RenderedPdf> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: pdfText(`${data.workspace.name}: AI assistant visibility report`),
      Author: pdfText(branding.displayName),
      Producer: 'Citewatch',
      Creator: 'Citewatch',
      CreationDate: new Date(data.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const r = new Renderer(doc, data, branding);
  r.cover();
  r.summary();
  r.trend();
  r.citations();
  r.competitorGap();
  r.methodology();
  const pages = r.footers();
  doc.end();
  await ended;
  return { buffer: Buffer.concat(chunks), pages };
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

class Renderer {
  private readonly tz: string;
  private readonly colors = new Map<string, string>();

  constructor(
    private readonly doc: Doc,
    private readonly data: PdfReportData,
    private readonly brand: PdfBranding,
  ) {
    this.tz = data.workspace.timezone;
    let i = 0;
    for (const row of this.brandsByVisibility())
      this.colors.set(
        row.brandId,
        row.brandKind === 'own' ? brand.primaryColor : (PALETTE[i++ % PALETTE.length] ?? INK),
      );
  }

  private brandsByVisibility() {
    return [...this.data.visibility.rows].sort(
      (a, b) =>
        (a.brandKind === 'own' ? 0 : 1) - (b.brandKind === 'own' ? 0 : 1) ||
        (b.mentionRate.value ?? 0) - (a.mentionRate.value ?? 0),
    );
  }

  private ownRows() {
    return this.data.visibility.rows.filter((r) => r.brandKind === 'own');
  }

  // Layout helpers ---------------------------------------------------------------------------

  private ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.doc.addPage();
  }

  private heading(text: string): void {
    this.ensure(60);
    const { doc } = this;
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(16).fillColor(this.brand.primaryColor);
    doc.text(pdfText(text), MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.3);
  }

  private subheading(text: string): void {
    this.ensure(40);
    this.doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11.5).fillColor(INK);
    this.doc.text(pdfText(text), MARGIN, this.doc.y, { width: WIDTH });
    this.doc.moveDown(0.2);
  }

  private para(text: string, opts: { muted?: boolean; size?: number; italic?: boolean } = {}): void {
    const { doc } = this;
    doc
      .font(opts.italic ? 'Helvetica-Oblique' : 'Helvetica')
      .fontSize(opts.size ?? 9.5)
      .fillColor(opts.muted ? MUTED : INK);
    this.ensure(doc.heightOfString(pdfText(text), { width: WIDTH }) + 4);
    doc.text(pdfText(text), MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.35);
  }

  /** A table whose rows flow across pages, the header repeated on each. */
  private table(columns: Column[], rows: string[][]): void {
    const { doc } = this;
    const pad = 3;
    const size = 8.5;
    const header = () => {
      this.ensure(40);
      const y = doc.y;
      doc.font('Helvetica-Bold').fontSize(size).fillColor(MUTED);
      let x = MARGIN;
      let h = 0;
      for (const c of columns) {
        const text = pdfText(c.header);
        doc.text(text, x + pad, y, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        h = Math.max(h, doc.heightOfString(text, { width: c.width - 2 * pad }));
        x += c.width;
      }
      doc
        .moveTo(MARGIN, y + h + 2)
        .lineTo(MARGIN + WIDTH, y + h + 2)
        .lineWidth(0.8)
        .strokeColor(this.brand.primaryColor)
        .stroke();
      doc.y = y + h + 5;
    };
    header();
    doc.font('Helvetica').fontSize(size).fillColor(INK);
    for (const row of rows) {
      const cells = row.map((cell) => pdfText(cell));
      doc.font('Helvetica').fontSize(size);
      const h = Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell, { width: (columns[i]?.width ?? 50) - 2 * pad })),
      );
      if (doc.y + h + 4 > BOTTOM) {
        doc.addPage();
        header();
        doc.font('Helvetica').fontSize(size);
      }
      const y = doc.y;
      let x = MARGIN;
      doc.fillColor(INK);
      for (const [i, cell] of cells.entries()) {
        const c = columns[i];
        if (!c) continue;
        doc.text(cell, x + pad, y, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      }
      doc
        .moveTo(MARGIN, y + h + 2)
        .lineTo(MARGIN + WIDTH, y + h + 2)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.y = y + h + 4;
    }
    doc.x = MARGIN;
    doc.moveDown(0.4);
  }

  private cols(...spec: Array<[string, number, ('left' | 'right')?]>): Column[] {
    const total = spec.reduce((s, [, w]) => s + w, 0);
    return spec.map(([header, w, align]) => ({ header, width: (w / total) * WIDTH, ...(align ? { align } : {}) }));
  }

  // Pages -------------------------------------------------------------------------------------

  cover(): void {
    const { doc, data, brand } = this;
    doc.rect(0, 0, PAGE.width, 230).fill(brand.primaryColor);
    doc.rect(0, 230, PAGE.width, 8).fill(brand.accentColor);
    let y = 60;
    if (brand.logo) {
      try {
        doc.image(brand.logo, MARGIN, 50, { fit: [160, 60] });
        y = 125;
      } catch {
        // An unreadable logo leaves the cover without one rather than failing the report.
      }
    }
    doc.font('Helvetica-Bold').fontSize(26).fillColor('#ffffff');
    doc.text(pdfText(brand.displayName), MARGIN, y, { width: WIDTH });
    doc.font('Helvetica').fontSize(14).fillColor('#ffffff');
    doc.text('AI assistant visibility report', MARGIN, doc.y + 6, { width: WIDTH });
    doc.y = 270;
    doc.font('Helvetica-Bold').fontSize(20).fillColor(INK);
    doc.text(pdfText(data.workspace.name), MARGIN, doc.y, { width: WIDTH });
    doc.font('Helvetica').fontSize(12).fillColor(MUTED);
    doc.text(`Period: ${periodLabel(data.period, this.tz)} (${pdfText(this.tz)})`, MARGIN, doc.y + 6);
    doc.text(`Generated ${day(data.generatedAt, this.tz)}`, MARGIN, doc.y + 2);
    doc.moveDown(1.5);

    const answers = data.visibility.rows[0]?.n ?? 0;
    const sov = new Map(data.shareOfVoice.rows.map((r) => [r.brandId, r]));
    for (const own of this.ownRows()) {
      this.ensure(110);
      const y0 = doc.y;
      doc.rect(MARGIN, y0, WIDTH, 96).lineWidth(1).strokeColor(RULE).stroke();
      doc.rect(MARGIN, y0, 5, 96).fill(brand.accentColor);
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .fillColor(INK)
        .text(pdfText(own.brandName), MARGIN + 18, y0 + 12);
      const tile = (x: number, label: string, value: string, detail: string) => {
        doc
          .font('Helvetica')
          .fontSize(9)
          .fillColor(MUTED)
          .text(label, x, y0 + 34);
        doc
          .font('Helvetica-Bold')
          .fontSize(22)
          .fillColor(brand.primaryColor)
          .text(value, x, y0 + 47);
        doc
          .font('Helvetica')
          .fontSize(8.5)
          .fillColor(MUTED)
          .text(detail, x, y0 + 74, { width: 230 });
      };
      tile(
        MARGIN + 18,
        'Visibility (answers mentioning the brand)',
        percent(own.mentionRate.value),
        `95% CI ${interval(own.mentionRate.ci95)} · n = ${count(own.mentionRate.n)}`,
      );
      const s = sov.get(own.brandId);
      tile(
        MARGIN + 260,
        'Share of voice (presence)',
        percent(s?.shareOfVoice.presence.value),
        `95% CI ${interval(s?.shareOfVoice.presence.ci95)} · n = ${count(s?.shareOfVoice.presence.n ?? 0)}`,
      );
      doc.y = y0 + 108;
    }
    if (!this.ownRows().length) this.para('No own brand is tracked in this workspace.', { muted: true });
    doc.moveDown(0.5);
    this.para(
      `${count(answers)} answers analysed from ${count(data.runs.total)} runs; ${count(this.failedAnswers())} failed calls excluded. ` +
        `Figures are estimates from samples: each comes with its 95% interval and its n (see Methodology).`,
      { muted: true },
    );
  }

  private failedAnswers(): number {
    return this.data.visibility.rows[0]?.failed ?? 0;
  }

  summary(): void {
    const { data } = this;
    this.doc.addPage();
    this.heading('Your brand at a glance');
    const sov = new Map(data.shareOfVoice.rows.map((r) => [r.brandId, r]));
    this.table(
      this.cols(
        ['Brand', 3],
        ['Visibility', 1.4, 'right'],
        ['95% CI', 1.8, 'right'],
        ['n', 1.1, 'right'],
        ['Share of voice', 1.5, 'right'],
        ['95% CI', 1.8, 'right'],
        ['Avg rank', 1.2, 'right'],
      ),
      this.ownRows().map((r) => {
        const s = sov.get(r.brandId);
        return [
          r.brandName,
          percent(r.mentionRate.value),
          interval(r.mentionRate.ci95),
          count(r.mentionRate.n),
          percent(s?.shareOfVoice.presence.value),
          interval(s?.shareOfVoice.presence.ci95),
          decimal(s?.averageRank.value),
        ];
      }),
    );

    this.heading('Visibility by assistant and configuration');
    const rows = data.visibilityByConfig.rows
      .filter((r) => r.brandKind === 'own')
      .sort((a, b) => (b.mentionRate.value ?? 0) - (a.mentionRate.value ?? 0));
    this.table(
      this.cols(
        ['Brand', 2.4],
        ['Assistant', 1.5],
        ['Configuration', 2.6],
        ['Visibility', 1.3, 'right'],
        ['95% CI', 1.8, 'right'],
        ['n', 1, 'right'],
        ['Failed', 1, 'right'],
      ),
      rows.map((r) => [
        r.brandName,
        r.provider ?? '',
        r.modelConfigName ?? '',
        percent(r.mentionRate.value),
        interval(r.mentionRate.ci95),
        count(r.n),
        count(r.failed),
      ]),
    );

    this.heading('Share of voice and rank');
    this.para(
      'Share of voice: answers mentioning the brand over the sum, across tracked brands, of answers mentioning each. Rank: position among the tracked brands named (1 = named first), over the answers mentioning the brand.',
      { muted: true, size: 8.5 },
    );
    const sovRows = [...data.shareOfVoice.rows].sort(
      (a, b) => (b.shareOfVoice.presence.value ?? 0) - (a.shareOfVoice.presence.value ?? 0),
    );
    this.table(
      this.cols(
        ['Brand', 2.8],
        ['Kind', 1.2],
        ['Share of voice', 1.5, 'right'],
        ['95% CI', 1.8, 'right'],
        ['Mentioned', 1.3, 'right'],
        ['Avg rank', 1.1, 'right'],
        ['Top-1 rate', 1.2, 'right'],
        ['n', 1, 'right'],
      ),
      sovRows.map((r) => [
        r.brandName,
        r.brandKind === 'own' ? 'Own' : 'Competitor',
        percent(r.shareOfVoice.presence.value),
        interval(r.shareOfVoice.presence.ci95),
        count(r.mentioned),
        decimal(r.averageRank.value),
        percent(r.top1Rate.value),
        count(r.n),
      ]),
    );
  }

  trend(): void {
    const { doc, data } = this;
    doc.addPage();
    this.heading(`Visibility trend (per ${data.trends.interval})`);
    const periods = [...new Set(data.trends.rows.map((r) => r.period))].sort();
    const shown = this.brandsByVisibility().slice(0, 6);
    const x0 = MARGIN + 34;
    const y0 = doc.y + 8;
    const w = WIDTH - 40;
    const h = 220;
    const max = Math.max(
      0.1,
      ...data.trends.rows
        .filter((r) => shown.some((b) => b.brandId === r.brandId))
        .map((r) => r.mentionRate.value ?? 0),
    );
    const top = Math.min(1, Math.ceil(max * 10) / 10);
    const xAt = (i: number) => x0 + (periods.length <= 1 ? w / 2 : (i / (periods.length - 1)) * w);
    const yAt = (v: number) => y0 + h - (v / top) * h;
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    for (let t = 0; t <= 4; t++) {
      const v = (top * t) / 4;
      doc
        .moveTo(x0, yAt(v))
        .lineTo(x0 + w, yAt(v))
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.fillColor(MUTED).text(percent(v), MARGIN - 6, yAt(v) - 3, { width: 36, align: 'right' });
    }
    const labelled = periods.length <= 1 ? [0] : [0, Math.floor((periods.length - 1) / 2), periods.length - 1];
    for (const i of new Set(labelled)) {
      const p = periods[i];
      if (p) doc.fillColor(MUTED).text(p, xAt(i) - 30, y0 + h + 5, { width: 60, align: 'center' });
    }
    for (const b of [...shown].reverse()) {
      const color = this.colors.get(b.brandId) ?? INK;
      const points = data.trends.rows
        .filter((r) => r.brandId === b.brandId && r.mentionRate.value !== null)
        .map((r) => [xAt(periods.indexOf(r.period)), yAt(r.mentionRate.value ?? 0)] as const);
      if (!points.length) continue;
      const [first, ...rest] = points;
      if (!first) continue;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc
        .lineWidth(b.brandKind === 'own' ? 2.2 : 1.2)
        .strokeColor(color)
        .stroke();
      if (points.length === 1) doc.circle(first[0], first[1], 2.5).fill(color);
    }
    // Legend.
    let lx = MARGIN;
    let ly = y0 + h + 22;
    doc.fontSize(8.5);
    for (const b of shown) {
      const label = pdfText(b.brandName);
      const lw = doc.widthOfString(label) + 26;
      if (lx + lw > MARGIN + WIDTH) {
        lx = MARGIN;
        ly += 14;
      }
      doc
        .moveTo(lx, ly + 4)
        .lineTo(lx + 16, ly + 4)
        .lineWidth(2)
        .strokeColor(this.colors.get(b.brandId) ?? INK)
        .stroke();
      doc.fillColor(INK).text(label, lx + 20, ly, { lineBreak: false });
      lx += lw + 8;
    }
    doc.x = MARGIN;
    doc.y = ly + 22;
    this.para(
      `Mention rate per ${data.trends.interval} in ${this.tz}, for the ${shown.length} most visible brands (own brands drawn thicker). Days with few answers move more: read the intervals in the tables, not single points.`,
      { muted: true, size: 8.5 },
    );

    this.heading('Significant changes since the previous period');
    this.para(
      `Previous period: ${periodLabel(data.previousPeriod, this.tz)}. Each brand's visibility is compared with a two-proportion test (z, or Fisher's exact test for small counts), p-values adjusted across brands (Holm); changes significant at ${data.alpha} are listed.`,
      { muted: true, size: 8.5 },
    );
    if (!data.changes.length) {
      this.para(
        data.previousVisibility.rows.some((r) => r.n > 0)
          ? 'No brand’s visibility changed significantly since the previous period.'
          : 'The previous period has no answers to compare with.',
      );
      return;
    }
    this.table(
      this.cols(
        ['Brand', 2.6],
        ['Previous', 1.3, 'right'],
        ['Current', 1.3, 'right'],
        ['Change', 1.4, 'right'],
        ['95% CI of change', 2, 'right'],
        ['p (adjusted)', 1.3, 'right'],
      ),
      data.changes.map((c) => [
        c.brandName,
        `${percent(c.previous.rate)} (n ${count(c.previous.n)})`,
        `${percent(c.current.rate)} (n ${count(c.current.n)})`,
        points(c.difference),
        c.ci95 ? `${points(c.ci95.low)} to ${points(c.ci95.high)}` : '–',
        pValue(c.pValueAdjusted),
      ]),
    );
  }

  citations(): void {
    const group = this.data.citations.groups[0];
    this.doc.addPage();
    this.heading('Top cited domains');
    if (!group?.domains.length) {
      this.para('No cited sources in this period.');
      return;
    }
    this.para(
      `Cited = provider annotations and links in the answer. ${count(group.cited)} cited sources in ${count(group.n)} answers; ${percent(group.citingAnswers.value)} of answers cite at least one.`,
      { muted: true, size: 8.5 },
    );
    this.table(
      this.cols(
        ['Domain', 3],
        ['Cited', 1, 'right'],
        ['Share', 1, 'right'],
        ['Answers citing', 1.4, 'right'],
        ['95% CI', 1.6, 'right'],
        ['Owned by', 2],
      ),
      group.domains.map((d) => [
        d.domain,
        count(d.cited),
        percent(d.share.value),
        percent(d.citingAnswers.value),
        interval(d.citingAnswers.ci95),
        d.ownedBy.map((b) => b.brandName).join(', '),
      ]),
    );
    this.heading('Top cited URLs');
    this.table(
      this.cols(['URL', 7], ['Cited', 1, 'right'], ['Share', 1, 'right']),
      group.urls.map((u) => [u.url, count(u.cited), percent(u.share.value)]),
    );
  }

  competitorGap(): void {
    const { data } = this;
    this.heading('Competitor gap');
    this.para(
      'Prompts where a competitor is named and no own brand is: the share of answers with that gap, largest first, with the latest such answer quoted.',
      { muted: true, size: 8.5 },
    );
    if (!data.competitorGap.rows.length) {
      this.para('No prompt shows a competitor without an own brand in this period.');
      return;
    }
    for (const row of data.competitorGap.rows) {
      this.ensure(70);
      this.subheading(
        `${row.competitor.brandName} · gap ${percent(row.gap.value)} (95% CI ${interval(row.gap.ci95)}, n = ${count(row.gap.n)})`,
      );
      this.para(`Prompt: ${row.promptText}`, { size: 9 });
      for (const ex of row.examples)
        this.para(`“${ex.snippet}” (${ex.provider}${ex.completedAt ? `, ${day(ex.completedAt, this.tz)}` : ''})`, {
          italic: true,
          muted: true,
          size: 8.5,
        });
    }
  }

  methodology(): void {
    const { data } = this;
    this.doc.addPage();
    this.heading('Methodology');
    const configs = new Map<string, { provider: string; name: string; n: number; failed: number; pending: number }>();
    const firstBrand = data.visibilityByConfig.rows[0]?.brandId;
    for (const r of data.visibilityByConfig.rows) {
      if (r.brandId !== firstBrand) continue;
      configs.set(`${r.provider}/${r.modelConfigId}`, {
        provider: r.provider ?? '',
        name: r.modelConfigName ?? '',
        n: r.n,
        failed: r.failed,
        pending: r.pendingAnalysis,
      });
    }
    const all = data.visibility.rows[0];
    this.subheading('Dates');
    this.para(
      `Answers of the runs created from ${periodLabel(data.period, this.tz)} (${this.tz}), compared with ${periodLabel(data.previousPeriod, this.tz)}. Runs: ${count(data.runs.total)} (${
        Object.entries(data.runs.byStatus)
          .map(([s, n]) => `${n} ${s.replaceAll('_', ' ')}`)
          .join(', ') || 'none'
      }).`,
    );
    this.subheading('Assistants, configurations and samples');
    this.table(
      this.cols(
        ['Assistant', 1.6],
        ['Configuration', 3],
        ['Answers analysed', 1.6, 'right'],
        ['Failed calls', 1.3, 'right'],
        ['Awaiting analysis', 1.5, 'right'],
      ),
      [...configs.values()].map((c) => [c.provider, c.name, count(c.n), count(c.failed), count(c.pending)]),
    );
    this.para(
      `In all: ${count(all?.n ?? 0)} answers analysed, ${count(all?.failed ?? 0)} failed calls, ${count(all?.pendingAnalysis ?? 0)} awaiting analysis. Failed calls and answers awaiting analysis are left out of every rate: they are never counted as "not mentioned".`,
    );
    this.subheading('Definitions');
    for (const line of [
      'Visibility (mention rate): answers mentioning the brand / answers analysed.',
      'Share of voice (presence): answers mentioning the brand / the sum over tracked brands of answers mentioning each.',
      'Average rank: the position of the brand among the tracked brands an answer names (1 = first), over the answers mentioning it. Top-1 rate: answers naming it first / answers mentioning it.',
      'Cited sources: links and provider annotations in the answers; sources retrieved but not cited are counted apart.',
      'Competitor gap: answers naming the competitor and no own brand / answers to the prompt.',
    ])
      this.para(`• ${line}`);
    this.subheading('What an interval means');
    this.para(
      'Assistants answer the same question differently from one call to the next, so every figure is an estimate from a sample of answers. The 95% interval is the range of values consistent with the answers collected: if the measurement were repeated many times, about 95 in 100 such intervals would contain the true rate. n is the number of independent answers behind a figure; the larger n, the narrower the interval. Rates use Wilson intervals, shares a delta-method interval over answers. Two figures whose intervals overlap widely should not be read as different; the changes listed as significant passed a test adjusted for the number of brands compared.',
    );
    this.para(`Figures follow Citewatch's metric definitions, version ${data.visibility.definitionVersion}.`, {
      muted: true,
      size: 8.5,
    });
  }

  /** "Name · workspace · page x of y" on every page but the cover; returns the page count. */
  footers(): number {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      if (i === range.start) continue;
      // Writing below the bottom margin would make pdfkit open a page: lift the margin meanwhile.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('Helvetica')
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(
          pdfText(
            `${this.brand.displayName} · ${this.data.workspace.name} · ${periodLabel(this.data.period, this.tz)} · page ${i + 1} of ${range.count}`,
          ),
          MARGIN,
          PAGE.height - 35,
          { width: WIDTH, align: 'center', lineBreak: false },
        );
      doc.page.margins.bottom = bottom;
    }
    return range.count;
  }
}
