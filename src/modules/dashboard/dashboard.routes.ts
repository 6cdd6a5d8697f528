/**
 * The web dashboard for marketers, served at /dashboard from dashboard/dist (built by
 * `npm run build:dashboard`, which `npm install` runs), and the site's root sends browsers there.
 * These are static files and need no credentials: the page has people sign in (or takes an API
 * key) and calls /v1 like any other client.
 * (Not to be confused with the operator's queue dashboard in modules/operations.)
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { projectRoot } from '../../lib/paths.js';
import { sendProblem } from '../../plugins/errors.js';

export const WEB_DASHBOARD_PATH = '/dashboard';

/** Where `vite build` writes the dashboard. */
export function defaultDashboardDir(): string {
  return join(projectRoot(), 'dashboard', 'dist');
}

export async function webDashboardRoutes(app: FastifyInstance, deps: { dir: string }): Promise<void> {
  // The site's root leads to the dashboard: single sign-on's return to "/" (with ?error=… when it
  // failed) and links written as PUBLIC_BASE_URL/#/… land there. Browsers keep the fragment across
  // the redirect; the query is passed on.
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`${WEB_DASHBOARD_PATH}/${query >= 0 ? request.url.slice(query) : ''}`, 302);
  });
  if (!existsSync(join(deps.dir, 'index.html'))) {
    // An install that skipped the build (npm install --ignore-scripts, a hand-copied dist/):
    // say how to fix it rather than answering a bare 404.
    const notBuilt = async (request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(
        reply,
        request,
        new AppError('unavailable', 'The dashboard is not built: run "npm run build:dashboard", then restart the API.'),
      );
    app.get(WEB_DASHBOARD_PATH, { schema: { hide: true } }, notBuilt);
    app.get(`${WEB_DASHBOARD_PATH}/*`, { schema: { hide: true } }, notBuilt);
    return;
  }

  await app.register(fastifyStatic, {
    root: deps.dir,
    prefix: `${WEB_DASHBOARD_PATH}/`,
    // The page itself is answered below; this serves the built assets.
    index: false,
    // Another @fastify/static instance (bull-board's) may decorate the reply; this one needs no decorator.
    decorateReply: false,
    setHeaders: (reply, path) => {
      // Vite names built assets by content hash, so they never change; index.html must be re-read
      // to pick up a new build.
      reply.header(
        'cache-control',
        path.includes(join('dist', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // /dashboard and /dashboard/ (the router ignores trailing slashes) answer the page. It is read
  // on every request, so a rebuild is picked up without restarting; its asset URLs are absolute.
  app.get(WEB_DASHBOARD_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await readFile(join(deps.dir, 'index.html'))),
  );
}
