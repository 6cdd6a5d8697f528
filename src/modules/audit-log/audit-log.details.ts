/**
 * The `details` of an audit event: a small summary of what a write sent, never a secret.
 *
 * - Fields named like a secret (password, secret, token, apiKey, key, authorization, cookie,
 *   credentials, privateKey…, in any case and with `_` or `-`) keep their name, so the log says a
 *   key was set, but their value becomes "[redacted]", however deep they are.
 * - Credentials in URLs (https://user:password@host) are cut out.
 * - Long text is cut to 200 characters, lists to their first 10 items (with the count left out),
 *   nesting to 4 levels, and a summary still over 4 KB keeps only its top-level plain values.
 */

export const REDACTED = '[redacted]';

const MAX_STRING = 200;
const MAX_ITEMS = 10;
const MAX_DEPTH = 4;
const MAX_BYTES = 4_096;

/** `clientSecret`, `api_key`, `newPassword`, `x-csrf-token`… but not `maxTokens` or `apiKeyId`. */
const SECRET_NAME = /(password|passphrase|passwd|secret|token|apikey|privatekey|authorization|cookie|credentials?)$/;

export function isSecretField(name: string): boolean {
  const plain = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return plain === 'key' || SECRET_NAME.test(plain);
}

/** A URL's user name and password removed; any other text as given. */
function withoutUrlCredentials(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]*@/i.test(text)) return text;
  const url = URL.parse(text);
  if (!url || (!url.username && !url.password)) return text;
  url.username = '';
  url.password = '';
  return url.toString();
}

function summarizeValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const clean = withoutUrlCredentials(value);
    return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}…` : clean;
  }
  if (typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarizeValue(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = isSecretField(k) ? REDACTED : summarizeValue(v, depth + 1);
  }
  return out;
}

/** The stored form of an event's details: secrets redacted, size bounded. */
export function summarize(details: Record<string, unknown>): Record<string, unknown> {
  const out = summarizeValue(details, 0) as Record<string, unknown>;
  if (JSON.stringify(out).length <= MAX_BYTES) return out;
  const flat: Record<string, unknown> = { truncated: true };
  for (const [k, v] of Object.entries(out)) if (v === null || typeof v !== 'object') flat[k] = v;
  return flat;
}

/**
 * What a write sent, as details: its body (text, such as a CSV upload, by its length only), and
 * the few fields of its answer that name what was written (a key's prefix, a record's name).
 */
export function detailsOfWrite(body: unknown, answer: unknown): Record<string, unknown> {
  const sent =
    typeof body === 'string'
      ? { body: `${body.length} characters` }
      : Buffer.isBuffer(body)
        ? { body: `${body.length} bytes` }
        : body && typeof body === 'object' && !Array.isArray(body)
          ? (body as Record<string, unknown>)
          : Array.isArray(body)
            ? { items: body }
            : {};
  return { ...answerFields(answer), ...sent };
}

/** Fields of a write's answer worth keeping beside its request: what names the record written. */
export const ANSWER_FIELDS = ['name', 'prefix', 'scopes', 'email', 'role', 'imported', 'changed'] as const;

function answerFields(answer: unknown): Record<string, unknown> {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return {};
  const out: Record<string, unknown> = {};
  for (const field of ANSWER_FIELDS) {
    const v = (answer as Record<string, unknown>)[field];
    if (v !== undefined) out[field] = v;
  }
  return out;
}
