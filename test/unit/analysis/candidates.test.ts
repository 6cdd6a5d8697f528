/** Candidate names: what answers present as names, by layout, and what they leave out. */
import { describe, expect, it } from 'vitest';
import { candidateKey, candidateNames, nameOf } from '../../../src/analysis/candidates.js';

describe('candidate names', () => {
  it('finds list leads, headings, bold spans and table cells, once each, in order', () => {
    const text = [
      'Here are the best CRMs for a small team:',
      '',
      '### 1. HubSpot CRM',
      'HubSpot is **free** to start.',
      '',
      '## 2. Pipedrive — for pipelines',
      '- **Zoho CRM**: cheap and flexible',
      '- Freshsales - AI scoring',
      '* Great for small teams that want simple tools',
      '3) Nutshell: simple',
      '',
      '| Tool | Price | Best for |',
      '|------|-------|----------|',
      '| Close | $49 | calling |',
      '| Copper | $29 | Google Workspace |',
      '',
      '**Bottom line:** go with **Monday Sales CRM**, or **pipedrive** again.',
    ].join('\n');
    expect(candidateNames(text)).toEqual([
      'HubSpot CRM',
      'Pipedrive',
      'Zoho CRM',
      'Freshsales',
      'Nutshell',
      'Close',
      'Copper',
      'Monday Sales CRM',
    ]);
  });

  it('leaves out labels, sentences, questions and lower-case words', () => {
    for (const label of [
      'Pros',
      'Key features',
      'Best for',
      'Bottom line',
      'Step 2',
      'Why HubSpot?',
      'free',
      'How to choose a CRM for your team today',
    ])
      expect(nameOf(label), label).toBeNull();
    expect(nameOf('Great for small teams')).toBeNull();
    expect(nameOf('**Monday.com** (Work OS)')).toBe('Monday.com');
    expect(nameOf('[Attio](https://attio.com): modern')).toBe('Attio');
    expect(nameOf('2. Salesforce Sales Cloud — enterprise')).toBe('Salesforce Sales Cloud');
  });

  it('skips reasoning blocks', () => {
    expect(candidateNames('<think>\n- **Secret CRM**: maybe\n</think>\n- **Attio**: modern')).toEqual(['Attio']);
  });

  it('counts names with letter case, accents and spacing folded', () => {
    expect(candidateKey('Société  Générale')).toBe(candidateKey('societe generale'));
  });
});
