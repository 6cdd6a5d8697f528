/**
 * Audit rows: the API's CRUD through Prisma (an audit with its prompt and configuration links),
 * and the scheduler's checkpoint statements on the pool.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { sqlAfterCursor, type PageQuery } from '../../db/pagination.js';
import { Prisma } from '../../generated/prisma/client.js';
import { newId } from '../../lib/ids.js';

const withLinks = {
  prompts: { select: { promptId: true } },
  modelConfigs: { select: { modelConfigId: true } },
} as const;
export type AuditWithLinks = Prisma.AuditGetPayload<{ include: typeof withLinks }>;

/** An audit's own columns, as create and update write them. */
export type AuditScalars = Omit<
  Prisma.AuditUncheckedCreateInput,
  'id' | 'workspaceId' | 'prompts' | 'modelConfigs' | 'createdAt' | 'updatedAt'
>;

/** The prompt and configuration links of an audit: replaced as a whole when given. */
export interface AuditLinks {
  promptIds?: string[] | undefined;
  modelConfigIds?: string[] | undefined;
}

/** The ids among `ids` of prompts of the workspace. */
export async function existingPromptIds(
  prisma: PrismaClient,
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  const rows = await prisma.prompt.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((p) => p.id));
}

/** The ids among `ids` of model configurations of the workspace. */
export async function existingModelConfigIds(
  prisma: PrismaClient,
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  const rows = await prisma.modelConfig.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((c) => c.id));
}

export async function findAudit(prisma: PrismaClient, workspaceId: string, id: string): Promise<AuditWithLinks | null> {
  return prisma.audit.findFirst({ where: { id, workspaceId }, include: withLinks });
}

export async function insertAudit(
  prisma: PrismaClient,
  workspaceId: string,
  scalars: AuditScalars,
  links: Required<AuditLinks>,
): Promise<AuditWithLinks> {
  return prisma.audit.create({
    data: {
      id: newId(),
      workspaceId,
      ...scalars,
      prompts: { create: links.promptIds.map((promptId) => ({ promptId })) },
      modelConfigs: { create: links.modelConfigIds.map((modelConfigId) => ({ modelConfigId })) },
    },
    include: withLinks,
  });
}

/**
 * Up to `limit` audits after `cursor`, oldest first, with their prompt and configuration links, of
 * a workspace the organization owns — or null when it owns no such workspace. One statement (the
 * ownership check, the page and the links aggregated per audit), where Prisma's include took four
 * round trips: the dashboard reads this list on every audit page.
 */
export async function listOwnedAuditRows(
  pool: pg.Pool,
  organizationId: string,
  workspaceId: string,
  q: PageQuery,
): Promise<AuditWithLinks[] | null> {
  const { rows } = await pool.query<{
    id: string | null;
    workspace_id: string;
    name: string;
    prompt_tags: string[];
    samples_per_pair: number;
    schedule: string | null;
    timezone: string;
    enabled: boolean;
    budget_per_run_usd: string | null;
    budget_per_month_usd: string | null;
    scheduled_through: Date | null;
    judge_model_config_id: string | null;
    sampling: Prisma.JsonValue | null;
    created_at: Date;
    updated_at: Date;
    prompt_ids: string[];
    model_config_ids: string[];
  }>({
    name: 'audits_page_owned',
    text: `SELECT a.id, a.workspace_id, a.name, a.prompt_tags, a.samples_per_pair, a.schedule, a.timezone, a.enabled,
                  a.budget_per_run_usd::text AS budget_per_run_usd, a.budget_per_month_usd::text AS budget_per_month_usd,
                  a.scheduled_through, a.judge_model_config_id, a.sampling, a.created_at, a.updated_at,
                  COALESCE((SELECT array_agg(ap.prompt_id) FROM audit_prompts ap WHERE ap.audit_id = a.id), '{}') AS prompt_ids,
                  COALESCE((SELECT array_agg(am.model_config_id) FROM audit_model_configs am WHERE am.audit_id = a.id), '{}')
                    AS model_config_ids
             FROM workspaces w
             LEFT JOIN LATERAL (
               SELECT * FROM audits WHERE workspace_id = w.id AND ${sqlAfterCursor('id', '$3')} ORDER BY id LIMIT $4
             ) a ON true
            WHERE w.id = $1 AND w.organization_id = $2
            ORDER BY a.id`,
    values: [workspaceId, organizationId, q.cursor ?? null, q.limit + 1],
  });
  if (rows.length === 0) return null;
  const decimal = (v: string | null) => (v === null ? null : new Prisma.Decimal(v));
  return rows
    .filter((r): r is typeof r & { id: string } => r.id !== null)
    .map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      name: r.name,
      promptTags: r.prompt_tags,
      samplesPerPair: r.samples_per_pair,
      schedule: r.schedule,
      timezone: r.timezone,
      enabled: r.enabled,
      budgetPerRunUsd: decimal(r.budget_per_run_usd),
      budgetPerMonthUsd: decimal(r.budget_per_month_usd),
      scheduledThrough: r.scheduled_through,
      judgeModelConfigId: r.judge_model_config_id,
      sampling: r.sampling,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      prompts: r.prompt_ids.map((promptId) => ({ promptId })),
      modelConfigs: r.model_config_ids.map((modelConfigId) => ({ modelConfigId })),
    }));
}

export async function updateAuditRow(
  prisma: PrismaClient,
  id: string,
  scalars: Prisma.AuditUncheckedUpdateInput,
  links: AuditLinks,
): Promise<AuditWithLinks> {
  return prisma.audit.update({
    where: { id },
    data: {
      ...scalars,
      ...(links.promptIds
        ? { prompts: { deleteMany: {}, create: links.promptIds.map((promptId) => ({ promptId })) } }
        : {}),
      ...(links.modelConfigIds
        ? { modelConfigs: { deleteMany: {}, create: links.modelConfigIds.map((modelConfigId) => ({ modelConfigId })) } }
        : {}),
    },
    include: withLinks,
  });
}

/** Deletes the audit; its runs stay, without an audit. */
export async function deleteAuditRow(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.audit.delete({ where: { id } });
}

/** An enabled scheduled audit whose next due time may have passed, with its links. */
export interface DueAudit {
  id: string;
  workspace_id: string;
  schedule: string;
  timezone: string;
  samples_per_pair: number;
  /** The adaptive design, or null (fixed). */
  sampling: Record<string, unknown> | null;
  prompt_tags: string[];
  budget_per_run_usd: string | null;
  budget_per_month_usd: string | null;
  scheduled_through: Date;
  prompt_ids: string[];
  model_config_ids: string[];
}

/** Gives scheduled audits that were never checkpointed (created before scheduling existed) `now` as their checkpoint. */
export async function checkpointNewSchedules(pool: pg.Pool, now: Date): Promise<void> {
  await pool.query(
    `UPDATE audits SET scheduled_through = $1 WHERE scheduled_through IS NULL AND schedule IS NOT NULL AND enabled`,
    [now],
  );
}

export async function dueAudits(pool: pg.Pool, now: Date): Promise<DueAudit[]> {
  const { rows } = await pool.query<DueAudit>(
    `SELECT a.id, a.workspace_id, a.schedule, a.timezone, a.samples_per_pair, a.sampling, a.prompt_tags, a.budget_per_run_usd,
            a.budget_per_month_usd, a.scheduled_through,
            ARRAY(SELECT prompt_id FROM audit_prompts WHERE audit_id = a.id)::text[] AS prompt_ids,
            ARRAY(SELECT model_config_id FROM audit_model_configs WHERE audit_id = a.id)::text[] AS model_config_ids
       FROM audits a
      WHERE a.enabled AND a.schedule IS NOT NULL AND a.scheduled_through < $1`,
    [now],
  );
  return rows;
}

/** Moves the audit's checkpoint forward to `now`, never back (another scheduler may already be ahead). */
export async function advanceCheckpoint(pool: pg.Pool, auditId: string, now: Date): Promise<void> {
  await pool.query(`UPDATE audits SET scheduled_through = $2 WHERE id = $1 AND scheduled_through < $2`, [auditId, now]);
}
