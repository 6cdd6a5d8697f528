/**
 * White label routes, under /v1/organizations/:organizationId/branding: owners and admins read
 * and change the display name, colours and email sender name, upload or remove the logo; any
 * member reads the logo itself. Another organization's id is "not found".
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PrismaClient } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { problemResponses } from '../../plugins/openapi.js';
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE, LOGO_TYPES } from './branding.image.js';
import { brandingDto, brandingParams, brandingUpdate } from './branding.schemas.js';
import * as service from './branding.service.js';

const tags = ['Branding'];

/** The organization in the path, when it is the caller's own; any other is not found. */
function ownOrganization(req: FastifyRequest): string {
  const { organizationId } = req.params as { organizationId: string };
  if (!req.auth || req.auth.organizationId !== organizationId) throw AppError.notFound('Organization');
  return organizationId;
}

/** A PNG of one pixel, the documented example of an upload. */
const LOGO_EXAMPLE_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function brandingRoutes(app: FastifyInstance, deps: { prisma: PrismaClient }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { prisma } = deps;
  const admin = { scope: 'admin' as const };
  // Logos arrive as the raw image; only the logo route does anything with such a body.
  // Any image type is read, so that a GIF or an SVG is refused with what to send instead.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  r.get(
    '/v1/organizations/:organizationId/branding',
    {
      config: admin,
      schema: {
        tags,
        summary: "The organization's white label",
        description:
          'Owners and admins. What share pages, PDF reports and emails show instead of Citewatch: null fields fall back to the organization name and the default colours.',
        params: brandingParams,
        response: { 200: brandingDto, ...problemResponses },
      },
    },
    async (req) => service.getBranding(prisma, ownOrganization(req)),
  );

  r.patch(
    '/v1/organizations/:organizationId/branding',
    {
      config: { ...admin, audit: 'branding.update' },
      schema: {
        tags,
        summary: 'Set the display name, colours or email sender name',
        description:
          "Owners and admins. Colours are `#rrggbb`; null removes a setting (its default applies again). The email sender name goes in the From: of emails about this organization (invitations, alerts, digests); the address stays the deployment's MAIL_FROM.",
        params: brandingParams,
        body: brandingUpdate,
        response: { 200: brandingDto, ...problemResponses },
      },
    },
    async (req) => service.updateBranding(prisma, ownOrganization(req), req.body),
  );

  r.put(
    '/v1/organizations/:organizationId/branding/logo',
    {
      config: { ...admin, audit: 'branding.logo_set' },
      bodyLimit: LOGO_MAX_BYTES,
      schema: {
        tags,
        summary: 'Upload the logo (PNG or JPEG)',
        consumes: [...LOGO_TYPES],
        description: `Owners and admins. The body is the image itself, sent as \`Content-Type: image/png\` or \`image/jpeg\`: at most ${LOGO_MAX_BYTES / 1024} KB and ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE} pixels. Its first bytes must match the type it is sent as; it is decoded and encoded again, and only the re-encoded image is kept and served (metadata and anything else in the file are dropped). 415: another type; 413: too large; 400: not a valid image of that type, truncated, or too many pixels.`,
        params: brandingParams,
        body: z
          .any()
          .describe('The PNG or JPEG file')
          .meta({ examples: [LOGO_EXAMPLE_BASE64] }),
        response: { 200: brandingDto, ...problemResponses },
      },
    },
    async (req) => {
      const organizationId = ownOrganization(req);
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError(
          'unsupported_media_type',
          `A logo is sent as the raw image with Content-Type image/png or image/jpeg, not ${req.headers['content-type'] ?? 'without a content type'}.`,
        );
      }
      return service.setLogo(prisma, organizationId, req.body, req.headers['content-type'] ?? '');
    },
  );

  r.delete(
    '/v1/organizations/:organizationId/branding/logo',
    {
      config: { ...admin, audit: 'branding.logo_delete' },
      schema: {
        tags,
        summary: 'Remove the logo',
        description: 'Owners and admins. Share pages, PDF reports and emails show the display name alone.',
        params: brandingParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await service.deleteLogo(prisma, ownOrganization(req));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/v1/organizations/:organizationId/branding/logo',
    {
      schema: {
        tags,
        summary: 'The logo, as stored (re-encoded)',
        description: 'Any member. 404 when the organization has no logo.',
        params: brandingParams,
        response: {
          200: {
            description: 'The image',
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
      const logo = await service.getLogo(prisma, ownOrganization(req));
      return reply
        .type(logo.contentType)
        .header('cache-control', 'private, max-age=60')
        .header('content-disposition', 'inline')
        .header('last-modified', logo.updatedAt.toUTCString())
        .send(logo.data as unknown as string);
    },
  );
}
