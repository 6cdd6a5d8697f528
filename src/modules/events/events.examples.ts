/** Examples for the OpenAPI document, taken from a real change-event response and trimmed. */
export const changeEventExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a31',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  kind: 'content_published',
  occurredAt: '2026-11-16T09:00:00.000Z',
  title: 'Comparison page: Acme CRM vs Globex',
  notes: 'Published on the blog and linked from the pricing page',
  url: 'https://acme.example.com/compare/globex',
  promptIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a11'],
  promptTags: ['comparison'],
  createdAt: '2026-11-16T09:12:40.118Z',
  updatedAt: '2026-11-16T09:12:40.118Z',
};
