/**
 * The link-like regions of an answer as citations see them: kind, URL, label and whether the
 * link is cited. Where regions are, and the order of precedence between constructs, is
 * link-regions.ts; this file only reads each region once it is found.
 */
import { markdownTarget } from './link-syntax.js';
import {
  AUTOLINK,
  AUTOLINK_MAIL,
  AUTOLINK_WWW,
  EMAIL,
  HOST,
  IMAGE,
  labels,
  MARKDOWN,
  regions,
  scanRegions,
  URL_SCHEME,
  URL_WWW,
} from './link-regions.js';
import { inside, mergeRanges, type Range } from './ranges.js';

export type LinkKind = 'markdown' | 'image' | 'autolink' | 'url' | 'host' | 'email';

export interface LinkRegion {
  kind: LinkKind;
  /** Original [start, end) of the URL text: never a mention. */
  start: number;
  end: number;
  /** The URL as written (scheme added to "www." and bare hosts); null when nothing to cite. */
  href: string | null;
  /** Markdown link text. */
  label: string | null;
  /** Where the construct begins, for citation order. */
  order: number;
  /** False for images, e-mail addresses and URLs written as the text of a markdown link. */
  cite: boolean;
}

const KIND: Record<number, LinkKind> = {
  [MARKDOWN]: 'markdown',
  [IMAGE]: 'image',
  [AUTOLINK]: 'autolink',
  [AUTOLINK_WWW]: 'autolink',
  [AUTOLINK_MAIL]: 'email',
  [URL_SCHEME]: 'url',
  [URL_WWW]: 'url',
  [HOST]: 'host',
  [EMAIL]: 'email',
};

/** Every link-like region of the text in citation order; regions beginning inside `skip` (reasoning) are left out. */
export function scanLinks(text: string, skip: readonly Range[] = []): LinkRegion[] {
  regions.count = 0;
  scanRegions(text, skip, 0, text.length);
  // Labels of every markdown link and image, reasoning included: a URL written as a label is no citation.
  const labelRanges: Range[] = [];
  for (let k = 0; k < labels.count; k++) labelRanges.push([labels.start[k] as number, labels.end[k] as number]);
  const merged = mergeRanges(labelRanges);
  const out: LinkRegion[] = [];
  for (let k = 0; k < regions.count; k++) {
    const kind = regions.kind[k] as number;
    const start = regions.start[k] as number;
    const end = regions.end[k] as number;
    const order = regions.order[k] as number;
    const raw = text.slice(start, end);
    let href: string | null = null;
    let label: string | null = null;
    let cite = false;
    if (kind === MARKDOWN || kind === IMAGE) {
      href = markdownTarget(raw);
      label = text.slice((regions.open[k] as number) + 1, start - 2);
      cite = kind === MARKDOWN && href !== null;
    } else if (kind === AUTOLINK || kind === AUTOLINK_WWW) {
      href = kind === AUTOLINK_WWW ? `https://${raw}` : raw;
      cite = true;
    } else if (kind === URL_SCHEME || kind === URL_WWW) {
      href = kind === URL_WWW ? `https://${raw}` : raw;
      cite = (kind === URL_WWW || /^https?:\/\//i.test(raw)) && !inside(merged, start);
    } else if (kind === HOST) {
      href = `https://${raw}`;
      cite = !inside(merged, start);
    }
    out.push({ kind: KIND[kind] as LinkKind, start, end, href, label, order, cite });
  }
  return out.sort((a, b) => a.order - b.order || a.start - b.start);
}
