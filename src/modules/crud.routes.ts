/**
 * Registers the five standard routes of a workspace-scoped resource (create, list, get, update,
 * delete) with their schemas, so every resource behaves and documents itself the same way.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { orgOf } from '../plugins/auth.js';
import { problemResponses } from '../plugins/openapi.js';
import { listQuery as defaultListQuery, pageOf, uuid, workspaceParams, type Page } from './common.schemas.js';

/** "an audit", "a brand": the noun with its indefinite article, for summaries. */
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

export interface CrudSpec<C extends z.ZodType, U extends z.ZodType, D extends z.ZodType, Q extends z.ZodType> {
  /** Plural path segment under a workspace, e.g. "brands". */
  resource: string;
  /** Name of the id parameter, e.g. "brandId". */
  idParam: string;
  tag: string;
  /** e.g. "brand", used in summaries. */
  noun: string;
  create: C;
  update: U;
  dto: D;
  listQuery?: Q;
  handlers: {
    create(org: string, workspaceId: string, body: z.output<C>): Promise<z.output<D>>;
    list(org: string, workspaceId: string, query: z.output<Q>): Promise<Page<z.output<D>>>;
    get(org: string, workspaceId: string, id: string): Promise<z.output<D>>;
    update(org: string, workspaceId: string, id: string, body: z.output<U>): Promise<z.output<D>>;
    remove(org: string, workspaceId: string, id: string): Promise<void>;
  };
  /**
   * The create's answer holds a secret shown once (a signing secret): Citewatch keeps no copy, so
   * the create refuses an Idempotency-Key rather than promise a replay it cannot make.
   */
  secretOnCreate?: boolean;
  /** Extra words for the delete route's summary, e.g. when deletion is refused in some cases. */
  deleteNote?: string;
}

export function registerCrud<
  C extends z.ZodType,
  U extends z.ZodType,
  D extends z.ZodType,
  Q extends z.ZodType = typeof defaultListQuery,
>(app: FastifyInstance, spec: CrudSpec<C, U, D, Q>): void {
  // Registered through the plain instance: the handler signatures in CrudSpec carry the types,
  // and the zod compilers still validate every request and response at run time.
  const r = app;
  const base = `/v1/workspaces/:workspaceId/${spec.resource}`;
  const item = `${base}/:${spec.idParam}`;
  const itemParams = z.object({ workspaceId: uuid, [spec.idParam]: uuid }).strict();
  const tags = [spec.tag];
  const h = spec.handlers;
  const idOf = (params: unknown) => (params as Record<string, string>)[spec.idParam] as string;
  const wsOf = (params: unknown) => (params as { workspaceId: string }).workspaceId;

  r.post(
    base,
    {
      ...(spec.secretOnCreate ? { config: { idempotency: false as const } } : {}),
      schema: {
        tags,
        summary: `Create ${withArticle(spec.noun)}`,
        params: workspaceParams,
        body: spec.create,
        response: { 201: spec.dto, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await h.create(orgOf(req), wsOf(req.params), req.body as z.output<C>)),
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: `List ${spec.resource.replace('-', ' ')}`,
        params: workspaceParams,
        querystring: spec.listQuery ?? defaultListQuery,
        response: { 200: pageOf(spec.dto), ...problemResponses },
      },
    },
    async (req) => h.list(orgOf(req), wsOf(req.params), req.query as z.output<Q>),
  );

  r.get(
    item,
    {
      schema: {
        tags,
        summary: `Get ${withArticle(spec.noun)}`,
        params: itemParams,
        response: { 200: spec.dto, ...problemResponses },
      },
    },
    async (req) => h.get(orgOf(req), wsOf(req.params), idOf(req.params)),
  );

  r.patch(
    item,
    {
      schema: {
        tags,
        summary: `Update ${withArticle(spec.noun)}`,
        params: itemParams,
        body: spec.update,
        response: { 200: spec.dto, ...problemResponses },
      },
    },
    async (req) => h.update(orgOf(req), wsOf(req.params), idOf(req.params), req.body as z.output<U>),
  );

  r.delete(
    item,
    {
      schema: {
        tags,
        summary: `Delete ${withArticle(spec.noun)}${spec.deleteNote ? ` (${spec.deleteNote})` : ''}`,
        params: itemParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await h.remove(orgOf(req), wsOf(req.params), idOf(req.params));
      return reply.status(204).send(null);
    },
  );
}
