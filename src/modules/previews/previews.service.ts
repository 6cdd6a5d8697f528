/**
 * Previews: what Citewatch would make of an input, computed exactly as the real thing and
 * stored nowhere. The analysis preview runs the analysis the workers run on every answer
 * (src/analysis, with the same default sentiment scorer), so the brand form can show what a
 * change of names, aliases or domains would find before it is saved. The schedule preview reads
 * a cron expression with the audits' own validation and evaluation (src/lib/schedule.ts).
 */
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { localMinute, runsPerMonth, scheduleProblem, upcomingDueTimes } from '../../lib/schedule.js';
import { analyzeAnswer, compileBrands } from '../../analysis/index.js';
import type { ProviderCitation } from '../../providers/types.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type {
  AnalysisPreviewBody,
  AnalysisPreviewDto,
  SchedulePreviewBody,
  SchedulePreviewDto,
} from './previews.schemas.js';
import { type PreviewBrand, workspaceBrands } from './previews.repo.js';

export interface PreviewsDeps {
  pool: Database['pool'];
}

/** Drafts without an id get a stand-in the analysis needs; it never leaves this module. */
const DRAFT = 'draft:';

export async function previewAnalysis(
  deps: PreviewsDeps,
  orgId: string,
  workspaceId: string,
  body: AnalysisPreviewBody,
): Promise<AnalysisPreviewDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const brands: PreviewBrand[] = body.brands
    ? body.brands.map((b, i) => ({
        id: b.id ?? `${DRAFT}${i}`,
        name: b.name,
        aliases: [...new Set(b.aliases)],
        domains: [...new Set(b.domains)],
        caseSensitive: b.caseSensitive,
        kind: b.kind,
      }))
    : await workspaceBrands(deps.pool, workspaceId);
  const byId = new Map(brands.map((b) => [b.id, b]));
  const publicId = (id: string | null) => (id === null || id.startsWith(DRAFT) ? null : id);
  const citations: ProviderCitation[] = body.citations.map((url) => ({
    url,
    title: null,
    start: null,
    end: null,
    citedText: null,
    origin: 'annotation',
  }));
  const result = analyzeAnswer(compileBrands(brands), { text: body.text, citations });
  return {
    mentions: result.mentions.map((m) => ({
      brandId: publicId(m.brandId),
      brandName: m.brandName,
      kind: byId.get(m.brandId)?.kind ?? 'competitor',
      count: m.count,
      firstPosition: m.firstOffset,
      rank: m.rank,
      listPosition: m.listPosition,
      sentiment: m.sentiment,
      sentimentLabel: m.sentimentLabel,
      snippet: m.snippet,
      spans: m.spans.map(([start, end]) => ({ start, end, text: body.text.slice(start, end) })),
    })),
    citations: result.citations.map((c) => ({
      position: c.position,
      url: c.url,
      domain: c.domain,
      title: c.title,
      brandId: publicId(c.brandId),
      brandName: c.brandId === null ? null : (byId.get(c.brandId)?.name ?? null),
      source: c.source === 'link' ? 'text' : 'structured',
    })),
  };
}

export async function previewSchedule(
  deps: PreviewsDeps,
  orgId: string,
  workspaceId: string,
  body: SchedulePreviewBody,
  now = new Date(),
): Promise<SchedulePreviewDto> {
  const workspace = await requireWorkspace(deps, orgId, workspaceId);
  const timezone = body.timezone ?? workspace.timezone;
  const problem = scheduleProblem(body.schedule, timezone);
  if (problem) {
    throw new AppError('validation_failed', `The schedule is invalid: body.schedule ${problem}`, {
      errors: [{ path: 'body.schedule', message: problem }],
    });
  }
  const next = upcomingDueTimes(body.schedule, timezone, now, body.count);
  return {
    schedule: body.schedule,
    timezone,
    next: next.map((d) => d.toISOString()),
    nextLocal: next.map((d) => localMinute(d, timezone)),
    runsPerMonth: runsPerMonth(body.schedule, timezone, now),
  };
}
