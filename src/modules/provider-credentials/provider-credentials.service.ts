/**
 * An organization's own provider keys. They win over the deployment's keys for that
 * organization's runs. Encrypted at rest, never returned, never logged, never in job payloads:
 * workers read and decrypt them when they call the provider.
 */
import type { Database, PrismaClient } from '../../db/client.js';
import type { ProviderCredential } from '../../generated/prisma/client.js';
import { SecretBox } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import type { ProviderCredentials } from '../../providers/types.js';
import { iso } from '../common.schemas.js';
import {
  deleteCredentialRow,
  listCredentialRows,
  upsertCredential,
  workspaceCredentialSecret,
} from './provider-credentials.repo.js';
import type { CredentialDto, CredentialPut } from './provider-credentials.schemas.js';

export interface CredentialsDeps {
  prisma: PrismaClient;
  encryptionKey: string | undefined;
}

function box(deps: CredentialsDeps): SecretBox {
  if (!deps.encryptionKey) {
    throw new AppError(
      'unavailable',
      'This deployment cannot store provider keys: its operator must set ENCRYPTION_KEY (32 random bytes, base64).',
    );
  }
  return new SecretBox(deps.encryptionKey);
}

export function toCredentialDto(c: ProviderCredential): CredentialDto {
  return { provider: c.provider, hint: c.hint, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) };
}

export async function putCredential(
  deps: CredentialsDeps,
  orgId: string,
  provider: string,
  input: CredentialPut,
): Promise<CredentialDto> {
  const secret = box(deps).seal(JSON.stringify(input));
  const shown = input.apiKey ?? input.login ?? '';
  const hint = `…${shown.slice(-4)}`;
  return toCredentialDto(
    await upsertCredential(deps.prisma, orgId, provider, { secret: new Uint8Array(secret), hint }),
  );
}

export async function listCredentials(deps: CredentialsDeps, orgId: string): Promise<CredentialDto[]> {
  return (await listCredentialRows(deps.prisma, orgId)).map(toCredentialDto);
}

export async function deleteCredential(deps: CredentialsDeps, orgId: string, provider: string): Promise<void> {
  if ((await deleteCredentialRow(deps.prisma, orgId, provider)) === 0) throw AppError.notFound('Provider key');
}

/**
 * Worker side: the organization's stored credentials for a provider, decrypted, or null. Cached
 * briefly so a run does not decrypt once per call; a replaced key applies within the TTL.
 */
export class OrganizationCredentials {
  private readonly cache = new Map<string, { at: number; value: ProviderCredentials | null }>();

  constructor(
    private readonly db: Database,
    private readonly encryptionKey: string | undefined,
    private readonly ttlMs = 30_000,
  ) {}

  async forWorkspace(workspaceId: string, provider: string): Promise<ProviderCredentials | null> {
    const cacheKey = `${workspaceId}|${provider}`;
    const hit = this.cache.get(cacheKey);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const secret = await workspaceCredentialSecret(this.db.pool, workspaceId, provider);
    let value: ProviderCredentials | null = null;
    if (secret && this.encryptionKey) {
      const parsed = JSON.parse(new SecretBox(this.encryptionKey).open(secret)) as CredentialPut;
      value = {
        ...(parsed.apiKey ? { apiKey: parsed.apiKey } : {}),
        ...(parsed.login ? { login: parsed.login, password: parsed.password as string } : {}),
      };
    }
    if (this.cache.size > 5_000) this.cache.clear();
    this.cache.set(cacheKey, { at: Date.now(), value });
    return value;
  }
}
