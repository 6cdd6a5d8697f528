/** Examples for the OpenAPI document, taken from a real runs response and trimmed. */
export const runExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a08',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  auditId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a06',
  trigger: 'api',
  scheduledFor: null,
  status: 'completed',
  samplesPerPair: 2,
  sampling: { mode: 'fixed' as const, samplesPerPair: 2 },
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

/** An adaptive run's precision, trimmed from a real answer (the demo's audit). */
export const runPrecisionExample = {
  runId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a08',
  sampling: {
    mode: 'adaptive' as const,
    halfWidth: 10,
    minSamples: 20,
    maxSamples: 120,
    waveSize: 20,
    fixedDesignSamples: 93,
  },
  cells: [
    {
      promptId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
      promptText: 'best crm for small business',
      modelConfigId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
      modelConfigName: 'GPT-4o mini',
      planned: 40,
      answers: 40,
      mentioned: 0,
      mentionRate: 0,
      interval: { low: 0, high: 0.1541 },
      halfWidth: 7.7,
      waves: 2,
      stopReason: 'precision' as const,
    },
  ],
  summary: {
    cells: 1,
    stopped: 1,
    reachedTarget: 1,
    calls: 40,
    fixedDesignCalls: 93,
    samplesSaved: 53,
    ratio: 2.325,
    worstHalfWidth: 7.7,
  },
};
