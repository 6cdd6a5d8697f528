import { describe, expect, it } from 'vitest';
import { buildMockSuggestions } from '../../../src/providers/mock.js';
import { parseSuggestions, SuggestionParseError } from '../../../src/modules/suggestions/suggestions.parse.js';
import { templatePrompts, templateCategoryOf } from '../../../src/modules/suggestions/suggestions.templates.js';

describe('reading a model’s suggestions', () => {
  it('reads a fenced JSON block inside prose', () => {
    const text =
      'Sure! Here you go:\n\n```json\n{"competitors":[{"name":"HubSpot","domain":"https://www.hubspot.com/pricing"}],"prompts":[{"text":"Best CRM?","tags":["Category"]}]}\n```\nGood luck.';
    expect(parseSuggestions(text, 'Pipedrive')).toEqual({
      competitors: [{ name: 'HubSpot', domain: 'hubspot.com' }],
      prompts: [{ text: 'Best CRM?', tags: ['category'] }],
    });
  });

  it('reads bare JSON with prose around it, names as strings and questions under another key', () => {
    const text =
      'Competitors and questions: {"competitors": ["Salesforce", "pipedrive", " Salesforce "], "questions": ["Which CRM is cheapest?", "which crm is cheapest?"]} — hope this helps';
    expect(parseSuggestions(text, 'Pipedrive')).toEqual({
      competitors: [{ name: 'Salesforce', domain: null }],
      prompts: [{ text: 'Which CRM is cheapest?', tags: [] }],
    });
  });

  it('fails with the reason when there is no JSON, the wrong shape, or nothing usable', () => {
    expect(() => parseSuggestions('I would track HubSpot and Salesforce.', 'X')).toThrow(
      new SuggestionParseError('no JSON object found in the answer'),
    );
    expect(() => parseSuggestions('{"competitors": "HubSpot"}', 'X')).toThrow(
      /does not have the asked shape: competitors/,
    );
    expect(() =>
      parseSuggestions('{"competitors":[{"name":"…","domain":"example.com"}],"prompts":[{"text":"…"}]}', 'X'),
    ).toThrow(/lists no competitors and no prompts/);
    expect(() => parseSuggestions('   ', 'X')).toThrow(/empty text/);
  });

  it('reads what the mock answers, which never names the brand itself as a competitor', () => {
    const text = buildMockSuggestions({ kind: 'suggestions', brandName: 'HubSpot', category: 'CRM' }, 'mock-1');
    expect(text).toBe(buildMockSuggestions({ kind: 'suggestions', brandName: 'HubSpot', category: 'CRM' }, 'mock-1'));
    const parsed = parseSuggestions(text, 'HubSpot');
    expect(parsed.competitors.map((c) => c.name)).not.toContain('HubSpot');
    expect(parsed.competitors.length).toBe(5);
    expect(parsed.prompts.length).toBe(8);
  });
});

describe('templates', () => {
  it('find their set from words and put the brand in', () => {
    expect(templateCategoryOf('Online fashion store')).toBe('ecommerce');
    expect(templateCategoryOf('local-services')).toBe('local-services');
    expect(templateCategoryOf('Dental clinic')).toBe('health');
    expect(templateCategoryOf(undefined)).toBe('generic');
    const { prompts } = templatePrompts('Acme Bank', 'finance');
    expect(prompts.map((p) => p.text)).toContain('Is Acme Bank safe and regulated?');
    expect(prompts.map((p) => p.text)).toContain('Which financial service has the lowest fees?');
  });
});
