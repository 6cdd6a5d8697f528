/** Examples for the OpenAPI document, taken from a real brands response and trimmed. */
export const brandExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a03',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  name: 'HubSpot',
  aliases: ['HubSpot CRM'],
  domains: ['hubspot.com'],
  kind: 'competitor',
  caseSensitive: false,
  createdAt: '2026-12-02T05:09:39.501Z',
  updatedAt: '2026-12-02T05:09:39.501Z',
};
