/**
 * Deterministic material for the analysis benchmark: a universe of plausible brand names and
 * realistic ~5 KB assistant answers (recommendation lists, comparison tables, links with tracking
 * parameters, typographic punctuation, accents, emoji) that name brands of a given set.
 */
import type { BrandDefinition } from '../../src/analysis/index.js';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

const HEADS = [
  'Bright',
  'Nord',
  'Zen',
  'Kal',
  'Vex',
  'Lum',
  'Quant',
  'Sol',
  'Terra',
  'Astra',
  'Nimb',
  'Cobal',
  'Ver',
  'Orb',
  'Pix',
  'Fluxi',
  'Mira',
  'Tali',
  'Corv',
  'Hel',
  'Ryn',
  'Ondo',
  'Sava',
  'Brio',
  'Kesto',
  'Vallo',
  'Fenn',
  'Juno',
  'Primo',
  'Axi',
  'Élan',
  'Öko',
  'Bréa',
  'Zéphyr',
  'Lyr',
  'Tessel',
  'Grav',
  'Oak',
  'Indi',
  'Polar',
];
const TAILS = [
  'ly',
  'io',
  'loom',
  'flow',
  'stack',
  'desk',
  'hub',
  'wise',
  'forge',
  'base',
  'mint',
  'path',
  'grid',
  'nest',
  'wave',
  'beam',
  'kit',
  'lane',
  'crest',
  'scale',
  'tide',
  'yard',
  'pulse',
  'ra',
  'vo',
  'ix',
  'era',
  'oto',
  'umi',
  'ora',
];
const SECONDS = [
  'Analytics',
  'Cloud',
  'CRM',
  'Labs',
  'Studio',
  'Pay',
  'Health',
  'Bank',
  'Insights',
  'Security',
  'Mail',
  'Docs',
  'HR',
  'Logistics',
  'Assurances',
  'Conseil',
  'Énergie',
  'Santé',
];

/** `count` distinct brand names; about a third with a second word, a fifth with an alias. */
export function brandUniverse(count: number, seed = 7): BrandDefinition[] {
  const r = rng(seed);
  const seen = new Set<string>();
  const out: BrandDefinition[] = [];
  while (out.length < count) {
    let name = pick(r, HEADS) + pick(r, TAILS);
    if (r() < 0.5) name += pick(r, TAILS);
    if (r() < 0.35) name += ` ${pick(r, SECONDS)}`;
    const key = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const slug = key.replace(/[^a-z0-9]+/g, '');
    const brand: BrandDefinition = { id: `b${out.length}`, name, domains: [`${slug}.com`] };
    if (r() < 0.2) {
      const words = name.split(' ');
      brand.aliases = [words.length > 1 ? `${words.map((w) => w[0]).join('')}X` : `${name}HQ`];
    }
    out.push(brand);
  }
  return out;
}

const FILLER = [
  'Choosing the right tool depends on your team size, your budget and the integrations you rely on every day.',
  'Most vendors offer a free trial, so it’s worth testing two or three options on a real project before committing.',
  'Pricing usually scales per seat, and annual billing tends to cut the monthly cost by 15–20%.',
  'If you work with agencies or freelancers, check how guest access and permissions are handled.',
  'Security reviews often focus on SSO, audit logs and where the data is hosted (EU vs. US regions).',
  'Le choix dépend aussi de la qualité du support et de la disponibilité d’une interface en français.',
  'Reporting dashboards are where these platforms differ the most — some are very flexible, others rigid.',
  'Migration can take a few weeks 🚀, so plan an import of historical data and a short training session.',
];
const GOOD = [
  'is widely praised for its intuitive interface',
  'offers excellent automation and reliable integrations',
  'stands out for its great customer support',
  'is a solid, affordable choice for small teams',
];
const BAD = [
  'can be expensive and has a steep learning curve',
  'is criticised for slow performance on large accounts',
  'has limited reporting compared with its rivals',
];
const NEUTRAL = [
  'covers the basics of project tracking',
  'is often compared on pricing and integrations',
  'offers a mobile app and an open API',
];
const SITES = [
  'www.g2.com',
  'www.capterra.com',
  'www.techradar.com',
  'www.lemonde.fr',
  'www.bbc.co.uk',
  'www.abc.net.au',
];

function describe(r: () => number): string {
  const x = r();
  return pick(r, x < 0.5 ? GOOD : x < 0.75 ? NEUTRAL : BAD);
}

/** One answer of about `size` characters naming brands of `brands`. */
export function answer(brands: readonly BrandDefinition[], r: () => number, size = 5000): string {
  const chosen = Array.from({ length: 12 }, () => pick(r, brands));
  const parts: string[] = ['Here are the platforms most often recommended for growing teams in 2026:', ''];
  chosen.slice(0, 6).forEach((b, i) => {
    parts.push(`${i + 1}. **${b.name}** — ${describe(r)}. ${pick(r, FILLER)}`);
  });
  parts.push('', '| Tool | Best for | Starting price |', '|---|---|---|');
  for (const b of chosen.slice(6, 10))
    parts.push(`| ${b.name} | ${pick(r, ['startups', 'enterprises', 'agencies'])} | $${Math.floor(r() * 50) + 5}/mo |`);
  parts.push('');
  let k = 10;
  let text = parts.join('\n');
  while (text.length < size - 400) {
    const b = chosen[k++ % chosen.length] as BrandDefinition;
    const site = pick(r, SITES);
    const link =
      r() < 0.5
        ? `[${b.name} review](https://${site}/reviews/${b.domains?.[0] ?? 'x'}?utm_source=chatgpt.com)`
        : `https://${site}/compare/${Math.floor(r() * 1000)}?ref=${k}`;
    text += `\n${pick(r, FILLER)} ${b.name}’s ${describe(r).replace(/^is /, 'approach is ')} (see ${link}). ${pick(r, FILLER)}`;
  }
  text += '\n\nIn short, start with a free trial of two or three of these and compare them on your own workflow.';
  return text;
}

export function answers(brands: readonly BrandDefinition[], count: number, seed = 11): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => answer(brands, r));
}
