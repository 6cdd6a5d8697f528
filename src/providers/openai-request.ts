/**
 * Request bodies for the OpenAI APIs from validated parameters, typed against openai@6.49.0 so
 * a field the SDK does not know (seed on Responses) is a compile error, not a silent no-op.
 * Also used by openai_compatible, which adds its dialect's extras on top.
 */
import type OpenAI from 'openai';
import { systemTextOf } from './targeting.js';
import type { ModelParams, OutputSchema, UserLocation } from './types.js';

type ResponsesBody = OpenAI.Responses.ResponseCreateParamsNonStreaming;
type ChatBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

function location(loc: UserLocation): { city?: string; country?: string; region?: string; timezone?: string } {
  return Object.fromEntries(Object.entries(loc).filter(([, v]) => v !== undefined));
}

export function responsesBody(model: string, prompt: string, p: ModelParams): ResponsesBody {
  const body: ResponsesBody = { model, input: prompt, store: false };
  const system = systemTextOf(p);
  if (system !== undefined) body.instructions = system;
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.maxOutputTokens !== undefined) body.max_output_tokens = p.maxOutputTokens;
  if (p.reasoningEffort !== undefined) body.reasoning = { effort: p.reasoningEffort };
  if (p.webSearch) {
    body.tools = [
      {
        type: 'web_search',
        ...(p.userLocation ? { user_location: { type: 'approximate', ...location(p.userLocation) } } : {}),
      },
    ];
    // Lists every consulted URL, not only the cited ones: "consulted" and "cited" are separate metrics.
    body.include = ['web_search_call.action.sources'];
  }
  return body;
}

export interface ChatOptions {
  /** Name of the output-limit field: OpenAI wants max_completion_tokens, most compatible servers max_tokens. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** Mistral calls the seed random_seed. */
  seedField: 'seed' | 'random_seed';
  /** OpenAI search-preview models take web_search_options. */
  webSearchOptions: boolean;
}

export const OPENAI_CHAT: ChatOptions = {
  maxTokensField: 'max_completion_tokens',
  seedField: 'seed',
  webSearchOptions: true,
};

export function chatBody(model: string, prompt: string, p: ModelParams, options: ChatOptions = OPENAI_CHAT): ChatBody {
  const messages: ChatBody['messages'] = [];
  const system = systemTextOf(p);
  if (system !== undefined) messages.push({ role: 'system', content: system });
  messages.push({ role: 'user', content: prompt });
  const body: ChatBody = { model, messages };
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.seed !== undefined) {
    if (options.seedField === 'seed') body.seed = p.seed;
    else Object.assign(body, { random_seed: p.seed });
  }
  if (p.maxOutputTokens !== undefined) {
    if (options.maxTokensField === 'max_completion_tokens') body.max_completion_tokens = p.maxOutputTokens;
    else body.max_tokens = p.maxOutputTokens;
  }
  if (p.reasoningEffort !== undefined) body.reasoning_effort = p.reasoningEffort;
  if (p.webSearch && options.webSearchOptions) {
    // Chat nests the location under `approximate`, unlike the Responses tool.
    body.web_search_options = p.userLocation
      ? { user_location: { type: 'approximate', approximate: location(p.userLocation) } }
      : {};
  }
  return body;
}

/** The body with a structured-output format added: Responses' text.format, or Chat's response_format. */
export function withOutputSchema<T extends object>(
  body: T,
  api: 'responses' | 'chat',
  output: OutputSchema | undefined,
): T {
  if (!output) return body;
  const format = { type: 'json_schema', name: output.name, schema: output.schema, strict: true };
  return api === 'responses'
    ? { ...body, text: { format } }
    : {
        ...body,
        response_format: {
          type: 'json_schema',
          json_schema: { name: output.name, schema: output.schema, strict: true },
        },
      };
}
