/**
 * Security headers on every response. The values come from helmet (maintained, and it knows the
 * current recommendations), computed once at start-up: @fastify/helmet rebuilt them on every
 * request, which showed in profiles of authenticated reads. The API answers JSON; the HTML it
 * serves (API reference, dashboard) loads its own assets only.
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Would break the dashboard served over plain http (local use); TLS deployments get HSTS.
  upgradeInsecureRequests: null,
};

/** The headers helmet would set, captured once. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })({} as never, res as never, () => {});
  return headers;
}

export async function securityHeadersPlugin(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
}
