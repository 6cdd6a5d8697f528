/** The structure sentiment scorer on the hard cases of docs/sentiment.md, in English and French. */
import { describe, expect, it } from 'vitest';
import {
  analyzeAnswer,
  compileBrands,
  structureSentimentScorer,
  type SentimentLabel,
} from '../../../src/analysis/index.js';

const names = ['Asana', 'Trello', 'Jira', 'Slack', 'Qonto', 'Shine', 'Paylane', 'CNIL', 'Zendesk', 'Figma'];
const compiled = compileBrands(names.map((name) => ({ id: name, name, caseSensitive: true })));

function read(text: string, prompt?: string) {
  const { mentions } = analyzeAnswer(compiled, { text, prompt }, { sentiment: structureSentimentScorer });
  return Object.fromEntries(
    mentions.map((m) => [
      m.brandName,
      { label: m.sentimentLabel, passage: m.sentimentPassage ? text.slice(...m.sentimentPassage) : null },
    ]),
  );
}

function labels(text: string, prompt?: string): Record<string, SentimentLabel> {
  return Object.fromEntries(Object.entries(read(text, prompt)).map(([k, v]) => [k, v.label]));
}

describe('structure sentiment scorer', () => {
  it('reads a recommendation list with one-line descriptions as recommendations, and says which item decided', () => {
    const text =
      'Here are my top picks:\n\n1. **Asana** – **Best for**: teams that need clear timelines.\n2. **Trello** – simple Kanban boards.\n';
    expect(labels(text, 'Best project management tool?')).toEqual({ Asana: 'positive', Trello: 'positive' });
    expect(read(text).Trello?.passage).toBe('2. **Trello** – simple Kanban boards.');
  });

  it('gives no stance to a brand named inside another brand’s description', () => {
    const text = '- **Asana** – great workflows, and it integrates with Slack and Jira.\n';
    expect(labels(text, 'Best task manager?')).toEqual({ Asana: 'positive', Slack: 'neutral', Jira: 'neutral' });
  });

  it('reads an "avoid" heading, a negated recommendation and a warning', () => {
    expect(labels('**Avoid**\n- **Trello** – too limited for this.\n', 'Which tool?').Trello).toBe('negative');
    expect(labels('**Jira** is not the best choice for a small team.').Jira).toBe('negative');
    expect(labels('I’d steer clear of **Trello** for this.').Trello).toBe('negative');
  });

  it('weighs "great but expensive" against an answer that steers elsewhere', () => {
    expect(labels('**Zendesk** is great but expensive.').Zendesk).toBe('positive');
    expect(labels('**Trello** is cheap, but it is unreliable and buggy.').Trello).toBe('negative');
  });

  it('leaves a yardstick brand and a bare mention neutral', () => {
    const s = labels('**Trello** is slow and clunky compared with **Asana**. You can export tasks to Jira.');
    expect(s).toEqual({ Trello: 'negative', Asana: 'neutral', Jira: 'neutral' });
  });

  it('counts hedged complaints for less than the writer’s own praise', () => {
    const text =
      '**Figma** is excellent and the industry standard. Some users report that it can be slow on large files.';
    expect(labels(text).Figma).toBe('positive');
  });

  it('reads a news answer about the brand the prompt names, not the regulator reporting it', () => {
    const text =
      '**Paylane** suffered a nationwide outage on Tuesday. The CNIL opened an investigation. It was the third incident this year.';
    expect(labels(text, 'What happened with Paylane?')).toEqual({ Paylane: 'negative', CNIL: 'neutral' });
  });

  it('reads French framing, contrast and negation', () => {
    const text =
      'Nos recommandations :\n\n- **Qonto** – idéal pour les indépendants.\n\n**Shine** n’est plus le meilleur choix : les frais ont augmenté, mais l’app reste correcte.';
    expect(labels(text, 'Quelle banque en ligne choisir ?')).toEqual({ Qonto: 'positive', Shine: 'negative' });
    expect(labels('**Trello** convient aux petites équipes, mais il montre vite ses limites.').Trello).toBe('negative');
  });
});
