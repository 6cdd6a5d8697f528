/**
 * Idempotent creates. Every POST of the authenticated API that creates something (its documented
 * success is 201 or 202) accepts an `Idempotency-Key` header, handled here once for all of them:
 *
 * - the key is reserved for the principal (API key or person) in Postgres before the handler runs;
 * - a successful answer (2xx) is kept on the key, committed before the answer is sent, and
 *   replayed (same status, same body, `Idempotent-Replayed: true`) to any retry with the same key
 *   and the same request for 24 hours; nothing is created again;
 * - the same key with another request (method, path, organization or body) is refused:
 *   422 `idempotency_key_reused`;
 * - a retry while the first request is still being handled is refused at once, not made to wait:
 *   409 `idempotency_key_in_use` with `Retry-After`;
 * - a refusal (4xx) or a 503 created nothing, so the key is freed and the request may be sent again;
 * - an attempt that stopped without keeping its answer (a 500, or a process that died between
 *   the create and the keeping of its answer) leaves the key answering 409
 *   `idempotency_key_interrupted`: whether it created something is unknown, so nothing is created
 *   again under that key; the client checks the list and uses a new key.
 *
 * Routes whose answer holds a secret shown once (`config: { idempotency: false }`: API keys,
 * organizations with their first key, share links, webhooks) refuse the header: Citewatch keeps
 * only hashes of those secrets, so it has nothing to replay.
 */
import { createHash } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { AppError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { completeKey, lapseKey, releaseKey, reserveKey, type IdempotencyRow } from './idempotency.repo.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: a create whose answer holds a secret shown once; it refuses Idempotency-Key. */
    idempotency?: false;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** What a key may be: 1 to 255 printable ASCII characters, no spaces (a UUID is a good choice). */
export const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;
/** How long an answer is kept and replayed. */
export const KEY_TTL_MS = 24 * 3_600_000;
/** How long a request may hold its key before a retry is told the attempt was interrupted. */
export const KEY_LEASE_MS = 60_000;

/**
 * Published after a create's answer is kept and before it is sent: `{ method, path, status }`.
 * Process-level tests subscribe to stop the process at exactly that point.
 */
export const completedChannel = channel('citewatch:idempotency:completed');

/** The routes that take the header and those that refuse it ("POST /v1/…" as registered). */
export interface IdempotencyRoutes {
  keyed: Set<string>;
  refused: Set<string>;
}

export const idempotencyRoutes = (): IdempotencyRoutes => ({ keyed: new Set(), refused: new Set() });

interface KeyState {
  principal: string;
  key: string;
  requestHash: string;
  reserved: boolean;
}

const routeKey = (method: string, url: string) => `${method} ${url}`;

/** Adds the hooks to the authenticated context; call before its routes are registered. */
export function idempotencyHooks(
  api: FastifyInstance,
  deps: { pool: pg.Pool; logger: Logger; routes: IdempotencyRoutes },
): void {
  const { pool, logger, routes } = deps;
  const states = new WeakMap<FastifyRequest, KeyState>();

  api.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST')) return;
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    if (!('201' in response || '202' in response)) return;
    (route.config?.idempotency === false ? routes.refused : routes.keyed).add(routeKey('POST', route.url));
  });

  // Before validation, so the body compared is the one sent, not its parsed form.
  api.addHook('preValidation', async (request) => {
    const given = request.headers[IDEMPOTENCY_HEADER];
    if (given === undefined || request.method !== 'POST') return;
    const route = routeKey('POST', request.routeOptions.url ?? '');
    if (routes.refused.has(route)) {
      throw new AppError(
        'bad_request',
        'This route does not take an Idempotency-Key: its answer holds a secret shown once, which Citewatch does not keep, so it cannot be replayed. Send the request without the header; if a retry creates a second one, revoke or delete the extra.',
        { errors: [{ path: `headers.${IDEMPOTENCY_HEADER}`, message: 'not accepted on this route' }] },
      );
    }
    if (!routes.keyed.has(route)) return;
    const key = Array.isArray(given) ? null : given;
    if (key === null || !KEY_PATTERN.test(key)) {
      throw new AppError(
        'validation_failed',
        'The Idempotency-Key header must be one value of 1 to 255 printable ASCII characters without spaces, such as a UUID.',
        { errors: [{ path: `headers.${IDEMPOTENCY_HEADER}`, message: 'must be 1 to 255 printable ASCII characters' }] },
      );
    }
    const auth = request.auth;
    if (!auth) return;
    const principal = `${auth.principal.type}:${auth.principal.id ?? ''}`;
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          request.method,
          request.url,
          auth.organizationId ?? null,
          request.body === undefined ? null : request.body,
        ]),
      )
      .digest('hex');
    states.set(request, { principal, key, requestHash, reserved: false });
  });

  api.addHook('preHandler', async (request, reply) => {
    const state = states.get(request);
    if (!state) return;
    const found = await reserveKey(pool, {
      principal: state.principal,
      key: state.key,
      method: request.method,
      path: request.url,
      requestHash: state.requestHash,
      leaseMs: KEY_LEASE_MS,
      ttlMs: KEY_TTL_MS,
    });
    if (found.reserved) {
      state.reserved = true;
      return;
    }
    const row = found.row;
    if (row.request_hash !== state.requestHash) throw reused(state.key, row);
    if (row.state === 'completed' && row.response_status !== null && row.response_body !== null) {
      return reply
        .status(row.response_status)
        .header(REPLAYED_HEADER, 'true')
        .type(row.response_type ?? 'application/json; charset=utf-8')
        .send(row.response_body);
    }
    if (!row.lapsed) {
      reply.header('retry-after', '1');
      throw new AppError(
        'idempotency_key_in_use',
        `Another request with Idempotency-Key "${state.key}" is being handled right now. Retry in a second: you will get its answer.`,
      );
    }
    throw new AppError(
      'idempotency_key_interrupted',
      `The request first sent with Idempotency-Key "${state.key}" (${row.method} ${row.path}, ${row.created_at.toISOString()}) stopped before its answer was kept, so whether it created something is unknown and this key will not create it again. List the resource to see whether it was created; if not, send the request with a new key.`,
    );
  });

  // Runs before the answer is written: the answer is kept (committed) first, so a client that
  // loses the connection from here on gets it back by retrying.
  api.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (!state?.reserved) return payload;
    state.reserved = false;
    const status = reply.statusCode;
    try {
      if (status >= 200 && status < 300) {
        const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
        if (body === null) {
          logger.warn({ url: request.url }, 'a create answered a stream; its idempotency key keeps no answer');
          await lapseKey(pool, state.principal, state.key);
          return payload;
        }
        const type = reply.getHeader('content-type');
        await completeKey(pool, state.principal, state.key, {
          status,
          type: typeof type === 'string' ? type : null,
          body,
        });
        if (completedChannel.hasSubscribers)
          completedChannel.publish({ method: request.method, path: request.url, status });
      } else if (status < 500 || status === 503) {
        // Refused, or the dependency was down before anything was recorded: nothing was created.
        await releaseKey(pool, state.principal, state.key);
      } else {
        // Unexpected failure: the create may have happened. Retries learn that it was interrupted.
        await lapseKey(pool, state.principal, state.key);
      }
    } catch (err) {
      // The key stays in progress; once its lease is over, retries learn that it was interrupted.
      logger.error({ err, url: request.url }, 'could not record the answer of an idempotent create');
    }
    return payload;
  });
}

function reused(key: string, row: IdempotencyRow): AppError {
  return new AppError(
    'idempotency_key_reused',
    `Idempotency-Key "${key}" was first sent with a different request (${row.method} ${row.path}, ${row.created_at.toISOString()}, with another body or organization). A key stands for one request: retry with exactly the same request, or use a new key for a new one.`,
    { errors: [{ path: `headers.${IDEMPOTENCY_HEADER}`, message: 'already used for a different request' }] },
  );
}
