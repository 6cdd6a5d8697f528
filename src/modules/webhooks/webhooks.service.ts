/**
 * Webhooks of a workspace: CRUD, the delivery log and test pings. The signing secret is
 * generated here, returned by create only, and stored sealed when the deployment has an
 * ENCRYPTION_KEY (webhooks.secrets.ts).
 */
import type { PrismaClient } from '../../db/client.js';
import type { Prisma, Webhook, WebhookDelivery } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { baseUrlProblem, type EgressPolicy } from '../../providers/egress.js';
import type { Producers } from '../../queues/producer.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type { DeliveryDto, DeliveryListQuery, WebhookCreate, WebhookDto, WebhookEvent, WebhookEventType, WebhookUpdate } from './webhooks.schemas.js';
import { sealWebhookSecret } from './webhooks.secrets.js';
import { generateWebhookSecret } from './webhooks.signature.js';

export interface WebhooksDeps {
  prisma: PrismaClient;
  producers: Producers;
  /** Where receivers may be: the same policy as user-chosen model endpoints (src/providers/egress.ts). */
  egress: EgressPolicy;
  encryptionKey: string | undefined;
  retry: { attempts: number; backoffMs: number };
}

/** Keeps one workspace from fanning every event out to an unbounded number of receivers. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;

export function toWebhookDto(w: Webhook): WebhookDto {
  return {
    id: w.id,
    workspaceId: w.workspaceId,
    url: w.url,
    events: w.events as WebhookEventType[],
    description: w.description,
    active: w.active,
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

export function toDeliveryDto(d: WebhookDelivery): DeliveryDto {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    responseBody: d.responseBody,
    error: d.error,
    payload: d.payload as unknown as WebhookEvent,
    createdAt: iso(d.createdAt),
    lastAttemptAt: isoOrNull(d.lastAttemptAt),
    deliveredAt: isoOrNull(d.deliveredAt),
  };
}

/** Receivers must be reachable on the public internet, over https, unless the deployment allows private hosts (local development). */
function checkUrl(url: string, policy: EgressPolicy): void {
  const invalid = (message: string) => new AppError('validation_failed', `The request body is invalid: body.url ${message}`, { errors: [{ path: 'body.url', message }] });
  if (baseUrlProblem(url, policy)) throw invalid('points to a private or local address; webhooks are delivered to public addresses only');
  if (!policy.allowPrivateHosts && new URL(url).protocol !== 'https:') throw invalid('must use https');
}

async function requireWebhook(prisma: PrismaClient, workspaceId: string, webhookId: string): Promise<Webhook> {
  const hook = await prisma.webhook.findFirst({ where: { id: webhookId, workspaceId } });
  if (!hook) throw AppError.notFound('Webhook');
  return hook;
}

export async function createWebhook(deps: WebhooksDeps, orgId: string, workspaceId: string, input: WebhookCreate): Promise<WebhookDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  checkUrl(input.url, deps.egress);
  if ((await deps.prisma.webhook.count({ where: { workspaceId } })) >= MAX_WEBHOOKS_PER_WORKSPACE) {
    throw new AppError('conflict', `A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one first.`);
  }
  const secret = generateWebhookSecret();
  const hook = await deps.prisma.webhook.create({
    data: {
      id: newId(),
      workspaceId,
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      active: input.active,
      secret: sealWebhookSecret(secret, deps.encryptionKey),
    },
  });
  return { ...toWebhookDto(hook), secret };
}

export async function listWebhooks(deps: WebhooksDeps, orgId: string, workspaceId: string, q: ListQuery): Promise<Page<WebhookDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  const rows = await deps.prisma.webhook.findMany({
    where: { workspaceId, ...(q.cursor ? { id: { gt: q.cursor } } : {}) },
    orderBy: { id: 'asc' },
    take: q.limit + 1,
  });
  const page = toPage(rows, q.limit);
  return { data: page.data.map(toWebhookDto), nextCursor: page.nextCursor };
}

export async function getWebhook(deps: WebhooksDeps, orgId: string, workspaceId: string, webhookId: string): Promise<WebhookDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  return toWebhookDto(await requireWebhook(deps.prisma, workspaceId, webhookId));
}

export async function updateWebhook(deps: WebhooksDeps, orgId: string, workspaceId: string, webhookId: string, input: WebhookUpdate): Promise<WebhookDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireWebhook(deps.prisma, workspaceId, webhookId);
  if (input.url !== undefined) checkUrl(input.url, deps.egress);
  const hook = await deps.prisma.webhook.update({ where: { id: webhookId }, data: input });
  return toWebhookDto(hook);
}

/** Deleting a webhook deletes its delivery log; deliveries still queued find nothing and stop. */
export async function deleteWebhook(deps: WebhooksDeps, orgId: string, workspaceId: string, webhookId: string): Promise<void> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireWebhook(deps.prisma, workspaceId, webhookId);
  await deps.prisma.webhook.delete({ where: { id: webhookId } });
}

export async function listDeliveries(deps: WebhooksDeps, orgId: string, workspaceId: string, webhookId: string, q: DeliveryListQuery): Promise<Page<DeliveryDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireWebhook(deps.prisma, workspaceId, webhookId);
  // Newest first: ids are UUIDv7, so the cursor walks them downwards.
  const rows = await deps.prisma.webhookDelivery.findMany({
    where: { webhookId, ...(q.status ? { status: q.status } : {}), ...(q.cursor ? { id: { lt: q.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = toPage(rows, q.limit);
  return { data: page.data.map(toDeliveryDto), nextCursor: page.nextCursor };
}

/**
 * Queues a `ping` event to the webhook, active or not, so integrators can check their receiver
 * and signature verification. Answered at once; the outcome shows in the delivery log.
 */
export async function sendTestEvent(deps: WebhooksDeps, orgId: string, workspaceId: string, webhookId: string): Promise<DeliveryDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  const hook = await requireWebhook(deps.prisma, workspaceId, webhookId);
  const event: WebhookEvent = {
    id: newId(),
    type: 'ping',
    createdAt: new Date().toISOString(),
    workspaceId,
    data: { webhook: { id: hook.id, url: hook.url, events: hook.events }, message: 'Test event from Citewatch' },
  };
  const delivery = await deps.prisma.webhookDelivery.create({
    data: { id: newId(), webhookId, eventId: event.id, eventType: event.type, payload: event as Prisma.InputJsonObject },
  });
  try {
    await deps.producers.enqueueWebhookDeliveries([delivery.id], deps.retry);
  } catch {
    await deps.prisma.webhookDelivery.delete({ where: { id: delivery.id } });
    throw new AppError('unavailable', 'The job queue is unreachable, so the test event was not sent. Try again shortly.');
  }
  return toDeliveryDto(delivery);
}
