/** Examples for the OpenAPI document, taken from a real webhooks response and trimmed. */
export const webhookExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0b',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  url: 'https://hooks.example.com/citewatch',
  events: ['run.completed'],
  description: null,
  active: true,
  secret: 'whsec_3f9c…',
  createdAt: '2026-12-02T05:09:42.397Z',
  updatedAt: '2026-12-02T05:09:42.397Z',
};
export const deliveryExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0c',
  webhookId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0b',
  eventId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0d',
  eventType: 'ping',
  status: 'pending',
  attempts: 0,
  responseStatus: null,
  responseBody: null,
  error: null,
  payload: {
    id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0d',
    type: 'ping',
    createdAt: '2026-12-02T05:09:44.419Z',
    workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
    data: {
      message: 'Test event from Citewatch',
      webhook: {
        id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0b',
        url: 'https://hooks.example.com/citewatch',
        events: ['run.completed'],
      },
    },
  },
  createdAt: '2026-12-02T05:09:44.421Z',
  lastAttemptAt: null,
  deliveredAt: null,
};
export const webhookEventExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0d',
  type: 'ping',
  createdAt: '2026-12-02T05:09:44.419Z',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  data: {
    message: 'Test event from Citewatch',
    webhook: {
      id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a0b',
      url: 'https://hooks.example.com/citewatch',
      events: ['run.completed'],
    },
  },
};
