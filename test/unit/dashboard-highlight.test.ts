/**
 * The dashboard's mention highlighting (dashboard/src/lib/highlight.ts): answer text cut into
 * plain and highlighted pieces from the API's spans, overlapping brands kept apart, bad spans
 * ignored, and the pieces always adding up to the text itself.
 */
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../dashboard/src/lib/highlight.js';

const view = (text: string, mentions: Array<{ brand: string; spans: Array<[number, number]> }>) =>
  segmentsOf(text, mentions)
    .map((s) => (s.brands.length ? `[${s.text}|${s.brands.join('+')}]` : s.text))
    .join('');

describe('segmentsOf', () => {
  it('highlights each span with its brand and keeps the text between as plain pieces', () => {
    const text = 'Try HubSpot or Salesforce; HubSpot is free.';
    const spans = {
      HubSpot: [
        [4, 11],
        [27, 34],
      ] as Array<[number, number]>,
      Salesforce: [[15, 25]] as Array<[number, number]>,
    };
    expect(
      view(text, [
        { brand: 'HubSpot', spans: spans.HubSpot },
        { brand: 'Salesforce', spans: spans.Salesforce },
      ]),
    ).toBe('Try [HubSpot|HubSpot] or [Salesforce|Salesforce]; [HubSpot|HubSpot] is free.');
  });

  it('splits overlapping mentions of different brands ("Google Cloud" is also "Google")', () => {
    const text = 'Use Google Cloud.';
    expect(
      view(text, [
        { brand: 'Google Cloud', spans: [[4, 16]] },
        { brand: 'Google', spans: [[4, 10]] },
      ]),
    ).toBe('Use [Google|Google Cloud+Google][ Cloud|Google Cloud].');
  });

  it('keeps adjacent mentions apart, and pieces always add up to the text', () => {
    const text = 'Y Combinator (YC) 🚀 YC';
    const segments = segmentsOf(text, [
      {
        brand: 'YC',
        spans: [
          [0, 12],
          [14, 16],
          [21, 23],
        ],
      },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.brands.length).map((s) => text.slice(s.start, s.end))).toEqual([
      'Y Combinator',
      'YC',
      'YC',
    ]);
  });

  it('ignores empty, reversed and out-of-range spans, clamping the rest to the text', () => {
    const text = 'Acme';
    expect(
      view(text, [
        {
          brand: 'Acme',
          spans: [
            [2, 2],
            [3, 1],
            [10, 20],
            [-5, 2],
          ],
        },
      ]),
    ).toBe('[Ac|Acme]me');
    expect(segmentsOf('', [{ brand: 'Acme', spans: [[0, 4]] }])).toEqual([]);
  });

  it('treats markup in the text as plain characters', () => {
    const text = '<script>alert(1)</script> Acme';
    expect(segmentsOf(text, [{ brand: 'Acme', spans: [[26, 30]] }]).map((s) => s.text)).toEqual([
      '<script>alert(1)</script> ',
      'Acme',
    ]);
  });
});
