/** Examples for the OpenAPI document, taken from a real prompts response and trimmed. */
export const promptExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a04',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  text: 'Best CRM for a startup?',
  locale: 'en-US',
  tags: ['crm'],
  archived: false,
  createdAt: '2026-12-02T05:09:39.669Z',
  updatedAt: '2026-12-02T05:09:39.669Z',
};
export const promptImportExample = {
  imported: 1,
  prompts: [
    {
      id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5b06',
      workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5b07',
      text: 'Quel CRM pour une PME ?',
      locale: 'fr-FR',
      tags: ['crm'],
      archived: false,
      createdAt: '2026-12-02T05:20:47.196Z',
      updatedAt: '2026-12-02T05:20:47.196Z',
    },
  ],
};

export const promptBulkExample = {
  results: [
    { promptId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a04', ok: true, changed: true },
    {
      promptId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a05',
      ok: false,
      changed: false,
      error: { code: 'conflict', detail: 'this prompt has answers and cannot be deleted; archive it instead' },
    },
  ],
  changed: 1,
};
