import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { workspaceParams } from '../common.schemas.js';
import { registerCrud } from '../crud.routes.js';
import { bulkPrompts, MAX_BULK_PROMPTS, promptBulkBody, promptBulkResult } from './prompts.bulk.js';
import { importPrompts, MAX_IMPORT_ROWS, promptImportBody, promptImportResult, rowsFromCsv } from './prompts.import.js';
import { promptCreate, promptDto, promptListQuery, promptUpdate } from './prompts.schemas.js';
import * as service from './prompts.service.js';

export async function promptsRoutes(app: FastifyInstance, deps: service.PromptsDeps): Promise<void> {
  registerCrud(app, {
    resource: 'prompts',
    idParam: 'promptId',
    tag: 'Prompts',
    noun: 'prompt',
    create: promptCreate,
    update: promptUpdate,
    dto: promptDto,
    listQuery: promptListQuery,
    deleteNote: 'refused once it has answers: archive it instead',
    handlers: {
      create: (org, ws, body) => service.createPrompt(deps, org, ws, body),
      list: (org, ws, q) => service.listPrompts(deps, org, ws, q),
      get: (org, ws, id) => service.getPrompt(deps, org, ws, id),
      update: (org, ws, id, body) => service.updatePrompt(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deletePrompt(deps, org, ws, id),
    },
  });
}

export async function promptImportRoutes(app: FastifyInstance, deps: service.PromptsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/v1/workspaces/:workspaceId/prompts/import',
    {
      schema: {
        tags: ['Prompts'],
        summary: 'Import prompts in bulk (JSON or CSV)',
        description:
          'JSON: {"prompts": [{text, locale?, tags?}, …]}. CSV (Content-Type: text/csv): a header row with `text` and optionally `locale` and `tags`; ' +
          'tags within a cell are separated by ; or | (crm;smb), never by a comma, and a text containing a comma goes in double quotes. ' +
          `Up to ${MAX_IMPORT_ROWS} prompts; all are created or none, and a 400 names every invalid row.`,
        params: workspaceParams,
        body: promptImportBody,
        response: { 201: promptImportResult, ...problemResponses },
      },
    },
    async (req, reply) => {
      const rows = typeof req.body === 'string' ? rowsFromCsv(req.body) : req.body.prompts;
      return reply.status(201).send(await importPrompts(deps, orgOf(req), req.params.workspaceId, rows));
    },
  );

  r.post(
    '/v1/workspaces/:workspaceId/prompts/bulk',
    {
      config: { audit: 'prompt.bulk_update' },
      schema: {
        tags: ['Prompts'],
        summary: 'Tag, untag, archive, unarchive or delete many prompts at once',
        description:
          `Up to ${MAX_BULK_PROMPTS} prompts in one transaction. Each prompt gets its own result: one that is not in this workspace, ` +
          'would carry more than 20 tags, or has answers (delete: archive it instead) is refused with a code and why, and the others proceed.',
        params: workspaceParams,
        body: promptBulkBody,
        response: { 200: promptBulkResult, ...problemResponses },
      },
    },
    async (req) => bulkPrompts(deps, orgOf(req), req.params.workspaceId, req.body),
  );
}
