/** Examples for the OpenAPI document, from real answers, trimmed. */
export const meExample = {
  kind: 'user',
  user: { id: '01938a6e-8f2a-7c41-9d3e-2b7f4c1a5e90', email: 'ana@agency.example', name: 'Ana Lopez' },
  apiKey: null,
  organizations: [
    { id: '01938a6e-1b2c-7d3e-8f40-5a6b7c8d9e0f', name: 'Northwind Agency', role: 'editor', workspaceIds: null },
  ],
  csrfToken: 'qL3v0cH2cW1x9n8pZr6Tn0a4s2V7yB5dK1mE3gH6jQw',
  session: {
    id: '01938a70-2c3d-7e4f-9a0b-1c2d3e4f5a6b',
    createdAt: '2026-12-06T09:12:44.120Z',
    expiresAt: '2026-12-13T09:40:02.511Z',
  },
};

export const sessionExample = {
  id: '01938a70-2c3d-7e4f-9a0b-1c2d3e4f5a6b',
  current: true,
  createdAt: '2026-12-06T09:12:44.120Z',
  lastActiveAt: '2026-12-06T09:40:02.511Z',
  expiresAt: '2026-12-13T09:40:02.511Z',
  ipAddress: '203.0.113.24',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15',
};
