/** Examples for the OpenAPI document, taken from real audit log responses and trimmed. */
export const auditEventExample = {
  id: '0195a3c4-8e21-7b6f-a1d2-3c4d5e6f7a81',
  createdAt: '2026-12-07T09:14:03.512Z',
  actor: { type: 'user', id: '0195a3b0-1f2e-7c3d-9e4f-5a6b7c8d9e01', label: 'camille@northwind.example' },
  action: 'brand.create',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  target: { type: 'brand', id: '0195a3c4-8e1f-7d20-b3c4-d5e6f7a8b9c0' },
  details: { name: 'HubSpot', aliases: ['HubSpot CRM'], domains: ['hubspot.com'], kind: 'competitor' },
  ip: '203.0.113.24',
  requestId: '5c0f3c8e-2a41-4d1b-9a57-0e8f6d2b7c11',
};

export const apiKeyEventExample = {
  id: '0195a3c2-0b7d-7e61-8f90-a1b2c3d4e5f6',
  createdAt: '2026-12-07T09:02:47.128Z',
  actor: { type: 'api_key', id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0a', label: 'cw_live_xxxxxxxxxx' },
  action: 'api_key.create',
  workspaceId: null,
  target: { type: 'api_key', id: '0195a3c2-0b6a-7c11-9d22-e3f4a5b6c7d8' },
  details: { name: 'Reporting dashboard', scopes: ['read'], expiresAt: null, prefix: 'cw_live_yyyyyyyyyy' },
  ip: '198.51.100.7',
  requestId: 'deploy-42',
};
