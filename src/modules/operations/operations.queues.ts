/**
 * Every queue of this deployment, by name: the list metrics and the dashboard show. A fixed list
 * (not a SCAN of Redis) keeps metric labels bounded and shows only this deployment's queues;
 * the Producers' QUEUE_PREFIX does the rest.
 */
import { providerNames } from '../../providers/settings.js';
import {
  ALERTS_QUEUE,
  ANALYSIS_QUEUE,
  MAINTENANCE_QUEUE,
  PDF_REPORTS_QUEUE,
  RUNS_QUEUE,
  STANCE_JUDGE_QUEUE,
  SUGGESTIONS_QUEUE,
  WEBHOOKS_QUEUE,
  queryQueueName,
} from '../../queues/names.js';

export function deploymentQueues(): string[] {
  return [
    RUNS_QUEUE,
    ...providerNames().map(queryQueueName),
    ANALYSIS_QUEUE,
    MAINTENANCE_QUEUE,
    WEBHOOKS_QUEUE,
    PDF_REPORTS_QUEUE,
    SUGGESTIONS_QUEUE,
    ALERTS_QUEUE,
    STANCE_JUDGE_QUEUE,
  ];
}
