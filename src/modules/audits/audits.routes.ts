import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../crud.routes.js';
import { auditEstimateRoutes } from './audits.estimate.js';
import { auditCreate, auditDto, auditUpdate } from './audits.schemas.js';
import * as service from './audits.service.js';

export async function auditsRoutes(app: FastifyInstance, deps: service.AuditsDeps): Promise<void> {
  registerCrud(app, {
    resource: 'audits',
    idParam: 'auditId',
    tag: 'Audits',
    noun: 'audit',
    create: auditCreate,
    update: auditUpdate,
    dto: auditDto,
    deleteNote: 'its runs and answers are kept',
    handlers: {
      create: (org, ws, body) => service.createAudit(deps, org, ws, body),
      list: (org, ws, q) => service.listAudits(deps, org, ws, q),
      get: (org, ws, id) => service.getAudit(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateAudit(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteAudit(deps, org, ws, id),
    },
  });
  await auditEstimateRoutes(app, deps);
}
