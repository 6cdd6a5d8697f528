/** Examples for the OpenAPI document, taken from a real PDF report of the demo workspace. */
export const pdfReportCreateExamples = [
  { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
  { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', sendTo: ['marketing@nimbuscrm.example'] },
];

export const pdfReportExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a21',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  sendTo: ['marketing@nimbuscrm.example'],
  status: 'completed',
  pages: 6,
  bytes: 48_213,
  error: null,
  requestedBy: 'cw_live_3f9a',
  createdAt: '2026-12-02T05:09:41.843Z',
  startedAt: '2026-12-02T05:09:42.012Z',
  finishedAt: '2026-12-02T05:09:43.101Z',
  sentAt: '2026-12-02T05:09:43.480Z',
  fileUrl: '/v1/workspaces/0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01/pdf-reports/0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a21/file',
};
