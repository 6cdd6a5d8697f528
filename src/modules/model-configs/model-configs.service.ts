/**
 * Model configurations. Parameters are validated by the provider's adapter for the chosen model:
 * what the model would reject is refused with a 400 naming the parameter, never dropped. The
 * hash of the effective parameters identifies the configuration on every answer; once a
 * configuration has answers, its model and parameters are frozen (create a new one instead).
 */
import type { Database, PrismaClient } from '../../db/client.js';
import { Prisma, type ModelConfig } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { configHash } from '../../providers/config-hash.js';
import { getAdapter, hasAdapter, providerNames } from '../../providers/registry.js';
import { baseUrlProblem, type EgressPolicy } from '../../providers/egress.js';
import { effectiveLanguage, effectiveLocation } from '../../providers/targeting.js';
import { ConfigValidationError, type ModelParams } from '../../providers/types.js';
import { iso, toPage, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import {
  deleteModelConfigRow,
  findModelConfig,
  insertModelConfig,
  listOwnedModelConfigs,
  modelConfigHasAnswers,
  updateModelConfigRow,
} from './model-configs.repo.js';
import type {
  ModelConfigCreate,
  ModelConfigDto,
  ModelConfigListQuery,
  ModelConfigUpdate,
} from './model-configs.schemas.js';

export interface ModelConfigsDeps {
  prisma: PrismaClient;
  pool: Database['pool'];
  /** Where user-chosen endpoints may point (openai_compatible base URLs). */
  egress: EgressPolicy;
}

const channelOf = (provider: string): ModelConfigDto['channel'] =>
  hasAdapter(provider) ? getAdapter(provider).channel : 'api';

/** The read-only fields derived from a configuration's parameters (src/providers/targeting.ts). */
function targetingOf(provider: string, params: ModelParams): Pick<ModelConfigDto, 'location' | 'language' | 'persona'> {
  return {
    location: effectiveLocation(provider, params),
    language: effectiveLanguage(params),
    persona: typeof params.persona === 'string' ? params.persona : null,
  };
}

export function toModelConfigDto(c: ModelConfig): ModelConfigDto {
  return {
    id: c.id,
    workspaceId: c.workspaceId,
    name: c.name,
    provider: c.provider,
    channel: channelOf(c.provider),
    model: c.model,
    params: c.params as Record<string, unknown>,
    hash: c.hash,
    ...targetingOf(c.provider, c.params as ModelParams),
    archived: c.archived,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

function validate(
  deps: ModelConfigsDeps,
  provider: string,
  model: string,
  params: unknown,
): { params: ModelParams; hash: string } {
  if (!hasAdapter(provider)) {
    throw new AppError('validation_failed', `Unknown provider "${provider}".`, {
      errors: [{ path: 'body.provider', message: `must be one of: ${providerNames().join(', ')}` }],
    });
  }
  const effective = getAdapter(provider).validateConfig(model, params);
  if (typeof effective.baseUrl === 'string') {
    const problem = baseUrlProblem(effective.baseUrl, deps.egress);
    if (problem) throw new ConfigValidationError(provider, model, [{ param: 'baseUrl', message: problem }]);
  }
  return { params: effective, hash: configHash(provider, model, effective) };
}

function duplicateName(err: unknown, name: string | undefined): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    throw new AppError('conflict', `A model configuration named "${name}" already exists in this workspace.`);
  }
  throw err;
}

async function requireConfig(prisma: PrismaClient, workspaceId: string, id: string): Promise<ModelConfig> {
  const config = await findModelConfig(prisma, workspaceId, id);
  if (!config) throw AppError.notFound('Model configuration');
  return config;
}

export async function createModelConfig(
  deps: ModelConfigsDeps,
  orgId: string,
  workspaceId: string,
  input: ModelConfigCreate,
): Promise<ModelConfigDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const { params, hash } = validate(deps, input.provider, input.model, input.params);
  try {
    const created = await insertModelConfig(deps.prisma, workspaceId, {
      name: input.name,
      provider: input.provider,
      model: input.model,
      params: params as Prisma.InputJsonValue,
      hash,
    });
    return toModelConfigDto(created);
  } catch (err) {
    duplicateName(err, input.name);
  }
}

export async function listModelConfigs(
  deps: ModelConfigsDeps,
  orgId: string,
  workspaceId: string,
  q: ModelConfigListQuery,
): Promise<Page<ModelConfigDto>> {
  const configs = await listOwnedModelConfigs(
    deps.pool,
    orgId,
    workspaceId,
    q.limit + 1,
    q.cursor ?? null,
    q.archived ?? null,
  );
  if (!configs) throw AppError.notFound('Workspace');
  return toPage(configs, q.limit, (c) => ({
    ...c,
    channel: channelOf(c.provider),
    ...targetingOf(c.provider, c.params as ModelParams),
  }));
}

export async function getModelConfig(
  deps: ModelConfigsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<ModelConfigDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  return toModelConfigDto(await requireConfig(deps.prisma, workspaceId, id));
}

export async function updateModelConfig(
  deps: ModelConfigsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
  input: ModelConfigUpdate,
): Promise<ModelConfigDto> {
  await requireWorkspace(deps, orgId, workspaceId);
  const current = await requireConfig(deps.prisma, workspaceId, id);
  const data: Prisma.ModelConfigUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.archived !== undefined) data.archived = input.archived;
  if (input.model !== undefined || input.params !== undefined) {
    const model = input.model ?? current.model;
    const { params, hash } = validate(deps, current.provider, model, input.params ?? current.params);
    if (hash !== current.hash && (await modelConfigHasAnswers(deps.prisma, id))) {
      throw new AppError(
        'conflict',
        'This configuration already has answers, so its model and parameters are frozen. Create a new configuration instead.',
      );
    }
    Object.assign(data, { model, params: params as Prisma.InputJsonValue, hash });
  }
  try {
    return toModelConfigDto(await updateModelConfigRow(deps.prisma, id, data));
  } catch (err) {
    duplicateName(err, input.name);
  }
}

export async function deleteModelConfig(
  deps: ModelConfigsDeps,
  orgId: string,
  workspaceId: string,
  id: string,
): Promise<void> {
  await requireWorkspace(deps, orgId, workspaceId);
  await requireConfig(deps.prisma, workspaceId, id);
  if (await modelConfigHasAnswers(deps.prisma, id)) {
    throw new AppError(
      'conflict',
      'This configuration has answers and cannot be deleted; archive it instead (PATCH {"archived": true}).',
    );
  }
  await deleteModelConfigRow(deps.prisma, id);
}
