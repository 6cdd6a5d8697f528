/** Examples for the OpenAPI document, taken from real suggestions responses (mock provider) and trimmed. */
export const suggestionExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a21',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  source: 'model',
  status: 'succeeded',
  brandName: 'Pipedrive',
  website: 'pipedrive.com',
  category: 'CRM',
  locale: 'en-US',
  modelConfigId: null,
  provider: 'mock',
  model: 'mock-1',
  budgetUsd: 0.5,
  estimatedCostUsd: 0,
  costUsd: 0,
  competitors: [
    { name: 'HubSpot', domain: 'hubspot.com' },
    { name: 'Salesforce', domain: 'salesforce.com' },
    { name: 'Zoho CRM', domain: 'zohocrm.com' },
  ],
  prompts: [
    { text: 'What is the best CRM for a small business?', tags: ['category'] },
    { text: 'What are the best alternatives to Pipedrive?', tags: ['brand'] },
    { text: 'Pipedrive vs HubSpot: which one should I choose?', tags: ['brand'] },
  ],
  error: null,
  errorCode: null,
  createdAt: '2026-12-06T17:40:11.204Z',
  startedAt: '2026-12-06T17:40:11.251Z',
  finishedAt: '2026-12-06T17:40:11.298Z',
};

export const suggestionQueuedExample = {
  ...suggestionExample,
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a22',
  status: 'queued',
  costUsd: null,
  competitors: [],
  prompts: [],
  startedAt: null,
  finishedAt: null,
};
