/**
 * Webhooks of a workspace: CRUD, the delivery log and test pings. The signing secret is
 * generated here, returned by create only, and stored sealed when the deployment has an
 * ENCRYPTION_KEY (webhooks.secrets.ts).
 */
import type { PrismaClient } from '../../db/client.js';
import type { Webhook, WebhookDelivery } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { baseUrlProblem, type EgressPolicy } from '../../providers/egress.js';
import type { Producers } from '../../queues/producer.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type {
  DeliveryDto,
  DeliveryListQuery,
  WebhookCreate,
  WebhookDto,
  WebhookEvent,
  WebhookEventType,
  WebhookUpdate,
} from './webhooks.schemas.js';
import {
  countWebhooks,
  deleteDelivery,
  deleteWebhookRow,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listDeliveryRows,
  listWebhookRows,
  updateWebhookRow,
} from './webhooks.repo.js';
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
  const invalid = (message: string) =>
    new AppError('validation_failed', `The request body is invalid: body.url ${message}`, {
      errors: [{ path: 'body.url', message }],
    });
  if (baseUrlProblem(url, policy))
    throw invalid('points to a private or local address; webhooks are delivered to public addresses only');
  if (!policy.allowPrivateHosts && new URL(url).protocol !== 'https:') throw invalid('must use https');
}

async function requireWebhook(prisma: PrismaClient, workspaceId: string, webhookId: string): Promise<Webhook> {
  const hook = await findWebhook(prisma, workspaceId, webhookId);
  if (!hook) throw AppError.notFound('Webhook');
  return hook;
}

export async function createWebhook(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  input: WebhookCreate,
): Promise<WebhookDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  checkUrl(input.url, deps.egress);
  if ((await countWebhooks(deps.prisma, workspaceId)) >= MAX_WEBHOOKS_PER_WORKSPACE) {
    throw new AppError('conflict', `A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one first.`);
  }
  const secret = generateWebhookSecret();
  const hook = await insertWebhook(deps.prisma, workspaceId, {
    url: input.url,
    events: input.events,
    description: input.description ?? null,
    active: input.active,
    secret: sealWebhookSecret(secret, deps.encryptionKey),
  });
  return { ...toWebhookDto(hook), secret };
}

export async function listWebhooks(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<WebhookDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  return toPage(await listWebhookRows(deps.prisma, workspaceId, q), q.limit, toWebhookDto);
}

export async function getWebhook(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  webhookId: string,
): Promise<WebhookDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  return toWebhookDto(await requireWebhook(deps.prisma, workspaceId, webhookId));
}

export async function updateWebhook(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  webhookId: string,
  input: WebhookUpdate,
): Promise<WebhookDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireWebhook(deps.prisma, workspaceId, webhookId);
  if (input.url !== undefined) checkUrl(input.url, deps.egress);
  return toWebhookDto(await updateWebhookRow(deps.prisma, webhookId, input));
}

/** Deleting a webhook deletes its delivery log; deliveries still queued find nothing and stop. */
export async function deleteWebhook(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  webhookId: string,
): Promise<void> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireWebhook(deps.prisma, workspaceId, webhookId);
  await deleteWebhookRow(deps.prisma, webhookId);
}

export async function listDeliveries(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  webhookId: string,
  q: DeliveryListQuery,
): Promise<Page<DeliveryDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireWebhook(deps.prisma, workspaceId, webhookId);
  // Newest first: ids are UUIDv7, so the cursor walks them downwards.
  return toPage(await listDeliveryRows(deps.prisma, webhookId, q), q.limit, toDeliveryDto);
}

/**
 * Queues a `ping` event to the webhook, active or not, so integrators can check their receiver
 * and signature verification. Answered at once; the outcome shows in the delivery log.
 */
export async function sendTestEvent(
  deps: WebhooksDeps,
  orgId: string,
  workspaceId: string,
  webhookId: string,
): Promise<DeliveryDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  const hook = await requireWebhook(deps.prisma, workspaceId, webhookId);
  const event: WebhookEvent = {
    id: newId(),
    type: 'ping',
    createdAt: new Date().toISOString(),
    workspaceId,
    data: { webhook: { id: hook.id, url: hook.url, events: hook.events }, message: 'Test event from Citewatch' },
  };
  const delivery = await insertDelivery(deps.prisma, webhookId, event);
  try {
    await deps.producers.enqueueWebhookDeliveries([delivery.id], deps.retry);
  } catch {
    await deleteDelivery(deps.prisma, delivery.id);
    throw new AppError(
      'unavailable',
      'The job queue is unreachable, so the test event was not sent. Try again shortly.',
    );
  }
  return toDeliveryDto(delivery);
}
