/**
 * Who is asking, from where, in which language: the persona a configuration sends, and the
 * effective location and language every configuration has, derived from its parameters.
 *
 * - persona: a short description of the person asking, sent as the system prompt on API
 *   surfaces. Alone it is sent as "The person asking: <persona>"; with a systemPrompt, the system
 *   prompt comes first, then a blank line, then that line (systemTextOf). Surfaces that take no
 *   system prompt (search pages, captured apps) refuse it when the configuration is saved.
 * - location: userLocation (country, region, city) where the provider takes it; on search pages
 *   and captured apps, the country of the locale's region (fr-FR → FR) when no userLocation is set,
 *   since that is where the capture is placed. null when the configuration sets neither.
 * - language: the locale's language subtag (fr-FR → fr); null when the configuration sets none,
 *   in which case the prompt's own locale is the language the assistant was asked in (reports).
 */
import { z } from 'zod';
import type { ModelParams, ProviderName } from './types.js';

export const PERSONA_MAX_LENGTH = 500;

export const personaSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty: describe who is asking, e.g. "IT manager at a 200-person logistics company"')
  .max(PERSONA_MAX_LENGTH, `must be at most ${PERSONA_MAX_LENGTH} characters: a short description of who is asking`);

/** The line that introduces the person asking in the system text. */
export const personaLine = (persona: string) => `The person asking: ${persona}`;

/** The system text an API surface sends: the system prompt, the persona line, or both (prompt first). */
export function systemTextOf(p: Pick<ModelParams, 'systemPrompt'> & { persona?: unknown }): string | undefined {
  const persona = typeof p.persona === 'string' ? p.persona : undefined;
  if (persona === undefined) return p.systemPrompt;
  return p.systemPrompt === undefined ? personaLine(persona) : `${p.systemPrompt}\n\n${personaLine(persona)}`;
}

/** Why a surface without a system prompt refuses a persona. */
export const NO_PERSONA = (surface: string) =>
  `${surface} takes no system prompt, so there is nowhere to say who is asking; the persona can only be set on API configurations (openai, anthropic, gemini, perplexity, openai_compatible, mock)`;

export interface EffectiveLocation {
  country: string | null;
  region: string | null;
  city: string | null;
}

/** Providers whose capture is placed by the locale's region when no userLocation is given. */
const PLACED_BY_LOCALE: ReadonlySet<string> = new Set(['google_ai_overview', 'assistant_app', 'mock_app']);

function localeParts(locale: unknown): { language: string | null; region: string | null } {
  if (typeof locale !== 'string' || locale === '') return { language: null, region: null };
  const [language, ...rest] = locale.split('-');
  const region = rest.find((s) => /^[A-Z]{2}$/.test(s)) ?? null;
  return { language: language ? language.toLowerCase() : null, region };
}

/** The configuration's effective location, or null when it sets none. */
export function effectiveLocation(provider: ProviderName | string, params: ModelParams): EffectiveLocation | null {
  const loc = params.userLocation;
  if (loc && (loc.country || loc.region || loc.city)) {
    return { country: loc.country ?? null, region: loc.region ?? null, city: loc.city ?? null };
  }
  if (PLACED_BY_LOCALE.has(provider)) {
    const { region } = localeParts(params.locale);
    if (region) return { country: region, region: null, city: null };
  }
  return null;
}

/** The configuration's effective language (a lower-case language subtag), or null when it sets none. */
export function effectiveLanguage(params: ModelParams): string | null {
  return localeParts(params.locale).language;
}

/** The language subtag of a prompt's locale (fr-FR → fr). */
export function languageOfLocale(locale: string): string {
  return localeParts(locale).language ?? locale.toLowerCase();
}
