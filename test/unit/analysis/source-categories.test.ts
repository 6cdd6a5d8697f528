import { describe, expect, it } from 'vitest';
import {
  categorize,
  categorizer,
  DOMAIN_LIST,
  DOMAIN_LIST_VERSION,
  LISTED_CATEGORIES,
  rulesOf,
} from '../../../src/analysis/source-categories/index.js';

const none = rulesOf([], []);

describe('source categories', () => {
  it('classifies well-known domains from the list', () => {
    expect(categorize('reddit.com', none)).toBe('forum');
    expect(categorize('stackoverflow.com', none)).toBe('forum');
    expect(categorize('youtube.com', none)).toBe('video');
    expect(categorize('linkedin.com', none)).toBe('social');
    expect(categorize('g2.com', none)).toBe('review');
    expect(categorize('nytimes.com', none)).toBe('news');
    expect(categorize('wikipedia.org', none)).toBe('reference');
    expect(categorize('iso.org', none)).toBe('institutional');
    expect(categorize('amazon.de', none)).toBe('marketplace');
    expect(categorize('example-unknown-vendor.io', none)).toBe('other');
  });

  it('matches subdomains on their listed parent, ignoring case and www.', () => {
    expect(categorize('en.wikipedia.org', none)).toBe('reference');
    expect(categorize('fr.m.wikipedia.org', none)).toBe('reference');
    expect(categorize('WWW.YouTube.com', none)).toBe('video');
    expect(categorize('old.reddit.com.', none)).toBe('forum');
    // a lookalike is not a subdomain
    expect(categorize('notreddit.com', none)).toBe('other');
  });

  it('classifies government, education and international suffixes as institutional', () => {
    for (const d of ['census.gov', 'nasa.gov', 'mit.edu', 'who.int', 'ons.gov.uk', 'ox.ac.uk', 'impots.gouv.fr'])
      expect(categorize(d, none), d).toBe('institutional');
    expect(categorize('cs.stanford.edu', none)).toBe('institutional');
    // a suffix must be whole labels
    expect(categorize('mygov.com', none)).toBe('other');
    expect(categorize('education.com', none)).toBe('other');
  });

  it('lets a workspace override the list, on a domain and its subdomains', () => {
    const rules = rulesOf(
      [],
      [
        { domain: 'reddit.com', category: 'social' },
        { domain: 'Unknown-Vendor.io', category: 'review' },
        { domain: 'docs.python.org', category: 'other' },
      ],
    );
    expect(categorize('reddit.com', rules)).toBe('social');
    expect(categorize('old.reddit.com', rules)).toBe('social');
    expect(categorize('unknown-vendor.io', rules)).toBe('review');
    expect(categorize('docs.python.org', rules)).toBe('other');
    expect(categorize('quora.com', rules)).toBe('forum');
  });

  it('gives own and competitor brands’ domains precedence over overrides, the list and suffixes', () => {
    const rules = rulesOf(
      [
        { kind: 'own', domains: ['acme.com', 'youtube.com'] },
        { kind: 'competitor', domains: ['globex.com', 'acme.com', 'stanford.edu'] },
      ],
      [
        { domain: 'acme.com', category: 'news' },
        { domain: 'globex.com', category: 'forum' },
      ],
    );
    expect(categorize('acme.com', rules)).toBe('own'); // own wins over competitor too
    expect(categorize('blog.acme.com', rules)).toBe('own');
    expect(categorize('youtube.com', rules)).toBe('own');
    expect(categorize('globex.com', rules)).toBe('competitor');
    expect(categorize('cs.stanford.edu', rules)).toBe('competitor');
    expect(categorize('mit.edu', rules)).toBe('institutional');
  });

  it('remembers answers without changing them', () => {
    const c = categorizer(none);
    expect(c('reddit.com')).toBe('forum');
    expect(c('reddit.com')).toBe('forum');
    expect(c('nasa.gov')).toBe('institutional');
  });

  it('keeps a versioned list of a few hundred valid, lower-case domains in listed categories', () => {
    expect(Number.isInteger(DOMAIN_LIST_VERSION) && DOMAIN_LIST_VERSION >= 1).toBe(true);
    expect(DOMAIN_LIST.size).toBeGreaterThan(300);
    for (const [d, c] of DOMAIN_LIST) {
      expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(LISTED_CATEGORIES).toContain(c);
    }
    for (const c of LISTED_CATEGORIES.filter((x) => x !== 'other'))
      expect([...DOMAIN_LIST.values()].filter((v) => v === c).length, c).toBeGreaterThan(10);
  });
});
