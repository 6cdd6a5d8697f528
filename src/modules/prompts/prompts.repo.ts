/** Prompt rows, through Prisma; bulk actions in SQL on the pool (one statement for up to 1 000 prompts). */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs } from '../../db/pagination.js';
import type { Prompt } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';
import type { PromptCreate, PromptListQuery, PromptUpdate } from './prompts.schemas.js';

export async function findPrompt(prisma: PrismaClient, workspaceId: string, id: string): Promise<Prompt | null> {
  return prisma.prompt.findFirst({ where: { id, workspaceId } });
}

/** Whether any answer was collected for the prompt. */
export async function promptHasAnswers(prisma: PrismaClient, promptId: string): Promise<boolean> {
  return (await prisma.response.findFirst({ where: { promptId }, select: { id: true } })) !== null;
}

export async function insertPrompt(prisma: PrismaClient, workspaceId: string, input: PromptCreate): Promise<Prompt> {
  return prisma.prompt.create({ data: { id: newId(), workspaceId, ...input } });
}

/** Creates all the prompts in one transaction, or none. */
export async function insertPrompts(
  prisma: PrismaClient,
  workspaceId: string,
  inputs: PromptCreate[],
): Promise<Prompt[]> {
  return prisma.$transaction(inputs.map((p) => prisma.prompt.create({ data: { id: newId(), workspaceId, ...p } })));
}

/** Text matched as typed: Prisma passes `contains` into ILIKE, where %, _ and \ are special. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export async function listPromptRows(prisma: PrismaClient, workspaceId: string, q: PromptListQuery): Promise<Prompt[]> {
  return prisma.prompt.findMany(
    pageArgs(q, {
      workspaceId,
      ...(q.tag ? { tags: { has: q.tag } } : {}),
      ...(q.q ? { text: { contains: likeLiteral(q.q), mode: 'insensitive' as const } } : {}),
      ...(q.archived !== undefined ? { archived: q.archived } : {}),
    }),
  );
}

export async function updatePromptRow(prisma: PrismaClient, id: string, input: PromptUpdate): Promise<Prompt> {
  return prisma.prompt.update({ where: { id }, data: input });
}

export async function deletePromptRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.prompt.delete({ where: { id } });
}

/** A prompt as a bulk action reads it, locked until the action's transaction ends. */
export interface BulkPromptRow {
  id: string;
  tags: string[];
  archived: boolean;
  hasAnswers: boolean;
}

/**
 * Applies a bulk action in one transaction: `decide` sees the workspace's prompts among `ids`,
 * locked, and says what to write (new tags or archived state per prompt, prompts to delete).
 * A prompt that got answers meanwhile is not deleted. Returns what `decide` returned, with the
 * ids actually deleted.
 */
export async function applyBulkPromptAction<T extends BulkPromptPlan>(
  pool: pg.Pool,
  workspaceId: string,
  ids: string[],
  decide: (rows: BulkPromptRow[]) => T,
): Promise<T & { deleted: Set<string> }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; tags: string[]; archived: boolean; has_answers: boolean }>(
      `SELECT p.id, p.tags, p.archived,
              EXISTS (SELECT 1 FROM responses r WHERE r.prompt_id = p.id) AS has_answers
         FROM prompts p
        WHERE p.workspace_id = $1 AND p.id = ANY($2::uuid[])
        ORDER BY p.id
          FOR UPDATE OF p`,
      [workspaceId, ids],
    );
    const plan = decide(rows.map((r) => ({ id: r.id, tags: r.tags, archived: r.archived, hasAnswers: r.has_answers })));
    if (plan.updates.length > 0) {
      await client.query(
        `UPDATE prompts p
            SET tags = CASE WHEN jsonb_typeof(v.tags) = 'array'
                        THEN ARRAY(SELECT jsonb_array_elements_text(v.tags)) ELSE p.tags END,
                archived = COALESCE(v.archived, p.archived),
                updated_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS v(id uuid, tags jsonb, archived boolean)
          WHERE p.workspace_id = $1 AND p.id = v.id`,
        [workspaceId, JSON.stringify(plan.updates)],
      );
    }
    const deleted = new Set<string>();
    if (plan.deletes.length > 0) {
      const res = await client.query<{ id: string }>(
        `DELETE FROM prompts p
          WHERE p.workspace_id = $1 AND p.id = ANY($2::uuid[])
            AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.prompt_id = p.id)
          RETURNING p.id`,
        [workspaceId, plan.deletes],
      );
      for (const r of res.rows) deleted.add(r.id);
    }
    await client.query('COMMIT');
    return { ...plan, deleted };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export interface BulkPromptPlan {
  /** New tags (null: unchanged) or archived state (null: unchanged) per prompt. */
  updates: Array<{ id: string; tags: string[] | null; archived: boolean | null }>;
  deletes: string[];
}
