/**
 * The only reader of process.env. Every setting is validated with zod; a process with a bad
 * configuration refuses to start and lists every problem at once (see ConfigError).
 * .env.example documents each variable.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { providerEnvShape } from '../providers/deployment.js';
import { namedSetups, providerNames } from '../providers/settings.js';
import { normalizePublicBaseUrl, parseMailFrom, parseSmtpUrl } from './mail.js';
import { bool, positiveInt } from './settings.js';

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL');

/** Matches docker-compose.yml; on a server with trust authentication the password is ignored. */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres:citewatch@127.0.0.1:5432/citewatch';
const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL');

const coreSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),

  DATABASE_URL: postgresUrl.default(DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key Citewatch writes, so several deployments can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('citewatch'),

  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT: positiveInt.default(1_048_576),
  /** Comma-separated origins allowed by CORS; empty disables CORS headers. "*" allows any origin. */
  CORS_ORIGINS: z.string().default(''),
  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
   * empty or false, none; a comma-separated list of addresses and CIDR ranges (or loopback,
   * linklocal, uniquelocal); a number of hops; true, any. See trustProxySetting.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine(
      (v) => parseTrustProxy(v) !== null,
      'must be empty, true, false, a number of proxy hops, or comma-separated addresses and CIDR ranges (e.g. 10.0.0.0/8, loopback)',
    ),
  /** Requests per minute per API key. */
  API_RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
  /** Requests per minute per client IP that fail authentication, before that IP is answered 429. */
  AUTH_FAILURE_LIMIT_PER_MINUTE: positiveInt.default(30),
  /**
   * Token of the platform operator (at least 32 characters): creates, lists and deletes
   * organizations through the API. Unset: organizations are managed with the CLI only.
   */
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  /**
   * Signs session cookies and CSRF tokens (at least 32 characters; openssl rand -hex 32). Required
   * in production; elsewhere a random one is made at start, so sessions end when the API restarts.
   */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  /** A session unused for this long ends (idle timeout). */
  SESSION_IDLE_MINUTES: positiveInt.default(7 * 24 * 60),
  /** A session ends this long after sign-in, however much it is used (absolute timeout). */
  SESSION_MAX_HOURS: positiveInt.default(30 * 24),
  /** Sign-in, password-reset and invitation attempts per minute, per email address and per client address. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: positiveInt.default(10),
  /** Requests to share links' public routes per client network (/24 or /48) and minute. */
  SHARE_LINK_REQUESTS_PER_MINUTE: positiveInt.default(120),
  /**
   * Single sign-on: the OpenID Connect issuer (e.g. https://accounts.google.com), with the client
   * registered there. All three set: the sign-in page offers SSO. The redirect URI to register is
   * PUBLIC_BASE_URL/v1/auth/callback/oidc.
   */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The SSO button's label, e.g. "Google Workspace". */
  OIDC_NAME: z.string().min(1).max(60).default('Single sign-on'),
  /** 32-byte key, base64, that encrypts organizations' provider keys at rest. */
  ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes encoded in base64 (openssl rand -base64 32)',
    )
    .optional(),

  /** Worker: which provider queues this process consumes ("all" or a comma-separated list). */
  WORKER_PROVIDERS: z
    .string()
    .default('all')
    .refine(
      (v) => v.trim() === 'all' || v.split(',').every((name) => (providerNames() as string[]).includes(name.trim())),
      { error: () => `must be "all" or a comma-separated list of: ${providerNames().join(', ')}` },
    ),
  /** Analysis jobs (batches of up to 250 stored answers) processed at once per worker. */
  WORKER_ANALYSIS_CONCURRENCY: positiveInt.default(4),
  /** Alert deliveries and digests sent at once by one worker process (SMTP and Slack are I/O bound). */
  WORKER_ALERTS_CONCURRENCY: positiveInt.default(10),
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
  /**
   * Where email goes: smtp://user:password@host:587 (STARTTLS when offered; ?requireTLS=true insists)
   * or smtps://user:password@host:465. Unset: messages are written to the log, links and tokens
   * included (development and the demo), and every process says so at startup.
   */
  SMTP_URL: z
    .string()
    .transform((v) => (v.trim() === '' ? undefined : v.trim()))
    .superRefine((v, ctx) => {
      const parsed = v === undefined ? undefined : parseSmtpUrl(v);
      if (parsed && 'problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem, input: '[redacted]' });
    })
    .optional(),
  /** Sender of every email: an address, or "Name <address>". */
  MAIL_FROM: z
    .string()
    .refine(
      (v) => parseMailFrom(v) !== null,
      'must be an address or "Name <address>", e.g. Citewatch <no-reply@example.com>',
    )
    .default('Citewatch <no-reply@localhost>'),
  /**
   * The address people reach Citewatch at (https://citewatch.example.com, or with a path prefix
   * behind a proxy); links in emails start with it. Default http://localhost:PORT.
   */
  PUBLIC_BASE_URL: z
    .string()
    .transform((v, ctx) => {
      const normalized = normalizePublicBaseUrl(v.trim());
      if (normalized === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be an http:// or https:// URL without query, fragment or credentials',
        });
        return z.NEVER;
      }
      return normalized;
    })
    .optional(),
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

  // Provider keys, endpoints and queue limits are declared per provider in
  // src/providers/settings.ts and merged below. What stays here is the egress policy of user-chosen endpoints.
  /** Hosts that may receive OPENAI_COMPATIBLE_API_KEY (comma-separated, e.g. api.mistral.ai). Others get no deployment key. */
  OPENAI_COMPATIBLE_KEY_HOSTS: z.string().default(''),
  /** Let configurations call private or loopback addresses (a local Ollama). Off by default: it would let users reach internal services. */
  OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS: bool.default(false),
});

/** The core settings above, plus every provider's own variables (src/providers/settings.ts). */
export const envSchema = coreSchema.extend(withoutCollisions(providerEnvShape(namedSetups())));

function withoutCollisions<T extends Record<string, unknown>>(shape: T): T {
  for (const variable of Object.keys(shape)) {
    if (variable in coreSchema.shape)
      throw new Error(`a provider declares ${variable}, which is a core setting of src/config/env.ts`);
  }
  return shape;
}

/**
 * The loaded configuration. Core settings are typed here; a provider's own variables are read by
 * its adapter's setup.credentials, which knows their schemas.
 */
export type Env = Omit<z.output<typeof coreSchema>, 'PUBLIC_BASE_URL'> & {
  /** Always set once loaded: http://localhost:PORT when the environment leaves it out. */
  PUBLIC_BASE_URL: string;
} & Readonly<Record<string, unknown>>;

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
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const data = result.data;
  const problems: string[] = [];
  if (data.NODE_ENV === 'production' && !data.AUTH_SECRET)
    problems.push('AUTH_SECRET: required in production (openssl rand -hex 32); it signs session cookies');
  const oidc = [data.OIDC_ISSUER, data.OIDC_CLIENT_ID, data.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc > 0 && oidc < 3)
    problems.push('OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for single sign-on, or none');
  // Links in real email must reach people, not a localhost of the server's own.
  if (data.NODE_ENV === 'production' && data.SMTP_URL !== undefined && data.PUBLIC_BASE_URL === undefined)
    problems.push(
      'PUBLIC_BASE_URL: required in production when SMTP_URL is set (links in email start with it), e.g. https://citewatch.example.com',
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...data, PUBLIC_BASE_URL: data.PUBLIC_BASE_URL ?? `http://localhost:${data.PORT}` } as Env;
}

/** The public address people reach Citewatch at, without a trailing slash. */
export function publicBaseUrl(env: Env): string {
  return env.PUBLIC_BASE_URL;
}

/** Named ranges the proxy list accepts besides addresses and CIDR ranges (as proxy-addr names them). */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as Fastify's trustProxy option; null when the value cannot be read. */
function parseTrustProxy(raw: string): boolean | number | string[] | null {
  const v = raw.trim();
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((s) => s.trim());
  const valid = entries.every((e) => {
    if (PROXY_RANGE_NAMES.has(e)) return true;
    const [address = '', prefix, ...rest] = e.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

/**
 * Whom to believe about a request's client address. Behind a load balancer or reverse proxy,
 * every request comes from the proxy: the sign-in limiter, the per-network limits of share links
 * and the audit log's addresses would all see the proxy's. Listing the proxies makes them read
 * X-Forwarded-For, from the right, up to the first address that is not a listed proxy.
 */
export function trustProxySetting(env: Env): boolean | string[] | ((address: string, hop: number) => boolean) {
  const setting = parseTrustProxy(env.TRUST_PROXY) ?? false;
  // A number of hops: the nearest n addresses are proxies, whatever they are.
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

export function corsOrigins(env: Env): string[] | '*' | false {
  const raw = env.CORS_ORIGINS.trim();
  if (raw === '') return false;
  if (raw === '*') return '*';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * What `citewatch mcp` reads: where the API is and the key to call it with. These belong to the
 * integrator's machine, not to a deployment, so they are apart from the server's settings (and
 * from .env.example, which lists those).
 */
export const mcpClientEnvSchema = z.object({
  CITEWATCH_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, such as https://citewatch.example.com' })
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
  CITEWATCH_API_KEY: z
    .string({ error: 'required: an organization API key (cw_…), e.g. from `citewatch keys create`' })
    .trim()
    .regex(/^cw_/, 'must be an organization API key (cw_…)'),
});
export type McpClientEnv = z.output<typeof mcpClientEnvSchema>;

/** Parses `citewatch mcp`'s variables; throws ConfigError naming each problem. */
export function loadMcpClientEnv(source: Record<string, string | undefined> = process.env): McpClientEnv {
  const result = mcpClientEnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return result.data;
}
