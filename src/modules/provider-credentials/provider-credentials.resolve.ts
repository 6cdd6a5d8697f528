/**
 * Worker side: which credentials and which fetch a provider call uses. The deployment's keys come
 * from its configuration; an organization's own stored key wins over them; the deployment's key
 * for user-chosen endpoints (openai_compatible) goes only to hosts the operator listed, and such
 * calls connect through the egress guard (src/providers/egress.ts).
 */
import type { Deps } from '../../deps.js';
import { credentialsFromEnv } from '../../providers/deployment.js';
import { egressPolicy, guardedFetch, mayReceiveDeploymentKey } from '../../providers/egress.js';
import { providerSettings, type ProviderName } from '../../providers/settings.js';
import type { ModelParams, ProviderCredentials } from '../../providers/types.js';
import { OrganizationCredentials } from './provider-credentials.service.js';

export interface ProviderAccess {
  /** The credentials of one call: the organization's own key when it stored one, else the deployment's. */
  credentials(provider: ProviderName, workspaceId: string, params: ModelParams): Promise<ProviderCredentials>;
  /** The fetch a provider's calls go through: the guarded one for user-chosen endpoints, else the default (undefined). */
  fetchFor(provider: ProviderName): typeof fetch | undefined;
  /** The fetch for other user-chosen URLs (webhook receivers): guarded unless the operator allows private hosts. */
  userFetch: typeof fetch;
}

export function createProviderAccess(deps: Pick<Deps, 'env' | 'db'>): ProviderAccess {
  const { env } = deps;
  const egress = egressPolicy(env);
  const guarded = egress.allowPrivateHosts ? undefined : guardedFetch();
  const own = new OrganizationCredentials(deps.db, env.ENCRYPTION_KEY);
  return {
    async credentials(provider, workspaceId, params) {
      const creds = credentialsFromEnv(env, provider);
      const setup = providerSettings[provider];
      if (setup.userEndpoint && !mayReceiveDeploymentKey(String(params.baseUrl ?? ''), egress)) delete creds.apiKey;
      const stored = setup.organizationKeys ? await own.forWorkspace(workspaceId, provider) : null;
      if (stored) {
        delete creds.apiKey;
        delete creds.login;
        delete creds.password;
        Object.assign(creds, stored);
      }
      return creds;
    },
    fetchFor: (provider) => (providerSettings[provider].userEndpoint ? guarded : undefined),
    userFetch: guarded ?? fetch,
  };
}
