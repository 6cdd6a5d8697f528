/**
 * The location and language of answers, resolved before a report's statements run: each
 * configuration's effective location and language come from its parameters
 * (src/providers/targeting.ts), so the filters become configuration ids (and, for configurations
 * without a language, the ids of the prompts asked in a filtered language) and the groups become
 * a small id → label list. Hot statements then filter on ids, as with modelConfigIds.
 */
import type pg from 'pg';
import { effectiveLanguage, effectiveLocation } from '../../providers/targeting.js';
import type { ModelParams } from '../../providers/types.js';
import { configsOf, promptIdsAskedIn } from './reports.repo.js';
import type { ReportFilters } from './reports.schemas.js';
import type { SliceFilters, Targeting } from './sources.sql.js';

/** Whether a report query needs targeting: a location or language filter, or a group by either. */
export function wantsTargeting(f: ReportFilters, dims: readonly string[] = []): boolean {
  return !!f.locations || !!f.languages || dims.includes('location') || dims.includes('language');
}

export async function resolveTargeting(
  pool: pg.Pool,
  workspaceId: string,
  f: ReportFilters,
  dims: readonly string[] = [],
): Promise<Targeting | undefined> {
  if (!wantsTargeting(f, dims)) return undefined;
  const [configs, prompts] = await Promise.all([
    configsOf(pool, workspaceId),
    f.languages ? promptIdsAskedIn(pool, workspaceId, f.languages) : Promise.resolve([]),
  ]);
  const rows = configs.map((c) => ({
    id: c.id,
    country: effectiveLocation(c.provider, c.params as ModelParams)?.country ?? null,
    language: effectiveLanguage(c.params as ModelParams),
  }));
  const t: Targeting = {};
  if (f.locations || f.languages) {
    const kept = rows.filter(
      (r) =>
        (!f.locations || (r.country !== null && f.locations.includes(r.country))) &&
        (!f.languages || r.language === null || f.languages.includes(r.language)),
    );
    t.configs = kept.map((r) => r.id);
    if (f.languages) t.askedIn = { configs: kept.filter((r) => r.language === null).map((r) => r.id), prompts };
  }
  if (dims.includes('location') || dims.includes('language')) {
    t.labels = {
      ids: rows.map((r) => r.id),
      countries: rows.map((r) => r.country ?? ''),
      languages: rows.map((r) => r.language ?? ''),
    };
  }
  return t;
}

/** The filters with their targeting, as statements read them. */
export async function sliceFilters(
  pool: pg.Pool,
  workspaceId: string,
  f: ReportFilters,
  dims: readonly string[] = [],
): Promise<SliceFilters> {
  const targeting = await resolveTargeting(pool, workspaceId, f, dims);
  return targeting ? { ...f, targeting } : f;
}
