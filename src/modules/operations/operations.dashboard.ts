/**
 * The BullMQ dashboard (bull-board) at /admin/queues, showing this deployment's queues only.
 * It lives outside /v1, so the API-key hook does not see it; its own guard accepts the platform
 * operator only: "Authorization: Bearer <ADMIN_TOKEN>" (scripts) or the session cookie from
 * POST /admin/session (browsers). Organization keys are refused whatever their scope, since the
 * dashboard can retry, remove and pause every organization's jobs.
 *
 * Failures are answered from the guard itself rather than thrown: bull-board installs its own
 * error handler in its context, which would turn them into 500s.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppError } from '../../lib/errors.js';
import { sendProblem } from '../../plugins/errors.js';
import type { Producers } from '../../queues/producer.js';
import { bearerOf, requireOperatorToken } from './operations.access.js';
import { deploymentQueues } from './operations.queues.js';
import {
  SESSION_COOKIE,
  clearedSessionCookie,
  cookieValue,
  issueSession,
  loginPage,
  sessionCookie,
  validSession,
} from './operations.session.js';

export const DASHBOARD_PATH = '/admin/queues';

export interface DashboardDeps {
  producers: Producers;
  adminToken: string | undefined;
  /** Cookies marked Secure (production, behind TLS). */
  secureCookies: boolean;
}

const wantsHtml = (request: FastifyRequest) =>
  request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');

export async function dashboardRoutes(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const adminToken = deps.adminToken;
  const deny = (request: FastifyRequest, reply: FastifyReply, err: AppError) => {
    if (wantsHtml(request) && err.code === 'unauthorized')
      return reply.status(401).type('text/html; charset=utf-8').send(loginPage(null));
    return sendProblem(reply, request, err);
  };

  await app.register(async (admin) => {
    // The sign-in form posts urlencoded; only this context accepts it.
    admin.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    admin.post(
      '/admin/session',
      {
        schema: { hide: true, body: z.object({ token: z.string().min(1).max(512) }) },
      },
      async (request, reply) => {
        const form = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        try {
          requireOperatorToken(
            (request.body as { token: string }).token,
            [adminToken],
            'The queue dashboard',
            'ADMIN_TOKEN',
          );
        } catch (err) {
          if (form)
            return reply
              .status(401)
              .type('text/html; charset=utf-8')
              .send(loginPage((err as AppError).message));
          throw err;
        }
        reply.header('set-cookie', sessionCookie(issueSession(adminToken as string), deps.secureCookies));
        return form ? reply.redirect(DASHBOARD_PATH, 303) : reply.status(204).send();
      },
    );

    admin.delete('/admin/session', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('set-cookie', clearedSessionCookie(deps.secureCookies)).status(204).send(),
    );

    await admin.register(async (board) => {
      board.addHook('onRequest', async (request, reply) => {
        const bearer = bearerOf(request.headers.authorization);
        if (!bearer && adminToken && validSession(adminToken, cookieValue(request.headers.cookie, SESSION_COOKIE)))
          return;
        try {
          requireOperatorToken(bearer, [adminToken], 'The queue dashboard', 'ADMIN_TOKEN');
        } catch (err) {
          return deny(request, reply, err as AppError);
        }
      });

      const serverAdapter = new FastifyAdapter();
      serverAdapter.setBasePath(DASHBOARD_PATH);
      createBullBoard({
        queues: deploymentQueues().map((name) => new BullMQAdapter(deps.producers.queue(name))),
        serverAdapter,
        options: { uiConfig: { boardTitle: 'Citewatch queues' } },
      });
      await board.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
    });
  });
}
