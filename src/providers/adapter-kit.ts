/**
 * The steps every adapter's query() shares: re-checking stored parameters, turning a parsed body
 * into the normalized record with its cost, and refusing an empty answer (however it ended) so it
 * lands as a failed response rather than as "brand not mentioned".
 */
import { computeCost } from './cost.js';
import { emptyAnswer, invalidConfig, malformedResponse } from './errors.js';
import {
  ConfigValidationError,
  type CollectionChannel,
  type ModelParams,
  type NormalizedAnswer,
  type ParsedAnswer,
  type ProviderAdapter,
  type ProviderName,
  type QueryInput,
} from './types.js';

/** Parameters stored on a configuration are re-validated: rules may have changed since it was created. */
export function effectiveParams<T extends ModelParams>(
  adapter: Pick<ProviderAdapter, 'name' | 'validateConfig'>,
  input: QueryInput,
): T {
  try {
    return adapter.validateConfig(input.model, input.params) as T;
  } catch (err) {
    if (err instanceof ConfigValidationError) throw invalidConfig(adapter.name, err);
    throw err;
  }
}

/** Runs a parser over a body the provider answered with; a shape it cannot read is a malformed response. */
export function parseOrFail(
  provider: ProviderName,
  parse: (raw: unknown) => ParsedAnswer,
  raw: unknown,
  requestId: string | null,
): ParsedAnswer {
  try {
    return parse(raw);
  } catch (err) {
    throw malformedResponse(provider, (err as Error).message, requestId);
  }
}

export interface AnswerParts {
  provider: ProviderName;
  api: string;
  channel: CollectionChannel;
  model: string;
  parsed: ParsedAnswer;
  requestId: string | null;
  latencyMs: number;
  requestParams: Record<string, unknown>;
  raw: unknown;
  /** When the call was made, for date-dependent prices. */
  at: Date;
  /** Model id to price, when it differs from the requested one (SERP "vendor:surface"). */
  priceModel?: string;
  /** A body with no text is a valid result here (SERP page without an AI overview). */
  allowEmpty?: boolean;
}

export function buildAnswer(parts: AnswerParts): NormalizedAnswer {
  const { parsed } = parts;
  // A refusal or a content filter with no text is what the assistant did, a result worth
  // counting; an answer that simply never came (stop, length, incomplete) is a failed response.
  if (
    !parts.allowEmpty &&
    parsed.text.trim() === '' &&
    (parsed.finish === 'stop' || parsed.finish === 'length' || parsed.finish === 'incomplete')
  ) {
    throw emptyAnswer(parts.provider, parts.requestId, parsed.finish);
  }
  const priced =
    computeCost(parts.provider, parts.priceModel ?? parts.model, parsed.usage, parts.at) ??
    (parsed.modelVersion ? computeCost(parts.provider, parsed.modelVersion, parsed.usage, parts.at) : null);
  const { notes, ...rest } = parsed;
  return {
    provider: parts.provider,
    api: parts.api,
    channel: parts.channel,
    model: parts.model,
    ...rest,
    costUsd: parsed.providerCostUsd ?? priced,
    requestId: parts.requestId,
    latencyMs: parts.latencyMs,
    requestParams: parts.requestParams,
    raw: parts.raw,
    ...(notes && notes.length > 0 ? { notes } : {}),
  };
}
