/** Examples for the OpenAPI document, taken from real invitations responses and trimmed. */
export const invitationExample = {
  id: '019b0f41-0c2e-7f3a-b1d2-5e6f708192a3',
  email: 'ana@agency.example',
  role: 'editor',
  workspaceIds: null,
  status: 'pending',
  expiresAt: '2026-12-14T09:02:17.331Z',
  createdAt: '2026-12-07T09:02:17.331Z',
};

export const clientInvitationExample = {
  id: '019b0f41-0c2e-7f3a-b1d2-5e6f708192a4',
  email: 'marketing@nimbuscrm.example',
  role: 'client',
  workspaceIds: ['0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01'],
  status: 'pending',
  expiresAt: '2026-12-14T09:05:52.904Z',
  createdAt: '2026-12-07T09:05:52.904Z',
};

export const invitationLookupExample = {
  organizationName: 'Northwind Agency',
  email: 'ana@agency.example',
  role: 'editor',
  expiresAt: '2026-12-14T09:02:17.331Z',
  accountExists: false,
};

export const invitationAcceptedExample = {
  organizationId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a02',
  userId: '019b0f42-77d0-7c55-8e21-0a1b2c3d4e5f',
};

/** The token of an invitation link (the part after `token=`). */
export const invitationTokenExample = 'q3JvZ0c5Y1B4dFdmSmxVb2lWbE5aSG1rM0t6cWVyVGg';
