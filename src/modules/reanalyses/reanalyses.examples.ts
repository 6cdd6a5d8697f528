/** Examples for the OpenAPI document, taken from a real reanalyses response and trimmed. */
export const reanalysisExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a09',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  runId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a08',
  from: null,
  to: null,
  status: 'completed',
  progress: { total: 4, done: 4 },
  error: null,
  createdAt: '2026-12-02T05:09:41.843Z',
  startedAt: '2026-12-02T05:09:42.012Z',
  finishedAt: '2026-12-02T05:09:42.967Z',
};
