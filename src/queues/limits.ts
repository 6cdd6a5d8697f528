/**
 * Provider queue limits, held in Redis so they apply across every worker process: each provider
 * queue's global rate limit (<PROVIDER>_RPM per minute) and global concurrency
 * (<PROVIDER>_CONCURRENCY). Written by every worker when it starts and again on each recovery
 * round, since a Redis restarted without persistence forgets them.
 */
import { providerLimit } from '../providers/deployment.js';
import type { ProviderName } from '../providers/settings.js';
import { queryQueueName } from './names.js';
import type { Producers } from './producer.js';

export async function applyProviderQueueLimits(
  producers: Producers,
  env: Readonly<Record<string, unknown>>,
  providers: readonly ProviderName[],
): Promise<void> {
  for (const provider of providers) {
    const limit = providerLimit(env, provider);
    const queue = producers.queue(queryQueueName(provider));
    await queue.setGlobalConcurrency(limit.concurrency);
    await queue.setGlobalRateLimit(limit.rpm, 60_000);
  }
}
