/**
 * Reading the OpenAI and Anthropic SDK errors into an HttpFailure. Both SDKs share a design
 * (status, headers, request id, connection and timeout subclasses) but name the body fields
 * differently.
 */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { mapCommonError, unexpectedError } from './call.js';
import { classifyHttpFailure, connectionError, timeoutError } from './errors.js';
import type { ProviderError, ProviderName } from './types.js';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Errors from the `openai` SDK, used by openai, perplexity and openai_compatible. */
export function fromOpenAIError(provider: ProviderName, err: unknown, timeoutMs: number): ProviderError {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return timeoutError(provider, timeoutMs);
  if (err instanceof OpenAI.APIConnectionError) return connectionError(provider, err.cause ?? err);
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    // err.error is the body's `error` object; some compatible servers put a string there.
    const body = (typeof err.error === 'object' && err.error !== null ? err.error : {}) as Record<string, unknown>;
    return classifyHttpFailure(provider, {
      status: err.status,
      headers: err.headers ?? null,
      code: text(err.code) ?? text(body['code']),
      type: text(err.type),
      message: text(body['message']) ?? (typeof err.error === 'string' ? err.error : err.message),
      requestId: err.requestID ?? null,
    });
  }
  return mapCommonError(provider, err) ?? unexpectedError(provider, err);
}

/** Errors from `@anthropic-ai/sdk`. */
export function fromAnthropicError(provider: ProviderName, err: unknown, timeoutMs: number): ProviderError {
  if (err instanceof Anthropic.APIConnectionTimeoutError) return timeoutError(provider, timeoutMs);
  if (err instanceof Anthropic.APIConnectionError) return connectionError(provider, err.cause ?? err);
  if (err instanceof Anthropic.APIError && typeof err.status === 'number') {
    return classifyHttpFailure(provider, {
      status: err.status,
      headers: err.headers ?? null,
      code: err.errorCode,
      type: err.type,
      message: err.apiMessage ?? err.message,
      requestId: err.requestID ?? null,
    });
  }
  return mapCommonError(provider, err) ?? unexpectedError(provider, err);
}
