/** Examples for the OpenAPI document, taken from a real source-category overrides response and trimmed. */
export const sourceCategoryOverrideExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a09',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  domain: 'crmforum.example.org',
  category: 'forum',
  note: 'A user community our buyers read',
  createdAt: '2026-12-06T09:12:40.118Z',
  updatedAt: '2026-12-06T09:12:40.118Z',
};
