/**
 * Signing secrets at rest. Whoever holds a webhook's secret can forge events its receiver will
 * trust, so when the deployment has an ENCRYPTION_KEY the secret is stored sealed with it
 * (AES-256-GCM, like organizations' provider keys), as "enc:v1:<base64>". Without a key it is
 * stored as is. Both forms are read, so setting a key later keeps existing webhooks working.
 */
import { SecretBox } from '../../lib/crypto.js';

const SEALED = 'enc:v1:';

export function sealWebhookSecret(secret: string, encryptionKey: string | undefined): string {
  return encryptionKey ? SEALED + new SecretBox(encryptionKey).seal(secret).toString('base64') : secret;
}

/** The plain secret; throws when it is sealed and the key is missing or different. */
export function openWebhookSecret(stored: string, encryptionKey: string | undefined): string {
  if (!stored.startsWith(SEALED)) return stored;
  if (!encryptionKey) throw new Error('the webhook secret is encrypted but ENCRYPTION_KEY is not set');
  return new SecretBox(encryptionKey).open(Buffer.from(stored.slice(SEALED.length), 'base64'));
}
