/**
 * A real OpenID Connect provider for the single sign-on tests: oidc-provider (a certified
 * implementation of the protocol), listening on 127.0.0.1, with one registered client (Citewatch)
 * and people kept in memory. Nothing of the protocol is imitated here: discovery, the
 * authorization request with PKCE and nonce, the code exchange, signed ID tokens and userinfo are
 * oidc-provider's own.
 *
 * Its login page is a plain form (an `email` input and a button) at the interaction URL: a browser
 * test fills it like a person would, and `signInWithSso` submits it with fetch. Knowing the email is
 * enough to be that person (the tests choose who signs in); consent is granted to the client without
 * asking, as identity providers do for applications an administrator has approved.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload, type Configuration } from 'oidc-provider';

export interface OidcUser {
  email: string;
  /** The email_verified claim the provider asserts; null: the claim is not sent (as Entra ID does). */
  emailVerified: boolean | null;
  /** More claims of the email scope, e.g. Entra ID's { xms_edov: true } or { verified_primary_email: [...] }. */
  emailClaims?: { xms_edov?: boolean; verified_primary_email?: string[]; verified_secondary_email?: string[] };
  name?: string;
  /** The subject identifier; default: derived from the email. */
  sub?: string;
}

export interface OidcProviderHandle {
  /** The issuer URL (OIDC_ISSUER), e.g. http://127.0.0.1:41234 */
  issuer: string;
  /** Adds a person (or replaces the one with the same email). */
  addUser(user: OidcUser): void;
  close(): Promise<void>;
}

/** Marks the login form's error, so a driver can tell a refused email from the first form. */
export const UNKNOWN_EMAIL_MARK = 'data-unknown-email';

export async function startOidcProvider(options: {
  users: OidcUser[];
  clientId: string;
  clientSecret: string;
  /** Citewatch's callback: PUBLIC_BASE_URL/v1/auth/callback/oidc */
  redirectUri: string;
}): Promise<OidcProviderHandle> {
  const people = new Map<string, Required<Pick<OidcUser, 'sub'>> & OidcUser>();
  const addUser = (user: OidcUser) => {
    const sub = user.sub ?? `sub-${user.email.toLowerCase()}`;
    people.set(user.email.toLowerCase(), { ...user, sub });
  };
  for (const user of options.users) addUser(user);
  const bySub = (sub: string) => [...people.values()].find((p) => p.sub === sub);

  let provider: Provider | undefined;
  const server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((err: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`interaction failed: ${err.message}`);
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: [randomUUID()] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified', 'xms_edov', 'verified_primary_email', 'verified_secondary_email'],
      profile: ['name'],
    },
    pkce: { required: () => true },
    // Lifetimes in seconds, long enough for any test and the browser test.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 120, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: () => false,
    findAccount: async (_ctx, sub) => {
      const person = bySub(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: person.email,
          ...(person.emailVerified === null ? {} : { email_verified: person.emailVerified }),
          ...person.emailClaims,
          ...(person.name ? { name: person.name } : {}),
        }),
      };
    },
    // Consent is given for the client's scopes once the person has signed in.
    loadExistingGrant: async (ctx) => {
      const { session, client, provider: op } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) {
        const grant = await op.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new op.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', `<p role="alert">${escapeHtml(JSON.stringify(out))}</p>`);
    },
  };
  provider = new Provider(issuer, configuration);

  async function interaction(op: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await op.interactionDetails(req, res);
    if (details.prompt.name !== 'login') {
      // Any other prompt (consent) is granted: the client is the deployment's own application.
      const grant = new op.Grant({ accountId: details.session?.accountId as string, clientId: options.clientId });
      grant.addOIDCScope('openid email profile');
      await op.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        {
          mergeWithLastSubmission: true,
        },
      );
      return;
    }
    if (req.method === 'POST') {
      const email = new URLSearchParams(await readBody(req)).get('email')?.trim().toLowerCase() ?? '';
      const person = people.get(email);
      if (person) {
        await op.interactionFinished(
          req,
          res,
          { login: { accountId: person.sub } },
          {
            mergeWithLastSubmission: false,
          },
        );
        return;
      }
      return sendPage(res, 200, loginForm(details.uid, `No account at this provider for ${email}.`));
    }
    sendPage(res, 200, loginForm(details.uid));
  }

  return {
    issuer,
    addUser,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function loginForm(uid: string, error?: string): string {
  return page(
    'Sign in to the test identity provider',
    `${error ? `<p role="alert" ${UNKNOWN_EMAIL_MARK}>${escapeHtml(error)}</p>` : ''}
    <form method="post" action="/interaction/${encodeURIComponent(uid)}">
      <label>Email <input type="email" name="email" autocomplete="username" required></label>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** oidc-provider's storage (sessions, codes, grants, tokens) in a Map, expiring as asked. */
function memoryAdapter(): (name: string) => Adapter {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number | null }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry?.expiresAt && entry.expiresAt < Date.now()) store.delete(key);
    return store.get(key);
  };
  return (name) => {
    const key = (id: string) => `${name}:${id}`;
    const findBy = (match: (p: AdapterPayload) => boolean) => {
      for (const k of store.keys()) {
        if (!k.startsWith(`${name}:`)) continue;
        const entry = live(k);
        if (entry && match(entry.payload)) return entry.payload;
      }
      return undefined;
    };
    return {
      async upsert(id, payload, expiresIn) {
        store.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
      },
      async find(id) {
        return live(key(id))?.payload;
      },
      async findByUid(uid) {
        return findBy((p) => p.uid === uid);
      },
      async findByUserCode(userCode) {
        return findBy((p) => p.userCode === userCode);
      },
      async consume(id) {
        const entry = live(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [k, entry] of store) if (entry.payload.grantId === grantId) store.delete(k);
      },
    };
  };
}

/** The outcome of a single sign-on driven with fetch. */
export interface SsoOutcome {
  /** Where the browser ends up on Citewatch's site (the callbackURL, or the error page). */
  landedAt: URL;
  /** The session cookie (`name=value`) set on Citewatch's site, or null. */
  cookie: string | null;
  /** The Set-Cookie header that set it, attributes included. */
  setCookie: string | null;
  /** `error` and `error_description` of the landing address, when the sign-in failed. */
  error: string | null;
  errorDescription: string | null;
}

/**
 * Signs in to Citewatch at `appOrigin` through its single sign-on as the provider's person with
 * `email`, as a browser would: POST /v1/auth/sign-in/social, then follow every redirect, carrying
 * each site's cookies, and submit the provider's login form. Stops when the browser would land on
 * a Citewatch page outside /v1/auth.
 */
export async function signInWithSso(input: {
  appOrigin: string;
  email: string;
  callbackURL?: string;
  errorCallbackURL?: string;
}): Promise<SsoOutcome> {
  const jar = new CookieJar();
  const appHost = new URL(input.appOrigin).host;
  let setCookie: string | null = null;
  const send = async (url: URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    const lines = res.headers.getSetCookie();
    jar.store(url, lines);
    if (url.host === appHost) setCookie = lines.find((line) => /^[^=]*session_token=[^;]/.test(line)) ?? setCookie;
    return res;
  };

  const start = await send(new URL('/v1/auth/sign-in/social', input.appOrigin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: input.appOrigin },
    body: JSON.stringify({
      provider: 'oidc',
      ...(input.callbackURL ? { callbackURL: input.callbackURL } : {}),
      ...(input.errorCallbackURL ? { errorCallbackURL: input.errorCallbackURL } : {}),
    }),
  });
  if (start.status !== 200) throw new Error(`starting single sign-on failed: ${start.status} ${await start.text()}`);
  let at = new URL(((await start.json()) as { url: string }).url);
  let res = await send(at);
  let submitted = false;
  for (let hop = 0; hop < 30; hop++) {
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location') as string, at);
      await res.body?.cancel();
      if (next.origin === new URL(input.appOrigin).origin && !next.pathname.startsWith('/v1/auth/')) {
        const cookie = jar.find(next, /session_token$/);
        return {
          landedAt: next,
          cookie,
          setCookie: cookie ? setCookie : null,
          error: next.searchParams.get('error'),
          errorDescription: next.searchParams.get('error_description'),
        };
      }
      at = next;
      res = await send(at);
      continue;
    }
    const html = await res.text();
    const form = /<form[^>]*action="([^"]+)"/.exec(html);
    if (res.status !== 200 || !form || !html.includes('name="email"'))
      throw new Error(`unexpected answer from ${at.href}: ${res.status} ${html.slice(0, 500)}`);
    if (submitted && html.includes(UNKNOWN_EMAIL_MARK))
      throw new Error(`the identity provider has no person with the email ${input.email}`);
    submitted = true;
    at = new URL((form[1] as string).replace(/&amp;/g, '&'), at);
    res = await send(at, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: input.email }).toString(),
    });
  }
  throw new Error('single sign-on did not finish within 30 redirects');
}

/** Just enough of a browser's cookie store: by host and path, dropping expired cookies. */
class CookieJar {
  private cookies: Array<{ host: string; path: string; name: string; value: string }> = [];

  store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path' && val.startsWith('/')) path = val;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === 'expires' && Date.parse(attribute.slice(8)) < Date.now()) expired = true;
      }
      this.cookies = this.cookies.filter((c) => !(c.host === url.host && c.path === path && c.name === name));
      if (!expired) this.cookies.push({ host: url.host, path, name, value });
    }
  }

  private matching(url: URL) {
    return this.cookies.filter(
      (c) =>
        c.host === url.host &&
        (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
    );
  }

  header(url: URL): string {
    return this.matching(url)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  find(url: URL, name: RegExp): string | null {
    const cookie = this.matching(url).find((c) => name.test(c.name));
    return cookie ? `${cookie.name}=${cookie.value}` : null;
  }
}
