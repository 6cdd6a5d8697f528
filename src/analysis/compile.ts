/**
 * Compiling a brand set: every name and alias is folded and split into word tokens, and all of
 * them go into one trie whose edges are token hashes, stored in a flat open-addressing table.
 * Matching an answer then costs one table probe per word of the answer, whatever the number of
 * brands: no per-brand scan, no regular expression.
 */
import type { BrandDefinition } from './types.js';
import { canonicalize } from './fold.js';
import { filterBit, hashString, tokenize } from './tokens.js';

export interface CompiledAlias {
  brandIndex: number;
  /** The name or alias as written in the brand definition. */
  written: string;
  /** Folded, lower-cased word tokens. */
  tokens: string[];
  /** Canonical separators between tokens (whitespace runs collapsed to one space). */
  seps: string[];
  /** Non-word characters that belong to the name before the first and after the last token (".NET", "C++"). */
  lead: string;
  trail: string;
  /** Canonical form with letter case kept, for case-sensitive brands; null otherwise. */
  cased: string | null;
}

export interface CompiledBrand {
  index: number;
  id: string;
  name: string;
  caseSensitive: boolean;
}

export interface CompiledBrands {
  readonly brands: readonly CompiledBrand[];
  readonly aliases: readonly CompiledAlias[];
  /** Trie edges, 4 ints per slot (parent node, token hash, child node or -1 when empty, unused): one cache line per probe. */
  readonly edges: Int32Array;
  /** Slot count - 1 (a power of two). */
  readonly mask: number;
  /** Bit set over first-token hashes (see filterBit; its length a power of two): most words of an answer are no brand's first word. */
  readonly rootFilter: Uint8Array;
  /** First alias id ending at each trie node (-1: none); the next ones through aliasNext. */
  readonly terminalFirst: Int32Array;
  /** Next alias id ending at the same node (-1: none). */
  readonly aliasNext: Int32Array;
  /** Owned host (lower-case, punycode, no "www.") → brand index. */
  readonly domainOwners: ReadonlyMap<string, number>;
}

function slotOf(parent: number, hash: number, mask: number): number {
  let x = Math.imul(hash ^ Math.imul(parent + 1, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 15;
  return x & mask;
}

/** Child of `parent` along the token hash, or -1. */
export function edge(c: CompiledBrands, parent: number, hash: number): number {
  const edges = c.edges;
  let slot = slotOf(parent, hash, c.mask);
  for (;;) {
    const at = slot << 2;
    const child = edges[at + 2] as number;
    if (child < 0) return -1;
    if (edges[at + 1] === hash && edges[at] === parent) return child;
    slot = (slot + 1) & c.mask;
  }
}

function parseAlias(written: string, brandIndex: number, caseSensitive: boolean): CompiledAlias | null {
  const canon = canonicalize(written, true);
  const toks = tokenize(canon, true);
  if (toks.count === 0) return null;
  const tokens: string[] = [];
  const seps: string[] = [];
  for (let k = 0; k < toks.count; k++) {
    tokens.push(canon.slice(toks.start[k], toks.end[k]));
    if (k > 0) seps.push(canon.slice(toks.end[k - 1], toks.start[k]));
  }
  return {
    brandIndex,
    written,
    tokens,
    seps,
    lead: canon.slice(0, toks.start[0]),
    trail: canon.slice(toks.end[toks.count - 1]),
    cased: caseSensitive ? canonicalize(written, false) : null,
  };
}

/** Host of a domain as users write it ("HubSpot.com", "https://www.hubspot.com/"), or null. */
export function ownedHost(domain: string): string | null {
  const trimmed = domain.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = url.hostname.replace(/\.$/, '');
    return host.startsWith('www.') ? host.slice(4) : host;
  } catch {
    return null;
  }
}

export function compileBrands(brands: readonly BrandDefinition[]): CompiledBrands {
  const compiled: CompiledBrand[] = [];
  const aliases: CompiledAlias[] = [];
  const domainOwners = new Map<string, number>();
  brands.forEach((b, index) => {
    const caseSensitive = b.caseSensitive === true;
    compiled.push({ index, id: b.id, name: b.name, caseSensitive });
    const seen = new Set<string>();
    for (const written of [b.name, ...(b.aliases ?? [])]) {
      const alias = parseAlias(written, index, caseSensitive);
      if (!alias) continue;
      const key =
        alias.cased ?? alias.lead + alias.tokens.map((t, k) => (k ? alias.seps[k - 1] : '') + t).join('') + alias.trail;
      if (seen.has(key)) continue;
      seen.add(key);
      aliases.push(alias);
    }
    for (const d of b.domains ?? []) {
      const host = ownedHost(d);
      if (host && !domainOwners.has(host)) domainOwners.set(host, index);
    }
  });

  let edgeCount = 0;
  for (const a of aliases) edgeCount += a.tokens.length;
  let size = 16;
  while (size < edgeCount * 2) size *= 2;
  const mask = size - 1;
  const edges = new Int32Array(size * 4);
  for (let slot = 0; slot < size; slot++) edges[slot * 4 + 2] = -1;
  const firsts: number[] = [-1];
  const aliasNext = new Int32Array(aliases.length).fill(-1);
  const lastAt: number[] = [-1];
  let bits = 1 << 12;
  while (bits < aliases.length * 32 && bits < 1 << 19) bits *= 2;
  const rootFilter = new Uint8Array(bits >>> 3);
  const filterMask = bits - 1;
  const table = { edges, mask } as CompiledBrands;
  aliases.forEach((alias, id) => {
    let node = 0;
    for (const tok of alias.tokens) {
      const hash = hashString(tok);
      if (node === 0) {
        const bit = filterBit(hash, filterMask);
        const at = bit >>> 3;
        rootFilter[at] = (rootFilter[at] ?? 0) | (1 << (bit & 7));
      }
      let child = edge(table, node, hash);
      if (child < 0) {
        child = firsts.length;
        firsts.push(-1);
        lastAt.push(-1);
        let slot = slotOf(node, hash, mask);
        while ((edges[slot * 4 + 2] as number) >= 0) slot = (slot + 1) & mask;
        edges[slot * 4] = node;
        edges[slot * 4 + 1] = hash;
        edges[slot * 4 + 2] = child;
      }
      node = child;
    }
    // Aliases ending at a node stay in definition order.
    if ((firsts[node] as number) < 0) firsts[node] = id;
    else aliasNext[lastAt[node] as number] = id;
    lastAt[node] = id;
  });
  const terminalFirst = Int32Array.from(firsts);
  return { brands: compiled, aliases, edges, mask, rootFilter, terminalFirst, aliasNext, domainOwners };
}
