/**
 * Audit rows: the API's CRUD through Prisma (an audit with its prompt and configuration links),
 * and the scheduler's checkpoint statements on the pool.
 */
import type pg from 'pg';
import type { PrismaClient } from '../../db/client.js';
import { pageArgs, type PageQuery } from '../../db/pagination.js';
import type { Prisma } from '../../generated/prisma/client.js';
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

export async function listAuditRows(
  prisma: PrismaClient,
  workspaceId: string,
  q: PageQuery,
): Promise<AuditWithLinks[]> {
  return prisma.audit.findMany({ ...pageArgs(q, { workspaceId }), include: withLinks });
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
    `SELECT a.id, a.workspace_id, a.schedule, a.timezone, a.samples_per_pair, a.prompt_tags, a.budget_per_run_usd,
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
