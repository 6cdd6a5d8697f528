import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf } from '../common.schemas.js';
import { registerCrud } from '../crud.routes.js';
import {
  alertDeliveryDto,
  alertDeliveryListQuery,
  alertDigestDto,
  alertDigestListQuery,
  alertRuleCreate,
  alertRuleDto,
  alertRuleParams,
  alertRuleUpdate,
  unsubscribeBody,
  unsubscribeInfo,
  unsubscribeQuery,
} from './alerts.schemas.js';
import * as service from './alerts.service.js';

const DELIVERY =
  'Each event reaches a rule once (its de-duplication key is unique per rule); email goes through the ' +
  'deployment’s SMTP server with an unsubscribe link, Slack messages are POSTed to the incoming webhook. ' +
  'Failed attempts are retried with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS).';

export async function alertsRoutes(app: FastifyInstance, deps: service.AlertsDeps): Promise<void> {
  registerCrud(app, {
    resource: 'alert-rules',
    idParam: 'ruleId',
    tag: 'Alerts',
    noun: 'alert rule',
    create: alertRuleCreate,
    update: alertRuleUpdate,
    dto: alertRuleDto,
    handlers: {
      create: (org, ws, body) => service.createRule(deps, org, ws, body),
      list: (org, ws, q) => service.listRules(deps, org, ws, q),
      get: (org, ws, id) => service.getRule(deps, org, ws, id),
      update: (org, ws, id, body) => service.updateRule(deps, org, ws, id, body),
      remove: (org, ws, id) => service.deleteRule(deps, org, ws, id),
    },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/v1/workspaces/:workspaceId/alert-rules/:ruleId/deliveries',
    {
      schema: {
        tags: ['Alerts'],
        summary: 'List an alert rule’s deliveries, newest first',
        description: `The delivery log of the rule: every alert sent or being sent, its attempts and last error. ${DELIVERY}`,
        params: alertRuleParams,
        querystring: alertDeliveryListQuery,
        response: { 200: pageOf(alertDeliveryDto), ...problemResponses },
      },
    },
    async (req) => service.listDeliveries(deps, orgOf(req), req.params.workspaceId, req.params.ruleId, req.query),
  );
  r.get(
    '/v1/workspaces/:workspaceId/alert-rules/:ruleId/digests',
    {
      schema: {
        tags: ['Alerts'],
        summary: 'List an alert rule’s digests, newest first',
        description:
          'The digest log of the rule: one row per period, claimed by exactly one worker before it is sent, with its ' +
          'last error. A failed sending is retried with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS); ' +
          'a digest refused for good, or still failing after the last attempt, is marked failed. Filter with `status`.',
        params: alertRuleParams,
        querystring: alertDigestListQuery,
        response: { 200: pageOf(alertDigestDto), ...problemResponses },
      },
    },
    async (req) => service.listDigests(deps, orgOf(req), req.params.workspaceId, req.params.ruleId, req.query),
  );
}

export interface AlertsPublicDeps {
  prisma: service.AlertsDeps['prisma'];
  onUnsubscribed(
    event: { organizationId: string; workspaceId: string; ruleId: string },
    request: { ip: string; requestId: string },
  ): void;
}

/** The unsubscribe link of alert and digest emails: no account, the token is the only credential. */
export async function alertsPublicRoutes(app: FastifyInstance, deps: AlertsPublicDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Alerts'];
  r.get(
    '/v1/alerts/unsubscribe',
    {
      schema: {
        tags,
        summary: 'What an unsubscribe link stops (no authentication)',
        description:
          'The rule and workspace an unsubscribe token names, and whether it was used already. Changes nothing.',
        security: [],
        querystring: unsubscribeQuery,
        response: { 200: unsubscribeInfo, ...problemResponses },
      },
    },
    async (req) => service.unsubscribeInfo(deps.prisma, req.query.token),
  );
  r.post(
    '/v1/alerts/unsubscribe',
    {
      schema: {
        tags,
        summary: 'Unsubscribe from an alert rule’s emails (no authentication)',
        description:
          'Stops every email of the rule (alerts and digests) for the address it was sent to; the rule stays, inactive, until a member re-activates it. Using a link twice is harmless.',
        security: [],
        body: unsubscribeBody,
        response: { 200: unsubscribeInfo, ...problemResponses },
      },
    },
    async (req) => {
      const done = await service.unsubscribe(deps.prisma, req.body.token);
      if (done.rule.changed)
        deps.onUnsubscribed(
          { organizationId: done.rule.organizationId, workspaceId: done.rule.workspaceId, ruleId: done.rule.id },
          { ip: req.ip, requestId: req.id },
        );
      return done.info;
    },
  );
}
