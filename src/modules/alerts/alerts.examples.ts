/** Examples for the OpenAPI document, taken from real alert responses and trimmed. */
export const alertRuleExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a20',
  workspaceId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01',
  name: 'Client team',
  channel: 'email',
  email: 'client@example.com',
  slackUrl: null,
  events: [
    'visibility.changed',
    'run.failed',
    'run.budget_stopped',
    'budget.monthly_80',
    'domain.new_top',
    'app_gap.changed',
  ],
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
    lines: [
      'Reason: every answer failed; see the responses for each reason',
      'Answers: 0 succeeded, 1 failed, 0 cancelled of 1',
      'Cost: $0.00',
    ],
    link: '/w/0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a01/runs?run=0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a30',
    runId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a30',
  },
  createdAt: '2026-12-16T09:00:01.000Z',
  lastAttemptAt: '2026-12-16T09:00:02.000Z',
  deliveredAt: '2026-12-16T09:00:02.000Z',
};

/** A delivery the SMTP server refused for good: failed at once, without further attempts. */
export const failedAlertDeliveryExample = {
  ...alertDeliveryExample,
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a24',
  status: 'failed',
  error:
    "email not sent through smtp.example.com:587: Can't send mail - all recipients were rejected: 550 No such user: gone@example.com (EENVELOPE)",
  deliveredAt: null,
};

export const alertDigestExample = {
  id: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a23',
  ruleId: '0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a20',
  frequency: 'monthly',
  periodStart: '2026-11-01T00:00:00.000Z',
  periodEnd: '2026-12-01T00:00:00.000Z',
  status: 'sent',
  attempts: 1,
  error: null,
  claimedAt: '2026-12-01T00:00:04.000Z',
  sentAt: '2026-12-01T00:00:07.000Z',
};

export const unsubscribeInfoExample = {
  workspaceName: 'Acme',
  ruleName: 'Client team',
  email: 'c•••••@example.com',
  unsubscribed: false,
};
