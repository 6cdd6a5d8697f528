/**
 * The model judge's pure parts: reading its answer against the brands asked about, Cohen's kappa
 * of a confusion table (a published worked example), and the structured-output format the OpenAI
 * request bodies carry.
 */
import { describe, expect, it } from 'vitest';
import {
  JUDGE_OUTPUT_SCHEMA,
  JudgeParseError,
  parseJudgement,
} from '../../../src/modules/stance-judge/stance-judge.prompt.js';
import { cohenKappa } from '../../../src/modules/stance-judge/stance-judge.service.js';
import { chatBody, responsesBody, withOutputSchema } from '../../../src/providers/openai-request.js';

describe('parseJudgement', () => {
  const answer = JSON.stringify({
    brands: [
      { brand: 'HubSpot', label: 'positive', sentence: 'HubSpot is the best choice for startups.' },
      { brand: 'pipedrive', label: 'negative', sentence: ' Avoid Pipedrive for large teams. ' },
      { brand: 'Zoho', label: 'neutral', sentence: 'Zoho exists.' },
    ],
  });

  it('reads a label and sentence per brand asked about, names matched without regard to case', () => {
    const read = parseJudgement(answer, ['HubSpot', 'Pipedrive']);
    expect([...read.entries()]).toEqual([
      ['HubSpot', { label: 'positive', sentence: 'HubSpot is the best choice for startups.' }],
      ['Pipedrive', { label: 'negative', sentence: 'Avoid Pipedrive for large teams.' }],
    ]);
    // Text around the JSON (a model that ignores "JSON only") is tolerated.
    expect(parseJudgement(`Here you go:\n${answer}\nDone.`, ['Zoho']).get('Zoho')?.label).toBe('neutral');
  });

  it('refuses an answer that is not the JSON asked for, or leaves a brand out, saying which', () => {
    expect(() => parseJudgement('I cannot help with that.', ['HubSpot'])).toThrow(JudgeParseError);
    expect(() => parseJudgement('{"brands": [', ['HubSpot'])).toThrow(/holds no JSON object|not valid JSON/);
    expect(() =>
      parseJudgement(JSON.stringify({ brands: [{ brand: 'HubSpot', label: 'great', sentence: 'x' }] }), ['HubSpot']),
    ).toThrow(/does not follow the schema \(brands\.0\.label/);
    expect(() => parseJudgement(answer, ['HubSpot', 'Salesforce'])).toThrow('no label for "Salesforce"');
  });
});

describe('cohenKappa', () => {
  it('matches the worked example of Cohen (1960) as reproduced on Wikipedia: 0.4', () => {
    // Two readers, yes/no: 20 both yes, 5 yes/no, 10 no/yes, 15 both no → po = 0.7, pe = 0.5.
    expect(
      cohenKappa([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 10);
  });

  it('is 1 for perfect agreement, null without labels or when chance explains everything', () => {
    expect(
      cohenKappa([
        [3, 0, 0],
        [0, 2, 0],
        [0, 0, 1],
      ]),
    ).toBe(1);
    expect(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      cohenKappa([
        [4, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe('structured output in OpenAI request bodies', () => {
  it('adds the json_schema format to Responses and Chat bodies, and nothing without a schema', () => {
    const responses = withOutputSchema(responsesBody('gpt-5.4-mini', 'q', {}), 'responses', JUDGE_OUTPUT_SCHEMA);
    expect(responses).toMatchObject({
      text: {
        format: { type: 'json_schema', name: 'stance_judgement', strict: true, schema: JUDGE_OUTPUT_SCHEMA.schema },
      },
    });
    const chat = withOutputSchema(chatBody('gpt-5.4-mini', 'q', {}), 'chat', JUDGE_OUTPUT_SCHEMA);
    expect(chat).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'stance_judgement', strict: true } },
    });
    const plain = responsesBody('gpt-5.4-mini', 'q', {});
    expect(withOutputSchema(plain, 'responses', undefined)).toBe(plain);
  });
});
