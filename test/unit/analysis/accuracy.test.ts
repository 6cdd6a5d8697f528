/**
 * Accuracy of analysis against hand-labelled answers (test/fixtures/analysis/cases): each case is
 * an answer (NNN-name.md) and its gold labels (NNN-name.json), labelled by reading the text.
 * A gold mention states its first occurrence as a string, the anchor around it and its offset;
 * the test checks the three agree before comparing with the engine, so an offset can be verified
 * by hand and never comes from the engine.
 *
 * A case captured from a consumer app (ChatGPT, Gemini) also has the vendor's raw body
 * (NNN-name.raw.json) and names its provider: the body goes through that adapter's parse, as stored
 * answers do, its text must be the .md file, and its citations and sources are the ones analysed.
 * Such a case also labels the domains the answer itself cites (answerCitationDomains): search
 * results must stay apart from them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeAnswer,
  compileBrands,
  type AnalysisResult,
  type BrandDefinition,
} from '../../../src/analysis/index.js';
import { getAdapter } from '../../../src/providers/registry.js';
import type { ParsedAnswer, ProviderCitation, ProviderSource } from '../../../src/providers/types.js';

const ROOT = join(import.meta.dirname, '../../fixtures/analysis');

interface GoldMention {
  brand: string;
  count: number;
  firstText: string;
  anchor: string;
  firstOffset: number;
}

interface Gold {
  brands: string;
  locale: string | null;
  about: string;
  mentions: GoldMention[];
  citationDomains: string[];
  citations?: ProviderCitation[];
  sources?: ProviderSource[];
  /** The provider whose raw body (NNN-name.raw.json) the answer is parsed from. */
  provider?: string;
  /** Domains the answer itself cites (not its search results), for captured answers. */
  answerCitationDomains?: string[];
}

interface Case {
  name: string;
  text: string;
  gold: Gold;
  result: AnalysisResult;
  parsed: ParsedAnswer | null;
}

function loadBrands(name: string): BrandDefinition[] {
  const raw = JSON.parse(readFileSync(join(ROOT, 'brands', `${name}.json`), 'utf8')) as Array<
    Omit<BrandDefinition, 'id'>
  >;
  return raw.map((b) => ({ ...b, id: b.name }));
}

const compiledSets = new Map<string, ReturnType<typeof compileBrands>>();
const cases: Case[] = readdirSync(join(ROOT, 'cases'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.raw.json'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.json$/, '');
    const gold = JSON.parse(readFileSync(join(ROOT, 'cases', file), 'utf8')) as Gold;
    const text = readFileSync(join(ROOT, 'cases', `${name}.md`), 'utf8');
    const rawPath = join(ROOT, 'cases', `${name}.raw.json`);
    const parsed =
      gold.provider && existsSync(rawPath)
        ? getAdapter(gold.provider).parse(JSON.parse(readFileSync(rawPath, 'utf8')) as unknown)
        : null;
    let compiled = compiledSets.get(gold.brands);
    if (!compiled) compiledSets.set(gold.brands, (compiled = compileBrands(loadBrands(gold.brands))));
    const result = analyzeAnswer(compiled, {
      text,
      citations: parsed?.citations ?? gold.citations,
      sources: parsed?.sources ?? gold.sources,
      locale: gold.locale ?? undefined,
    });
    return { name, text, gold, result, parsed };
  });

function precisionRecall(tp: number, fp: number, fn: number) {
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

describe('analysis accuracy on labelled answers', () => {
  it('has at least 60 labelled answers in English and French', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.some((c) => c.gold.locale?.startsWith('fr'))).toBe(true);
    expect(cases.some((c) => c.gold.locale?.startsWith('en'))).toBe(true);
  });

  it('includes answers captured from consumer apps, parsed from their raw bodies to the labelled text', () => {
    const captured = cases.filter((c) => c.gold.provider);
    expect(captured.length).toBeGreaterThanOrEqual(4);
    expect(new Set(captured.map((c) => c.gold.provider))).toEqual(new Set(['assistant_app', 'mock_app']));
    for (const c of captured) {
      expect(c.parsed, `${c.name}: no raw body`).not.toBeNull();
      expect(c.parsed?.text, c.name).toBe(c.text);
    }
  });

  it("keeps a captured answer's search results apart from the sources the answer cites", () => {
    const wrong: string[] = [];
    for (const c of cases.filter((x) => x.gold.answerCitationDomains)) {
      const cited = [...new Set(c.result.citations.filter((x) => x.source !== 'search_result').map((x) => x.domain))];
      if (JSON.stringify(cited.sort()) !== JSON.stringify([...(c.gold.answerCitationDomains ?? [])].sort()))
        wrong.push(`${c.name}: answer cites ${cited.join(', ')}, gold ${c.gold.answerCitationDomains?.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gold offsets are consistent with the text they point into', () => {
    const problems: string[] = [];
    for (const c of cases) {
      for (const m of c.gold.mentions) {
        const at = c.text.indexOf(m.anchor);
        if (at < 0 || c.text.indexOf(m.anchor, at + 1) >= 0)
          problems.push(`${c.name}: anchor ${JSON.stringify(m.anchor)} is not unique`);
        if (at + m.anchor.indexOf(m.firstText) !== m.firstOffset)
          problems.push(`${c.name}: ${m.brand} offset disagrees with its anchor`);
        if (c.text.slice(m.firstOffset, m.firstOffset + m.firstText.length) !== m.firstText)
          problems.push(`${c.name}: ${m.brand} offset does not hold ${m.firstText}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds mention presence with precision and recall of at least 0.98', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const found = new Set(c.result.mentions.map((m) => m.brandName));
      const gold = new Set(c.gold.mentions.map((m) => m.brand));
      for (const b of found) {
        if (gold.has(b)) tp++;
        else {
          fp++;
          misses.push(`${c.name}: unexpected ${b}`);
        }
      }
      for (const b of gold) {
        if (!found.has(b)) {
          fn++;
          misses.push(`${c.name}: missed ${b}`);
        }
      }
    }
    const { precision, recall } = precisionRecall(tp, fp, fn);
    console.info(
      `mention presence: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`,
      misses,
    );
    expect(precision, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('reports exact first offsets and counts for every mention found', () => {
    const wrong: string[] = [];
    let exactCounts = 0;
    let compared = 0;
    for (const c of cases) {
      for (const g of c.gold.mentions) {
        const m = c.result.mentions.find((x) => x.brandName === g.brand);
        if (!m) continue;
        compared++;
        if (m.firstOffset !== g.firstOffset)
          wrong.push(`${c.name}: ${g.brand} first offset ${m.firstOffset}, gold ${g.firstOffset}`);
        if (m.count === g.count) exactCounts++;
        else wrong.push(`${c.name}: ${g.brand} count ${m.count}, gold ${g.count}`);
      }
    }
    console.info(`first offsets and counts: ${compared} mentions compared, ${exactCounts} exact counts`);
    expect(wrong).toEqual([]);
  });

  it('finds citation domains with precision and recall of at least 0.98', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const found = new Set(c.result.citations.map((x) => x.domain));
      const gold = new Set(c.gold.citationDomains);
      for (const d of found) {
        if (gold.has(d)) tp++;
        else {
          fp++;
          misses.push(`${c.name}: unexpected ${d}`);
        }
      }
      for (const d of gold) {
        if (!found.has(d)) {
          fn++;
          misses.push(`${c.name}: missed ${d}`);
        }
      }
    }
    const { precision, recall } = precisionRecall(tp, fp, fn);
    console.info(
      `citation domains: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`,
      misses,
    );
    expect(precision, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
