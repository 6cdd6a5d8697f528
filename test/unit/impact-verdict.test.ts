/**
 * The change-impact verdict (docs/statistics.md#change-impact): an effect when p < 0.05, "no
 * detectable effect" only when the data had at least 80% power at minEffect, otherwise "cannot
 * tell" — never "no change" from thin data.
 */
import { describe, expect, it } from 'vitest';
import { impactVerdict } from '../../src/modules/reports/impact.service.js';

const base = {
  eventName: '“Pricing page”',
  brandName: 'Acme',
  minEffect: 0.05,
  emptyGroup: null,
};

describe('impact verdict', () => {
  it('reports an effect with its direction, interval and p-value', () => {
    const v = impactVerdict({
      ...base,
      estimate: -0.083,
      ci95: { low: -0.12, high: -0.046 },
      pValue: 0.0004,
      standardError: 0.019,
      power: 0.6,
      minimumDetectableEffect: 0.054,
    });
    expect(v.verdict).toBe('effect');
    expect(v.summary).toBe(
      'After “Pricing page”, Acme’s mention rate on the affected prompts fell 8.3 points further than on the other prompts (95% interval −12.0 to −4.6 points, p < 0.001).',
    );
  });

  it('rules out a change of minEffect only with at least 80% power', () => {
    const common = {
      ...base,
      estimate: 0.008,
      ci95: { low: -0.021, high: 0.037 },
      pValue: 0.59,
      standardError: 0.0146,
    };
    const ruled = impactVerdict({ ...common, power: 0.93, minimumDetectableEffect: 0.041 });
    expect(ruled.verdict).toBe('no-detectable-effect');
    expect(ruled.summary).toBe(
      'No change of 5.0 points or more: the affected prompts moved 0.8 points against the others (95% interval −2.1 to 3.7 points, p = 0.590), and this data would have detected a 5.0-point change 93% of the time.',
    );
    const thin = impactVerdict({ ...common, power: 0.79, minimumDetectableEffect: 0.051 });
    expect(thin.verdict).toBe('underpowered');
    expect(thin.summary).toMatch(
      /^This data cannot tell whether “Pricing page” moved Acme’s mention rate by 5\.0 points: it would detect such a change only 79% of the time, and at 80% power only changes of 5\.1 points or more/,
    );
  });

  it('says why there is no estimate or no interval', () => {
    const none = { ci95: null, pValue: null, power: null, minimumDetectableEffect: null };
    expect(
      impactVerdict({ ...base, ...none, estimate: null, standardError: null, emptyGroup: 'affected after' }),
    ).toEqual({
      verdict: 'underpowered',
      summary:
        'No estimate: the affected after group has no analysed answer, so this data cannot tell whether “Pricing page” moved Acme’s mention rate.',
    });
    expect(impactVerdict({ ...base, ...none, estimate: 0.5, standardError: null }).summary).toMatch(
      /each side needs answers from at least two prompts/,
    );
    expect(impactVerdict({ ...base, ...none, estimate: 0, standardError: 0 }).summary).toMatch(
      /the mention rate does not vary between prompts and windows/,
    );
  });
});
