/**
 * The run follow-up that emits webhook events. Postgres first: one delivery row per matching
 * active webhook and event, then one job per pending row. Safe to run again for the same run
 * (a retried `finished` job): event ids are deterministic, so no second delivery is recorded, and
 * pending ones are handed out again under the same job ids.
 */
import type { Env } from '../../config/env.js';
import { findRun } from '../runs/runs.repo.js';
import { runEvent, visibilityEvent } from './webhooks.events.js';
import * as repo from './webhooks.repo.js';
import type { WebhookEvent } from './webhooks.schemas.js';
import type { Deps } from '../../deps.js';

export type WebhookEmitDeps = Pick<Deps, 'env' | 'db' | 'producers' | 'logger'>;

export function deliveryRetry(env: Env): { attempts: number; backoffMs: number } {
  return { attempts: env.WEBHOOK_MAX_ATTEMPTS, backoffMs: env.WEBHOOK_BACKOFF_MS };
}

/** Emits a finished run's events; returns the number of deliveries handed to the queue. */
export async function emitRunEvents(deps: WebhookEmitDeps, runId: string): Promise<number> {
  const { pool } = deps.db;
  const workspaceId = await repo.runWorkspace(pool, runId);
  if (!workspaceId) return 0;
  const hooks = await repo.activeWebhooks(pool, workspaceId);
  if (!hooks.length) return 0;
  const run = await findRun(pool, workspaceId, runId);
  if (!run?.finished_at) return 0;

  const events: WebhookEvent[] = [runEvent(run)];
  // The comparison costs two aggregate queries: only when someone listens.
  if (hooks.some((h) => h.events.includes('visibility.changed'))) {
    const changed = await visibilityEvent(pool, run);
    if (changed) events.push(changed);
  }
  const pairs = events.flatMap((event) =>
    hooks.filter((h) => h.events.includes(event.type)).map((h) => ({ webhookId: h.id, event })),
  );
  const pending = await repo.recordDeliveries(pool, pairs);
  await deps.producers.enqueueWebhookDeliveries(pending, deliveryRetry(deps.env));
  deps.logger.info({ runId, events: events.map((e) => e.type), deliveries: pending.length }, 'webhook events emitted');
  return pending.length;
}

/** For createRunsProcessor's follow-ups list. */
export function createWebhookFollowUp(deps: WebhookEmitDeps): (runId: string) => Promise<void> {
  return async (runId) => {
    await emitRunEvents(deps, runId);
  };
}
