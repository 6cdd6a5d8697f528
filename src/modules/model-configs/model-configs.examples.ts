/** Examples for the OpenAPI document, taken from a real model configs response and trimmed. */
export const modelConfigExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  name: 'mock',
  provider: 'mock',
  channel: 'mock',
  model: 'mock-1',
  params: { costUsd: 0, latencyMs: 0, webSearch: true, failureRate: 0, temperature: 0.7 },
  hash: 'eb1589e83b58154ec43a21a0cb10e173a07c1a34c7c07314cdfab945e8817bc9',
  location: null,
  language: null,
  persona: null,
  archived: false,
  createdAt: '2026-12-02T05:09:39.942Z',
  updatedAt: '2026-12-02T05:09:39.942Z',
};
