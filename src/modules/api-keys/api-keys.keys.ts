/**
 * API key material. A key looks like `cw_3fk29xq1_<32 characters>`: the `cw_<8>` prefix is shown
 * in listings so users can tell keys apart; only a SHA-256 of the whole key is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 256 is not a multiple of 36, so reject the top bytes to keep characters uniform.
  for (let i = 0; out.length < length; i++) {
    const b = i < bytes.length ? (bytes[i] as number) : (randomBytes(1)[0] as number);
    if (b < 252) out += ALPHABET[b % 36];
  }
  return out;
}

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = `cw_${randomString(8)}`;
  const key = `${prefix}_${randomString(32)}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export const API_KEY_PATTERN = /^cw_[a-z0-9]{8}_[a-z0-9]{32}$/;
