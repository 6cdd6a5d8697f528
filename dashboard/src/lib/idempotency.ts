/**
 * Idempotency keys for the dashboard's creates: each submission of a form sends a fresh
 * `Idempotency-Key`, and sending the same submission again after an answer that left its outcome
 * unknown (no answer at all, a 5xx, or "still being handled") reuses that key, so the API answers
 * the first attempt's result instead of creating twice. A changed submission, or one the API
 * answered for sure, gets a new key.
 */

/**
 * Creates whose answer holds a secret shown once (API keys, organizations, share links, webhooks)
 * refuse the header: the API keeps no copy of the secret to replay. The OpenAPI document leaves the
 * Idempotency-Key parameter off exactly these (test/integration/idempotency.test.ts compares).
 */
const SECRET_CREATES = [
  /^\/v1\/api-keys$/,
  /^\/v1\/organizations$/,
  /^\/v1\/workspaces\/[^/]+\/(share-links|webhooks)$/,
];

/** Whether a request may carry an Idempotency-Key (a POST other than the secret creates). */
export function takesIdempotencyKey(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return method === 'POST' && !SECRET_CREATES.some((pattern) => pattern.test(path));
}

/** A random UUID (v4). crypto.randomUUID needs a secure context; getRandomValues does not. */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a failed attempt may have created something (so its retry must reuse the key). */
export function outcomeUnknown(error: { status: number; code: string }): boolean {
  return error.status === 0 || error.status >= 500 || error.code === 'idempotency_key_in_use';
}

/** One form's (one useSend's) keys: the key of its last attempt, kept while its outcome is unknown. */
export class SubmissionKeys {
  private last: { signature: string; key: string } | null = null;

  constructor(private readonly fresh: () => string = newIdempotencyKey) {}

  /** The key for this request: the last attempt's if it is the same request, else a new one. */
  keyFor(url: string, body: unknown): string {
    const signature = `${url}\n${JSON.stringify(body ?? null)}`;
    if (this.last?.signature !== signature) this.last = { signature, key: this.fresh() };
    return this.last.key;
  }

  /** The attempt ended: forget its key unless its outcome is unknown. */
  settled(error: { status: number; code: string } | null): void {
    if (!error || !outcomeUnknown(error)) this.last = null;
  }
}
