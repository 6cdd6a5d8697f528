/**
 * Asking a model for suggestions and reading its answer. The request asks for JSON only; answers
 * are read robustly all the same — a fenced block, prose around the object, names
 * given as strings — and what cannot be read fails the request with the reason, never a guess.
 */
import { parse as parseDomain } from 'tldts';
import { z } from 'zod';
export type SuggestedCompetitor = {
  name: string;
  domain: string | null;
};
export type SuggestedPrompt = {
  text: string;
  tags: string[];
};

export const MAX_COMPETITORS = 15;
export const MAX_PROMPTS = 25;

/** Expected size of the model's answer, for the estimate before the call. */
export const SUGGESTION_OUTPUT_TOKENS = 900;

export function suggestionRequest(input: {
  brandName: string;
  website?: string | null;
  category?: string | null;
  locale: string;
}): { systemPrompt: string; prompt: string } {
  const systemPrompt =
    'You help marketers measure how AI assistants talk about their brand. Answer with one JSON object only, no prose.';
  const about = [
    `Brand: ${input.brandName}`,
    input.website ? `Website: ${input.website}` : null,
    input.category ? `Category: ${input.category}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const prompt = `${about}

List the brand's main competitors (up to 8, the companies buyers compare it with, with their website domain) and
the questions buyers ask AI assistants when choosing in this market (up to 12, written as a buyer would type them,
in the language of locale ${input.locale}; include questions that name the brand and questions that do not).

Answer with exactly this JSON shape:
{"competitors": [{"name": "…", "domain": "example.com"}], "prompts": [{"text": "…", "tags": ["category"]}]}`;
  return { systemPrompt, prompt };
}

export class SuggestionParseError extends Error {}

const competitorItem = z.union([
  z.string(),
  z.object({ name: z.string(), domain: z.string().nullish(), website: z.string().nullish() }).loose(),
]);
const promptItem = z.union([
  z.string(),
  z.object({ text: z.string(), tags: z.array(z.string()).nullish() }).loose(),
  z.object({ prompt: z.string(), tags: z.array(z.string()).nullish() }).loose(),
  z.object({ question: z.string(), tags: z.array(z.string()).nullish() }).loose(),
]);
const answerShape = z
  .object({
    competitors: z.array(competitorItem).default([]),
    prompts: z.array(promptItem).optional(),
    questions: z.array(promptItem).optional(),
  })
  .loose();

/** The JSON candidates in a text: fenced blocks first, then the outermost {…}. */
function jsonCandidates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)) if (m[1]) out.push(m[1].trim());
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) out.push(text.slice(start, end + 1));
  out.push(text.trim());
  return out;
}

function cleanDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  let host = value.trim().toLowerCase();
  try {
    if (host.includes('://')) host = new URL(host).hostname;
  } catch {
    return null;
  }
  host = host.split('/')[0]?.replace(/^www\./, '') ?? '';
  const info = parseDomain(host);
  return info.domain && info.isIcann && !info.isIp ? host : null;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Placeholders copied from the requested shape ("…", "...") are no suggestion. */
const meaningful = (s: string) => /[\p{L}\p{N}]/u.test(s);
/** Reserved example domains (RFC 2606), as in the requested shape. */
const EXAMPLE_DOMAIN = /(^|\.)example\.(com|org|net)$/;

/**
 * Reads a model's answer into competitors and prompts: trimmed, without duplicates (case
 * ignored), without the own brand among competitors, at most MAX_COMPETITORS and MAX_PROMPTS.
 * Throws SuggestionParseError saying why when the answer holds no usable JSON.
 */
export function parseSuggestions(
  text: string,
  ownBrand: string,
): { competitors: SuggestedCompetitor[]; prompts: SuggestedPrompt[] } {
  if (!text.trim()) throw new SuggestionParseError('the model answered with an empty text');
  let parsed: z.infer<typeof answerShape> | null = null;
  let problem = 'no JSON object found in the answer';
  for (const candidate of jsonCandidates(text)) {
    let value: unknown;
    try {
      value = JSON.parse(candidate);
    } catch {
      continue;
    }
    const result = answerShape.safeParse(value);
    if (result.success) {
      parsed = result.data;
      break;
    }
    problem = `the JSON does not have the asked shape: ${result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'} ${i.message}`)
      .join('; ')}`;
  }
  if (!parsed) throw new SuggestionParseError(problem);

  const own = ownBrand.trim().toLowerCase();
  const seenNames = new Set<string>([own]);
  const competitors: SuggestedCompetitor[] = [];
  for (const item of parsed.competitors) {
    const name = oneLine(typeof item === 'string' ? item : item.name).slice(0, 200);
    const key = name.toLowerCase();
    if (!meaningful(name) || seenNames.has(key)) continue;
    seenNames.add(key);
    const found = typeof item === 'string' ? null : cleanDomain(item.domain ?? item.website);
    const domain = found && !EXAMPLE_DOMAIN.test(found) ? found : null;
    competitors.push({ name, domain });
    if (competitors.length >= MAX_COMPETITORS) break;
  }
  const seenPrompts = new Set<string>();
  const prompts: SuggestedPrompt[] = [];
  for (const item of [...(parsed.prompts ?? []), ...(parsed.questions ?? [])]) {
    const raw =
      typeof item === 'string' ? item : 'text' in item ? item.text : 'prompt' in item ? item.prompt : item.question;
    const text = oneLine(String(raw)).slice(0, 4_000);
    const key = text.toLowerCase();
    if (!meaningful(text) || seenPrompts.has(key)) continue;
    seenPrompts.add(key);
    const tags =
      typeof item === 'string'
        ? []
        : [
            ...new Set(
              (item.tags ?? [])
                .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
                .filter((t) => /^[\p{L}\p{N}_:.-]{1,50}$/u.test(t)),
            ),
          ].slice(0, 20);
    prompts.push({ text, tags });
    if (prompts.length >= MAX_PROMPTS) break;
  }
  if (competitors.length === 0 && prompts.length === 0)
    throw new SuggestionParseError('the answer’s JSON lists no competitors and no prompts');
  return { competitors, prompts };
}
