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
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'srsltid', '_ga', '_gl', 'oly_anon_id',
  'oly_enc_id', 'vero_id', 'vero_conv', 'rb_clickid', 's_cid', 'ref_src', 'spm', 'trk', 'trkcampaign', 'sc_cid',
  'epik', 'ncid', 'cmpid', 'wt_mc', 'wt.mc_id', 'at_medium', 'at_campaign', 'mkwid', 'pcrid',
]);

export interface NormalizedUrl {
  url: string;
  /** Lower-case host without a trailing dot. */
  host: string;
  /** Registrable domain, or the host itself for IP addresses and single-label hosts. */
  domain: string;
}

const TRACKING_HINT = /[?&](?:utm_|gclid|gclsrc|dclid|gbraid|wbraid|fbclid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_|_hs|hsctatracking|mkt_tok|srsltid|_ga|_gl|oly_|vero_|rb_clickid|s_cid|ref_src|spm|trk|sc_cid|epik|ncid|cmpid|wt|at_|mkwid|pcrid)/i;

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
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const eq = pair.indexOf('=');
      return pair.length > 0 && !isTracking(eq < 0 ? pair : pair.slice(0, eq));
    });
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * Normalizes an http(s) URL as written in an answer or given by a provider; null for anything
 * else. `trimmed` says the URL was already cut from the text (links found in the answer).
 */
export function normalizeUrl(raw: string, trimmed = false): NormalizedUrl | null {
  let s = raw.trim();
  if (s.includes('&amp;')) s = s.replace(/&amp;/g, '&');
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1);
  if (!trimmed) s = s.slice(0, urlEnd(s, 0, 0));
  if (!s) return null;
  if (s.startsWith('//')) s = `https:${s}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) s = `https://${s}`;
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

export function isGroundingRedirect(host: string, url: string): boolean {
  return host === 'vertexaisearch.cloud.google.com' && url.includes('/grounding-api-redirect/');
}

/** The host a grounding chunk title names ("hubspot.com", "www.bbc.co.uk"), or null for a page title. */
export function hostFromTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/?#].*$/, '').replace(/\.$/, '');
  if (!/^[a-z0-9\u00c0-\uffff-]+(?:\.[a-z0-9\u00c0-\uffff-]+)+$/.test(t)) return null;
  const parsed = parseDomain(t, { allowPrivateDomains: true });
  if (!parsed.domain || !(parsed.isIcann || parsed.isPrivate) || !parsed.hostname) return null;
  return parsed.hostname;
}
