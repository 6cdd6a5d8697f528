/**
 * The change-impact report's statement: per prompt of the workspace with answers in either
 * window, whether the event affects it (listed, or carrying one of its tags), and its successful
 * analysed answers and those mentioning any of the brands, before and after the event.
 */
import type pg from 'pg';
import { reportQuery } from './report-session.js';
import { Params } from './sources.sql.js';

export interface ImpactPromptRow {
  prompt_id: string;
  affected: boolean;
  pre_n: number;
  pre_k: number;
  post_n: number;
  post_k: number;
}

export interface ImpactScope {
  workspaceId: string;
  /** Start of the before window, the event, and the end of the after window (exclusive). */
  from: Date;
  at: Date;
  to: Date;
  promptIds: string[];
  promptTags: string[];
  brandIds: string[];
  /** Only answers of these providers or configurations, when given. */
  providers?: string[];
  modelConfigIds?: string[];
}

export function impactSql(s: ImpactScope, p: Params): string {
  const at = p.ref('at', s.at, 'timestamptz');
  return `
SELECT pr.id AS prompt_id,
       (pr.id = ANY(${p.ref('ids', s.promptIds, 'uuid[]')}) OR pr.tags && ${p.ref('tags', s.promptTags, 'text[]')}) AS affected,
       count(*) FILTER (WHERE ru.created_at < ${at})::int AS pre_n,
       count(*) FILTER (WHERE ru.created_at < ${at} AND a.hit)::int AS pre_k,
       count(*) FILTER (WHERE ru.created_at >= ${at})::int AS post_n,
       count(*) FILTER (WHERE ru.created_at >= ${at} AND a.hit)::int AS post_k
  FROM responses r
  JOIN runs ru ON ru.id = r.run_id
  JOIN prompts pr ON pr.id = r.prompt_id
  CROSS JOIN LATERAL (
    SELECT EXISTS (SELECT 1 FROM mentions m WHERE m.response_id = r.id AND m.brand_id = ANY(${p.ref('brands', s.brandIds, 'uuid[]')})) AS hit
  ) a
 WHERE r.workspace_id = ${p.ref('ws', s.workspaceId, 'uuid')}
   AND r.status = 'succeeded' AND r.analyzed_at IS NOT NULL
   AND ru.created_at >= ${p.ref('from', s.from, 'timestamptz')} AND ru.created_at < ${p.ref('to', s.to, 'timestamptz')}${
     s.providers ? `\n   AND r.provider = ANY(${p.ref('providers', s.providers, 'text[]')})` : ''
   }${s.modelConfigIds ? `\n   AND r.model_config_id = ANY(${p.ref('configs', s.modelConfigIds, 'uuid[]')})` : ''}
 GROUP BY pr.id
 ORDER BY pr.id`;
}

export async function impactPromptRows(pool: pg.Pool, scope: ImpactScope): Promise<ImpactPromptRow[]> {
  const p = new Params();
  const sql = impactSql(scope, p);
  return reportQuery<ImpactPromptRow>(pool, sql, p.values);
}
