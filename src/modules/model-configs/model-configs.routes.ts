import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud.routes.js';
import { modelConfigCreate, modelConfigDto, modelConfigListQuery, modelConfigUpdate } from './model-configs.schemas.js';
import * as service from './model-configs.service.js';

export async function modelConfigsRoutes(app: FastifyInstance, deps: service.ModelConfigsDeps): Promise<void> {
  registerCrud(app, {
    resource: 'model-configs',
    idParam: 'modelConfigId',
    tag: 'Model configurations',
    noun: 'model configuration',
    create: modelConfigCreate,
    update: modelConfigUpdate,
    dto: modelConfigDto,
    listQuery: modelConfigListQuery,
    deleteNote: 'refused once it has answers: archive it instead',
    handlers: {
      create: (org, ws, body) => service.createModelConfig(deps, org, ws, body),
      list: (org, ws, q) => service.listModelConfigs(deps, org, ws, q),
      get: (org, ws, id) => service.getModelConfig(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateModelConfig(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteModelConfig(deps, org, ws, id),
    },
  });
}
