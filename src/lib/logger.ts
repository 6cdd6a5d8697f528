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
    serializers: { err: pino.stdSerializers.err },
    ...(settings.pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  };
}

export function createLogger(settings: LoggerSettings, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(settings), destination) : pino(loggerOptions(settings));
}

export type { Logger };
