/**
 * Report fixtures: a workspace with brands, prompts and configurations, and runs whose answers,
 * mentions and citations are written directly with exactly the values a test states, so report
 * numbers can be asserted exactly. Rollups are not built here: tests build them (or not) on purpose.
 */
import type { Database } from '../../src/db/client.js';
import { newId } from '../../src/lib/ids.js';
import { configHash } from '../../src/providers/config-hash.js';

export interface WorldSpec {
  timezone?: string;
  brands: Array<{ name: string; kind?: 'own' | 'competitor'; domains?: string[] }>;
  prompts: Array<{ key: string; text?: string; tags?: string[]; locale?: string }>;
  configs: Array<{ key: string; name?: string; provider?: string; model?: string; params?: Record<string, unknown> }>;
}

export interface World {
  workspaceId: string;
  brand(name: string): string;
  prompt(key: string): string;
  config(key: string): string;
  base: string;
}

export interface MentionSpec {
  brand: string;
  count?: number;
  rank?: number;
  sentiment?: number;
  /** By default the label of `sentiment`. */
  label?: 'positive' | 'neutral' | 'negative';
  /** [start, end) of the passage that decided the label, into the answer text. */
  passage?: [number, number];
  snippet?: string;
  spans?: Array<[number, number]>;
}

export interface CitationSpec {
  url: string;
  source?: 'annotation' | 'link' | 'search_result';
  /** Owning brand; by default the brand listing the URL's domain. */
  brand?: string | null;
}

export interface AnswerSpec {
  prompt: string;
  config: string;
  status?: 'succeeded' | 'failed' | 'pending' | 'cancelled';
  /** Succeeded answers are analysed unless false. */
  analyzed?: boolean;
  text?: string;
  mentions?: MentionSpec[];
  citations?: CitationSpec[];
  /** The web searches the assistant ran for this answer, as the provider reported them. */
  searchQueries?: string[];
}

const lookup = (map: Map<string, string>, what: string) => (key: string) => {
  const id = map.get(key);
  if (!id) throw new Error(`no ${what} ${key} in this world`);
  return id;
};

export async function createWorld(db: Database, organizationId: string, spec: WorldSpec): Promise<World> {
  const { prisma } = db;
  const workspace = await prisma.workspace.create({
    data: { id: newId(), organizationId, name: 'Reports world', timezone: spec.timezone ?? 'UTC' },
  });
  const brands = new Map<string, string>();
  for (const b of spec.brands) {
    const row = await prisma.brand.create({
      data: {
        id: newId(),
        workspaceId: workspace.id,
        name: b.name,
        kind: b.kind ?? 'competitor',
        domains: b.domains ?? [],
      },
    });
    brands.set(b.name, row.id);
  }
  const prompts = new Map<string, string>();
  for (const p of spec.prompts) {
    const row = await prisma.prompt.create({
      data: {
        id: newId(),
        workspaceId: workspace.id,
        text: p.text ?? `Prompt ${p.key}?`,
        tags: p.tags ?? [],
        ...(p.locale ? { locale: p.locale } : {}),
      },
    });
    prompts.set(p.key, row.id);
  }
  const configs = new Map<string, string>();
  for (const c of spec.configs) {
    const provider = c.provider ?? 'mock';
    const model = c.model ?? 'mock-1';
    const params = c.params ?? {};
    const row = await prisma.modelConfig.create({
      data: {
        id: newId(),
        workspaceId: workspace.id,
        name: c.name ?? c.key,
        provider,
        model,
        params: params as object,
        hash: configHash(provider, model, params),
      },
    });
    configs.set(c.key, row.id);
  }
  return {
    workspaceId: workspace.id,
    brand: lookup(brands, 'brand'),
    prompt: lookup(prompts, 'prompt'),
    config: lookup(configs, 'config'),
    base: `/v1/workspaces/${workspace.id}`,
  };
}

const labelOf = (s: number) => (s > 0.05 ? 'positive' : s < -0.05 ? 'negative' : 'neutral');
const domainOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/**
 * Adds a run with the given answers, created at `createdAt` and finished unless `finished` is
 * false. Its counters match its answers, as the pipeline keeps them.
 */
export async function addRun(
  db: Database,
  world: World,
  run: { createdAt: Date; finished?: boolean; cancelled?: boolean; answers: AnswerSpec[] },
): Promise<string> {
  const { pool } = db;
  const runId = newId();
  const count = (s: string) => run.answers.filter((a) => (a.status ?? 'succeeded') === s).length;
  const analyzed = run.answers.filter((a) => (a.status ?? 'succeeded') === 'succeeded' && a.analyzed !== false).length;
  const finished = run.finished ?? true;
  const status = run.cancelled ? 'cancelled' : finished ? 'completed' : 'running';
  await pool.query(
    // A finished factory run counts as followed up, so no recovery sweep rebuilds its rollups behind a test's back.
    `INSERT INTO runs (id, workspace_id, status, samples_per_pair, total, succeeded, failed, cancelled, analyzed, created_at, started_at, finished_at, followups_done_at)
     VALUES ($1, $2, $3::run_status, 1, $4, $5, $6, $7, $8, $9, $9, $10, $10)`,
    [
      runId,
      world.workspaceId,
      status,
      run.answers.length,
      count('succeeded'),
      count('failed'),
      count('cancelled'),
      analyzed,
      run.createdAt,
      finished ? new Date() : null,
    ],
  );
  const samples = new Map<string, number>();
  const { rows: brandRows } = await pool.query<{ id: string; domains: string[] }>(
    'SELECT id, domains FROM brands WHERE workspace_id = $1',
    [world.workspaceId],
  );
  for (const [i, a] of run.answers.entries()) {
    const key = `${a.prompt}|${a.config}`;
    const sample = samples.get(key) ?? 0;
    samples.set(key, sample + 1);
    const st = a.status ?? 'succeeded';
    const responseId = newId();
    const completedAt = st === 'pending' ? null : new Date(run.createdAt.getTime() + (i + 1) * 1_000);
    const done = st === 'succeeded' && a.analyzed !== false;
    await pool.query(
      `INSERT INTO responses (id, run_id, workspace_id, prompt_id, model_config_id, sample_index, provider, channel, model, config_hash, status, text, error, completed_at, analyzed_at, analysis_version, search_queries)
       SELECT $1, $2, $3, $4, c.id, $5, c.provider, 'mock', c.model, c.hash, $6::response_status, $7, $8, $9, $10, $11, $13::text[] FROM model_configs c WHERE c.id = $12`,
      [
        responseId,
        runId,
        world.workspaceId,
        world.prompt(a.prompt),
        sample,
        st,
        st === 'succeeded' ? (a.text ?? `Answer ${i}`) : null,
        st === 'failed' ? 'provider error' : null,
        completedAt,
        done ? new Date() : null,
        done ? 1 : null,
        world.config(a.config),
        a.searchQueries ?? [],
      ],
    );
    if (!done) continue;
    for (const [j, m] of (a.mentions ?? []).entries()) {
      const sentiment = m.sentiment ?? 0;
      await pool.query(
        `INSERT INTO mentions (response_id, workspace_id, brand_id, count, spans, first_offset, rank, list_position, sentiment, sentiment_label,
                               snippet, matched_alias, sentiment_passage_start, sentiment_passage_end)
         VALUES ($1, $2, $3, $4, $5::jsonb, 0, $6, NULL, $7, $8::sentiment_label, $9, $10, $11, $12)`,
        [
          responseId,
          world.workspaceId,
          world.brand(m.brand),
          m.count ?? 1,
          JSON.stringify(m.spans ?? [[0, m.brand.length]]),
          m.rank ?? j + 1,
          sentiment,
          m.label ?? labelOf(sentiment),
          m.snippet ?? `… ${m.brand} …`,
          m.brand,
          m.passage?.[0] ?? null,
          m.passage?.[1] ?? null,
        ],
      );
    }
    for (const [j, c] of (a.citations ?? []).entries()) {
      const domain = domainOf(c.url);
      const owner =
        c.brand === undefined
          ? (brandRows.find((b) => b.domains.includes(domain))?.id ?? null)
          : c.brand === null
            ? null
            : world.brand(c.brand);
      await pool.query(
        `INSERT INTO citations (response_id, workspace_id, position, url, domain, title, source, brand_id) VALUES ($1, $2, $3, $4, $5, NULL, $6::citation_source, $7)`,
        [responseId, world.workspaceId, j + 1, c.url, domain, c.source ?? 'link', owner],
      );
    }
  }
  return runId;
}

/** n copies of an answer. */
export const times = (n: number, a: AnswerSpec): AnswerSpec[] => Array.from({ length: n }, () => ({ ...a }));
