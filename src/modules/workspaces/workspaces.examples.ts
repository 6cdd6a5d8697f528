/** Examples for the OpenAPI document, taken from a real workspaces response and trimmed. */
export const workspaceExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  name: 'Everything',
  timezone: 'Europe/Paris',
  createdAt: '2026-12-02T05:09:39.388Z',
  updatedAt: '2026-12-02T05:09:39.567Z',
};
