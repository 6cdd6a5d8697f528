/**
 * Shared validation of model configurations: one zod shape for the common parameters, the
 * capability table for per-model rules, and one ConfigValidationError listing every problem.
 * Nothing is ever dropped: a parameter the provider or model cannot honour is refused with why.
 */
import { z } from 'zod';
import { ruleFor, type ModelRule } from './capabilities.js';
import { personaSchema } from './targeting.js';
import {
  ConfigValidationError,
  type ModelParams,
  type ParamProblem,
  type ProviderName,
  type ReasoningEffort,
} from './types.js';

export const REASONING_EFFORTS = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
] as const satisfies readonly ReasoningEffort[];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const userLocationSchema = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. FR')
      .optional(),
    region: z.string().min(1).max(100).optional(),
    city: z.string().min(1).max(100).optional(),
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Paris').optional(),
  })
  .strict();

export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/, 'must be a BCP 47 locale such as fr or fr-FR');

/** The parameters every model provider understands; adapters extend or narrow this shape. */
export const commonParamsShape = {
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  systemPrompt: z.string().min(1).max(100_000).optional(),
  webSearch: z.boolean().default(false),
  reasoningEffort: z.enum(REASONING_EFFORTS).optional(),
  userLocation: userLocationSchema.optional(),
  locale: localeSchema.optional(),
  /** Who is asking, sent with the system prompt (targeting.ts systemTextOf). */
  persona: personaSchema.optional(),
};

export interface ValidationOptions<T extends ModelParams> {
  /** Parameters this provider never supports, with the reason shown to the user. */
  unsupported?: Partial<Record<string, string>>;
  /** Provider-specific checks once the shape is valid. */
  check?: (params: T, rule: ModelRule & { known: boolean }) => ParamProblem[];
}

export function ruleProblems(model: string, rule: ModelRule, params: ModelParams): ParamProblem[] {
  const problems: ParamProblem[] = [];
  for (const param of ['temperature', 'topP'] as const) {
    if (params[param] === undefined) continue;
    if (rule.sampling === 'no') problems.push({ param, message: `not accepted by ${model}: ${rule.note}` });
    if (rule.sampling === 'with_effort_none' && params.reasoningEffort !== 'none') {
      problems.push({ param, message: `${model} accepts it only with reasoningEffort "none": ${rule.note}` });
    }
  }
  const effort = params.reasoningEffort;
  if (effort !== undefined && rule.efforts !== 'any') {
    if (rule.efforts.length === 0)
      problems.push({ param: 'reasoningEffort', message: `not supported by ${model}: ${rule.note}` });
    else if (!rule.efforts.includes(effort)) {
      problems.push({
        param: 'reasoningEffort',
        message: `${model} accepts ${rule.efforts.map((e) => `"${e}"`).join(', ')}, not "${effort}"`,
      });
    }
  }
  if (params.webSearch === true && rule.webSearch === 'no')
    problems.push({ param: 'webSearch', message: `not available for ${model}: ${rule.note}` });
  if (params.webSearch === false && rule.webSearch === 'always') {
    problems.push({
      param: 'webSearch',
      message: `${model} always searches the web; webSearch must be true (${rule.note})`,
    });
  }
  if (params.userLocation !== undefined && params.webSearch !== true) {
    problems.push({ param: 'userLocation', message: 'only applies to web search; set webSearch to true' });
  }
  return problems;
}

/** Validates `raw` for `provider`/`model` and returns the effective parameters, or throws ConfigValidationError. */
export function validateParams<T extends ModelParams>(
  provider: ProviderName,
  model: string,
  schema: z.ZodType<T>,
  raw: unknown,
  options: ValidationOptions<T> = {},
): T {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new ConfigValidationError(provider, String(model), [{ param: 'model', message: 'is required' }]);
  }
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new ConfigValidationError(provider, model, [{ param: '(params)', message: 'must be an object' }]);
  }
  const rule = ruleFor(provider, model);
  const input: Record<string, unknown> = { ...((raw as Record<string, unknown> | null) ?? {}) };
  const problems: ParamProblem[] = [];
  for (const [param, reason] of Object.entries(options.unsupported ?? {})) {
    if (input[param] === undefined) continue;
    problems.push({ param, message: `not supported by ${provider}: ${reason}` });
    delete input[param];
  }
  // Models that always search get webSearch: true by default, so a config states what happens.
  if (input['webSearch'] === undefined && rule.webSearch === 'always') input['webSearch'] = true;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (keys.length > 0)
        for (const key of keys) problems.push({ param: key, message: `unknown parameter for ${provider}` });
      else problems.push({ param: issue.path.join('.') || '(params)', message: issue.message });
    }
  } else {
    problems.push(...ruleProblems(model, rule, parsed.data), ...(options.check?.(parsed.data, rule) ?? []));
  }
  if (problems.length > 0) throw new ConfigValidationError(provider, model, problems);
  return (parsed as { data: T }).data;
}
