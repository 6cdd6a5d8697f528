import { z } from 'zod';
import { listQuery, text, timestamp, uuid } from '../common.schemas.js';
import { webhookExample, webhookEventExample, deliveryExample } from './webhooks.examples.js';

/** Events a webhook can subscribe to. `ping` (sent by the test route) needs no subscription. */
export const WEBHOOK_EVENTS = ['run.completed', 'run.failed', 'visibility.changed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
export const webhookEventType = z.enum(WEBHOOK_EVENTS);

/**
 * Shape only; where the URL may point (public hosts, https) depends on the deployment's egress
 * policy and is checked by the service.
 */
const webhookUrl = z
  // A missing value keeps the default message, which the error handler words as "is required".
  .url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? undefined : 'must be an http(s) URL') })
  .max(2_048, 'must be at most 2048 characters')
  .refine((u) => {
    // Runs even when the URL check above failed, so it must not throw.
    const parsed = URL.parse(u);
    return !parsed || (!parsed.username && !parsed.password);
  }, 'must not carry credentials: verify the Citewatch-Signature header instead');

const events = z
  .array(webhookEventType)
  .min(1, 'subscribe to at least one event')
  .max(WEBHOOK_EVENTS.length)
  .transform((e) => [...new Set(e)]);

export const webhookCreate = z
  .object({
    url: webhookUrl.describe(
      'Where events are POSTed; https (plain http only where the deployment allows private hosts)',
    ),
    events: events.describe('run.completed, run.failed, visibility.changed'),
    description: text(500).optional(),
    active: z.boolean().default(true).describe('Inactive webhooks receive nothing (test pings excepted)'),
  })
  .strict()
  .meta({
    examples: [
      {
        url: 'https://hooks.example.com/citewatch',
        events: ['run.completed', 'visibility.changed'],
        description: 'Reporting pipeline',
      },
    ],
  });

export const webhookUpdate = z
  .object({
    url: webhookUrl.optional(),
    events: events.optional(),
    description: text(500).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ examples: [{ events: ['run.completed', 'run.failed', 'visibility.changed'] }, { active: true }] });

export const webhookDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    url: z.string(),
    events: z.array(webhookEventType),
    description: z.string().nullable(),
    active: z.boolean(),
    secret: z
      .string()
      .optional()
      .describe(
        'Signing secret (whsec_…), returned once by create and never again: store it to verify Citewatch-Signature',
      ),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Webhook', examples: [webhookExample] });

export const deliveryStatus = z.enum(['pending', 'succeeded', 'failed']);

export const webhookEvent = z
  .object({
    id: uuid.describe('Event id, the same for every webhook receiving it: de-duplicate on it'),
    type: z.enum([...WEBHOOK_EVENTS, 'ping']),
    createdAt: timestamp,
    workspaceId: uuid,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WebhookEvent', examples: [webhookEventExample] });
export type WebhookEvent = z.infer<typeof webhookEvent>;

export const deliveryDto = z
  .object({
    id: uuid.describe('Sent as the Citewatch-Delivery header'),
    webhookId: uuid,
    eventId: uuid,
    eventType: z.string(),
    status: deliveryStatus,
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable().describe('HTTP status of the last attempt'),
    responseBody: z.string().nullable().describe('First 2 KB of the last response body'),
    error: z.string().nullable().describe('Why the last attempt failed (network error, timeout, non-2xx)'),
    payload: webhookEvent,
    createdAt: timestamp,
    lastAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery', examples: [deliveryExample] });

export const deliveryListQuery = listQuery.extend({ status: deliveryStatus.optional() }).strict();
export const webhookParams = z.object({ workspaceId: uuid, webhookId: uuid }).strict();

export type WebhookCreate = z.infer<typeof webhookCreate>;
export type WebhookUpdate = z.infer<typeof webhookUpdate>;
export type WebhookDto = z.infer<typeof webhookDto>;
export type DeliveryDto = z.infer<typeof deliveryDto>;
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;
