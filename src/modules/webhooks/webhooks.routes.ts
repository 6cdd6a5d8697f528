import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf } from '../common.schemas.js';
import { registerCrud } from '../crud.routes.js';
import {
  deliveryDto,
  deliveryListQuery,
  webhookCreate,
  webhookDto,
  webhookParams,
  webhookUpdate,
} from './webhooks.schemas.js';
import * as service from './webhooks.service.js';

const SIGNING =
  'Each delivery is a POST of the event as JSON with headers Citewatch-Event, Citewatch-Delivery and ' +
  'Citewatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>. ' +
  'Answer 2xx within 10 s; anything else is retried with exponential backoff, and 410 Gone disables the webhook.';

export async function webhooksRoutes(app: FastifyInstance, deps: service.WebhooksDeps): Promise<void> {
  registerCrud(app, {
    resource: 'webhooks',
    idParam: 'webhookId',
    tag: 'Webhooks',
    noun: 'webhook',
    secretOnCreate: true,
    create: webhookCreate,
    update: webhookUpdate,
    dto: webhookDto,
    handlers: {
      create: (org, ws, body) => service.createWebhook(deps, org, ws, body),
      list: (org, ws, q) => service.listWebhooks(deps, org, ws, q),
      get: (org, ws, id) => service.getWebhook(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateWebhook(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteWebhook(deps, org, ws, id),
    },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Webhooks'];
  const item = '/v1/workspaces/:workspaceId/webhooks/:webhookId';

  r.get(
    `${item}/deliveries`,
    {
      schema: {
        tags,
        summary: 'List a webhook’s deliveries, newest first',
        description: `The delivery log: each event sent or being sent, its attempts and the receiver's last answer. ${SIGNING}`,
        params: webhookParams,
        querystring: deliveryListQuery,
        response: { 200: pageOf(deliveryDto), ...problemResponses },
      },
    },
    async (req) => service.listDeliveries(deps, orgOf(req), req.params.workspaceId, req.params.webhookId, req.query),
  );

  r.post(
    `${item}/test`,
    {
      schema: {
        tags,
        summary: 'Send a test event',
        description: `Queues a \`ping\` event to the webhook (even an inactive one); its outcome appears in the delivery log. ${SIGNING}`,
        params: webhookParams,
        response: { 202: deliveryDto, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await service.sendTestEvent(deps, orgOf(req), req.params.workspaceId, req.params.webhookId)),
  );
}
