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

/** A run's stance agreement between the model judge and the rule-based scorer, trimmed from a real answer. */
export const stanceAgreementExample = {
  runId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a08',
  definitionVersion: 1,
  judged: 40,
  agreed: 34,
  agreementRate: 0.85,
  interval: { low: 0.7091, high: 0.9294 },
  kappa: 0.7512,
  failed: 1,
  refused: 0,
  costUsd: 0.0124,
  confusion: {
    positive: { positive: 18, neutral: 2, negative: 0 },
    neutral: { positive: 3, neutral: 11, negative: 0 },
    negative: { positive: 0, neutral: 1, negative: 5 },
  },
};
