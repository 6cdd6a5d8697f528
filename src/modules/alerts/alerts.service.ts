/**
 * Alert rules of a workspace: CRUD, the delivery log and the public unsubscribe. A Slack URL is a
 * user-chosen address the workers will POST to, so it follows the same egress policy as webhooks
 * (public hosts over https unless the deployment allows private ones); it holds a secret in its
 * path, so the API shows only its origin once stored.
 */
import type { PrismaClient } from '../../db/client.js';
import type { AlertDelivery, AlertRule, DigestSend } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { baseUrlProblem, type EgressPolicy } from '../../providers/egress.js';
import { iso, isoOrNull, toPage, type ListQuery, type Page } from '../common.schemas.js';
import { requireWorkspace } from '../workspaces/workspaces.service.js';
import type {
  AlertDeliveryDto,
  AlertDeliveryListQuery,
  AlertDigestDto,
  AlertDigestListQuery,
  AlertEventType,
  AlertPayload,
  AlertRuleCreate,
  AlertRuleDto,
  AlertRuleUpdate,
} from './alerts.schemas.js';
import * as repo from './alerts.repo.js';
import { newUnsubscribeSecret, ruleIdOf, tokenMatches } from './alerts.tokens.js';

export interface AlertsDeps {
  prisma: PrismaClient;
  egress: EgressPolicy;
}

export const MAX_RULES_PER_WORKSPACE = 50;

/** https://hooks.slack.com/services/T…/B…/secret → https://hooks.slack.com/services/… */
export function maskSlackUrl(url: string | null): string | null {
  if (!url) return null;
  const u = URL.parse(url);
  if (!u) return null;
  const first = u.pathname.split('/').filter(Boolean)[0];
  return `${u.origin}/${first ? `${first}/` : ''}…`;
}

export function toAlertRuleDto(r: AlertRule): AlertRuleDto {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    name: r.name,
    channel: r.channel,
    email: r.email,
    slackUrl: maskSlackUrl(r.slackUrl),
    events: r.events as AlertEventType[],
    digest: r.digest as AlertRuleDto['digest'],
    digestPdf: r.digestPdf,
    active: r.active,
    unsubscribedAt: isoOrNull(r.unsubscribedAt),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function toAlertDeliveryDto(d: AlertDelivery): AlertDeliveryDto {
  return {
    id: d.id,
    ruleId: d.ruleId,
    dedupKey: d.dedupKey,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    error: d.error,
    payload: d.payload as unknown as AlertPayload,
    createdAt: iso(d.createdAt),
    lastAttemptAt: isoOrNull(d.lastAttemptAt),
    deliveredAt: isoOrNull(d.deliveredAt),
  };
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `The request body is invalid: body.${path} ${message}`, {
    errors: [{ path: `body.${path}`, message }],
  });
}

/** The same rule as webhooks' receivers: public addresses, https, unless the deployment allows private hosts. */
export function checkSlackUrl(url: string, policy: EgressPolicy): void {
  if (baseUrlProblem(url, policy))
    throw invalid('slackUrl', 'points to a private or local address; Slack messages go to public addresses only');
  if (!policy.allowPrivateHosts && new URL(url).protocol !== 'https:') throw invalid('slackUrl', 'must use https');
}

async function requireRule(prisma: PrismaClient, workspaceId: string, ruleId: string): Promise<AlertRule> {
  const rule = await repo.findRule(prisma, workspaceId, ruleId);
  if (!rule) throw AppError.notFound('Alert rule');
  return rule;
}

export async function createRule(
  deps: AlertsDeps,
  orgId: string,
  workspaceId: string,
  input: AlertRuleCreate,
): Promise<AlertRuleDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  if (input.slackUrl) checkSlackUrl(input.slackUrl, deps.egress);
  if ((await repo.countRules(deps.prisma, workspaceId)) >= MAX_RULES_PER_WORKSPACE)
    throw new AppError('conflict', `A workspace has at most ${MAX_RULES_PER_WORKSPACE} alert rules; delete one first.`);
  const rule = await repo.insertRule(deps.prisma, {
    id: newId(),
    workspaceId,
    name: input.name,
    channel: input.channel,
    email: input.email ?? null,
    slackUrl: input.slackUrl ?? null,
    events: input.events,
    digest: input.digest,
    digestPdf: input.digestPdf,
    active: input.active,
    unsubscribeSecret: newUnsubscribeSecret(),
  });
  return toAlertRuleDto(rule);
}

export async function listRules(
  deps: AlertsDeps,
  orgId: string,
  workspaceId: string,
  q: ListQuery,
): Promise<Page<AlertRuleDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  return toPage(await repo.listRuleRows(deps.prisma, workspaceId, q), q.limit, toAlertRuleDto);
}

export async function getRule(deps: AlertsDeps, orgId: string, workspaceId: string, ruleId: string) {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  return toAlertRuleDto(await requireRule(deps.prisma, workspaceId, ruleId));
}

export async function updateRule(
  deps: AlertsDeps,
  orgId: string,
  workspaceId: string,
  ruleId: string,
  input: AlertRuleUpdate,
): Promise<AlertRuleDto> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  const rule = await requireRule(deps.prisma, workspaceId, ruleId);
  if (input.email !== undefined && rule.channel !== 'email') throw invalid('email', 'only for the email channel');
  if (input.slackUrl !== undefined && rule.channel !== 'slack') throw invalid('slackUrl', 'only for the slack channel');
  if (input.digest && rule.channel !== 'email') throw invalid('digest', 'digests are sent by email only');
  if (input.slackUrl) checkSlackUrl(input.slackUrl, deps.egress);
  const events = input.events ?? rule.events;
  const digest = input.digest === undefined ? rule.digest : input.digest;
  if (!events.length && !digest) throw invalid('events', 'choose at least one event or a digest');
  const data: Record<string, unknown> = { ...input };
  // Re-activating a rule re-subscribes its recipient; changing the address starts afresh too.
  if (input.active === true || input.email !== undefined) data.unsubscribedAt = null;
  if (input.email !== undefined && input.email !== rule.email) data.unsubscribeSecret = newUnsubscribeSecret();
  return toAlertRuleDto(await repo.updateRuleRow(deps.prisma, ruleId, data));
}

export async function deleteRule(deps: AlertsDeps, orgId: string, workspaceId: string, ruleId: string) {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireRule(deps.prisma, workspaceId, ruleId);
  await repo.deleteRuleRow(deps.prisma, ruleId);
}

export async function listDeliveries(
  deps: AlertsDeps,
  orgId: string,
  workspaceId: string,
  ruleId: string,
  q: AlertDeliveryListQuery,
): Promise<Page<AlertDeliveryDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  await requireRule(deps.prisma, workspaceId, ruleId);
  const rows = await repo.listDeliveryRows(deps.prisma, ruleId, q);
  return toPage(rows, q.limit, toAlertDeliveryDto);
}

export function toAlertDigestDto(d: DigestSend, frequency: AlertRuleDto['digest']): AlertDigestDto {
  return {
    id: d.id,
    ruleId: d.ruleId,
    frequency,
    periodStart: iso(d.periodStart),
    periodEnd: iso(d.periodEnd),
    status: d.status,
    attempts: d.attempts,
    error: d.error,
    claimedAt: iso(d.claimedAt),
    sentAt: isoOrNull(d.sentAt),
  };
}

/** The digests of a rule, one per period, newest first. */
export async function listDigests(
  deps: AlertsDeps,
  orgId: string,
  workspaceId: string,
  ruleId: string,
  q: AlertDigestListQuery,
): Promise<Page<AlertDigestDto>> {
  await requireWorkspace(deps.prisma, orgId, workspaceId);
  const rule = await requireRule(deps.prisma, workspaceId, ruleId);
  const rows = await repo.listDigestRows(deps.prisma, ruleId, q);
  return toPage(rows, q.limit, (d) => toAlertDigestDto(d, rule.digest as AlertRuleDto['digest']));
}

/** "client@example.com" → "c•••••@example.com": enough to recognise one's own address. */
export function hideAddress(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(1, Math.min(local.length - 1, 8)))}@${domain}`;
}

async function ruleOfToken(prisma: PrismaClient, token: string) {
  const ruleId = ruleIdOf(token);
  const rule = ruleId ? await repo.findRuleWithWorkspace(prisma, ruleId) : null;
  if (!rule || !tokenMatches(token, rule.id, rule.unsubscribeSecret) || rule.channel !== 'email' || !rule.email)
    throw new AppError(
      'not_found',
      'This unsubscribe link is not valid: the alert may have been deleted or its address changed.',
    );
  return rule;
}

export async function unsubscribeInfo(prisma: PrismaClient, token: string) {
  const rule = await ruleOfToken(prisma, token);
  return {
    workspaceName: rule.workspace.name,
    ruleName: rule.name,
    email: hideAddress(rule.email ?? ''),
    unsubscribed: rule.unsubscribedAt !== null,
  };
}

/** Stops every email of the rule (alerts and digests). Using the link again changes nothing. */
export async function unsubscribe(prisma: PrismaClient, token: string) {
  const rule = await ruleOfToken(prisma, token);
  if (!rule.unsubscribedAt) await repo.markRuleUnsubscribed(prisma, rule.id);
  return {
    info: {
      workspaceName: rule.workspace.name,
      ruleName: rule.name,
      email: hideAddress(rule.email ?? ''),
      unsubscribed: true,
    },
    rule: {
      id: rule.id,
      workspaceId: rule.workspaceId,
      organizationId: rule.workspace.organizationId,
      changed: !rule.unsubscribedAt,
    },
  };
}
