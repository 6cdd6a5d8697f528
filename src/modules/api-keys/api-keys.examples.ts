/** Examples for the OpenAPI document, taken from a real api keys response and trimmed. */
export const apiKeyExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0a',
  organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  name: 'reader',
  prefix: 'cw_live_xxxxxxxxxx',
  scopes: ['read'],
  workspaceIds: null,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2026-12-02T05:09:42.094Z',
};
export const apiKeyCreatedExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0a',
  organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  name: 'reader',
  prefix: 'cw_live_xxxxxxxxxx',
  scopes: ['read'],
  workspaceIds: null,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2026-12-02T05:09:42.094Z',
  key: 'cw_1e68hjui…',
};
