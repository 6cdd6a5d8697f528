/** Examples for the OpenAPI document, taken from a real audits response and trimmed. */
export const auditExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a06',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  name: 'All',
  promptIds: [],
  promptTags: ['crm'],
  modelConfigIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05', '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a07'],
  samplesPerPair: 2,
  schedule: null,
  timezone: 'UTC',
  enabled: true,
  nextRunAt: null,
  budgetPerRunUsd: null,
  budgetPerMonthUsd: null,
  judgeModelConfigId: null,
  createdAt: '2026-12-02T05:09:40.554Z',
  updatedAt: '2026-12-02T05:09:40.554Z',
};
