import { z } from 'zod';
import { listQuery, text, timestamp, uuid } from '../common.schemas.js';
import {
  alertDeliveryExample,
  alertDigestExample,
  failedAlertDeliveryExample,
  alertRuleExample,
  slackRuleExample,
  unsubscribeInfoExample,
} from './alerts.examples.js';

/**
 * What a rule can be told about:
 * - visibility.changed: a brand's mention rate moved significantly between an audit's two latest runs
 *   (the webhooks' significance-gated event, Holm-adjusted);
 * - run.failed: a run ended failed; run.budget_stopped: a run stopped because it reached its budget;
 * - budget.monthly_80: an audit has spent 80% of its monthly budget (once per audit and month);
 * - domain.new_top: a domain entered the workspace's ten most cited domains of the last 30 days;
 * - app_gap.changed: after an audit's run, the app-versus-API verdict of an assistant turned (a good
 *   stand-in ↔ not a stand-in), or a brand's mention-rate gap between the API and the app became
 *   significant, compared with the audit's previous run.
 */
export const ALERT_EVENTS = [
  'visibility.changed',
  'run.failed',
  'run.budget_stopped',
  'budget.monthly_80',
  'domain.new_top',
  'app_gap.changed',
] as const;
export type AlertEventType = (typeof ALERT_EVENTS)[number];
export const alertEventType = z.enum(ALERT_EVENTS);
export const ALERT_CHANNELS = ['email', 'slack'] as const;
export const DIGEST_FREQUENCIES = ['weekly', 'monthly'] as const;

const email = z
  .email({ error: (issue) => (issue.input === undefined ? undefined : 'must be an email address') })
  .max(254, 'must be at most 254 characters')
  .transform((e) => e.toLowerCase());

/** Shape only; where the URL may point is the deployment's egress policy, checked by the service. */
const slackUrl = z
  .url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? undefined : 'must be an http(s) URL') })
  .max(2_048, 'must be at most 2048 characters')
  .refine((u) => {
    const parsed = URL.parse(u);
    return !parsed || (!parsed.username && !parsed.password);
  }, 'must not carry credentials');

const events = z
  .array(alertEventType)
  .max(ALERT_EVENTS.length)
  .transform((e) => [...new Set(e)]);

const digest = z
  .enum(DIGEST_FREQUENCIES, { error: 'must be weekly, monthly or null' })
  .nullable()
  .describe('A digest email of the period (weekly: Monday 08:00, monthly: the 1st 08:00, in the workspace time zone)');

export const alertRuleCreate = z
  .object({
    name: text(200),
    channel: z.enum(ALERT_CHANNELS, { error: 'must be email or slack' }),
    email: email.optional().describe('Recipient (channel email)'),
    slackUrl: slackUrl.optional().describe('Slack incoming webhook URL (channel slack); https, public hosts only'),
    events: events.default([]).describe(ALERT_EVENTS.join(', ')),
    digest: digest.default(null),
    digestPdf: z.boolean().default(false).describe('Attach the period’s PDF report to the digest'),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.channel === 'email' && !v.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'is required for the email channel' });
    if (v.channel === 'email' && v.slackUrl)
      ctx.addIssue({ code: 'custom', path: ['slackUrl'], message: 'only for the slack channel' });
    if (v.channel === 'slack' && !v.slackUrl)
      ctx.addIssue({ code: 'custom', path: ['slackUrl'], message: 'is required for the slack channel' });
    if (v.channel === 'slack' && v.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'only for the email channel' });
    if (v.channel === 'slack' && v.digest)
      ctx.addIssue({ code: 'custom', path: ['digest'], message: 'digests are sent by email only' });
    if (!v.events.length && !v.digest)
      ctx.addIssue({ code: 'custom', path: ['events'], message: 'choose at least one event or a digest' });
  })
  .meta({
    examples: [
      {
        name: 'Client team',
        channel: 'email',
        email: 'client@example.com',
        events: ['visibility.changed'],
        digest: 'weekly',
      },
      {
        name: 'Agency Slack',
        channel: 'slack',
        slackUrl: 'https://hooks.slack.com/services/T000/B000/XXXX',
        events: ['run.failed', 'budget.monthly_80'],
      },
    ],
  });

export const alertRuleUpdate = z
  .object({
    name: text(200).optional(),
    email: email.optional(),
    slackUrl: slackUrl.optional(),
    events: events.optional(),
    digest: digest.optional(),
    digestPdf: z.boolean().optional(),
    active: z.boolean().optional().describe('true also re-subscribes an address that unsubscribed'),
  })
  .strict()
  .meta({ examples: [{ events: ['run.failed'] }, { digest: 'monthly' }, { active: false }] });

export const alertRuleDto = z
  .object({
    id: uuid,
    workspaceId: uuid,
    name: z.string(),
    channel: z.enum(ALERT_CHANNELS),
    email: z.string().nullable(),
    slackUrl: z.string().nullable().describe('The webhook URL with its secret path hidden'),
    events: z.array(alertEventType),
    digest: z.enum(DIGEST_FREQUENCIES).nullable(),
    digestPdf: z.boolean(),
    active: z.boolean(),
    unsubscribedAt: timestamp
      .nullable()
      .describe('When the recipient used the unsubscribe link (the rule is then inactive)'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AlertRule', examples: [alertRuleExample, slackRuleExample] });

export const alertDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);

export const alertPayload = z
  .object({
    type: z.string(),
    workspaceId: uuid,
    title: z.string(),
    lines: z.array(z.string()).describe('The figures, one per line'),
    link: z.string().describe('The dashboard page: its route, after PUBLIC_BASE_URL/dashboard/#'),
  })
  .catchall(z.unknown());
export type AlertPayload = z.infer<typeof alertPayload>;

export const alertDeliveryDto = z
  .object({
    id: uuid,
    ruleId: uuid,
    dedupKey: z.string().describe('Unique per rule: the same event is never delivered twice to a rule'),
    eventType: z.string(),
    status: alertDeliveryStatus,
    attempts: z.number().int(),
    error: z.string().nullable(),
    payload: alertPayload,
    createdAt: timestamp,
    lastAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
  })
  .meta({ id: 'AlertDelivery', examples: [alertDeliveryExample, failedAlertDeliveryExample] });

export const alertDigestStatus = z.enum(['claimed', 'sent', 'failed']);

export const alertDigestDto = z
  .object({
    id: uuid,
    ruleId: uuid,
    frequency: z
      .enum(DIGEST_FREQUENCIES)
      .nullable()
      .describe('The rule’s digest frequency now (null: digests stopped)'),
    periodStart: timestamp.describe('Start of the period summed up (midnight in the workspace time zone)'),
    periodEnd: timestamp.describe('End of the period (exclusive)'),
    status: alertDigestStatus.describe('claimed: being sent (or to be retried); sent; failed: given up'),
    attempts: z
      .number()
      .int()
      .describe('How many times it was handed to a worker (above 1: a claim whose job was lost was handed out again)'),
    error: z.string().nullable().describe('The last failed sending attempt, cleared once the digest is sent'),
    claimedAt: timestamp.describe('When a worker last took it on'),
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'AlertDigest', examples: [alertDigestExample] });

export const alertDigestListQuery = listQuery.extend({ status: alertDigestStatus.optional() }).strict();

export const alertDeliveryListQuery = listQuery.extend({ status: alertDeliveryStatus.optional() }).strict();
export const alertRuleParams = z.object({ workspaceId: uuid, ruleId: uuid }).strict();

export const unsubscribeQuery = z
  .object({ token: z.string().min(10, 'is not an unsubscribe token').max(200, 'is not an unsubscribe token') })
  .strict();
export const unsubscribeBody = unsubscribeQuery.meta({ examples: [{ token: 'AZTwsnwees…' }] });
export const unsubscribeInfo = z
  .object({
    workspaceName: z.string(),
    ruleName: z.string(),
    email: z.string().describe('The address, partly hidden'),
    unsubscribed: z.boolean(),
  })
  .meta({
    id: 'UnsubscribeInfo',
    examples: [unsubscribeInfoExample, { ...unsubscribeInfoExample, unsubscribed: true }],
  });

export type AlertRuleCreate = z.infer<typeof alertRuleCreate>;
export type AlertRuleUpdate = z.infer<typeof alertRuleUpdate>;
export type AlertRuleDto = z.infer<typeof alertRuleDto>;
export type AlertDeliveryDto = z.infer<typeof alertDeliveryDto>;
export type AlertDeliveryListQuery = z.infer<typeof alertDeliveryListQuery>;
export type AlertDigestDto = z.infer<typeof alertDigestDto>;
export type AlertDigestListQuery = z.infer<typeof alertDigestListQuery>;
