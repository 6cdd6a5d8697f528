/** What the untracked report reads: a sample of answers' texts, the brands, and unowned cited domains. */
import type pg from 'pg';
import { reportQuery } from './report-session.js';

/**
 * The latest `limit` successful answers of the runs created in [from, to) (either bound
 * optional), newest run first: their ids and texts.
 */
export async function answerTexts(
  pool: pg.Pool,
  workspaceId: string,
  from: string | null,
  to: string | null,
  limit: number,
): Promise<Array<{ id: string; text: string }>> {
  return reportQuery<{ id: string; text: string }>(
    pool,
    `SELECT r.id, r.text
       FROM runs u
       JOIN responses r ON r.run_id = u.id
      WHERE u.workspace_id = $1
        AND ($2::timestamptz IS NULL OR u.created_at >= $2)
        AND ($3::timestamptz IS NULL OR u.created_at < $3)
        AND r.status = 'succeeded' AND r.text IS NOT NULL
      ORDER BY u.created_at DESC, r.id DESC
      LIMIT $4`,
    [workspaceId, from, to, limit],
  );
}

/** Cited (not merely retrieved) domains no brand owned when the answers were analysed, among these answers. */
export async function unownedDomains(
  pool: pg.Pool,
  workspaceId: string,
  responseIds: string[],
): Promise<Array<{ domain: string; citations: number; answers: number }>> {
  if (responseIds.length === 0) return [];
  return reportQuery<{ domain: string; citations: number; answers: number }>(
    pool,
    `SELECT c.domain, count(*)::int AS citations, count(DISTINCT c.response_id)::int AS answers
       FROM citations c
      WHERE c.workspace_id = $1 AND c.response_id = ANY($2::uuid[])
        AND c.brand_id IS NULL AND c.source <> 'search_result'
      GROUP BY c.domain
      ORDER BY answers DESC, citations DESC, c.domain`,
    [workspaceId, responseIds],
  );
}
