/**
 * Links to Citewatch for people (email above all): always on PUBLIC_BASE_URL, never on a host a
 * request named. A reset link built from a forged Host header would hand the token to whoever
 * owns that host, so a PublicLink can only come from here.
 */

/** A URL on PUBLIC_BASE_URL, made by publicUrl or publicLinkFrom. */
export type PublicLink = string & { readonly __publicLink: true };

/** Query parameters; undefined values are left out. */
export type LinkParams = Readonly<Record<string, string | number | undefined>>;

/**
 * `base` + `path` + `?params`. `path` is relative to the base (starts with one "/", e.g.
 * "/verify-email"); anything that could leave it (a scheme, "//host", a backslash, "..") or that
 * carries its own query or fragment is refused with an Error: parameters go in `params`, encoded
 * here. `base` is the loaded PUBLIC_BASE_URL (no trailing slash, a path prefix allowed).
 */
export function publicUrl(base: string, path: string, params: LinkParams = {}): PublicLink {
  if (!/^\/(?![/\\])/.test(path))
    throw new Error(`link path must start with a single "/", got ${JSON.stringify(path)}`);
  if (/[\\?#\s]|\p{Cc}/u.test(path)) {
    throw new Error(`link path must be a plain path (parameters go in params), got ${JSON.stringify(path)}`);
  }
  if (path.split('/').some((segment) => segment === '..' || segment === '.' || /^%2e/i.test(segment))) {
    throw new Error(`link path must not contain . or .. segments, got ${JSON.stringify(path)}`);
  }
  const baseUrl = new URL(base);
  const url = new URL(`${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString() as PublicLink;
}

/**
 * An absolute URL someone else built (an authentication library's verification link), accepted
 * only when it lies under `base`: same scheme, host and port, and a path inside base's path.
 * Otherwise an Error, since mailing it could send a token elsewhere.
 */
export function publicLinkFrom(base: string, absolute: string): PublicLink {
  const baseUrl = new URL(base);
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    throw new Error('link is not an absolute URL');
  }
  const prefix = baseUrl.pathname.replace(/\/+$/, '');
  const inside = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  if (url.origin !== baseUrl.origin || !inside || url.username || url.password) {
    throw new Error(`link ${url.origin}${url.pathname} is not under PUBLIC_BASE_URL (${base})`);
  }
  return url.toString() as PublicLink;
}

/**
 * A page of the web dashboard that finishes a flow begun by email, with its token:
 * /dashboard/?page=<page>&token=<token>. The dashboard opens the page and drops the token from the
 * address bar.
 */
export function dashboardLink(
  base: string,
  page: 'reset-password' | 'invitation' | 'unsubscribe',
  token: string,
): PublicLink {
  return publicUrl(base, '/dashboard/', { page, token });
}

/** A route of the web dashboard (hash routing, e.g. "/w/<id>/runs?run=<id>"), on PUBLIC_BASE_URL. */
export function dashboardRoute(base: string, route: string): PublicLink {
  if (!route.startsWith('/') || /[\s#]/.test(route))
    throw new Error(`dashboard route must start with "/", got ${JSON.stringify(route)}`);
  return `${publicUrl(base, '/dashboard/')}#${route}` as PublicLink;
}
