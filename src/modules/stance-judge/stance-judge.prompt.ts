/**
 * What the model judge of stance is asked, and how its answer is read (docs/sentiment.md#the-model-judge).
 * One call per answer judges every brand the rule-based analysis found in it, under the same
 * definition as the rule-based scorer; the answer must be JSON following JUDGE_OUTPUT_SCHEMA (sent as
 * structured output where the provider takes one, and checked here in any case).
 */
import { z } from 'zod';
import type { OutputSchema } from '../../providers/types.js';

/**
 * Version of the stance definition the judge is asked under (docs/sentiment.md#definition). A
 * judgement is stored once per (answer, brand, version); bump it when the definition or the
 * judge's instructions change, and answers are judged again.
 */
export const STANCE_DEFINITION_VERSION = 1;

/** Output tokens a judgement is priced at before the call: a label and a sentence per brand. */
export const JUDGE_OUTPUT_TOKENS_PER_BRAND = 80;

export const JUDGE_INSTRUCTIONS = [
  'You label the stance of an answer toward each brand named in it, as a buyer reading the answer would take it.',
  'positive: the brand is recommended, presented as a good choice, or its strengths dominate.',
  'negative: the brand is criticised or warned against, or its weaknesses, risks or incidents dominate.',
  'neutral: the brand is named factually, as an example or a source, in a bare list, or with pros and cons in balance.',
  'Judge each brand only by what the answer says about it: a brand named inside another brand’s description ("integrates with Slack") is neutral.',
  'For each brand, quote the one sentence of the answer that decided its label, exactly as written.',
  'Reply with JSON only: {"brands":[{"brand":"<name as given>","label":"positive|neutral|negative","sentence":"<quoted sentence>"}]}, one entry per brand listed.',
].join('\n');

export const JUDGE_OUTPUT_SCHEMA: OutputSchema = {
  name: 'stance_judgement',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['brands'],
    properties: {
      brands: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['brand', 'label', 'sentence'],
          properties: {
            brand: { type: 'string' },
            label: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
            sentence: { type: 'string' },
          },
        },
      },
    },
  },
};

/** The user message: the question the answer replies to, the answer, and the brands to label. */
export function judgePrompt(input: { question: string | null; answer: string; brands: readonly string[] }): string {
  return [
    input.question ? `Question the answer replies to:\n${input.question}\n` : '',
    `Answer:\n<<<\n${input.answer}\n>>>\n`,
    `Brands to label (one entry each): ${input.brands.map((b) => JSON.stringify(b)).join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

const judged = z.object({
  brands: z.array(
    z.object({
      brand: z.string(),
      label: z.enum(['positive', 'neutral', 'negative']),
      sentence: z.string().max(2_000),
    }),
  ),
});

export class JudgeParseError extends Error {}

export interface JudgedBrand {
  label: 'positive' | 'neutral' | 'negative';
  sentence: string;
}

/**
 * The judge's answer read against the brands asked about: a label per brand name (matched
 * case-insensitively). A brand the answer leaves out, or an answer that is not the JSON asked
 * for, is an error; brands it adds are ignored.
 */
export function parseJudgement(text: string, brands: readonly string[]): Map<string, JudgedBrand> {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new JudgeParseError('the answer holds no JSON object');
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new JudgeParseError('the answer is not valid JSON');
  }
  const parsed = judged.safeParse(json);
  if (!parsed.success)
    throw new JudgeParseError(
      `the JSON does not follow the schema (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    );
  const byName = new Map(parsed.data.brands.map((b) => [b.brand.trim().toLowerCase(), b]));
  const out = new Map<string, JudgedBrand>();
  const missing: string[] = [];
  for (const name of brands) {
    const b = byName.get(name.trim().toLowerCase());
    if (b) out.set(name, { label: b.label, sentence: b.sentence.trim() });
    else missing.push(name);
  }
  if (missing.length) throw new JudgeParseError(`no label for ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  return out;
}
