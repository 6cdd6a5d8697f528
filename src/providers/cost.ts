/**
 * Cost of a response from its usage and the dated price table, and estimates before a run.
 * cost = uncached input x input price + cached input x cached price + output (reasoning
 * included) x output price [x peak multiplier] + searches x search fee + request fee.
 */
import { systemTextOf } from './targeting.js';
import { PRICES, type PriceEntry } from './prices.js';
import type { ProviderName, Usage } from './types.js';

export type Price = Omit<PriceEntry, 'provider' | 'model' | 'effectiveFrom' | 'source'> & { sources: string[] };

const VENDOR_PROVIDER: Record<string, ProviderName> = { openai: 'openai', anthropic: 'anthropic', google: 'gemini' };

/** "gpt-5.4-mini-2026-03-17" and "claude-haiku-4-5-20251001" are priced as their family. */
export function withoutDateSuffix(model: string): string {
  return model.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, '');
}

function matches(pattern: string, model: string): boolean {
  return pattern.endsWith('*') ? model.startsWith(pattern.slice(0, -1)) : pattern === model;
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The entry in force at `at` among those matching; before the first one, the first one. */
function entryAt(provider: ProviderName, model: string, at: Date, wildcard: boolean): PriceEntry | null {
  const candidates = PRICES.filter(
    (p) => p.provider === provider && (wildcard ? p.model === '*' : p.model !== '*' && matches(p.model, model)),
  );
  if (candidates.length === 0) return null;
  // The most specific pattern wins, then the latest date not after `at`.
  const longest = Math.max(...candidates.map((p) => p.model.length));
  const specific = candidates
    .filter((p) => p.model.length === longest)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const day = dayOf(at);
  return [...specific].reverse().find((p) => p.effectiveFrom <= day) ?? (specific[0] as PriceEntry);
}

/**
 * Price of one model at a date, or null when Citewatch has no token price for it. Perplexity
 * and gateway ids "vendor/model" take token prices from the vendor's entries and fees from the
 * provider's own.
 */
export function priceFor(provider: ProviderName, model: string, at: Date): Price | null {
  const id = withoutDateSuffix(model);
  let tokens = entryAt(provider, id, at, false);
  const slash = id.indexOf('/');
  const vendor = slash > 0 ? VENDOR_PROVIDER[id.slice(0, slash)] : undefined;
  if (!tokens && vendor) tokens = entryAt(vendor, id.slice(slash + 1), at, false);
  if (!tokens) return null;
  const fees = entryAt(provider, id, at, true);
  const { provider: _p, model: _m, effectiveFrom: _e, source, ...tokenPrice } = tokens;
  const feePrice = fees ? { perSearchUsd: fees.perSearchUsd, perRequestUsd: fees.perRequestUsd } : {};
  const merged: Price = { ...stripUndefined(feePrice), ...stripUndefined(tokenPrice), sources: [source] };
  if (fees) merged.sources.push(fees.source);
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function inPeak(price: Price, at: Date): boolean {
  if (!price.peak) return false;
  const weekday = at.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const hour = at.getUTCHours();
  return price.peak.hoursUtc.some(([from, to]) => hour >= from && hour < to);
}

const round = (usd: number) => Math.round(usd * 1e10) / 1e10;

/** USD cost of one response, or null when the model has no known price. */
export function computeCost(provider: ProviderName, model: string, usage: Usage, at: Date): number | null {
  const price = priceFor(provider, model, at);
  if (!price) return null;
  const long = price.longContext && usage.inputTokens > price.longContext.aboveInputTokens ? price.longContext : null;
  const input = long?.inputPerMTok ?? price.inputPerMTok ?? 0;
  const output = long?.outputPerMTok ?? price.outputPerMTok ?? 0;
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const cachedPrice = price.cachedInputPerMTok ?? input;
  let tokens = ((usage.inputTokens - cached) * input + cached * cachedPrice + usage.outputTokens * output) / 1e6;
  if (inPeak(price, at)) tokens *= price.peak?.multiplier ?? 1;
  return round(tokens + usage.searchCalls * (price.perSearchUsd ?? 0) + (price.perRequestUsd ?? 0));
}

/** Typical sizes used when an estimate is asked without token counts. */
export const TYPICAL = {
  promptTokens: 60,
  outputTokens: 800,
  /** Search results fed back to the model per search call. */
  searchContextTokens: 6_000,
} as const;

export interface EstimateShape {
  inputTokens?: number;
  outputTokens?: number;
  systemPrompt?: string;
  maxOutputTokens?: number;
  searchCalls: number;
  /** Whether search results are billed as input tokens (LLM APIs; not SERP captures). */
  searchContext: boolean;
}

/** Estimated USD cost of one call before it runs; 0 when the model has no known price. */
export function estimateCallCost(
  provider: ProviderName,
  model: string,
  shape: EstimateShape,
  at: Date = new Date(),
): number {
  const system = shape.systemPrompt ? Math.ceil(shape.systemPrompt.length / 4) : 0;
  const searchTokens = shape.searchContext ? shape.searchCalls * TYPICAL.searchContextTokens : 0;
  const usage: Usage = {
    inputTokens: (shape.inputTokens ?? TYPICAL.promptTokens) + system + searchTokens,
    outputTokens: shape.outputTokens ?? Math.min(shape.maxOutputTokens ?? TYPICAL.outputTokens, TYPICAL.outputTokens),
    reasoningTokens: 0,
    cachedInputTokens: 0,
    searchCalls: shape.searchCalls,
  };
  return computeCost(provider, model, usage, at) ?? 0;
}

/**
 * The estimate of an LLM API call from its configuration: the prompt, the system prompt, output up
 * to max tokens, and one search (its results billed as input) when web search is on.
 */
export function estimateLlmCall(
  provider: ProviderName,
  input: {
    model: string;
    params: { systemPrompt?: string; persona?: string; maxOutputTokens?: number; webSearch?: boolean };
    inputTokens?: number;
    outputTokens?: number;
  },
): number {
  const p = input.params;
  const system = systemTextOf(p);
  return estimateCallCost(provider, input.model, {
    ...(input.inputTokens !== undefined ? { inputTokens: input.inputTokens } : {}),
    ...(input.outputTokens !== undefined ? { outputTokens: input.outputTokens } : {}),
    ...(system !== undefined ? { systemPrompt: system } : {}),
    ...(p.maxOutputTokens !== undefined ? { maxOutputTokens: p.maxOutputTokens } : {}),
    searchCalls: p.webSearch ? 1 : 0,
    searchContext: true,
  });
}
