/**
 * The one error handler. Every error leaves as application/problem+json (RFC 9457) with a stable
 * `code`, a message saying what to fix, per-field `errors` for validation and the request id.
 * Server errors are logged with their stack and answered with a generic message: internals
 * never leak.
 */
import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  organization_required: 'Organization required',
  validation_failed: 'Validation failed',
  unsupported_parameter: 'Unsupported parameter',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  csrf_failed: 'CSRF token missing or wrong',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  request_timeout: 'Request timeout',
  conflict: 'Conflict',
  idempotency_key_in_use: 'Idempotency key in use',
  idempotency_key_interrupted: 'Idempotency key interrupted',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  budget_exceeded: 'Budget exceeded',
  idempotency_key_reused: 'Idempotency key reused',
  rate_limited: 'Too many requests',
  header_too_large: 'Request header fields too large',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function problemJson(err: AppError, requestId: string): string {
  const body: Problem = {
    type: `https://citewatch.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: err.message,
    requestId,
    ...(err.details.errors?.length ? { errors: err.details.errors } : {}),
  };
  return JSON.stringify(body);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  return reply
    .status(err.status)
    .type(PROBLEM_TYPE)
    .send(problemJson(err, String(request.id)));
}

/** What to tell a client whose request Node's HTTP parser refused, by the parser's error code. */
function clientProblem(err: ConnectionError): AppError {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'header_too_large',
        `The request line and headers exceed ${maxHeaderSize / 1024} KB: shorten the URL or the headers.`,
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError(
        'request_timeout',
        'The request did not arrive in time: send the headers and body without pausing.',
      );
    case 'HPE_INVALID_METHOD':
      return new AppError(
        'bad_request',
        'The request method is not an HTTP method: use GET, POST, PUT, PATCH or DELETE.',
      );
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return new AppError(
        'bad_request',
        'Content-Length or Transfer-Encoding is invalid, repeated or both are sent: send one Content-Length, or Transfer-Encoding: chunked alone.',
      );
    case 'HPE_INVALID_CHUNK_SIZE':
      return new AppError(
        'bad_request',
        'A chunk of the chunked body has an invalid size: sizes are hexadecimal, each on its own line.',
      );
  }
  const reason = (err as { reason?: unknown }).reason;
  return new AppError(
    'bad_request',
    `The request is not valid HTTP/1.1${typeof reason === 'string' ? ` (${reason})` : ''}: check the request line and headers.`,
  );
}

/** How long a refused connection may keep sending before it is cut (the answer has been sent). */
const REFUSED_LINGER_MS = 2_000;

/**
 * Closes the server's side of a connection no route will use again, after `data`. What the client
 * still sends is read and dropped until it closes too (or for REFUSED_LINGER_MS): closing with
 * unread data would reset the connection, and the client could lose the answer.
 */
function endAndLinger(socket: Duplex, data?: string): void {
  socket.end(data);
  socket.resume();
  const cut = setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
  socket.once('close', () => clearTimeout(cut));
}

/** Writes a problem+json response straight to a socket, saying the connection closes, and closes it. */
function endWithProblem(socket: Duplex, problem: AppError): string {
  const requestId = randomUUID();
  const body = problemJson(problem, requestId);
  endAndLinger(
    socket,
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      `Content-Type: ${PROBLEM_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
  return requestId;
}

/**
 * Fastify's clientErrorHandler: requests Node's HTTP parser refuses before any route runs (bad
 * bytes in the request line, a repeated or conflicting Content-Length, a bad chunk size, headers
 * over the size limit, an unknown method, a timeout) are answered with problem+json too.
 */
export function clientErrorHandler(this: FastifyInstance, err: ConnectionError, socket: Socket): void {
  // Further data on a refused connection raises the same error again: it has been answered.
  if (err.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return;
  const answer = () => {
    if (!socket.writable || socket.writableEnded) return;
    const requestId = endWithProblem(socket, clientProblem(err));
    this.log.debug({ err, requestId }, 'request refused by the HTTP parser');
  };
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!inFlight || inFlight.writableFinished) answer();
  // The body of the request being answered is malformed: the problem is its answer, unless its
  // response has started, which then ends the connection.
  else if (!inFlight.req.complete) {
    if (inFlight.headersSent) inFlight.once('finish', () => endAndLinger(socket));
    else answer();
  }
  // A response to an earlier request on this connection (pipelined) goes out first.
  else inFlight.once('finish', answer);
}

/**
 * Where a refused model-configuration parameter sits in the request, in the form every other
 * validation error uses (`body.` and the field's path), so a form places both kinds alike:
 * `body.params.temperature`, `body.params.userLocation.country`, `body.model`, or `body.params`
 * when the parameters as a whole are wrong.
 */
export function configProblemPath(param: string): string {
  if (param === 'model') return 'body.model';
  if (param === '(params)') return 'body.params';
  return `body.params.${param}`;
}

/** Maps anything thrown by a route, a hook or Fastify itself to an AppError. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ConfigValidationError) {
    return new AppError(
      'unsupported_parameter',
      `The model configuration is not accepted by ${err.provider} (${err.model}).`,
      {
        errors: err.problems.map((p) => ({ path: configProblemPath(p.param), message: p.message })),
      },
    );
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
    return new AppError(
      'validation_failed',
      `The request ${where} is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors },
    );
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
  if (status === 429)
    return new AppError('rate_limited', fe.message ?? 'Too many requests: slow down and retry later.');
  if (status && status >= 400 && status < 500) {
    return new AppError(
      status === 404
        ? 'not_found'
        : status === 415
          ? 'unsupported_media_type'
          : status === 413
            ? 'payload_too_large'
            : 'bad_request',
      fe.message ?? 'Bad request',
    );
  }
  return new AppError(
    'internal',
    'An unexpected error occurred. It has been logged; quote the request id if you report it.',
  );
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
  // Node answers an HTTP/1.1 request without Host with an empty 400 unless told not to
  // (buildApp does); it is refused here instead, like any other bad request.
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && !request.headers.host)
      throw new AppError('bad_request', 'An HTTP/1.1 request needs a Host header.');
  });
  // Node closes a CONNECT request's connection without a word when nothing tunnels it.
  app.server.on('connect', (_req, socket: Duplex) => {
    endWithProblem(
      socket,
      new AppError('bad_request', 'CONNECT is not served: Citewatch is an HTTP API, not a proxy.'),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      new AppError(
        'not_found',
        `No route for ${request.method} ${request.url.split('?')[0]}. See /docs for the API reference.`,
      ),
    ),
  );
}
