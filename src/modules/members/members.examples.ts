/** Examples for the OpenAPI document, taken from real members responses and trimmed. */
export const memberExample = {
  id: '019b0f3e-52a4-7d1c-9f0e-3a4b5c6d7e01',
  userId: '019b0f3e-5190-7b2a-8c3d-4e5f60718293',
  email: 'ana@agency.example',
  name: 'Ana Duarte',
  role: 'editor',
  workspaceIds: null,
  createdAt: '2026-12-07T09:14:03.512Z',
};

export const clientMemberExample = {
  id: '019b0f3e-52a4-7d1c-9f0e-3a4b5c6d7e02',
  userId: '019b0f3e-5190-7b2a-8c3d-4e5f60718294',
  email: 'marketing@nimbuscrm.example',
  name: 'Léa Martin',
  role: 'client',
  workspaceIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01'],
  createdAt: '2026-12-07T09:20:41.007Z',
};
