/**
 * The Model Context Protocol tools: each one is a REST route of the API, named, described and
 * given its input schema from the very zod schemas the route validates with (path parameters,
 * query string and body, side by side in one object). A tool call becomes a request to that route
 * with the caller's own credentials, so scopes, workspace restrictions, validation, budgets and the
 * audit log apply exactly as on REST, and the result is the JSON the route answers.
 */
import { z } from 'zod';
import { listQuery, uuid, workspaceParams } from '../common.schemas.js';
import { KEY_PATTERN } from '../idempotency/idempotency.hooks.js';
import { auditDraftEstimate } from '../audits/audits.estimate.js';
import { auditCreate, auditListQuery, auditUpdate } from '../audits/audits.schemas.js';
import { answersQuery } from '../answers/answers.schemas.js';
import { brandCreate, brandUpdate } from '../brands/brands.schemas.js';
import { modelConfigListQuery } from '../model-configs/model-configs.schemas.js';
import { promptCreate, promptListQuery, promptUpdate } from '../prompts/prompts.schemas.js';
import { reportRoutes } from '../reports/reports.routes.js';
import { runListQuery, runParams, runStart } from '../runs/runs.schemas.js';

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface ToolSpec {
  name: string;
  title: string;
  description: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** The REST route, as registered (`/v1/workspaces/:workspaceId/brands`). */
  url: string;
  params?: AnyObject;
  query?: AnyObject;
  body?: AnyObject;
  /** Request headers the tool takes as arguments (the creates' Idempotency-Key). */
  headers?: AnyObject;
  /** Changes something: needs the write scope (or the editor role), as the route does. */
  write: boolean;
  /** Fields of the route's schemas that the tool does not take. */
  omit?: string[];
  /** Undoes work (cancelling a run). */
  destructive?: boolean;
}

/**
 * The creates' `Idempotency-Key` header, as an argument of their tools: an assistant that lost a
 * call's answer repeats it with the same key and gets the first answer back, not a second brand or
 * run. The API checks the key as for any REST client.
 */
const idempotencyHeader = z
  .object({
    'Idempotency-Key': z
      .string()
      .regex(KEY_PATTERN, 'must be 1 to 255 printable ASCII characters without spaces, such as a UUID')
      .optional()
      .describe(
        'A key of your choosing (a UUID) for this create. Calling again with the same key and arguments within 24 hours answers what the first call created instead of creating it twice; use it when a call may have been applied without an answer reaching you.',
      ),
  })
  .strict() as unknown as AnyObject;

const idParams = (name: string) => z.object({ workspaceId: uuid, [name]: uuid }).strict() as AnyObject;
const ws = workspaceParams as unknown as AnyObject;
const obj = (schema: z.ZodType) => schema as unknown as AnyObject;

/** snake_case tool name of a report path: share-of-voice → share_of_voice_report. */
const reportToolName = (path: string) => `${path.replaceAll('-', '_')}_report`;

/** Every tool, in the order tools/list gives them. */
export async function toolSpecs(): Promise<ToolSpec[]> {
  const reports: ToolSpec[] = (await reportRoutes()).map((report) => ({
    name: reportToolName(report.path),
    title: `${report.path.replaceAll('-', ' ')} report`.replace(/^./, (c) => c.toUpperCase()),
    description: `${report.summary}. ${report.description} Every rate and share carries its n and 95% interval.`,
    method: 'GET',
    url: `/v1/workspaces/:workspaceId/reports/${report.path}`,
    params: ws,
    query: obj(report.query),
    // Tools answer JSON; CSV is for downloads.
    omit: ['format'],
    write: false,
  }));
  return [
    {
      name: 'list_workspaces',
      title: 'List workspaces',
      description:
        'The workspaces (clients or brand portfolios) this API key or person may open, with their ids: every other tool takes a workspaceId. A key or person limited to chosen workspaces sees only those.',
      method: 'GET',
      url: '/v1/workspaces',
      query: listQuery as unknown as AnyObject,
      write: false,
    },
    ...reports,
    {
      name: 'list_answers',
      title: 'Answers behind a report',
      description:
        'Answers with their mentions (spans for highlighting) and citations, newest first. Takes the report filters, so any report row can be opened to its answers (mentioning / notMentioning brand ids, statuses). The text and the provider payload come with includeRaw="true".',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/answers',
      params: ws,
      query: obj(answersQuery),
      write: false,
    },
    {
      name: 'estimate_audit_cost',
      title: 'Estimate an audit’s next run',
      description:
        'Plans the run an audit would start now (prompts by id and tag, active configurations, samples) and prices it the way a launched run is priced and checked against its budget, with a month at its schedule. Nothing is recorded or queued.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/audits/:auditId/estimate',
      params: idParams('auditId'),
      write: false,
    },
    {
      name: 'estimate_draft_audit_cost',
      title: 'Estimate a draft audit',
      description:
        'Prices one run of an audit not saved yet — saved prompts (ids, tags) or prompt texts, saved configurations or drafts (provider, model, parameters) — and a month at its schedule. Calls no model and stores nothing.',
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/audits/estimate',
      params: ws,
      body: obj(auditDraftEstimate),
      write: false,
    },
    {
      name: 'list_brands',
      title: 'List brands',
      description: 'The brands a workspace tracks, own and competitors, with their aliases and domains.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/brands',
      params: ws,
      query: listQuery as unknown as AnyObject,
      write: false,
    },
    {
      name: 'create_brand',
      title: 'Create a brand',
      description:
        'Tracks a new brand (own or competitor) in a workspace: its name, aliases, owned domains and whether matching is case-sensitive. Needs the write scope.',
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/brands',
      params: ws,
      body: obj(brandCreate),
      headers: idempotencyHeader,
      write: true,
    },
    {
      name: 'update_brand',
      title: 'Edit a brand',
      description: 'Changes a brand’s name, aliases, domains, kind or case sensitivity. Needs the write scope.',
      method: 'PATCH',
      url: '/v1/workspaces/:workspaceId/brands/:brandId',
      params: idParams('brandId'),
      body: obj(brandUpdate),
      write: true,
    },
    {
      name: 'list_prompts',
      title: 'List prompts',
      description: 'The prompt library of a workspace: questions buyers ask, with locale and tags.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/prompts',
      params: ws,
      query: obj(promptListQuery),
      write: false,
    },
    {
      name: 'create_prompt',
      title: 'Create a prompt',
      description: 'Adds a question buyers ask, with its locale and tags. Needs the write scope.',
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/prompts',
      params: ws,
      body: obj(promptCreate),
      headers: idempotencyHeader,
      write: true,
    },
    {
      name: 'update_prompt',
      title: 'Edit a prompt',
      description: 'Changes a prompt’s text, locale or tags, or archives it. Needs the write scope.',
      method: 'PATCH',
      url: '/v1/workspaces/:workspaceId/prompts/:promptId',
      params: idParams('promptId'),
      body: obj(promptUpdate),
      write: true,
    },
    {
      name: 'list_model_configs',
      title: 'List model configurations',
      description: 'The provider, model and parameter combinations a workspace queries; audits name them by id.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/model-configs',
      params: ws,
      query: obj(modelConfigListQuery),
      write: false,
    },
    {
      name: 'list_audits',
      title: 'List audits',
      description: 'What a workspace runs: prompts × model configurations × samples, schedules and budgets.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/audits',
      params: ws,
      query: obj(auditListQuery),
      write: false,
    },
    {
      name: 'create_audit',
      title: 'Create an audit',
      description:
        'Defines what to run: prompts (ids or tags) × model configurations × samples per pair, an optional schedule (cron) and time zone, and budgets. Needs the write scope.',
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/audits',
      params: ws,
      body: obj(auditCreate),
      headers: idempotencyHeader,
      write: true,
    },
    {
      name: 'update_audit',
      title: 'Edit an audit',
      description:
        'Changes an audit’s prompts, configurations, samples, schedule, time zone, budgets, or turns it on or off. Needs the write scope.',
      method: 'PATCH',
      url: '/v1/workspaces/:workspaceId/audits/:auditId',
      params: idParams('auditId'),
      body: obj(auditUpdate),
      write: true,
    },
    {
      name: 'list_runs',
      title: 'List runs',
      description: 'Runs of a workspace, newest first, with status, progress and cost; filter by audit or status.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/runs',
      params: ws,
      query: obj(runListQuery),
      write: false,
    },
    {
      name: 'get_run',
      title: 'Get a run',
      description: 'One run with its progress (answers collected, failed, pending) and its estimated and actual cost.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/runs/:runId',
      params: obj(runParams),
      write: false,
    },
    {
      name: 'get_run_precision',
      title: "Get a run's precision",
      description:
        'Per prompt × configuration of a run: answers received, the own-brand mention rate with its 95% interval and half-width, and why an adaptive cell stopped; then the calls made against the fixed design of the same precision and the samples saved.',
      method: 'GET',
      url: '/v1/workspaces/:workspaceId/runs/:runId/precision',
      params: obj(runParams),
      write: false,
    },
    {
      name: 'start_run',
      title: 'Start a run',
      description:
        'Starts a run of an audit now (auditId), or of an inline selection of prompts × configurations × samples. It calls the providers and costs money: refused when its estimate exceeds the budget. If the call gets no answer, call again with the same Idempotency-Key to get the run it started instead of a second one. Needs the write scope.',
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/runs',
      params: ws,
      body: obj(runStart),
      headers: idempotencyHeader,
      write: true,
    },
    {
      name: 'cancel_run',
      title: 'Cancel a run',
      description:
        'Cancels a queued or running run: pending answers are cancelled; answers already collected are kept. Needs the write scope.',
      method: 'POST',
      url: '/v1/workspaces/:workspaceId/runs/:runId/cancel',
      params: obj(runParams),
      write: true,
      destructive: true,
    },
  ];
}

/** The parts of a tool's arguments: path parameters, query string and body, each checked by its own schema. */
export interface ToolParts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown> | undefined;
  headers: Record<string, unknown>;
}

const partsOf = (spec: ToolSpec) =>
  [
    ['params', spec.params],
    ['query', spec.query],
    ['body', spec.body],
    ['headers', spec.headers],
  ] as const;

/** Splits a tool's arguments by the schema each key belongs to; unknown keys are reported. */
export function splitArguments(spec: ToolSpec, args: Record<string, unknown>): ToolParts & { unknown: string[] } {
  const out: ToolParts & { unknown: string[] } = {
    params: {},
    query: {},
    body: spec.body ? {} : undefined,
    headers: {},
    unknown: [],
  };
  for (const [key, value] of Object.entries(args)) {
    const part = spec.omit?.includes(key)
      ? undefined
      : partsOf(spec).find(([, schema]) => schema && key in schema.shape)?.[0];
    if (!part) out.unknown.push(key);
    else (out[part] as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The one object clients see: path parameters, query fields and body fields side by side. */
export function combinedSchema(spec: ToolSpec): AnyObject {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [, schema] of partsOf(spec)) {
    if (!schema) continue;
    for (const [key, field] of Object.entries(schema.shape)) {
      if (spec.omit?.includes(key)) continue;
      if (key in shape) throw new Error(`tool ${spec.name}: "${key}" is in two parts of ${spec.method} ${spec.url}`);
      shape[key] = field;
    }
  }
  return z.object(shape).strict();
}

/** The REST path of a call: the route's URL with its parameters filled in. */
export function pathOf(spec: ToolSpec, params: Record<string, unknown>): string {
  return spec.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
}
