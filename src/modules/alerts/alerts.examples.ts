/** Examples for the OpenAPI document, taken from real alert responses and trimmed. */
export const alertRuleExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a20',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  name: 'Client team',
  channel: 'email',
  email: 'client@example.com',
  slackUrl: null,
  events: ['visibility.changed', 'run.failed', 'run.budget_stopped', 'budget.monthly_80', 'domain.new_top'],
  digest: 'weekly',
  digestPdf: false,
  active: true,
  unsubscribedAt: null,
  createdAt: '2026-12-16T09:00:00.000Z',
  updatedAt: '2026-12-16T09:00:00.000Z',
};

export const slackRuleExample = {
  ...alertRuleExample,
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a21',
  name: 'Agency Slack',
  channel: 'slack',
  email: null,
  slackUrl: 'https://hooks.slack.com/services/…',
  digest: null,
};

export const alertDeliveryExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a22',
  ruleId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a20',
  dedupKey: 'run.failed:0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a30',
  eventType: 'run.failed',
  status: 'succeeded',
  attempts: 1,
  error: null,
  payload: {
    type: 'run.failed',
    workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
    title: 'A run failed',
    lines: ['Run 0194f0b2… failed: every call failed'],
    link: '/dashboard/#/runs/0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a30',
  },
  createdAt: '2026-12-16T09:00:01.000Z',
  lastAttemptAt: '2026-12-16T09:00:02.000Z',
  deliveredAt: '2026-12-16T09:00:02.000Z',
};

export const alertDigestExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a23',
  ruleId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a20',
  frequency: 'weekly',
  periodStart: '2026-12-06T23:00:00.000Z',
  periodEnd: '2026-12-13T23:00:00.000Z',
  status: 'sent',
  attempts: 1,
  error: null,
  claimedAt: '2026-12-14T07:00:04.000Z',
  sentAt: '2026-12-14T07:00:06.000Z',
};

export const unsubscribeInfoExample = {
  workspaceName: 'Acme',
  ruleName: 'Client team',
  email: 'c•••••@example.com',
  unsubscribed: false,
};
