/**
 * A configuration's identity in reports: SHA-256 of the canonical JSON of provider, model and
 * effective parameters (as returned by validateConfig, defaults applied). Key order never
 * matters, undefined values are dropped, so two configurations that send the same request
 * share a hash, and any difference in what is sent changes it.
 */
import { canonicalHash } from '../lib/canonical.js';
import type { ModelParams, ProviderName } from './types.js';

export function configHash(provider: ProviderName | string, model: string, effectiveParams: ModelParams): string {
  return canonicalHash({ provider, model, params: effectiveParams });
}
