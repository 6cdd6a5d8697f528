/**
 * Share links. Two groups of routes:
 * - shareLinksRoutes (authenticated): create, list and revoke a workspace's links;
 * - sharedRoutes (public, registered outside the authenticated context): what a link shows, its
 *   organization's logo, and its reports as JSON or CSV. They take the token in the path and
 *   nothing else: no API key or session cookie is read there, and the link's locks are applied
 *   whatever the query says. Requests are limited per client network.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { keyLimitStore } from '../../plugins/rate-limit-store.js';
import { loadBranding } from '../branding/branding.service.js';
import { pdfFileOf } from '../pdf-reports/pdf-reports.service.js';
import { pageOf, workspaceParams } from '../common.schemas.js';
import { jsonOrCsv, reportRoutes, sendCsv } from '../reports/reports.routes.js';
import { RollupRefresher } from '../reports/rollups.service.js';
import type { ReportsDeps } from '../reports/reports.service.js';
import {
  SHARED_REPORTS,
  type SharedView,
  shareLinkCreate,
  shareLinkCreated,
  shareLinkDto,
  shareLinkListQuery,
  shareLinkParams,
  sharedParams,
  sharedView,
} from './share-links.schemas.js';
import * as service from './share-links.service.js';

const tags = ['Share links'];

export async function shareLinksRoutes(
  app: FastifyInstance,
  deps: { db: Database; publicBaseUrl: string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { prisma } = deps.db;

  r.post(
    '/v1/workspaces/:workspaceId/share-links',
    {
      // The answer holds the token, shown once: there is no copy to replay to an Idempotency-Key.
      config: { idempotency: false },
      schema: {
        tags,
        summary: "Create a share link to the workspace's reports",
        description:
          "Write scope (editors and up). A read-only link, opened without an account, to the visibility, share of voice, trends, citations and competitor gap reports of this workspace, until `expiresAt` (at most 366 days). `from`/`to`, `providers` and `tags` lock what it shows. The answer holds the token and the page URL once: only the token's SHA-256 is stored.",
        params: workspaceParams,
        body: shareLinkCreate,
        response: { 201: shareLinkCreated, ...problemResponses },
      },
    },
    async (req, reply) => {
      const created = await service.createShareLink(
        { prisma, publicBaseUrl: deps.publicBaseUrl },
        req.auth as NonNullable<FastifyRequest['auth']>,
        orgOf(req),
        req.params.workspaceId,
        req.body,
      );
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/v1/workspaces/:workspaceId/share-links',
    {
      schema: {
        tags,
        summary: "List the workspace's share links with their openings",
        description:
          'Newest first, each with its status (active, expired, revoked), its locks, how many times it was opened and the latest openings (time, client network, what was opened). Tokens are never shown again.',
        params: workspaceParams,
        querystring: shareLinkListQuery,
        response: { 200: pageOf(shareLinkDto), ...problemResponses },
      },
    },
    async (req) => service.listShareLinks(prisma, orgOf(req), req.params.workspaceId, req.query),
  );

  r.delete(
    '/v1/workspaces/:workspaceId/share-links/:shareLinkId',
    {
      config: { audit: 'share_link.revoke' },
      schema: {
        tags,
        summary: 'Revoke a share link',
        description: 'Write scope. The link stops working at once; it stays listed, with its openings, as revoked.',
        params: shareLinkParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const { workspaceId, shareLinkId } = req.params as { workspaceId: string; shareLinkId: string };
      await service.revokeShareLink(prisma, orgOf(req), workspaceId, shareLinkId);
      return reply.status(204).send(null);
    },
  );
}

export interface SharedDeps {
  db: Database;
  redis: Redis;
  /** Redis key prefix of rate-limit counters. */
  prefix: string;
  requestsPerMinute: number;
  refresher?: RollupRefresher;
}

const publicRoute = { security: [] as never[] };

/** The public side of share links; register outside the authenticated context. */
export async function sharedRoutes(app: FastifyInstance, deps: SharedDeps): Promise<void> {
  const refresher = deps.refresher ?? new RollupRefresher(deps.db.pool, app.log);
  const reportDeps: ReportsDeps = { db: deps.db, refresher };
  app.addHook('onClose', async () => refresher.idle());
  await app.register(async (shared) => {
    // Counted per client network, so a guesser cannot spread requests over one /24 or /48.
    await shared.register(rateLimit, {
      global: true,
      max: deps.requestsPerMinute,
      timeWindow: 60_000,
      store: keyLimitStore(deps.redis, `${deps.prefix}shared:`),
      keyGenerator: (req) => service.addressClassOf(req.ip),
      skipOnError: true,
      enableDraftSpec: true,
      errorResponseBuilder: (_req, ctx) =>
        new AppError(
          'rate_limited',
          `More than ${ctx.max} requests to share links from this network in a minute; retry in ${ctx.after}.`,
        ),
    });
    // The token is the only credential here: whatever else a request carries is not looked at.
    shared.addHook('onRequest', async (req) => {
      req.headers.authorization = undefined;
      req.headers['x-api-key'] = undefined;
      req.headers.cookie = undefined;
    });
    const r = shared.withTypeProvider<ZodTypeProvider>();
    const { prisma } = deps.db;

    r.get(
      '/v1/shared/:token',
      {
        schema: {
          ...publicRoute,
          tags,
          summary: 'What a share link shows (no account needed)',
          description:
            "The token is the only credential: API keys and session cookies are ignored. Gives the workspace name, the organization's white label, the locks and the reports the link opens. Each call is recorded as an opening (time and client network). Unknown, expired and revoked links: 404.",
          params: sharedParams,
          response: { 200: sharedView, ...problemResponses },
        },
      },
      async (req): Promise<SharedView> => {
        const { link, workspace } = await service.resolveShareLink(prisma, req.params.token);
        const [branding, pdf] = await Promise.all([
          loadBranding(prisma, workspace.organizationId),
          service.linkPdf(prisma, link),
        ]);
        await service.recordOpening(prisma, link.id, req.ip, 'page');
        return {
          name: link.name,
          workspace: { name: workspace.name, timezone: workspace.timezone },
          branding: {
            displayName: branding.displayName,
            primaryColor: branding.primaryColor,
            accentColor: branding.accentColor,
            logo: branding.logo !== null,
          },
          locks: service.locksOf(link),
          expiresAt: link.expiresAt.toISOString(),
          reports: [...SHARED_REPORTS],
          pdf: service.sharedPdfOf(pdf),
        };
      },
    );

    r.get(
      '/v1/shared/:token/logo',
      {
        schema: {
          ...publicRoute,
          tags,
          summary: "The logo of the link's organization",
          description: '404 when the organization has no logo, or the link does not work.',
          params: sharedParams,
          response: {
            200: {
              description: 'The image, as stored (re-encoded)',
              content: {
                'image/png': {
                  schema: z
                    .string()
                    .describe('PNG image')
                    .meta({ examples: ['(PNG image bytes)'] }),
                },
                'image/jpeg': {
                  schema: z
                    .string()
                    .describe('JPEG image')
                    .meta({ examples: ['(JPEG image bytes)'] }),
                },
              },
            },
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        const { workspace } = await service.resolveShareLink(prisma, req.params.token);
        const branding = await loadBranding(prisma, workspace.organizationId);
        if (!branding.logo || !branding.logoType) throw AppError.notFound('Logo');
        return reply
          .type(branding.logoType)
          .header('cache-control', 'private, max-age=300')
          .send(branding.logo as unknown as string);
      },
    );

    r.get(
      '/v1/shared/:token/pdf',
      {
        schema: {
          ...publicRoute,
          tags,
          summary: "The newest PDF report within a share link's period",
          description:
            "The most recently made PDF report of the link's workspace whose period lies within the link's period lock (any period when the link has none), as an attachment; each download is recorded as an opening. A link locked to assistants or tags does not serve PDFs, which cover every assistant and tag (403). No such report ready yet: 404 saying so. The agency makes PDFs on the workspace's PDFs page or with POST /v1/workspaces/{workspaceId}/pdf-reports.",
          params: sharedParams,
          response: {
            200: {
              description: 'The PDF, as an attachment',
              content: {
                'application/pdf': {
                  schema: z
                    .string()
                    .describe('The PDF file (binary)')
                    .meta({ format: 'binary', examples: ['%PDF-1.3 …'] }),
                },
              },
            },
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        const { link } = await service.resolveShareLink(prisma, req.params.token);
        const pdf = await service.linkPdf(prisma, link);
        if (pdf.refusal) throw pdf.refusal;
        const content = await pdfFileOf(prisma, pdf.report);
        if (!content) throw new AppError('not_found', 'The PDF report was removed meanwhile; reload the page.');
        await service.recordOpening(prisma, link.id, req.ip, 'pdf');
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${pdf.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(content as unknown as string);
      },
    );

    for (const spec of (await reportRoutes()).filter((s) => (SHARED_REPORTS as readonly string[]).includes(s.path))) {
      shared.get(
        `/v1/shared/:token/reports/${spec.path}`,
        {
          serializerCompiler: () => (data: unknown) => JSON.stringify(data),
          schema: {
            ...publicRoute,
            tags,
            summary: `The ${spec.path} report of a share link`,
            description: `${spec.description} The link's locks (period, providers, tags) apply whatever the query says: a period is narrowed to the lock, a provider or tag outside it is refused (403). \`?format=csv\` gives the same rows as CSV, for a spreadsheet to import; each CSV download is recorded as an opening.`,
            params: sharedParams,
            querystring: spec.query,
            response: {
              200: jsonOrCsv(spec.report, `The ${spec.path} report`, spec.csvExample),
              ...problemResponses,
            },
          },
        },
        async (req, reply) => {
          const { token } = req.params as { token: string };
          const { link, workspace } = await service.resolveShareLink(prisma, token);
          const query = service.applyLocks(
            link,
            req.query as { from?: string; to?: string; providers?: string[]; tags?: string[]; format?: string },
          );
          if (query.format === 'csv') {
            await service.recordOpening(prisma, link.id, req.ip, `${spec.path}.csv`);
            const name = `${workspace.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)}-${spec.path}`;
            return sendCsv(reply, name, await spec.csv(reportDeps, workspace.organizationId, workspace.id, query));
          }
          return spec.build(reportDeps, workspace.organizationId, workspace.id, query);
        },
      );
    }
  });
}
