/**
 * A tenant with one of everything the API exposes, created through the API itself, and the
 * value to put in each path parameter. Route-wide suites (isolation, contract, fuzz) use it;
 * a new route with a new kind of path parameter makes them fail until it is added here.
 */
import type { FastifyInstance } from 'fastify';
import { PNG } from 'pngjs';
import { createTenant, type TestTenant } from '../factories/index.js';
import { createPerson, type TestPerson } from '../factories/people.js';
import { apiClient } from './api.js';
import type { TestContext } from './context.js';
import { waitFor } from './context.js';

export interface FullTenant extends TestTenant {
  params: Record<string, string>;
  /** A signed-in editor of the organization, for the routes about one's own account (/v1/me…). */
  person: TestPerson;
  /** Responses of the creation calls, by route key "METHOD /path/template", for contract checks. */
  created: Array<{ method: string; template: string; status: number; body: unknown }>;
}

export interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; required?: boolean; schema?: unknown }>;
        requestBody?: { content?: Record<string, { schema?: { examples?: unknown[] } }> };
        responses?: Record<string, unknown>;
        summary?: string;
        tags?: string[];
        security?: unknown[];
      }
    >
  >;
  components?: Record<string, unknown>;
}

export async function openApiDoc(app: FastifyInstance): Promise<OpenApiDoc> {
  return (await app.inject({ url: '/openapi.json' })).json() as OpenApiDoc;
}

/** The headers a route-wide suite calls a route with: the person's for /v1/me routes, else the key's. */
export function headersFor(template: string, tenant: FullTenant): Record<string, string> {
  return template === '/v1/me' || template.startsWith('/v1/me/') ? tenant.person.writeHeaders : tenant.headers;
}

/** Whether the document says the operation needs no credential (`security: []`). */
export function isPublic(op: OpenApiDoc['paths'][string][string]): boolean {
  return Array.isArray(op.security) && op.security.length === 0;
}

/** Every documented operation: method, OpenAPI path template, and the Fastify URL with :params. */
export function operations(doc: OpenApiDoc) {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        op,
        params: (template.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)),
        /** Needs no credentials (sign-in, password reset, invitations): tested by their own suites. */
        public: Array.isArray(op.security) && op.security.length === 0,
      })),
  );
}

export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined)
      throw new Error(`no value for path parameter {${name}}: add it to test/helpers/full-tenant.ts`);
    return encodeURIComponent(v);
  });
}

export function exampleBody(op: OpenApiDoc['paths'][string][string]): unknown {
  // @fastify/swagger moves schema examples to the media type (examples.example1.value).
  const media = op.requestBody?.content?.['application/json'] as
    | { schema?: { examples?: unknown[] }; example?: unknown; examples?: Record<string, { value?: unknown }> }
    | undefined;
  const fromMedia = media?.examples ? Object.values(media.examples)[0]?.value : media?.example;
  return fromMedia ?? media?.schema?.examples?.[0] ?? (op.requestBody ? {} : undefined);
}

export async function createFullTenant(ctx: TestContext, doc: OpenApiDoc): Promise<FullTenant> {
  const tenant = await createTenant(ctx.db);
  const api = apiClient(ctx.app, tenant.headers);
  const created: FullTenant['created'] = [];
  const post = async (template: string, url: string, body: unknown, status = 201) => {
    const res = await api.send('POST', url, body, status);
    created.push({ method: 'POST', template, status, body: res.body });
    return res.body;
  };
  const ws = await post('/v1/workspaces', '/v1/workspaces', { name: 'Everything', timezone: 'Europe/Paris' });
  const base = `/v1/workspaces/${ws.id}`;
  const brand = await post('/v1/workspaces/{workspaceId}/brands', `${base}/brands`, {
    name: 'HubSpot',
    aliases: ['HubSpot CRM'],
    domains: ['hubspot.com'],
  });
  await post('/v1/workspaces/{workspaceId}/brands', `${base}/brands`, {
    name: 'Nimbus CRM',
    kind: 'own',
    domains: ['nimbuscrm.com'],
  });
  const prompt = await post('/v1/workspaces/{workspaceId}/prompts', `${base}/prompts`, {
    text: 'Best CRM for a startup?',
    tags: ['crm'],
  });
  const config = await post('/v1/workspaces/{workspaceId}/model-configs', `${base}/model-configs`, {
    name: 'mock',
    provider: 'mock',
    model: 'mock-1',
    params: { webSearch: true },
  });
  const config2 = await post('/v1/workspaces/{workspaceId}/model-configs', `${base}/model-configs`, {
    name: 'mock hot',
    provider: 'mock',
    model: 'mock-1',
    params: { temperature: 1.5 },
  });
  const audit = await post('/v1/workspaces/{workspaceId}/audits', `${base}/audits`, {
    name: 'All',
    promptTags: ['crm'],
    modelConfigIds: [config.id, config2.id],
    samplesPerPair: 2,
  });
  const run = await post('/v1/workspaces/{workspaceId}/runs', `${base}/runs`, { auditId: audit.id }, 202);
  await waitFor(async () => (await api.get(`${base}/runs/${run.id}`)).finishedAt, 'the fixture run');
  const reanalysis = await post(
    '/v1/workspaces/{workspaceId}/reanalyses',
    `${base}/reanalyses`,
    { runId: run.id },
    202,
  );
  const suggestion = await post(
    '/v1/workspaces/{workspaceId}/suggestions',
    `${base}/suggestions`,
    { source: 'templates', brandName: 'Nimbus CRM', category: 'software' },
    202,
  );
  const pdfReport = await post(
    '/v1/workspaces/{workspaceId}/pdf-reports',
    `${base}/pdf-reports`,
    { from: new Date(Date.now() - 7 * 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() },
    202,
  );
  const key = await post('/v1/api-keys', '/v1/api-keys', { name: 'reader', scopes: ['read'] });
  const invitation = await post('/v1/invitations', '/v1/invitations', {
    email: 'client@nimbus.example',
    role: 'client',
    workspaceIds: [ws.id],
  });
  const person = await createPerson(ctx.app, ctx.db, { organizationId: tenant.organizationId, role: 'editor' });
  const member = (await api.get('/v1/members')).data.find((m: { userId: string }) => m.userId === person.userId);
  const me = (await ctx.app.inject({ url: '/v1/me', headers: person.headers })).json();
  const response = (
    await ctx.db.pool.query<{ id: string }>('SELECT id FROM responses WHERE run_id = $1 ORDER BY id LIMIT 1', [run.id])
  ).rows[0];

  const params: Record<string, string> = {
    workspaceId: ws.id,
    brandId: brand.id,
    promptId: prompt.id,
    modelConfigId: config.id,
    /** Not a path parameter: the other configuration, for experiments between the two. */
    otherModelConfigId: config2.id,
    auditId: audit.id,
    runId: run.id,
    reanalysisId: reanalysis.id,
    suggestionId: suggestion.id,
    pdfReportId: pdfReport.id,
    apiKeyId: key.id,
    invitationId: invitation.id,
    memberId: member.id,
    sessionId: me.session.id,
    organizationId: tenant.organizationId,
    responseId: response?.id ?? '',
    answerId: response?.id ?? '',
    provider: 'openai',
    /** The single sign-on provider of /v1/auth/callback/{providerId}. */
    providerId: 'oidc',
  };
  if (doc.paths['/v1/organizations/{organizationId}/branding/logo']) {
    const logo = await ctx.app.inject({
      method: 'PUT',
      url: `/v1/organizations/${tenant.organizationId}/branding/logo`,
      headers: { ...tenant.headers, 'content-type': 'image/png' },
      payload: PNG.sync.write(new PNG({ width: 2, height: 2 })),
    });
    if (logo.statusCode !== 200) throw new Error(`logo upload: ${logo.statusCode} ${logo.body}`);
  }
  if (doc.paths['/v1/workspaces/{workspaceId}/share-links']) {
    const link = await post('/v1/workspaces/{workspaceId}/share-links', `${base}/share-links`, {
      name: 'Client review',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      tags: ['crm'],
    });
    params.shareLinkId = link.id;
    /** The public share routes' token. */
    params.token = link.token;
  }
  if (doc.paths['/v1/workspaces/{workspaceId}/webhooks']) {
    const hook = await post('/v1/workspaces/{workspaceId}/webhooks', `${base}/webhooks`, {
      url: 'https://hooks.example.com/citewatch',
      events: ['run.completed'],
    });
    params.webhookId = hook.id;
  }
  if (doc.paths['/v1/workspaces/{workspaceId}/alert-rules']) {
    const rule = await post('/v1/workspaces/{workspaceId}/alert-rules', `${base}/alert-rules`, {
      name: 'Client team',
      channel: 'email',
      email: 'client@example.com',
      events: ['run.failed'],
    });
    params.ruleId = rule.id;
  }
  if (doc.paths['/v1/workspaces/{workspaceId}/source-category-overrides']) {
    const override = await post(
      '/v1/workspaces/{workspaceId}/source-category-overrides',
      `${base}/source-category-overrides`,
      { domain: 'crmforum.example.org', category: 'forum' },
    );
    params.overrideId = override.id;
  }
  if (doc.paths['/v1/workspaces/{workspaceId}/events']) {
    const event = await post('/v1/workspaces/{workspaceId}/events', `${base}/events`, {
      kind: 'content_published',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Comparison page',
      promptIds: [prompt.id],
    });
    params.eventId = event.id;
  }
  return { ...tenant, params, created, person };
}
