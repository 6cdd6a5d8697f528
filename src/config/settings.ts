/**
 * The zod building blocks of settings read from the environment, shared by src/config/env.ts and
 * the provider adapters that declare their own variables (ProviderAdapter.setup.env).
 */
import { z } from 'zod';

export const bool = z.stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off', ''] });
export const positiveInt = z.coerce.number().int().positive();
/** A key or password: absent, or a non-empty string. */
export const optionalSecret = z.string().min(1).optional();
/** An endpoint override, absent by default. */
export const optionalUrl = z.url().optional();
