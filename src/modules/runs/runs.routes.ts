import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgOf } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/openapi.js';
import { pageOf, workspaceParams } from '../common.schemas.js';
import { runDto, runListQuery, runParams, runPrecisionDto, runStart, stanceAgreementDto } from './runs.schemas.js';
import * as service from './runs.service.js';

export async function runsRoutes(app: FastifyInstance, deps: service.RunsDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Runs'];
  const base = '/v1/workspaces/:workspaceId/runs';

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a run',
        description: [
          'Starts a run of an audit, or of an inline selection of prompts × configurations × samples. Refused with 422 when its estimated cost exceeds the budget.',
          '',
          '**Retrying.** Send an `Idempotency-Key` header (a new UUID per run you mean to start) and retry with the same key and body: ' +
            'if the first attempt started the run, the retry answers that run (`Idempotent-Replayed: true`) and starts nothing. ' +
            'A 4xx answer or a 503 starts nothing and records nothing, and frees the key: correct the request, or send it again. ' +
            'Without a key, a blind retry after no answer at all (a timeout, a dropped connection, a 502 or 504 from a proxy) or a 500 can start a second run, which costs a second time: ' +
            'check first by listing the audit’s runs, newest first (`GET /v1/workspaces/{workspaceId}/runs?auditId=…`), for one created since the first attempt.',
        ].join('\n'),
        params: workspaceParams,
        body: runStart,
        response: { 202: runDto, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.startRun(deps, orgOf(req), req.params.workspaceId, req.body)),
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List runs, newest first',
        params: workspaceParams,
        querystring: runListQuery,
        response: { 200: pageOf(runDto), ...problemResponses },
      },
    },
    async (req) => service.listRuns(deps, orgOf(req), req.params.workspaceId, req.query),
  );

  r.get(
    `${base}/:runId`,
    {
      schema: {
        tags,
        summary: 'Get a run with its progress',
        params: runParams,
        response: { 200: runDto, ...problemResponses },
      },
    },
    async (req) => service.getRun(deps, orgOf(req), req.params.workspaceId, req.params.runId),
  );

  r.get(
    `${base}/:runId/stance-agreement`,
    {
      schema: {
        tags,
        summary: 'How often the model judge agrees with the rule-based stance labels',
        description:
          'For a run of an audit with a stance judge (`judgeModelConfigId`, docs/sentiment.md#the-model-judge): the brand labels the judge gave in the run’s answers, ' +
          'how many equal the rule-based label (with a 95% Wilson interval and Cohen’s kappa), the confusion table, the labels that failed or were refused for budget, and what the judge cost. ' +
          'A run without a judge answers zeros. A sudden drop of the rate between runs means the answers changed in a way one of the two reads differently: open the answers to see which.',
        params: runParams,
        response: { 200: stanceAgreementDto, ...problemResponses },
      },
    },
    async (req) => service.getRunStanceAgreement(deps, orgOf(req), req.params.workspaceId, req.params.runId),
  );

  r.get(
    `${base}/:runId/precision`,
    {
      schema: {
        tags,
        summary: 'Precision reached per prompt × configuration, and samples saved by adaptive sampling',
        description:
          'For a run of an audit with adaptive sampling (`sampling.mode: "adaptive"`, docs/statistics.md#adaptive-sampling): for each prompt × configuration, the answers asked for and received, ' +
          'the own-brand mention rate with its 95% interval (valid although the cell stopped on its data), its half-width in points and why the cell stopped; ' +
          'then the calls against the fixed design of the same worst-case precision (every pair asked `fixedDesignSamples` times). While the run goes on, cells still sampling show their last look. ' +
          'A run with a fixed number of samples answers the same figures from its answers (Wilson 95% intervals, no stop reason, nothing saved).',
        params: runParams,
        response: { 200: runPrecisionDto, ...problemResponses },
      },
    },
    async (req) => service.getRunPrecision(deps, orgOf(req), req.params.workspaceId, req.params.runId),
  );

  r.post(
    `${base}/:runId/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel a run',
        description:
          'Pending answers are cancelled; answers already collected are kept, and so are those of calls already in flight, which are stored, analysed and counted (cost included) when they return.',
        params: runParams,
        response: { 200: runDto, ...problemResponses },
      },
    },
    async (req) => service.cancelRun(deps, orgOf(req), req.params.workspaceId, req.params.runId),
  );
}
