/**
 * One pino setup for the API, the workers and the CLI. Secrets are redacted wherever they may
 * appear: request headers, provider configuration, errors carrying request options.
 */
import pino, { type Logger, type LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-goog-api-key"]',
  'apiKey',
  '*.apiKey',
  '*.*.apiKey',
  'api_key',
  '*.api_key',
  'password',
  '*.password',
  '*.*.password',
  'credentials',
  '*.credentials',
  '*.*.credentials',
  'secret',
  '*.secret',
  'key',
  '*.key',
  'err.headers.authorization',
  'err.request.headers',
];

/** Query parameters that carry single-use secrets (email links, single sign-on callbacks). */
const SECRET_QUERY = /([?&](?:token|code|state)=)[^&#]*/gi;

/** A URL as logged: the values of secret-bearing query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

/** Requests as logged: method, URL (secrets redacted), host and client address; never headers or body. */
function serializeRequest(req: { method?: string; url?: string; host?: string; hostname?: string; ip?: string }) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host ?? req.hostname,
    remoteAddress: req.ip,
  };
}

export interface LoggerSettings {
  level: string;
  pretty?: boolean;
  name?: string;
}

export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    ...(settings.name ? { name: settings.name } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err, req: serializeRequest },
    ...(settings.pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  };
}

export function createLogger(settings: LoggerSettings, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(settings), destination) : pino(loggerOptions(settings));
}

export type { Logger };
