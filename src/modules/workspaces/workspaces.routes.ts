import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { listQuery, pageOf, workspaceParams } from '../common.schemas.js';
import { workspaceCreate, workspaceDto, workspaceUpdate } from './workspaces.schemas.js';
import * as service from './workspaces.service.js';

export async function workspacesRoutes(app: FastifyInstance, deps: service.WorkspacesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Workspaces'];

  r.post(
    '/v1/workspaces',
    {
      schema: {
        tags,
        summary: 'Create a workspace',
        body: workspaceCreate,
        response: { 201: workspaceDto, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createWorkspace(deps, orgOf(req), req.body)),
  );

  r.get(
    '/v1/workspaces',
    {
      config: { restrictedOk: true },
      schema: {
        tags,
        summary: 'List workspaces',
        description: 'A key or person limited to chosen workspaces sees only those.',
        querystring: listQuery,
        response: { 200: pageOf(workspaceDto), ...problemResponses },
      },
    },
    async (req) => service.listWorkspaces(deps, orgOf(req), req.query, req.auth?.workspaceIds ?? null),
  );

  r.get(
    '/v1/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'Get a workspace',
        params: workspaceParams,
        response: { 200: workspaceDto, ...problemResponses },
      },
    },
    async (req) => service.getWorkspace(deps, orgOf(req), req.params.workspaceId),
  );

  r.patch(
    '/v1/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'Update a workspace',
        params: workspaceParams,
        body: workspaceUpdate,
        response: { 200: workspaceDto, ...problemResponses },
      },
    },
    async (req) => service.updateWorkspace(deps, orgOf(req), req.params.workspaceId, req.body),
  );

  r.delete(
    '/v1/workspaces/:workspaceId',
    {
      schema: {
        tags,
        summary: 'Delete a workspace and all its data',
        params: workspaceParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.deleteWorkspace(deps, orgOf(req), req.params.workspaceId);
      return reply.status(204).send(null);
    },
  );
}
