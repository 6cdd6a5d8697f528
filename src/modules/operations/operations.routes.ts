/**
 * Operations: GET /metrics for Prometheus, the HTTP latency histogram behind it, and the queue
 * dashboard. Called on the root instance (not registered as an encapsulated plugin) so the
 * timing hook sees every route, /v1 and the rest.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problemResponses } from '../../plugins/openapi.js';
import { bearerOf, requireOperatorToken } from './operations.access.js';
import { dashboardRoutes } from './operations.dashboard.js';
import { createApiMetrics } from './operations.metrics.js';
import type { Deps } from '../../deps.js';

export type OperationsDeps = Pick<Deps, 'env' | 'producers' | 'logger'>;

export async function operationsRoutes(app: FastifyInstance, deps: OperationsDeps): Promise<void> {
  const metrics = createApiMetrics(deps);

  app.addHook('onResponse', async (request, reply) => {
    metrics.observeHttp(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Prometheus metrics',
        description:
          'Prometheus text format: HTTP latency by route, queue depths, jobs finished per queue, Node process metrics. ' +
          'Deployment-wide, so it needs "Authorization: Bearer <METRICS_TOKEN>" (or ADMIN_TOKEN); organization API keys are refused.',
        security: [{ apiKey: [] }],
        response: {
          200: {
            description: 'Prometheus text exposition format',
            content: {
              'text/plain': {
                schema: z.string().meta({
                  examples: [
                    '# HELP citewatch_queue_jobs Jobs per queue and state\n# TYPE citewatch_queue_jobs gauge\ncitewatch_queue_jobs{queue="query-openai",state="waiting"} 12\n',
                  ],
                }),
              },
            },
          },
          401: problemResponses[401],
          403: problemResponses[403],
        },
      },
    },
    async (request, reply) => {
      requireOperatorToken(
        bearerOf(request.headers.authorization),
        [deps.env.METRICS_TOKEN, deps.env.ADMIN_TOKEN],
        'Metrics',
        'METRICS_TOKEN',
      );
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );

  await dashboardRoutes(app, {
    producers: deps.producers,
    adminToken: deps.env.ADMIN_TOKEN,
    secureCookies: deps.env.NODE_ENV === 'production',
  });
}
