/**
 * Mentions highlighted inside formatted markdown (dashboard/src/lib/mention-runs.ts with the
 * parser the dashboard uses): every displayed character traced back to its source offset, so
 * the marks fall exactly on the spans the analysis stored — in bold text, list items, table
 * cells, after escapes and entities — and the runs always add up to the displayed text.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { type MentionHighlight, mentionRuns, sourceOffsets, spansOf } from '../../dashboard/src/lib/mention-runs.js';

function spansIn(text: string, name: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push([i, i + name.length]);
  return out;
}

/** Every marked run of the formatted text, as [shown text, start, end, brand ids]. */
function marks(text: string, mentions: MentionHighlight[]): Array<[string, number, number, string]> {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const spans = spansOf(mentions);
  const out: Array<[string, number, number, string]> = [];
  const shown: string[] = [];
  const walk = (node: Nodes) => {
    if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') && node.position) {
      const runs = mentionRuns(node.value, text, node.position.start.offset ?? 0, node.position.end.offset ?? 0, spans);
      expect(runs.map((r) => r.text).join('')).toBe(node.value);
      shown.push(node.value);
      for (const r of runs)
        if (r.mentions.length) out.push([r.text, r.start, r.end, r.mentions.map((m) => m.brandId).join(' ')]);
    }
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

const mention = (text: string, name: string): MentionHighlight => ({
  brandId: name,
  brandName: name,
  spans: spansIn(text, name),
});

describe('mentions in formatted markdown', () => {
  it('marks mentions in bold text, list items, links and table cells at their source offsets', () => {
    const text = [
      '## Best CRMs',
      '',
      '1. **HubSpot** — free tier',
      '2. *Salesforce*, for large teams',
      '',
      '| Tool | Note |',
      '| --- | --- |',
      '| HubSpot | see [HubSpot pricing](https://hubspot.com) |',
    ].join('\n');
    const found = marks(text, [mention(text, 'HubSpot'), mention(text, 'Salesforce')]);
    const expected = [
      ...spansIn(text, 'HubSpot').map((s) => [...s, 'HubSpot']),
      ...spansIn(text, 'Salesforce').map((s) => [...s, 'Salesforce']),
    ]
      .sort((a, b) => (a[0] as number) - (b[0] as number))
      .map(([s, e, b]) => [text.slice(s as number, e as number), s, e, b]);
    expect(found).toEqual(expected);
  });

  it('finds the source offsets past escapes and entities, and keeps a mention around them apart', () => {
    const text = 'Use \\*Acme\\* &amp; Acme Cloud.';
    const found = marks(text, [mention(text, 'Acme')]);
    expect(found).toEqual(spansIn(text, 'Acme').map(([s, e]) => [text.slice(s, e), s, e, 'Acme']));
    expect(sourceOffsets('*Acme* & x', 'a\\*Acme\\* &amp; x', 1, 17)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 15, 16]);
  });

  it('splits overlapping brands into runs naming every brand covering them', () => {
    const text = 'Try **Google Cloud** today';
    const google = { brandId: 'g', brandName: 'Google', spans: spansIn(text, 'Google') };
    const cloud = { brandId: 'gc', brandName: 'Google Cloud', spans: spansIn(text, 'Google Cloud') };
    expect(marks(text, [google, cloud])).toEqual([
      ['Google', 6, 12, 'g gc'],
      [' Cloud', 12, 18, 'gc'],
    ]);
  });

  it('keeps raw HTML as text nodes of the tree, never elements', () => {
    const text = 'Nimbus <script>alert(1)</script> wins';
    const found = marks(text, [mention(text, 'Nimbus')]);
    expect(found).toEqual([['Nimbus', 0, 6, 'Nimbus']]);
  });
});
