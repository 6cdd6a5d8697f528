/** Examples for the OpenAPI document. */
export const shareLinkExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5b10',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
  name: 'Nimbus, Q4 review',
  locks: { from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', providers: ['openai'], tags: null },
  expiresAt: '2027-01-31T00:00:00.000Z',
  revokedAt: null,
  status: 'active',
  createdBy: 'user:0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a07',
  createdAt: '2026-12-06T09:30:00.000Z',
  openingCount: 3,
  lastOpenedAt: '2026-12-06T11:02:13.551Z',
  recentOpenings: [
    { openedAt: '2026-12-06T11:02:13.551Z', addressClass: '203.0.113.0/24', what: 'page' },
    { openedAt: '2026-12-06T10:58:40.002Z', addressClass: '2001:db8:4a2f::/48', what: 'visibility.csv' },
  ],
};
export const shareLinkCreatedExample = {
  ...shareLinkExample,
  openingCount: 0,
  lastOpenedAt: null,
  recentOpenings: [],
  token: 'cws_3q2-7wEvVQ1lQx3nKpG0mYb8yDkq6Vn1rS0oT5uJ8aA',
  url: 'https://citewatch.agency.example/dashboard/#/shared/cws_3q2-7wEvVQ1lQx3nKpG0mYb8yDkq6Vn1rS0oT5uJ8aA',
};
export const sharedViewExample = {
  name: 'Nimbus, Q4 review',
  workspace: { name: 'Nimbus CRM', timezone: 'Europe/Paris' },
  branding: {
    displayName: 'Northwind Agency',
    primaryColor: '#0b3d91',
    accentColor: '#f97316',
    logo: true,
  },
  locks: shareLinkExample.locks,
  expiresAt: shareLinkExample.expiresAt,
  reports: ['visibility', 'share-of-voice', 'trends', 'citations', 'competitor-gap'],
  pdf: {
    available: false,
    reason:
      'This link shows only some assistants or prompt tags, and a PDF report covers all of them: it is not available through this link. Use the CSV downloads, or ask the agency for a link without those locks.',
  },
};
