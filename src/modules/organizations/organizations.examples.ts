/** Examples for the OpenAPI document, taken from a real organizations response and trimmed. */
export const organizationExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  name: 'Test org 6216c3d9',
  createdAt: '2026-12-02T05:09:38.397Z',
  updatedAt: '2026-12-02T05:09:38.397Z',
};
export const organizationCreatedExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  name: 'Test org 6216c3d9',
  createdAt: '2026-12-02T05:09:38.397Z',
  updatedAt: '2026-12-02T05:09:38.397Z',
  adminKey: {
    id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0a',
    organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
    name: 'admin',
    prefix: 'cw_live_xxxxxxxxxx',
    scopes: ['admin'],
    workspaceIds: null,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    createdAt: '2026-12-02T05:09:42.094Z',
    key: 'cw_1e68hjui…',
  },
};
