/** Examples for the OpenAPI document, taken from a real runs response and trimmed. */
export const runExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a08',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  auditId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a06',
  trigger: 'api',
  scheduledFor: null,
  status: 'completed',
  samplesPerPair: 2,
  progress: { total: 4, succeeded: 4, failed: 0, cancelled: 0, pending: 0, analyzed: 4 },
  estimatedCostUsd: 0,
  actualCostUsd: 0,
  budgetUsd: null,
  error: null,
  createdAt: '2026-12-02T05:09:40.998Z',
  startedAt: '2026-12-02T05:09:41.256Z',
  finishedAt: '2026-12-02T05:09:41.618Z',
};
