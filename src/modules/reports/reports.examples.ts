/** Examples for the OpenAPI document, taken from a real reports response and trimmed. */
import { wilson } from '../../lib/statistics.js';

/** The share of a brand's answers with one sentiment label, as the reports compute it. */
const labelShare = (k: number, n: number) => ({
  numerator: k,
  denominator: n,
  n,
  value: n > 0 ? k / n : null,
  ci95: wilson(k, n),
});

export const visibilityReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  liveRuns: 0,
  groupBy: ['provider', 'config'],
  rows: [
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10',
      brandName: 'Nimbus CRM',
      brandKind: 'own',
      provider: 'mock',
      modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
      modelConfigName: 'mock',
      mentionRate: { numerator: 0, denominator: 2, n: 2, value: 0, ci95: { low: 0, high: 0.6576197724933469 } },
      n: 2,
      failed: 0,
      pendingAnalysis: 0,
    },
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
      brandName: 'HubSpot',
      brandKind: 'competitor',
      provider: 'mock',
      modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
      modelConfigName: 'mock',
      mentionRate: { numerator: 2, denominator: 2, n: 2, value: 1, ci95: { low: 0.34238022750665303, high: 1 } },
      n: 2,
      failed: 0,
      pendingAnalysis: 0,
    },
  ],
};
export const shareOfVoiceReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  liveRuns: 0,
  groupBy: [],
  rows: [
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10',
      brandName: 'Nimbus CRM',
      brandKind: 'own',
      mentioned: 2,
      mentions: 4,
      shareOfVoice: {
        presence: {
          numerator: 2,
          denominator: 5,
          n: 4,
          value: 0.4,
          ci95: { low: 0.015927065891575276, high: 0.7840729341084247 },
        },
        count: {
          numerator: 4,
          denominator: 7,
          n: 4,
          value: 0.5714285714285714,
          ci95: { low: 0.1795174141750766, high: 0.9633397286820662 },
        },
      },
      averageRank: { numerator: 2, denominator: 2, n: 2, value: 1, sd: 0, ci95: { low: 1, high: 1 } },
      top1Rate: { numerator: 2, denominator: 2, n: 2, value: 1, ci95: { low: 0.34238022750665303, high: 1 } },
      sentiment: {
        mean: {
          numerator: 0.03600000000000003,
          denominator: 2,
          n: 2,
          value: 0.018000000000000016,
          sd: 0.5331585130146569,
          ci95: { low: -4.77223918553786, high: 4.808239185537859 },
        },
        positive: 1,
        neutral: 0,
        negative: 1,
        shares: { positive: labelShare(1, 2), neutral: labelShare(0, 2), negative: labelShare(1, 2) },
      },
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
    },
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
      brandName: 'HubSpot',
      brandKind: 'competitor',
      mentioned: 3,
      mentions: 3,
      shareOfVoice: {
        presence: {
          numerator: 3,
          denominator: 5,
          n: 4,
          value: 0.6,
          ci95: { low: 0.21592706589157518, high: 0.9840729341084248 },
        },
        count: {
          numerator: 3,
          denominator: 7,
          n: 4,
          value: 0.42857142857142855,
          ci95: { low: 0.03666027131793387, high: 0.8204825858249232 },
        },
      },
      averageRank: {
        numerator: 4,
        denominator: 3,
        n: 3,
        value: 1.3333333333333333,
        sd: 0.5773502691896258,
        ci95: { low: -0.10088424324982093, high: 2.7675509099164874 },
      },
      top1Rate: {
        numerator: 2,
        denominator: 3,
        n: 3,
        value: 0.6666666666666666,
        ci95: { low: 0.2076596008020477, high: 0.9385080552796037 },
      },
      sentiment: {
        mean: {
          numerator: 2.194,
          denominator: 3,
          n: 3,
          value: 0.7313333333333333,
          sd: 0.10334569818494335,
          ci95: { low: 0.47460838712494785, high: 0.9880582795417188 },
        },
        positive: 3,
        neutral: 0,
        negative: 0,
        shares: { positive: labelShare(3, 3), neutral: labelShare(0, 3), negative: labelShare(0, 3) },
      },
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
    },
  ],
};
export const trendsReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  liveRuns: 0,
  groupBy: [],
  rows: [
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10',
      brandName: 'Nimbus CRM',
      brandKind: 'own',
      period: '2026-12-02',
      mentionRate: {
        numerator: 2,
        denominator: 4,
        n: 4,
        value: 0.5,
        ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
      },
      mentioned: 2,
      mentions: 4,
      shareOfVoice: {
        presence: {
          numerator: 2,
          denominator: 5,
          n: 4,
          value: 0.4,
          ci95: { low: 0.015927065891575276, high: 0.7840729341084247 },
        },
        count: {
          numerator: 4,
          denominator: 7,
          n: 4,
          value: 0.5714285714285714,
          ci95: { low: 0.1795174141750766, high: 0.9633397286820662 },
        },
      },
      averageRank: { numerator: 2, denominator: 2, n: 2, value: 1, sd: 0, ci95: { low: 1, high: 1 } },
      top1Rate: { numerator: 2, denominator: 2, n: 2, value: 1, ci95: { low: 0.34238022750665303, high: 1 } },
      sentiment: {
        mean: {
          numerator: 0.03600000000000003,
          denominator: 2,
          n: 2,
          value: 0.018000000000000016,
          sd: 0.5331585130146569,
          ci95: { low: -4.77223918553786, high: 4.808239185537859 },
        },
        positive: 1,
        neutral: 0,
        negative: 1,
        shares: { positive: labelShare(1, 2), neutral: labelShare(0, 2), negative: labelShare(1, 2) },
      },
      citationShare: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: { low: 0, high: 0.6743446502785644 } },
      sources: {
        annotation: { count: 8, share: { numerator: 8, denominator: 10, n: 4, value: 0.8, ci95: null } },
        link: { count: 0, share: { numerator: 0, denominator: 10, n: 4, value: 0, ci95: null } },
        searchResult: { count: 2, share: { numerator: 2, denominator: 10, n: 4, value: 0.2, ci95: null } },
      },
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
    },
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
      brandName: 'HubSpot',
      brandKind: 'competitor',
      period: '2026-12-02',
      mentionRate: {
        numerator: 3,
        denominator: 4,
        n: 4,
        value: 0.75,
        ci95: { low: 0.30064184258240184, high: 0.9544127391902995 },
      },
      mentioned: 3,
      mentions: 3,
      shareOfVoice: {
        presence: {
          numerator: 3,
          denominator: 5,
          n: 4,
          value: 0.6,
          ci95: { low: 0.21592706589157518, high: 0.9840729341084248 },
        },
        count: {
          numerator: 3,
          denominator: 7,
          n: 4,
          value: 0.42857142857142855,
          ci95: { low: 0.03666027131793387, high: 0.8204825858249232 },
        },
      },
      averageRank: {
        numerator: 4,
        denominator: 3,
        n: 3,
        value: 1.3333333333333333,
        sd: 0.5773502691896258,
        ci95: { low: -0.10088424324982093, high: 2.7675509099164874 },
      },
      top1Rate: {
        numerator: 2,
        denominator: 3,
        n: 3,
        value: 0.6666666666666666,
        ci95: { low: 0.2076596008020477, high: 0.9385080552796037 },
      },
      sentiment: {
        mean: {
          numerator: 2.194,
          denominator: 3,
          n: 3,
          value: 0.7313333333333333,
          sd: 0.10334569818494335,
          ci95: { low: 0.47460838712494785, high: 0.9880582795417188 },
        },
        positive: 3,
        neutral: 0,
        negative: 0,
        shares: { positive: labelShare(3, 3), neutral: labelShare(0, 3), negative: labelShare(0, 3) },
      },
      citationShare: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
      sources: {
        annotation: { count: 8, share: { numerator: 8, denominator: 10, n: 4, value: 0.8, ci95: null } },
        link: { count: 0, share: { numerator: 0, denominator: 10, n: 4, value: 0, ci95: null } },
        searchResult: { count: 2, share: { numerator: 2, denominator: 10, n: 4, value: 0.2, ci95: null } },
      },
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
    },
  ],
  interval: 'day',
  events: [
    {
      id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a31',
      occurredAt: '2026-11-16T09:00:00.000Z',
      period: '2026-11-16',
      kind: 'content_published' as const,
      title: 'Comparison page: Acme CRM vs Globex',
    },
  ],
};
/** A week of the source-category trends (the factory data of test/integration/reports-source-category-trends.test.ts). */
export const sourceCategoryTrendsReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {
    from: '2026-05-01T00:00:00Z',
    to: '2026-05-11T00:00:00Z',
  },
  liveRuns: 0,
  interval: 'week',
  listVersion: 1,
  periods: [
    {
      period: '2026-05-04',
      n: 5,
      cited: 8,
      categories: [
        {
          category: 'own',
          cited: 2,
          share: {
            numerator: 2,
            denominator: 8,
            n: 5,
            value: 0.25,
            ci95: {
              low: 0,
              high: 0.5991723076956181,
            },
          },
          citingAnswers: {
            numerator: 2,
            denominator: 5,
            n: 5,
            value: 0.4,
            ci95: {
              low: 0.11762077423264783,
              high: 0.769275718723987,
            },
          },
        },
        {
          category: 'competitor',
          cited: 1,
          share: {
            numerator: 1,
            denominator: 8,
            n: 5,
            value: 0.125,
            ci95: {
              low: 0,
              high: 0.3246469050331889,
            },
          },
          citingAnswers: {
            numerator: 1,
            denominator: 5,
            n: 5,
            value: 0.2,
            ci95: {
              low: 0.03622410863243014,
              high: 0.6244653702374747,
            },
          },
        },
        {
          category: 'forum',
          cited: 3,
          share: {
            numerator: 3,
            denominator: 8,
            n: 5,
            value: 0.375,
            ci95: {
              low: 0.03604959170844291,
              high: 0.7139504082915571,
            },
          },
          citingAnswers: {
            numerator: 2,
            denominator: 5,
            n: 5,
            value: 0.4,
            ci95: {
              low: 0.11762077423264783,
              high: 0.769275718723987,
            },
          },
        },
        {
          category: 'video',
          cited: 1,
          share: {
            numerator: 1,
            denominator: 8,
            n: 5,
            value: 0.125,
            ci95: {
              low: 0,
              high: 0.3671074344939693,
            },
          },
          citingAnswers: {
            numerator: 1,
            denominator: 5,
            n: 5,
            value: 0.2,
            ci95: {
              low: 0.03622410863243014,
              high: 0.6244653702374747,
            },
          },
        },
        {
          category: 'social',
          cited: 0,
          share: {
            numerator: 0,
            denominator: 8,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0,
            },
          },
          citingAnswers: {
            numerator: 0,
            denominator: 5,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0.43448246478317476,
            },
          },
        },
        {
          category: 'review',
          cited: 0,
          share: {
            numerator: 0,
            denominator: 8,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0,
            },
          },
          citingAnswers: {
            numerator: 0,
            denominator: 5,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0.43448246478317476,
            },
          },
        },
        {
          category: 'news',
          cited: 0,
          share: {
            numerator: 0,
            denominator: 8,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0,
            },
          },
          citingAnswers: {
            numerator: 0,
            denominator: 5,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0.43448246478317476,
            },
          },
        },
        {
          category: 'reference',
          cited: 0,
          share: {
            numerator: 0,
            denominator: 8,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0,
            },
          },
          citingAnswers: {
            numerator: 0,
            denominator: 5,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0.43448246478317476,
            },
          },
        },
        {
          category: 'institutional',
          cited: 0,
          share: {
            numerator: 0,
            denominator: 8,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0,
            },
          },
          citingAnswers: {
            numerator: 0,
            denominator: 5,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0.43448246478317476,
            },
          },
        },
        {
          category: 'marketplace',
          cited: 0,
          share: {
            numerator: 0,
            denominator: 8,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0,
            },
          },
          citingAnswers: {
            numerator: 0,
            denominator: 5,
            n: 5,
            value: 0,
            ci95: {
              low: 0,
              high: 0.43448246478317476,
            },
          },
        },
        {
          category: 'other',
          cited: 1,
          share: {
            numerator: 1,
            denominator: 8,
            n: 5,
            value: 0.125,
            ci95: {
              low: 0,
              high: 0.3671074344939693,
            },
          },
          citingAnswers: {
            numerator: 1,
            denominator: 5,
            n: 5,
            value: 0.2,
            ci95: {
              low: 0.03622410863243014,
              high: 0.6244653702374747,
            },
          },
        },
      ],
    },
  ],
};
export const citationsReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  liveRuns: 0,
  groupBy: [],
  top: 20,
  groups: [
    {
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
      cited: 8,
      citingAnswers: { numerator: 4, denominator: 4, n: 4, value: 1, ci95: { low: 0.5101091635454027, high: 1 } },
      sources: {
        annotation: { count: 8, share: { numerator: 8, denominator: 10, n: 4, value: 0.8, ci95: null } },
        link: { count: 0, share: { numerator: 0, denominator: 10, n: 4, value: 0, ci95: null } },
        searchResult: { count: 2, share: { numerator: 2, denominator: 10, n: 4, value: 0.2, ci95: null } },
      },
      domains: [
        {
          domain: 'bbc.co.uk',
          cited: 2,
          annotations: 2,
          links: 0,
          searchResults: 0,
          share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: null },
          citingAnswers: {
            numerator: 2,
            denominator: 4,
            n: 4,
            value: 0.5,
            ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
          },
          retrievingAnswers: 0,
          ownedBy: [],
        },
        {
          domain: 'freshsales.com',
          cited: 2,
          annotations: 2,
          links: 0,
          searchResults: 0,
          share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: null },
          citingAnswers: {
            numerator: 2,
            denominator: 4,
            n: 4,
            value: 0.5,
            ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
          },
          retrievingAnswers: 0,
          ownedBy: [],
        },
      ],
      urls: [
        {
          url: 'https://www.bbc.co.uk/reviews/hubspot',
          domain: 'bbc.co.uk',
          cited: 2,
          retrieved: 0,
          share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: null },
        },
        {
          url: 'https://www.freshsales.com/',
          domain: 'freshsales.com',
          cited: 2,
          retrieved: 0,
          share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: null },
        },
      ],
      brands: [
        {
          brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10',
          brandName: 'Nimbus CRM',
          brandKind: 'own',
          cited: 2,
          retrieved: 0,
          share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: { low: 0, high: 0.6743446502785644 } },
          citingAnswers: {
            numerator: 2,
            denominator: 4,
            n: 4,
            value: 0.5,
            ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
          },
        },
        {
          brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
          brandName: 'HubSpot',
          brandKind: 'competitor',
          cited: 0,
          retrieved: 0,
          share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
          citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
        },
      ],
    },
  ],
  byProvider: [
    {
      provider: 'mock',
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
      cited: 8,
      citingAnswers: { numerator: 4, denominator: 4, n: 4, value: 1, ci95: { low: 0.5101091635454027, high: 1 } },
      sources: {
        annotation: { count: 8, share: { numerator: 8, denominator: 10, n: 4, value: 0.8, ci95: null } },
        link: { count: 0, share: { numerator: 0, denominator: 10, n: 4, value: 0, ci95: null } },
        searchResult: { count: 2, share: { numerator: 2, denominator: 10, n: 4, value: 0.2, ci95: null } },
      },
    },
  ],
  sourceCategories: {
    listVersion: 1,
    n: 4,
    cited: 8,
    categories: [
      {
        category: 'own',
        cited: 1,
        share: { numerator: 1, denominator: 8, n: 4, value: 0.125, ci95: { low: 0, high: 0.3648371203969261 } },
        citingAnswers: {
          numerator: 1,
          denominator: 4,
          n: 4,
          value: 0.25,
          ci95: { low: 0.04558726080970055, high: 0.6993581574175981 },
        },
      },
      {
        category: 'competitor',
        cited: 2,
        share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: { low: 0, high: 0.5146253825421325 } },
        citingAnswers: {
          numerator: 2,
          denominator: 4,
          n: 4,
          value: 0.5,
          ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
        },
      },
      {
        category: 'forum',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
      {
        category: 'video',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
      {
        category: 'social',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
      {
        category: 'review',
        cited: 3,
        share: {
          numerator: 3,
          denominator: 8,
          n: 4,
          value: 0.375,
          ci95: { low: 0.1813140524048245, high: 0.5686859475951755 },
        },
        citingAnswers: {
          numerator: 3,
          denominator: 4,
          n: 4,
          value: 0.75,
          ci95: { low: 0.30064184258240184, high: 0.9544127391902995 },
        },
      },
      {
        category: 'news',
        cited: 2,
        share: { numerator: 2, denominator: 8, n: 4, value: 0.25, ci95: { low: 0, high: 0.5146253825421325 } },
        citingAnswers: {
          numerator: 2,
          denominator: 4,
          n: 4,
          value: 0.5,
          ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
        },
      },
      {
        category: 'reference',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
      {
        category: 'institutional',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
      {
        category: 'marketplace',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
      {
        category: 'other',
        cited: 0,
        share: { numerator: 0, denominator: 8, n: 4, value: 0, ci95: { low: 0, high: 0 } },
        citingAnswers: { numerator: 0, denominator: 4, n: 4, value: 0, ci95: { low: 0, high: 0.4898908364545973 } },
      },
    ],
  },
  competitorOnlySources: [
    {
      domain: 'capterra.com',
      citations: 3,
      answers: 2,
      ownedBy: [],
      urls: [
        { url: 'https://www.capterra.com/customer-relationship-management-software/', citations: 2 },
        { url: 'https://www.capterra.com/p/123/pipedrive/', citations: 1 },
      ],
    },
  ],
};
export const experimentsReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  liveRuns: 0,
  parameter: null,
  alpha: 0.05,
  power: 0.8,
  minimumDifference: 0.1,
  adjust: 'holm',
  groupBy: [],
  pairs: [
    {
      parameter: null,
      a: {
        modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
        modelConfigName: 'mock',
        provider: 'mock',
        model: 'mock-1',
        value: null,
      },
      b: {
        modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a07',
        modelConfigName: 'mock hot',
        provider: 'mock',
        model: 'mock-1',
        value: null,
      },
      answers: { a: 2, b: 2 },
      failed: { a: 0, b: 0 },
      brands: [
        {
          brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10',
          brandName: 'Nimbus CRM',
          brandKind: 'own',
          a: { numerator: 0, denominator: 2, n: 2, value: 0, ci95: { low: 0, high: 0.6576197724933469 } },
          b: { numerator: 2, denominator: 2, n: 2, value: 1, ci95: { low: 0.34238022750665303, high: 1 } },
          difference: { value: 1, ci95: { low: 0.06998519885519949, high: 1 } },
          test: 'fisher',
          statistic: null,
          pValue: 0.33333333333333337,
          pValueAdjusted: 0.6666666666666667,
          significant: false,
          samplesPerArmNeeded: 74,
        },
        {
          brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
          brandName: 'HubSpot',
          brandKind: 'competitor',
          a: { numerator: 2, denominator: 2, n: 2, value: 1, ci95: { low: 0.34238022750665303, high: 1 } },
          b: {
            numerator: 1,
            denominator: 2,
            n: 2,
            value: 0.5,
            ci95: { low: 0.09453120573423074, high: 0.9054687942657693 },
          },
          difference: { value: -0.5, ci95: { low: -0.9054687942657693, high: 0.2725727851131816 } },
          test: 'fisher',
          statistic: null,
          pValue: 0.9999999999999999,
          pValueAdjusted: 0.9999999999999999,
          significant: false,
          samplesPerArmNeeded: 74,
        },
      ],
    },
  ],
};
export const competitorGapReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  liveRuns: 0,
  groupBy: ['prompt'],
  ownBrands: [{ brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10', brandName: 'Nimbus CRM', brandKind: 'own' }],
  rows: [
    {
      promptId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a04',
      promptText: 'Best CRM for a startup?',
      competitor: { brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03', brandName: 'HubSpot', brandKind: 'competitor' },
      gap: {
        numerator: 2,
        denominator: 4,
        n: 4,
        value: 0.5,
        ci95: { low: 0.15003898915214947, high: 0.8499610108478506 },
      },
      competitorMentioned: {
        numerator: 3,
        denominator: 4,
        n: 4,
        value: 0.75,
        ci95: { low: 0.30064184258240184, high: 0.9544127391902995 },
      },
      n: 4,
      failed: 0,
      pendingAnalysis: 0,
      examples: [
        {
          responseId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a12',
          runId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a08',
          provider: 'mock',
          modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
          completedAt: '2026-12-02T05:09:41.582Z',
          snippet: '2. **HubSpot** is widely praised for its ease of use.',
          spans: [[121, 128]],
        },
      ],
    },
  ],
};

export const spendReportExample = {
  month: '2026-12',
  timezone: 'Europe/Paris',
  from: '2026-11-30T23:00:00.000Z',
  to: '2026-12-31T23:00:00.000Z',
  totalUsd: 3.481225,
  byProvider: [
    { provider: 'openai', usd: 2.913, answers: 960 },
    { provider: 'perplexity', usd: 0.568225, answers: 240 },
  ],
  byModelConfig: [
    {
      modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b',
      name: 'GPT-5.4 mini, web search',
      provider: 'openai',
      usd: 2.913,
      answers: 960,
    },
    {
      modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6c',
      name: 'Perplexity pro-search',
      provider: 'perplexity',
      usd: 0.568225,
      answers: 240,
    },
  ],
  audits: [
    {
      auditId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a06',
      name: 'Weekly CRM visibility',
      budgetPerMonthUsd: 50,
      spentUsd: 3.481225,
      remainingUsd: 46.518775,
    },
  ],
};

export const untrackedReportExample = {
  n: 240,
  names: [
    { name: 'Attio', answers: 61, share: 0.2542 },
    { name: 'Folk', answers: 23, share: 0.0958 },
  ],
  domains: [
    { domain: 'g2.com', citations: 88, answers: 71 },
    { domain: 'attio.com', citations: 35, answers: 30 },
  ],
};

/** The search fan-out report: one prompt × configuration with its top queries. */
export const searchQueriesReportExample = {
  definitionVersion: 1,
  timezone: 'Europe/Paris',
  filters: {},
  top: 10,
  ownBrands: [
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a10',
      brandName: 'Nimbus CRM',
      brandKind: 'own',
    },
  ],
  rows: [
    {
      promptId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a04',
      promptText: 'Best CRM for a startup?',
      provider: 'openai',
      modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b',
      modelConfigName: 'GPT-5.4 mini, web search',
      n: 12,
      searched: {
        numerator: 10,
        denominator: 12,
        n: 12,
        value: 0.8333333333333334,
        ci95: {
          low: 0.5519691377470266,
          high: 0.9530348578161463,
        },
      },
      ownCited: {
        numerator: 4,
        denominator: 10,
        n: 10,
        value: 0.4,
        ci95: {
          low: 0.16818032970623614,
          high: 0.6873262302663417,
        },
      },
      distinctQueries: 3,
      queries: [
        {
          rank: 1,
          query: 'best crm for startups 2026',
          answers: 8,
          share: {
            numerator: 8,
            denominator: 10,
            n: 10,
            value: 0.8,
            ci95: {
              low: 0.49016247153664183,
              high: 0.9433178485456247,
            },
          },
          ownCited: {
            numerator: 4,
            denominator: 8,
            n: 8,
            value: 0.5,
            ci95: {
              low: 0.21521606221387757,
              high: 0.7847839377861224,
            },
          },
        },
        {
          rank: 2,
          query: 'hubspot vs pipedrive',
          answers: 3,
          share: {
            numerator: 3,
            denominator: 10,
            n: 10,
            value: 0.3,
            ci95: {
              low: 0.10779126740630099,
              high: 0.6032218525388546,
            },
          },
          ownCited: {
            numerator: 0,
            denominator: 3,
            n: 3,
            value: 0,
            ci95: {
              low: 0,
              high: 0.5614970317550454,
            },
          },
        },
        {
          rank: 3,
          query: 'nimbus crm pricing',
          answers: 2,
          share: {
            numerator: 2,
            denominator: 10,
            n: 10,
            value: 0.2,
            ci95: {
              low: 0.05668215145437519,
              high: 0.5098375284633583,
            },
          },
          ownCited: {
            numerator: 2,
            denominator: 2,
            n: 2,
            value: 1,
            ci95: {
              low: 0.34238022750665303,
              high: 1,
            },
          },
        },
      ],
    },
  ],
};

/** The change-impact report of an event (six affected prompts, eight others, eight answers each per window). */
export const impactReportExample = {
  definitionVersion: 1,
  event: {
    id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a31',
    kind: 'content_published',
    occurredAt: '2026-11-16T09:00:00.000Z',
    title: 'Comparison page: Acme CRM vs Globex',
    promptIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a11'],
    promptTags: ['comparison'],
  },
  brands: [
    {
      brandId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
      brandName: 'Acme CRM',
      brandKind: 'own',
    },
  ],
  filters: {},
  windowDays: 28,
  minEffect: 0.05,
  windows: {
    before: {
      from: '2026-10-19T09:00:00.000Z',
      to: '2026-11-16T09:00:00.000Z',
    },
    after: {
      from: '2026-11-16T09:00:00.000Z',
      to: '2026-12-14T09:00:00.000Z',
    },
    afterComplete: true,
  },
  groups: {
    affectedBefore: {
      prompts: 6,
      rate: {
        numerator: 13,
        denominator: 48,
        n: 48,
        value: 0.2708333333333333,
        ci95: {
          low: 0.1656595762745644,
          high: 0.40996964982240613,
        },
      },
    },
    affectedAfter: {
      prompts: 6,
      rate: {
        numerator: 27,
        denominator: 48,
        n: 48,
        value: 0.5625,
        ci95: {
          low: 0.42275017419827776,
          high: 0.6929873095934576,
        },
      },
    },
    unaffectedBefore: {
      prompts: 8,
      rate: {
        numerator: 22,
        denominator: 64,
        n: 64,
        value: 0.34375,
        ci95: {
          low: 0.23923142078443355,
          high: 0.46596359790081815,
        },
      },
    },
    unaffectedAfter: {
      prompts: 8,
      rate: {
        numerator: 23,
        denominator: 64,
        n: 64,
        value: 0.359375,
        ci95: {
          low: 0.25288402291451745,
          high: 0.48179149390220904,
        },
      },
    },
  },
  estimate: 0.2760416666666667,
  ci95: {
    low: 0.16626998306023075,
    high: 0.3858133502731026,
  },
  pValue: 0.00014092155436107312,
  standardError: 0.050381419694137494,
  binomialStandardError: 0.12791878112083618,
  df: 12,
  power: 0.13324001389653983,
  minimumDetectableEffect: 0.15373497855494192,
  verdict: 'effect',
  summary:
    'After “Comparison page: Acme CRM vs Globex”, Acme CRM’s mention rate on the affected prompts rose 27.6 points more than on the other prompts (95% interval 16.6 to 38.6 points, p < 0.001).',
};
