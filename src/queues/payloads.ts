/** Job payloads. They carry ids only: never secrets, never answer text. */
import { z } from 'zod';

export const queryJobSchema = z.object({ responseId: z.uuid(), runId: z.uuid() });
export type QueryJob = z.infer<typeof queryJobSchema>;

/** A batch of stored answers to analyse (those a worker stored together). */
export const analysisJobSchema = z.object({ responseIds: z.array(z.uuid()).min(1).max(1_000) });
export type AnalysisJob = z.infer<typeof analysisJobSchema>;

export const runJobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), runId: z.uuid() }),
  z.object({ type: z.literal('finished'), runId: z.uuid() }),
]);
export type RunJob = z.infer<typeof runJobSchema>;

export const maintenanceJobSchema = z.object({ type: z.literal('reanalyze'), reanalysisId: z.uuid() });
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

/** One webhook delivery; the event, the receiver and its secret are read from Postgres. */
export const webhookJobSchema = z.object({ deliveryId: z.uuid() });
export type WebhookJob = z.infer<typeof webhookJobSchema>;
