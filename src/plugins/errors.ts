/**
 * The one error handler. Every error leaves as application/problem+json (RFC 9457) with a stable
 * `code`, a message saying what to fix, per-field `errors` for validation and the request id.
 * Server errors are logged with their stack and answered with a generic message: internals
 * never leak.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from '../lib/errors.js';
import { ConfigValidationError } from '../providers/types.js';

export const problemSchema = z
  .object({
    type: z.string().describe('URI identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    detail: z.string().describe('What went wrong and what to change'),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Validation failed',
  unsupported_parameter: 'Unsupported parameter',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  budget_exceeded: 'Budget exceeded',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  const body: Problem = {
    type: `https://citewatch.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: err.message,
    requestId: String(request.id),
    ...(err.details.errors?.length ? { errors: err.details.errors } : {}),
  };
  return reply.status(err.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

/** Maps anything thrown by a route, a hook or Fastify itself to an AppError. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ConfigValidationError) {
    return new AppError('unsupported_parameter', `The model configuration is not accepted by ${err.provider} (${err.model}).`, {
      errors: err.problems.map((p) => ({ path: `params.${p.param}`, message: p.message })),
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const errors: FieldError[] = err.validation.flatMap((v) => {
      const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const params = v.params as { keys?: string[]; expected?: string };
      if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
        return params.keys.map((key) => ({ path: `${path}.${key}`, message: 'unknown field: remove it' }));
      }
      if (v.keyword === 'invalid_type' && /received undefined$/.test(v.message ?? '')) {
        return [{ path, message: `is required (${params.expected ?? 'a value'})` }];
      }
      return [{ path, message: v.message ?? 'is invalid' }];
    });
    return new AppError('validation_failed', `The request ${where} is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });
  }
  const fe = err as Partial<FastifyError> & { status?: number };
  const status = fe.statusCode ?? fe.status;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than this API accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'The request has a JSON content type but an empty body: send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', `The request body is not valid JSON: ${fe.message}`);
  }
  if (err instanceof SyntaxError && status === 400) {
    return new AppError('bad_request', `The request body is not valid JSON: ${err.message}`);
  }
  if (status === 429) return new AppError('rate_limited', fe.message ?? 'Too many requests: slow down and retry later.');
  if (status && status >= 400 && status < 500) {
    return new AppError(status === 404 ? 'not_found' : status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'bad_request', fe.message ?? 'Bad request');
  }
  return new AppError('internal', 'An unexpected error occurred. It has been logged; quote the request id if you report it.');
}

export async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((err, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) {
      const cause = isResponseSerializationError(err) ? { issues: err.cause.issues } : {};
      request.log.error({ err, ...cause }, 'request failed');
    }
    return sendProblem(reply, request, appErr);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}. See /docs for the API reference.`)),
  );
}
