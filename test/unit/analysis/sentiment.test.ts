import { describe, expect, it } from 'vitest';
import {
  analyzeAnswer,
  analyzeAnswerAsync,
  compileBrands,
  lexiconSentimentScorer,
  type AsyncSentimentScorer,
  type SentimentRequest,
  type SentimentScorer,
} from '../../../src/analysis/index.js';

const compiled = compileBrands(['Asana', 'Trello', 'Jira', 'Qonto', 'Shine'].map((name) => ({ id: name, name })));

function sentiment(text: string, locale?: string) {
  const { mentions } = analyzeAnswer(compiled, { text, locale }, { sentiment: lexiconSentimentScorer });
  return Object.fromEntries(mentions.map((m) => [m.brandName, [m.sentimentLabel, m.sentiment]]));
}

describe('lexicon sentiment', () => {
  it('scores English praise and criticism', () => {
    const s = sentiment('Asana is excellent and reliable. Trello is clunky and expensive. Jira offers a mobile app.');
    expect(s.Asana?.[0]).toBe('positive');
    expect(s.Trello?.[0]).toBe('negative');
    expect(s.Jira?.[0]).toBe('neutral');
  });

  it('handles negation and contrast between brands in one sentence', () => {
    const s = sentiment('Asana is not reliable, but Trello is great.');
    expect(s.Asana?.[0]).toBe('negative');
    expect(s.Trello?.[0]).toBe('positive');
  });

  it('keeps the brand of a clause without a name ("Asana is great, but pricey")', () => {
    expect(sentiment('Asana: great for teams, but expensive and clunky.').Asana?.[0]).toBe('negative');
  });

  it('scores French, with ne…pas, sans and set phrases', () => {
    const s = sentiment(
      'Qonto est très apprécié pour ses excellentes intégrations. Shine n’est pas fiable et coûte cher.',
      'fr-FR',
    );
    expect(s.Qonto?.[0]).toBe('positive');
    expect(s.Shine?.[0]).toBe('negative');
    expect(sentiment('Qonto fonctionne sans bug, pas mal du tout.', 'fr-FR').Qonto?.[0]).toBe('positive');
    expect(sentiment('Shine est pas terrible.', 'fr-FR').Shine?.[0]).toBe('negative');
  });

  it('detects French without a locale', () => {
    expect(sentiment('Qonto est une banque excellente pour les indépendants.').Qonto?.[0]).toBe('positive');
  });

  it('keeps scores in [-1, 1] and never scores the brand name itself', () => {
    const named = compileBrands([{ id: 'x', name: 'Excellent Software' }]);
    const m = analyzeAnswer(named, { text: 'Excellent Software has an API.' }, { sentiment: lexiconSentimentScorer })
      .mentions[0];
    expect(m?.sentimentLabel).toBe('neutral');
    const s = sentiment('Asana is the best, best, best, excellent, superb, outstanding, wonderful tool.');
    expect(s.Asana?.[1]).toBeLessThanOrEqual(1);
    expect(s.Asana?.[1]).toBeGreaterThan(0.8);
  });
});

describe('sentiment scorers', () => {
  it('lets a synchronous scorer replace the lexicon, with every mentioned brand in one request', () => {
    const requests: SentimentRequest[] = [];
    const scorer: SentimentScorer = {
      id: 'fixed',
      scoreAll(request) {
        requests.push(request);
        return request.brands.map(() => ({ score: -0.5, label: 'negative' }));
      },
    };
    const result = analyzeAnswer(
      compiled,
      { text: 'Asana and Trello. Asana again.', locale: 'en' },
      { sentiment: scorer },
    );
    expect(result.mentions.map((m) => m.sentiment)).toEqual([-0.5, -0.5]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.locale).toBe('en');
    expect(requests[0]?.brands.map((b) => [b.brandName, b.passages.length])).toEqual([
      ['Asana', 2],
      ['Trello', 1],
    ]);
    expect(requests[0]?.brands[0]?.passages[0]).toEqual({
      text: 'Asana and Trello.',
      spans: [[0, 5]],
      otherSpans: [[10, 16]],
    });
  });

  it('awaits an asynchronous scorer (an LLM judge) in analyzeAnswerAsync', async () => {
    const judge: AsyncSentimentScorer = {
      id: 'judge',
      scoreAll: async (request) => request.brands.map(() => ({ score: 0.9, label: 'positive' as const })),
    };
    const result = await analyzeAnswerAsync(compiled, { text: 'Jira works.' }, { sentiment: judge });
    expect(result.mentions[0]).toMatchObject({ brandName: 'Jira', sentiment: 0.9, sentimentLabel: 'positive' });
    const sync = analyzeAnswer(compiled, { text: 'Jira works.' });
    const viaAsync = await analyzeAnswerAsync(compiled, { text: 'Jira works.' });
    expect(viaAsync).toEqual(sync);
  });
});
