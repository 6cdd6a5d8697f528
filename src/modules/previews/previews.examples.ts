/** Examples for the OpenAPI document, taken from real preview responses and trimmed. */
export const analysisPreviewRequestExample = {
  text: 'For a small sales team, **HubSpot** is the easiest start; Pipedrive is cheaper. See https://www.hubspot.com/pricing.',
  citations: ['https://www.g2.com/categories/crm'],
  brands: [
    { name: 'HubSpot', aliases: ['HubSpot CRM'], domains: ['hubspot.com'], kind: 'own' },
    { name: 'Pipedrive', domains: ['pipedrive.com'], kind: 'competitor' },
  ],
};

export const analysisPreviewExample = {
  mentions: [
    {
      brandId: null,
      brandName: 'HubSpot',
      kind: 'own',
      count: 1,
      firstPosition: 26,
      rank: 1,
      listPosition: null,
      sentiment: 0.459,
      sentimentLabel: 'positive',
      snippet: 'For a small sales team, **HubSpot** is the easiest start; Pipedrive is cheaper.',
      spans: [{ start: 26, end: 33, text: 'HubSpot' }],
    },
    {
      brandId: null,
      brandName: 'Pipedrive',
      kind: 'competitor',
      count: 1,
      firstPosition: 58,
      rank: 2,
      listPosition: null,
      sentiment: 0.25,
      sentimentLabel: 'positive',
      snippet: 'For a small sales team, **HubSpot** is the easiest start; Pipedrive is cheaper.',
      spans: [{ start: 58, end: 67, text: 'Pipedrive' }],
    },
  ],
  citations: [
    {
      position: 1,
      url: 'https://www.g2.com/categories/crm',
      domain: 'g2.com',
      title: null,
      brandId: null,
      brandName: null,
      source: 'structured',
    },
    {
      position: 2,
      url: 'https://www.hubspot.com/pricing',
      domain: 'hubspot.com',
      title: null,
      brandId: null,
      brandName: 'HubSpot',
      source: 'text',
    },
  ],
};

export const schedulePreviewExample = {
  schedule: '0 6 * * 1',
  timezone: 'Europe/Paris',
  next: ['2026-12-07T05:00:00.000Z', '2026-12-14T05:00:00.000Z', '2026-12-21T05:00:00.000Z'],
  nextLocal: ['2026-12-07 06:00', '2026-12-14 06:00', '2026-12-21 06:00'],
  runsPerMonth: 4.42,
};
