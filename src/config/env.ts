/**
 * The only reader of process.env. Every setting is validated with zod; a process with a bad
 * configuration refuses to start and lists every problem at once (see ConfigError).
 * .env.example documents each variable.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';

const bool = z.stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off', ''] });
const positiveInt = z.coerce.number().int().positive();
const optionalSecret = z.string().min(1).optional();

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL');

/** Matches docker-compose.yml; on a server with trust authentication the password is ignored. */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres:citewatch@127.0.0.1:5432/citewatch';
const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL');

/** Per-provider queue settings: requests per minute across all workers, and calls in flight per worker. */
const PROVIDER_LIMIT_DEFAULTS: Record<string, { rpm: number; concurrency: number }> = {
  openai: { rpm: 500, concurrency: 10 },
  anthropic: { rpm: 50, concurrency: 5 },
  perplexity: { rpm: 50, concurrency: 5 },
  gemini: { rpm: 150, concurrency: 10 },
  google_ai_overview: { rpm: 60, concurrency: 5 },
  openai_compatible: { rpm: 60, concurrency: 5 },
  mock: { rpm: 600_000, concurrency: 100 },
};

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),

  DATABASE_URL: postgresUrl.default(DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key Citewatch writes, so several deployments can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only').default('citewatch'),

  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT: positiveInt.default(1_048_576),
  /** Comma-separated origins allowed by CORS; empty disables CORS headers. "*" allows any origin. */
  CORS_ORIGINS: z.string().default(''),
  /** Requests per minute per API key. */
  API_RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
  /** Requests per minute per client IP that fail authentication, before that IP is answered 429. */
  AUTH_FAILURE_LIMIT_PER_MINUTE: positiveInt.default(30),
  /**
   * Token of the platform operator (at least 32 characters): creates, lists and deletes
   * organizations through the API. Unset: organizations are managed with the CLI only.
   */
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  /** 32-byte key, base64, that encrypts organizations' provider keys at rest. */
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64 (openssl rand -base64 32)')
    .optional(),

  /** Worker: which provider queues this process consumes ("all" or a comma-separated list). */
  WORKER_PROVIDERS: z.string().default('all'),
  /** Analysis jobs (batches of up to 250 stored answers) processed at once per worker. */
  WORKER_ANALYSIS_CONCURRENCY: positiveInt.default(4),
  /** Whether this worker process also runs the audit scheduler (safe to run in several). */
  WORKER_SCHEDULER: bool.default(true),
  SCHEDULER_INTERVAL_MS: positiveInt.default(15_000),
  /** How often a worker looks for unfinished runs that stopped moving, to hand their work out again. */
  RECOVERY_INTERVAL_MS: positiveInt.default(30_000),
  /** A run that has not moved for this long is considered stalled (jobs lost, e.g. Redis restarted without persistence). */
  RECOVERY_STALE_MS: positiveInt.default(120_000),
  /** How long a worker holds a job before others may consider it stalled (crashed worker) and run it again. */
  WORKER_LOCK_MS: positiveInt.default(30_000),
  /** How often workers look for stalled jobs. */
  WORKER_STALLED_INTERVAL_MS: positiveInt.default(30_000),
  /**
   * Port of the worker's Prometheus endpoint (GET /metrics: job counters, provider latency and
   * errors). Unset: the worker serves no metrics. 0 picks a free port (tests).
   */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /**
   * Bearer token Prometheus sends to scrape GET /metrics on the API (and on workers when set).
   * Deployment-wide numbers, so organization API keys never read them; ADMIN_TOKEN works too.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 32)').optional(),
  /** Attempts per webhook delivery before it is marked failed (first try included). */
  WEBHOOK_MAX_ATTEMPTS: positiveInt.default(8),
  /** Base of the exponential backoff between webhook attempts (with jitter): 60 s gives ~2 hours in all. */
  WEBHOOK_BACKOFF_MS: positiveInt.default(60_000),
  /** Default time limit of one provider call. */
  PROVIDER_TIMEOUT_MS: positiveInt.default(120_000),
  /** Attempts per provider call for 5xx and timeouts (429s do not use attempts up). */
  PROVIDER_MAX_ATTEMPTS: positiveInt.default(4),
  /** Base of the exponential backoff between attempts. */
  PROVIDER_BACKOFF_MS: positiveInt.default(2_000),

  OPENAI_API_KEY: optionalSecret,
  OPENAI_BASE_URL: z.url().optional(),
  ANTHROPIC_API_KEY: optionalSecret,
  ANTHROPIC_BASE_URL: z.url().optional(),
  PERPLEXITY_API_KEY: optionalSecret,
  PERPLEXITY_BASE_URL: z.url().optional(),
  GEMINI_API_KEY: optionalSecret,
  GEMINI_BASE_URL: z.url().optional(),
  SERPAPI_API_KEY: optionalSecret,
  SERPAPI_BASE_URL: z.url().optional(),
  DATAFORSEO_LOGIN: optionalSecret,
  DATAFORSEO_PASSWORD: optionalSecret,
  DATAFORSEO_BASE_URL: z.url().optional(),
  /** Key for OpenAI-compatible endpoints (Mistral, DeepSeek, xAI, OpenRouter, Ollama); the base URL is per configuration. */
  OPENAI_COMPATIBLE_API_KEY: optionalSecret,
  /** Hosts that may receive OPENAI_COMPATIBLE_API_KEY (comma-separated, e.g. api.mistral.ai). Others get no deployment key. */
  OPENAI_COMPATIBLE_KEY_HOSTS: z.string().default(''),
  /** Let configurations call private or loopback addresses (a local Ollama). Off by default: it would let users reach internal services. */
  OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: bool.default(false),

  ...Object.fromEntries(
    Object.entries(PROVIDER_LIMIT_DEFAULTS).flatMap(([name, d]) => [
      [`${name.toUpperCase()}_RPM`, positiveInt.default(d.rpm)],
      [`${name.toUpperCase()}_CONCURRENCY`, positiveInt.default(d.concurrency)],
    ]),
  ) as Record<`${Uppercase<string>}_RPM` | `${Uppercase<string>}_CONCURRENCY`, z.ZodDefault<typeof positiveInt>>,
});

export type Env = z.infer<typeof envSchema>;

/**
 * Loads a .env file from the working directory into process.env when there is one. Variables
 * already set in the environment win, so deployments can ignore the file.
 */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses a variable source (process.env by default); throws ConfigError listing every problem. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

export interface ProviderLimit {
  /** Requests per minute, held across every worker process by the queue's limiter. */
  rpm: number;
  /** Calls in flight at once in one worker process. */
  concurrency: number;
}

export function providerLimit(env: Env, provider: string): ProviderLimit {
  const key = provider.toUpperCase();
  const values = env as unknown as Record<string, number | undefined>;
  const fallback = PROVIDER_LIMIT_DEFAULTS[provider] ?? { rpm: 60, concurrency: 5 };
  return {
    rpm: values[`${key}_RPM`] ?? fallback.rpm,
    concurrency: values[`${key}_CONCURRENCY`] ?? fallback.concurrency,
  };
}

export function corsOrigins(env: Env): string[] | '*' | false {
  const raw = env.CORS_ORIGINS.trim();
  if (raw === '') return false;
  if (raw === '*') return '*';
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}
