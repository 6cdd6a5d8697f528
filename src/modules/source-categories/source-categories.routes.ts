import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud.routes.js';
import {
  sourceCategoryOverrideCreate,
  sourceCategoryOverrideDto,
  sourceCategoryOverrideUpdate,
} from './source-categories.schemas.js';
import * as service from './source-categories.service.js';

export async function sourceCategoriesRoutes(app: FastifyInstance, deps: service.SourceCategoriesDeps): Promise<void> {
  registerCrud(app, {
    resource: 'source-category-overrides',
    idParam: 'overrideId',
    tag: 'Source categories',
    noun: 'source category override',
    create: sourceCategoryOverrideCreate,
    update: sourceCategoryOverrideUpdate,
    dto: sourceCategoryOverrideDto,
    handlers: {
      create: (org, ws, body) => service.createOverride(deps, org, ws, body),
      list: (org, ws, q) => service.listOverrides(deps, org, ws, q),
      get: (org, ws, id) => service.getOverride(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateOverride(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteOverride(deps, org, ws, id),
    },
  });
}
