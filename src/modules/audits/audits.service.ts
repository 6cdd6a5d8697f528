/**
 * Audits: which prompts to ask which configurations, how many times, on what schedule and
 * within what budget. Prompts are chosen by id and/or by tag; tags are resolved when a run starts,
 * so new prompts with a tag join the next run.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import { AppError, type FieldError } from '../../lib/errors.js';
import { nextDueTime, scheduleProblem } from '../../lib/schedule.js';
import { iso, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { findModelConfig } from '../model-configs/model-configs.repo.js';
import { assertJudgeConfig } from '../stance-judge/stance-judge.service.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  deleteAuditRow,
  existingModelConfigIds,
  existingPromptIds,
  findAudit,
  insertAudit,
  listOwnedAuditRows,
  updateAuditRow,
  type AuditWithLinks,
} from './audits.repo.js';
import { defaultWaveSize, fixedDesignSamples } from '../../lib/adaptive-sampling.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { AdaptiveSampling } from '../runs/runs.adaptive.js';
import type { AuditCreate, AuditDto, AuditUpdate, SamplingDto, SamplingInput } from './audits.schemas.js';

/** The audit's stored adaptive design, or null when it samples a fixed number of answers per pair. */
export function adaptiveOf(stored: unknown): AdaptiveSampling | null {
  const s = stored as Partial<AdaptiveSampling> | null;
  return s && s.mode === 'adaptive' ? (s as AdaptiveSampling) : null;
}

export function samplingDtoOf(samplesPerPair: number, stored: unknown): SamplingDto {
  const a = adaptiveOf(stored);
  return a ? { ...a, fixedDesignSamples: fixedDesignSamples(a.halfWidth / 100) } : { mode: 'fixed', samplesPerPair };
}

/**
 * The columns of a sampling choice (the sampling object or the older samplesPerPair field, not
 * both unless they agree): samples_per_pair (for adaptive, its minimum) and the stored design.
 * undefined when neither is given.
 */
export function samplingColumns(input: {
  samplesPerPair?: number | undefined;
  sampling?: SamplingInput | undefined;
}): { samplesPerPair: number; sampling: AdaptiveSampling | null } | undefined {
  const { samplesPerPair, sampling } = input;
  if (!sampling) return samplesPerPair === undefined ? undefined : { samplesPerPair, sampling: null };
  if (sampling.mode === 'fixed') {
    if (samplesPerPair !== undefined && samplesPerPair !== sampling.samplesPerPair)
      throw new AppError('validation_failed', 'samplesPerPair and sampling.samplesPerPair differ; give one of them.', {
        errors: [{ path: 'body.samplesPerPair', message: 'differs from sampling.samplesPerPair; give one of them' }],
      });
    return { samplesPerPair: sampling.samplesPerPair, sampling: null };
  }
  const errors: FieldError[] = [];
  if (samplesPerPair !== undefined)
    errors.push({
      path: 'body.samplesPerPair',
      message: 'cannot be given with adaptive sampling; use sampling.minSamples',
    });
  if (sampling.minSamples > sampling.maxSamples)
    errors.push({ path: 'body.sampling.maxSamples', message: `must be at least minSamples (${sampling.minSamples})` });
  const waveSize = sampling.waveSize ?? defaultWaveSize(sampling.minSamples, sampling.maxSamples);
  if (
    sampling.waveSize !== undefined &&
    sampling.maxSamples > sampling.minSamples &&
    waveSize > sampling.maxSamples - sampling.minSamples
  )
    errors.push({
      path: 'body.sampling.waveSize',
      message: `must be at most maxSamples − minSamples (${sampling.maxSamples - sampling.minSamples})`,
    });
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `The sampling is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors },
    );
  return {
    samplesPerPair: Math.min(sampling.minSamples, 100),
    sampling: {
      mode: 'adaptive',
      halfWidth: sampling.halfWidth,
      minSamples: sampling.minSamples,
      maxSamples: sampling.maxSamples,
      waveSize: Math.max(1, waveSize),
    },
  };
}

const jsonColumn = (s: AdaptiveSampling | null) =>
  s === null ? Prisma.DbNull : (s as unknown as Prisma.InputJsonValue);

export interface AuditsDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
}

export function toAuditDto(a: AuditWithLinks, now = new Date()): AuditDto {
  return {
    id: a.id,
    workspaceId: a.workspaceId,
    name: a.name,
    promptIds: a.prompts.map((p) => p.promptId).sort(),
    promptTags: a.promptTags,
    modelConfigIds: a.modelConfigs.map((m) => m.modelConfigId).sort(),
    samplesPerPair: adaptiveOf(a.sampling)?.minSamples ?? a.samplesPerPair,
    sampling: samplingDtoOf(a.samplesPerPair, a.sampling),
    schedule: a.schedule,
    timezone: a.timezone,
    enabled: a.enabled,
    nextRunAt: a.schedule && a.enabled ? iso(nextDueTime(a.schedule, a.timezone, now)) : null,
    budgetPerRunUsd: a.budgetPerRunUsd === null ? null : Number(a.budgetPerRunUsd),
    budgetPerMonthUsd: a.budgetPerMonthUsd === null ? null : Number(a.budgetPerMonthUsd),
    judgeModelConfigId: a.judgeModelConfigId,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

async function checkReferences(
  prisma: PrismaClient,
  workspaceId: string,
  input: {
    promptIds?: string[];
    modelConfigIds?: string[];
    schedule?: string | null;
    timezone?: string;
    judgeModelConfigId?: string | null | undefined;
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.judgeModelConfigId) assertJudgeConfig(await findModelConfig(prisma, workspaceId, input.judgeModelConfigId));
  if (input.promptIds?.length) {
    const found = await existingPromptIds(prisma, workspaceId, input.promptIds);
    for (const [i, id] of input.promptIds.entries()) {
      if (!found.has(id)) errors.push({ path: `body.promptIds.${i}`, message: `no prompt ${id} in this workspace` });
    }
  }
  if (input.modelConfigIds?.length) {
    const found = await existingModelConfigIds(prisma, workspaceId, input.modelConfigIds);
    for (const [i, id] of input.modelConfigIds.entries()) {
      if (!found.has(id))
        errors.push({ path: `body.modelConfigIds.${i}`, message: `no model configuration ${id} in this workspace` });
    }
  }
  if (input.schedule) {
    const problem = scheduleProblem(input.schedule, input.timezone ?? 'UTC');
    if (problem) errors.push({ path: 'body.schedule', message: problem });
  }
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `The audit is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors },
    );
}

export async function requireAudit(prisma: PrismaClient, workspaceId: string, id: string): Promise<AuditWithLinks> {
  const audit = await findAudit(prisma, workspaceId, id);
  if (!audit) throw AppError.notFound('Audit');
  return audit;
}

export async function createAudit(
  deps: AuditsDeps,
  orgId: string,
  workspaceId: string,
  input: AuditCreate,
): Promise<AuditDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const promptIds = [...new Set(input.promptIds)];
  const modelConfigIds = [...new Set(input.modelConfigIds)];
  await checkReferences(deps.prisma, workspaceId, {
    promptIds,
    modelConfigIds,
    schedule: input.schedule,
    timezone: input.timezone,
    judgeModelConfigId: input.judgeModelConfigId,
  });
  const sampling = samplingColumns(input) ?? { samplesPerPair: 1, sampling: null };
  const audit = await insertAudit(
    deps.prisma,
    workspaceId,
    {
      name: input.name,
      promptTags: input.promptTags,
      samplesPerPair: sampling.samplesPerPair,
      sampling: jsonColumn(sampling.sampling),
      schedule: input.schedule,
      timezone: input.timezone,
      enabled: input.enabled,
      budgetPerRunUsd: input.budgetPerRunUsd,
      budgetPerMonthUsd: input.budgetPerMonthUsd,
      judgeModelConfigId: input.judgeModelConfigId,
      // The first due time after creation is the first to run; nothing earlier is backfilled.
      scheduledThrough: input.schedule ? new Date() : null,
    },
    { promptIds, modelConfigIds },
  );
  return toAuditDto(audit);
}

export async function listAudits(
  deps: AuditsDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<AuditDto>> {
  const rows = await listOwnedAuditRows(deps.pool, orgId, workspaceId, q);
  if (!rows) throw AppError.notFound('Workspace');
  const now = new Date();
  return toPage(rows, q.limit, (a) => toAuditDto(a, now));
}

export async function getAudit(deps: AuditsDeps, orgId: string, workspaceId: string, id: string): Promise<AuditDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toAuditDto(await requireAudit(deps.prisma, workspaceId, id));
}

export async function updateAudit(
  deps: AuditsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
  input: AuditUpdate,
): Promise<AuditDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const current = await requireAudit(deps.prisma, workspaceId, id);
  const promptIds = input.promptIds ? [...new Set(input.promptIds)] : undefined;
  const modelConfigIds = input.modelConfigIds ? [...new Set(input.modelConfigIds)] : undefined;
  const schedule = input.schedule === undefined ? current.schedule : input.schedule;
  const timezone = input.timezone ?? current.timezone;
  await checkReferences(deps.prisma, workspaceId, {
    promptIds,
    modelConfigIds,
    schedule,
    timezone,
    judgeModelConfigId: input.judgeModelConfigId,
  });
  const promptTags = input.promptTags ?? current.promptTags;
  if ((promptIds ?? current.prompts.map((p) => p.promptId)).length === 0 && promptTags.length === 0) {
    throw new AppError('validation_failed', 'An audit needs promptIds or promptTags.', {
      errors: [{ path: 'body.promptIds', message: 'give promptIds or promptTags (or both)' }],
    });
  }
  const { promptIds: _p, modelConfigIds: _m, samplesPerPair: _s, sampling: _sm, ...rest } = input;
  const sampling = samplingColumns(input);
  const scalars: Prisma.AuditUncheckedUpdateInput = {
    ...rest,
    ...(sampling ? { samplesPerPair: sampling.samplesPerPair, sampling: jsonColumn(sampling.sampling) } : {}),
  };
  // A new schedule, time zone or re-enabling starts counting from now: no backfill of the past.
  const restartsSchedule =
    (input.schedule !== undefined && input.schedule !== current.schedule) ||
    (input.timezone !== undefined && input.timezone !== current.timezone) ||
    (input.enabled === true && !current.enabled);
  const audit = await updateAuditRow(
    deps.prisma,
    id,
    { ...scalars, ...(restartsSchedule ? { scheduledThrough: schedule ? new Date() : null } : {}) },
    { promptIds, modelConfigIds },
  );
  return toAuditDto(audit);
}

/** Deleting an audit keeps its runs and answers (they become ad-hoc runs). */
export async function deleteAudit(deps: AuditsDeps, orgId: string, workspaceId: string, id: string): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireAudit(deps.prisma, workspaceId, id);
  await deleteAuditRow(deps.prisma, id);
}
