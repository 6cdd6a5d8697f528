/**
 * Citations of one answer, in order: the provider's annotations (inline citations, grounding
 * chunks, SERP references) sorted by where they sit in the text, then the links written in the
 * text, then the sources the provider retrieved but the answer did not cite. One citation per
 * normalized URL: the first occurrence wins.
 */
import type { CompiledBrands } from './compile.js';
import { scanLinks, type LinkRegion } from './links.js';
import { thinkRanges } from './structure.js';
import type { AnswerInput, CitationFact, CitationSourceKind } from './types.js';
import {
  hostFromTitle,
  isGroundingRedirect,
  normalizeUrl,
  registrableDomain,
  type NormalizedUrl,
  UNRESOLVED_GROUNDING_DOMAIN,
} from './url-normalize.js';

/** Brand owning a host: the brand with that host among its domains, the most specific one winning. */
export function ownerOf(brands: CompiledBrands, host: string): string | null {
  let h = host.startsWith('www.') ? host.slice(4) : host;
  for (;;) {
    const owner = brands.domainOwners.get(h);
    if (owner !== undefined) return brands.brands[owner]?.id ?? null;
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
}

/**
 * Whether an ASCII label is plain text (the test below, for ASCII, without its Unicode classes):
 * a letter or digit first, then runs of characters other than spaces, emphasis and brackets,
 * one space apart, and a letter somewhere. Null when the label is not all ASCII.
 */
function plainAsciiLabel(label: string): boolean | null {
  const n = label.length;
  if (n === 0) return false;
  let letter = false;
  let space = false;
  for (let k = 0; k < n; k++) {
    const c = label.charCodeAt(k);
    if (c >= 128) return null;
    const lower = c | 32;
    const isLetter = lower >= 97 && lower <= 122;
    if (k === 0 && !isLetter && !(c >= 48 && c <= 57)) return false;
    if (isLetter) letter = true;
    if (c === 32) {
      if (space) return false; // two spaces in a row
      space = true;
      continue;
    }
    space = false;
    // Emphasis, brackets and other whitespace (\s in ASCII: tab, line feed, vertical tab, form feed, carriage return).
    if (c === 42 || c === 95 || c === 96 || c === 91 || c === 93 || (c >= 9 && c <= 13)) return false;
  }
  return !space && letter;
}

/** A markdown link text as a title: emphasis and brackets stripped; footnote numbers are no title. */
function titleFromLabel(label: string | null): string | null {
  if (label === null) return null;
  const plain = plainAsciiLabel(label);
  if (plain === true) return label;
  if (plain === null && /^[\p{L}\p{N}][^*_`[\]\s]*(?: [^*_`[\]\s]+)*$/u.test(label) && /\p{L}/u.test(label))
    return label; // plain text: as is
  const t = label
    .replace(/[*_`]+/g, '')
    .replace(/^\[+|\]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length === 0 || /^[\d\s.,;:()[\]†-]+$/.test(t) ? null : t;
}

// Citations of recent answers by the URL as given. A run's answers cite the same sites again and
// again, and normalizeUrl depends on the URL alone, so this changes no output; cleared when full.
const NORMALIZED = new Map<string, NormalizedUrl | null>();

function normalizedCitation(url: string): NormalizedUrl | null {
  let norm = NORMALIZED.get(url);
  if (norm === undefined) {
    // Links were cut from the text already, and structured fields hold the whole URL: neither is cut again.
    norm = normalizeUrl(url, true);
    if (NORMALIZED.size >= 10_000) NORMALIZED.clear();
    NORMALIZED.set(url, norm);
  }
  return norm;
}

interface Candidate {
  url: string;
  title: string | null;
  source: CitationSourceKind;
}

export function citationsFrom(
  answer: AnswerInput,
  brands: CompiledBrands,
  regions: readonly LinkRegion[],
): CitationFact[] {
  const candidates: Candidate[] = [];
  const annotations = (answer.citations ?? []).map((c, k) => ({ c, k }));
  annotations.sort(
    (a, b) => (a.c.start ?? Number.MAX_SAFE_INTEGER) - (b.c.start ?? Number.MAX_SAFE_INTEGER) || a.k - b.k,
  );
  for (const { c } of annotations) candidates.push({ url: c.url, title: c.title, source: 'annotation' });
  for (const r of regions) {
    if (r.cite && r.href) candidates.push({ url: r.href, title: titleFromLabel(r.label), source: 'link' });
  }
  for (const s of answer.sources ?? []) candidates.push({ url: s.url, title: s.title, source: 'search_result' });

  const seen = new Set<string>();
  const out: CitationFact[] = [];
  for (const cand of candidates) {
    const norm = normalizedCitation(cand.url);
    if (!norm || seen.has(norm.url)) continue;
    seen.add(norm.url);
    let host: string | null = norm.host;
    let domain = norm.domain;
    if (isGroundingRedirect(norm.host, norm.url)) {
      // The redirect host is Google's; the chunk title usually names the real site.
      host = hostFromTitle(cand.title);
      domain = host ? registrableDomain(host) : UNRESOLVED_GROUNDING_DOMAIN;
    }
    out.push({
      position: out.length + 1,
      url: norm.url,
      domain,
      title: cand.title,
      source: cand.source,
      brandId: host ? ownerOf(brands, host) : null,
    });
  }
  return out;
}

/** Citations of an answer on their own (the link scan is shared when analyzeAnswer calls citationsFrom). */
export function extractCitations(answer: AnswerInput, brands: CompiledBrands): CitationFact[] {
  return citationsFrom(answer, brands, scanLinks(answer.text, thinkRanges(answer.text)));
}
