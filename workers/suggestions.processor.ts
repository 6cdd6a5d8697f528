/**
 * Suggestion jobs: one model call per request (src/modules/suggestions). Transient failures and
 * rate limits are retried with BullMQ's backoff until the attempts run out; the outcome — the
 * suggestions, or the reason they failed — is stored in the suggestion row.
 */
import type { Job } from 'bullmq';
import { executeSuggestion, type SuggestionCallOptions } from '../src/modules/suggestions/suggestions.service.js';
import type { SuggestionJob } from '../src/queues/payloads.js';
import type { WorkerDeps } from '../src/deps.js';

export function createSuggestionsProcessor(
  deps: WorkerDeps,
  access: Pick<SuggestionCallOptions, 'credentials' | 'fetchFor'>,
) {
  return async (job: Job<SuggestionJob>): Promise<string> => {
    const outcome = await executeSuggestion(
      deps.db,
      { ...access, timeoutMs: deps.env.PROVIDER_TIMEOUT_MS, fetch: deps.fetch },
      job.data.suggestionId,
      { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 },
    );
    if (outcome === 'retry') throw new Error('the model call failed for now; trying again');
    return outcome;
  };
}
