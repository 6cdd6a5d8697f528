/**
 * /health: the process is alive (for restarts). /ready: Postgres and Redis answer (for load
 * balancers); 503 with the failing checks otherwise.
 */
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { z } from 'zod';
import { ping } from '../../db/client.js';
import { problemSchema } from '../../plugins/errors.js';

const CHECK_TIMEOUT_MS = 2_000;

async function check(name: string, probe: () => Promise<unknown>): Promise<[string, string]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return [name, 'ok'];
  } catch (err) {
    return [name, `unavailable: ${(err as Error).message}`];
  } finally {
    clearTimeout(timer);
  }
}

/** Each dependency's state: "ok" or what went wrong. */
const checks = z.object({ postgres: z.string(), redis: z.string() });

export async function healthRoutes(app: FastifyInstance, deps: { pool: pg.Pool; redis: Redis }): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Liveness',
        security: [],
        response: { 200: z.object({ status: z.literal('ok') }).meta({ examples: [{ status: 'ok' }] }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: Postgres and Redis reachable (503 otherwise)',
        security: [],
        response: {
          200: z
            .object({ status: z.literal('ready'), checks })
            .meta({ examples: [{ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } }] }),
          503: {
            description: 'Postgres or Redis unreachable',
            content: { 'application/problem+json': { schema: problemSchema.extend({ checks }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const checks = Object.fromEntries(
        await Promise.all([check('postgres', () => ping(deps.pool)), check('redis', () => deps.redis.ping())]),
      );
      const ready = Object.values(checks).every((v) => v === 'ok');
      if (ready) return reply.send({ status: 'ready', checks });
      return reply
        .status(503)
        .type('application/problem+json; charset=utf-8')
        .send(
          JSON.stringify({
            type: 'https://citewatch.dev/problems/unavailable',
            title: 'Service unavailable',
            status: 503,
            code: 'unavailable',
            detail: `Not ready: ${Object.entries(checks)
              .filter(([, v]) => v !== 'ok')
              .map(([k, v]) => `${k} ${v}`)
              .join('; ')}`,
            requestId: String(request.id),
            checks,
          }),
        );
    },
  );
}
