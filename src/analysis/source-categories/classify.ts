/**
 * A cited domain's source category: own or competitor when a brand of the workspace owns it (own
 * first), else the workspace's override, else the domain list, else the institutional suffix rules,
 * else other. Each rule matches the domain itself or any parent of it (en.wikipedia.org matches
 * wikipedia.org); within a rule the most specific match wins. Pure: the caller brings brands and overrides.
 */
import { DOMAIN_LIST, INSTITUTIONAL_SUFFIXES, type ListedCategory, type SourceCategory } from './domains.js';

export interface CategoryRules {
  /** Domains of the workspace's own brands. */
  own: ReadonlySet<string>;
  /** Domains of its competitors. */
  competitor: ReadonlySet<string>;
  /** The workspace's overrides: domain → category. */
  overrides: ReadonlyMap<string, ListedCategory>;
}

/** A hostname lower-cased, without a trailing dot or a leading "www.". */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** The host and each of its parents, most specific first: a.b.c → a.b.c, b.c, c. */
function parents(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

const SUFFIXES = new Set(INSTITUTIONAL_SUFFIXES);

export function rulesOf(
  brands: ReadonlyArray<{ kind: 'own' | 'competitor'; domains: readonly string[] }>,
  overrides: ReadonlyArray<{ domain: string; category: ListedCategory }>,
): CategoryRules {
  const own = new Set<string>();
  const competitor = new Set<string>();
  for (const b of brands) for (const d of b.domains) (b.kind === 'own' ? own : competitor).add(normalizeDomain(d));
  return { own, competitor, overrides: new Map(overrides.map((o) => [normalizeDomain(o.domain), o.category])) };
}

export function categorize(domain: string, rules: CategoryRules): SourceCategory {
  const chain = parents(normalizeDomain(domain));
  for (const d of chain) {
    if (rules.own.has(d)) return 'own';
    if (rules.competitor.has(d)) return 'competitor';
  }
  for (const d of chain) {
    const o = rules.overrides.get(d);
    if (o) return o;
  }
  for (const d of chain) {
    const listed = DOMAIN_LIST.get(d);
    if (listed) return listed;
  }
  // The registrable part alone (gov, ac.uk) is never a cited domain, so every parent counts.
  return chain.some((d) => SUFFIXES.has(d)) ? 'institutional' : 'other';
}

/** A categorizer with its answers remembered, for reports that classify many domains. */
export function categorizer(rules: CategoryRules): (domain: string) => SourceCategory {
  const memo = new Map<string, SourceCategory>();
  return (domain) => {
    let c = memo.get(domain);
    if (!c) {
      c = categorize(domain, rules);
      memo.set(domain, c);
    }
    return c;
  };
}
