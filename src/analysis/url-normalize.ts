/**
 * One spelling per cited page: WHATWG URL parsing (lower-case host, punycode, default port
 * dropped), no fragment, no tracking parameters, no trailing sentence punctuation. Registrable
 * domains come from the public suffix list through tldts, private section included, so
 * "alice.github.io" and "bob.github.io" are different sites, as they are for browsers.
 */
import { getDomain, parse as parseDomain } from 'tldts';
import { urlEnd } from './link-syntax.js';

/**
 * Domain reported for a Google grounding redirect whose title does not name a site. The real
 * site is unknown without following the redirect (analysis does no I/O) and the redirect host is
 * Google's, never the cited site. ".invalid" is reserved (RFC 2606): it can never be a real
 * domain, groups these citations together in reports, and reads plainly in them.
 */
export const UNRESOLVED_GROUNDING_DOMAIN = 'unresolved-grounding.invalid';

const TRACKING = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'fbclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'mkt_tok',
  'srsltid',
  '_ga',
  '_gl',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'rb_clickid',
  's_cid',
  'ref_src',
  'spm',
  'trk',
  'trkcampaign',
  'sc_cid',
  'epik',
  'ncid',
  'cmpid',
  'wt_mc',
  'wt.mc_id',
  'at_medium',
  'at_campaign',
  'mkwid',
  'pcrid',
]);

export interface NormalizedUrl {
  url: string;
  /** Lower-case host without a trailing dot. */
  host: string;
  /** Registrable domain, or the host itself for IP addresses and single-label hosts. */
  domain: string;
}

const TRACKING_HINT =
  /[?&](?:utm_|gclid|gclsrc|dclid|gbraid|wbraid|fbclid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_|_hs|hsctatracking|mkt_tok|srsltid|_ga|_gl|oly_|vero_|rb_clickid|s_cid|ref_src|spm|trk|sc_cid|epik|ncid|cmpid|wt|at_|mkwid|pcrid)/i;

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || TRACKING.has(k);
}

// Registrable domains of recently seen hosts. Citations repeat the same few hosts across answers,
// and a lookup costs far less than walking the suffix list. The result depends on the host alone,
// so the cache changes no output; it is cleared when full rather than grown without bound.
const DOMAIN_CACHE = new Map<string, string>();

export function registrableDomain(host: string): string {
  let domain = DOMAIN_CACHE.get(host);
  if (domain === undefined) {
    domain = getDomain(host, { allowPrivateDomains: true, extractHostname: false }) ?? host;
    if (DOMAIN_CACHE.size >= 10_000) DOMAIN_CACHE.clear();
    DOMAIN_CACHE.set(host, domain);
  }
  return domain;
}

/** The query string without tracking parameters ("" when nothing is left). Other parameters keep their order and spelling. */
function withoutTracking(search: string): string {
  if (!TRACKING_HINT.test(search)) return search;
  // The "&"-separated pairs after "?", empty ones dropped, read in place rather than split.
  let out = '';
  const n = search.length;
  for (let from = 1; from <= n; ) {
    let amp = search.indexOf('&', from);
    if (amp < 0) amp = n;
    if (amp > from) {
      const eq = search.indexOf('=', from);
      if (!isTracking(search.slice(from, eq < 0 || eq > amp ? amp : eq)))
        out += (out.length > 0 ? '&' : '?') + search.slice(from, amp);
    }
    from = amp + 1;
  }
  return out;
}

/**
 * Normalizes an http(s) URL as written in an answer or given by a provider; null for anything
 * else. `whole` says the string is the URL in full: a link already cut from the text, or a
 * provider's structured citation field, kept whole (spaces and the like percent-encoded, as the
 * WHATWG parser does). Otherwise the URL ends where the text scanner would end it.
 */
export function normalizeUrl(raw: string, whole = false): NormalizedUrl | null {
  let s = raw.trim();
  if (s.includes('&amp;')) s = s.replace(/&amp;/g, '&');
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1);
  if (!whole) s = s.slice(0, urlEnd(s, 0, 0));
  if (!s) return null;
  if (s.startsWith('//')) s = `https:${s}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) s = `https://${s}`;
  const simple = simpleUrl(s);
  if (simple !== null) return simple;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  // A host without a dot is a word mistaken for a URL (or an intranet name): not a citation.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !/[.:]/.test(host)) return null;
  // Built from the parts rather than through URL setters (each setter parses the URL again);
  // credentials and the fragment are dropped.
  const href = `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${url.pathname}${url.search ? withoutTracking(url.search) : ''}`;
  return { url: href, host, domain: registrableDomain(host) };
}

// The characters a simple URL's host, path and query may hold (simpleUrl): those the WHATWG
// parser copies as they are. Not "%" (an encoded dot is a dot segment), "\\" (read as "/"),
// "'" (encoded in a query), spaces, controls, non-ASCII, "@" and ":" in the host (credentials, port).
const HOST_UNIT = 1;
const PATH_UNIT = 2;
const QUERY_UNIT = 4;
const SIMPLE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-z0-9.-]/i.test(ch)) SIMPLE[c] = HOST_UNIT | PATH_UNIT | QUERY_UNIT;
  else if ('_~!$&()*+,;=:@/'.includes(ch)) SIMPLE[c] = PATH_UNIT | QUERY_UNIT;
}
SIMPLE[39] = PATH_UNIT; // '
SIMPLE[63] = QUERY_UNIT; // ? inside the query

/** Whether host[from, to) is a label the WHATWG host parser keeps as it is, once lower-cased. */
function plainLabel(s: string, from: number, to: number): boolean {
  if (to === from || to - from > 63) return false;
  // "xn--" labels are Punycode, which the parser validates.
  const c0 = s.charCodeAt(from) | 32;
  return !(
    to - from >= 4 &&
    c0 === 120 &&
    (s.charCodeAt(from + 1) | 32) === 110 &&
    s.charCodeAt(from + 2) === 45 &&
    s.charCodeAt(from + 3) === 45
  );
}

/**
 * The normalized form of an http(s) URL made of characters the WHATWG parser keeps as they are:
 * the result new URL() gives, without parsing. Null for anything else (ports, credentials, IP
 * addresses, non-ASCII or Punycode hosts, percent signs, dot segments…), which takes the parser.
 */
function simpleUrl(s: string): NormalizedUrl | null {
  let p: number;
  let protocol: string;
  const c0 = s.charCodeAt(0) | 32;
  if (c0 !== 104 || (s.charCodeAt(1) | 32) !== 116 || (s.charCodeAt(2) | 32) !== 116 || (s.charCodeAt(3) | 32) !== 112)
    return null;
  if (s.charCodeAt(4) === 58) {
    protocol = 'http:';
    p = 5;
  } else if ((s.charCodeAt(4) | 32) === 115 && s.charCodeAt(5) === 58) {
    protocol = 'https:';
    p = 6;
  } else return null;
  if (s.charCodeAt(p) !== 47 || s.charCodeAt(p + 1) !== 47) return null;
  p += 2;
  const n = s.length;
  // Host: dot-separated labels of letters, digits and hyphens, the last one starting with a
  // letter (so never an IPv4 address), no empty label and no trailing dot.
  const hostStart = p;
  let label = p;
  let dots = 0;
  let upper = false;
  for (; p < n; p++) {
    const c = s.charCodeAt(p);
    if (c === 47 || c === 63 || c === 35) break;
    if (c >= 128 || ((SIMPLE[c] as number) & HOST_UNIT) === 0) return null;
    if (c === 46) {
      if (!plainLabel(s, label, p)) return null;
      dots++;
      label = p + 1;
    } else if (c >= 65 && c <= 90) upper = true;
  }
  if (dots === 0 || p - hostStart > 253 || !plainLabel(s, label, p)) return null;
  const last = s.charCodeAt(label) | 32;
  if (last < 97 || last > 122) return null;
  let host = s.slice(hostStart, p);
  if (upper) host = host.toLowerCase();
  // Path: no dot segments ("." or ".."), which the parser removes.
  const pathStart = p;
  let segment = p;
  for (; p < n; p++) {
    const c = s.charCodeAt(p);
    if (c === 63 || c === 35) break;
    if (c >= 128 || ((SIMPLE[c] as number) & PATH_UNIT) === 0) return null;
    if (c === 47) {
      if (isDotSegment(s, segment, p)) return null;
      segment = p;
    }
  }
  if (isDotSegment(s, segment, p)) return null;
  const pathname = p === pathStart ? '/' : s.slice(pathStart, p);
  let search = '';
  if (s.charCodeAt(p) === 63) {
    const queryStart = p;
    for (p++; p < n; p++) {
      const c = s.charCodeAt(p);
      if (c === 35) break;
      if (c >= 128 || ((SIMPLE[c] as number) & QUERY_UNIT) === 0) return null;
    }
    // A lone "?" is no query.
    if (p > queryStart + 1) search = withoutTracking(s.slice(queryStart, p));
  }
  // Whatever follows "#" is the fragment, dropped.
  return { url: `${protocol}//${host}${pathname}${search}`, host, domain: registrableDomain(host) };
}

/** Whether the path segment after the "/" at `slash`, up to `end`, is "." or "..". */
function isDotSegment(s: string, slash: number, end: number): boolean {
  const len = end - slash - 1;
  return (
    (len === 1 && s.charCodeAt(slash + 1) === 46) ||
    (len === 2 && s.charCodeAt(slash + 1) === 46 && s.charCodeAt(slash + 2) === 46)
  );
}

export function isGroundingRedirect(host: string, url: string): boolean {
  return host === 'vertexaisearch.cloud.google.com' && url.includes('/grounding-api-redirect/');
}

/** The host a grounding chunk title names ("hubspot.com", "www.bbc.co.uk"), or null for a page title. */
export function hostFromTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
  if (!/^[a-z0-9\u00c0-\uffff-]+(?:\.[a-z0-9\u00c0-\uffff-]+)+$/.test(t)) return null;
  const parsed = parseDomain(t, { allowPrivateDomains: true });
  if (!parsed.domain || !(parsed.isIcann || parsed.isPrivate) || !parsed.hostname) return null;
  return parsed.hostname;
}
