/** The responses resource: every answer collected, read-only, with its exact request and usage. */
import { z } from 'zod';
import { pageOf, uuid } from '../common.schemas.js';
import { answerCitation, answerMention } from '../answers/answers.schemas.js';
import { responseExample } from './responses.examples.js';

const statuses = z.enum(['pending', 'succeeded', 'failed', 'cancelled']);

export const responseListQuery = z
  .object({
    runId: uuid.optional().describe('Only this run’s responses'),
    promptId: uuid.optional().describe('Only answers to this prompt'),
    modelConfigId: uuid.optional().describe('Only answers under this configuration'),
    status: statuses.optional().describe('Only responses in this status'),
    includeRaw: z.stringbool().default(false).describe('Add the provider’s raw payload (the text is always included)'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200)'),
    cursor: uuid.optional().describe('nextCursor of the previous page'),
  })
  .strict();
export type ResponseListQuery = z.infer<typeof responseListQuery>;

export const responseParams = z.object({ workspaceId: uuid, responseId: uuid }).strict();
export const responseGetQuery = z
  .object({ includeRaw: z.stringbool().default(true).describe('Include the provider’s raw payload (default true)') })
  .strict();

export const responseDto = z
  .object({
    id: uuid,
    runId: uuid,
    promptId: uuid,
    modelConfigId: uuid,
    sampleIndex: z.number().int(),
    provider: z.string(),
    channel: z
      .enum(['api', 'serp', 'mock', 'app'])
      .describe('How the answer was collected: official API, SERP capture, consumer-app capture or the mock'),
    model: z.string(),
    modelVersion: z.string().nullable(),
    configHash: z.string().describe('Canonical hash of the effective parameters'),
    requestParams: z
      .record(z.string(), z.unknown())
      .describe('The exact parameters sent, after provider-specific mapping'),
    status: statuses,
    attempts: z.number().int(),
    text: z.string().nullable().describe('The answer without reasoning; null until collected or when the call failed'),
    finishReason: z.string().nullable(),
    searchQueries: z.array(z.string()),
    usage: z.object({
      inputTokens: z.number().int().nullable(),
      outputTokens: z.number().int().nullable(),
      reasoningTokens: z.number().int().nullable(),
      cachedInputTokens: z.number().int().nullable(),
      searchCalls: z.number().int().nullable(),
    }),
    costUsd: z.string().nullable().describe('Decimal string'),
    providerCostUsd: z.string().nullable().describe('Cost the provider reported, when it does (decimal string)'),
    latencyMs: z.number().int().nullable(),
    providerRequestId: z.string().nullable(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    analyzedAt: z.string().nullable(),
    analysisVersion: z.number().int().nullable(),
    mentions: z.array(answerMention),
    citations: z.array(answerCitation),
    raw: z.unknown().optional().describe('Provider payload, with includeRaw=true'),
  })
  .meta({ id: 'Response', examples: [responseExample] });
export type ResponseDto = z.infer<typeof responseDto>;

export const responsesPage = pageOf(responseDto).meta({ id: 'ResponsesPage' });
