/**
 * The one error type services throw. Codes form a closed set; each maps to one HTTP status, and
 * the API's error handler turns them into application/problem+json (src/plugins/errors.ts).
 */
export const ERROR_STATUS = {
  bad_request: 400,
  /** A person in several organizations did not say which one a request is for. */
  organization_required: 400,
  validation_failed: 400,
  unsupported_parameter: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A cookie-authenticated write without its session's CSRF token. */
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  /** Another request with this Idempotency-Key is being handled right now. */
  idempotency_key_in_use: 409,
  /** The first request with this Idempotency-Key stopped before its answer was kept. */
  idempotency_key_interrupted: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  budget_exceeded: 422,
  /** This Idempotency-Key was first sent with another request (method, path, organization or body). */
  idempotency_key_reused: 422,
  rate_limited: 429,
  header_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** Dotted path of the offending field, e.g. "brands.0.name" or "query.limit". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
