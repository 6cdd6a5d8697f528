/**
 * The model judge of stance (docs/sentiment.md#the-model-judge), over HTTP with a real worker and
 * a fake OpenAI server at the HTTP boundary: an audit names a judge configuration; after each
 * answer is analysed the judge labels every brand found, with structured output, once per
 * (answer, brand, definition version); its labels are stored beside the rule-based ones, which
 * never change; a re-analysis finds them stored and asks nothing; a failing judge leaves the
 * rule-based labels and records the failure; a run without budget left is refused before any
 * call; and the run's agreement between the two is reported with its interval and kappa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../factories/index.js';
import { apiClient, seedWorkspace, type ApiClient } from '../helpers/api.js';
import { createTestContext, waitFor, type TestContext } from '../helpers/context.js';
import { FakeOpenAI } from '../helpers/fake-openai.js';
import { wilson } from '../../src/lib/statistics.js';
import { STANCE_JUDGE_QUEUE } from '../../src/queues/names.js';
import { answersWithJudge } from '../../src/modules/stance-judge/stance-judge.repo.js';
import { recoverJudging } from '../../src/modules/stance-judge/stance-judge.service.js';

let ctx: TestContext;
let tenant: TestTenant;
let api: ApiClient;
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await FakeOpenAI.start({ failureRate: 0 });
  // The recovery test runs the judging sweep itself, on runs it moves an hour back: the worker's own
  // sweep (every 30 s) could claim such a run between two of its steps and make them disagree.
  ctx = await createTestContext({
    ...fake.env,
    RECOVERY_INTERVAL_MS: '3600000',
  });
  tenant = await createTenant(ctx.db);
  api = apiClient(ctx.app, tenant.headers);
  await ctx.startWorker().ready;
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

interface Agreement {
  judged: number;
  agreed: number;
  agreementRate: number | null;
  interval: { low: number; high: number } | null;
  kappa: number | null;
  failed: number;
  refused: number;
  costUsd: number;
  confusion: Record<string, Record<string, number>>;
}

/** Rule-based labels stored for a run's answers: one row per (answer, brand). */
async function ruleLabels(runId: string) {
  const { rows } = await ctx.db.pool.query<{ response_id: string; brand: string; label: string }>(
    `SELECT m.response_id, b.name AS brand, m.sentiment_label::text AS label
       FROM mentions m JOIN brands b ON b.id = m.brand_id JOIN responses r ON r.id = m.response_id
      WHERE r.run_id = $1 ORDER BY 1, 2`,
    [runId],
  );
  return rows;
}

async function judgements(runId: string) {
  const { rows } = await ctx.db.pool.query<{
    response_id: string;
    brand: string;
    status: string;
    label: string | null;
    sentence: string | null;
    error_code: string | null;
  }>(
    `SELECT j.response_id, b.name AS brand, j.status, j.label::text AS label, j.sentence, j.error_code
       FROM stance_judgements j JOIN brands b ON b.id = j.brand_id WHERE j.run_id = $1 ORDER BY 1, 2`,
    [runId],
  );
  return rows;
}

const judgeQueueIdle = () =>
  waitFor(async () => {
    const c = await ctx.producers.queue(STANCE_JUDGE_QUEUE).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0) ? true : null;
  }, 'the stance-judge queue to drain');

async function setup(name: string) {
  const seeded = await seedWorkspace(api, { prompts: 3 });
  const judge = await api.post(`${seeded.base}/model-configs`, {
    name: `judge ${name}`,
    provider: 'openai',
    model: 'gpt-5.4-mini',
    params: { reasoningEffort: 'none', temperature: 0 },
  });
  const audit = await api.post(`${seeded.base}/audits`, {
    name,
    promptTags: ['crm'],
    modelConfigIds: [seeded.configs[0].id],
    samplesPerPair: 2,
    judgeModelConfigId: judge.id,
  });
  return { ...seeded, judge, audit };
}

async function completedRun(base: string, body: Record<string, unknown>) {
  const run = await api.post(`${base}/runs`, body);
  return waitFor(async () => {
    const r = await api.get(`${base}/runs/${run.id}`);
    return r.status === 'completed' ? r : null;
  }, 'the run to complete');
}

/** Waits until every (answer, brand) of the run has a judgement row, and returns them. */
const judgedAll = (runId: string, expected: number) =>
  waitFor(async () => {
    const rows = await judgements(runId);
    return rows.length === expected ? rows : null;
  }, 'every brand of the run to be judged');

describe('audits naming a judge', () => {
  it('accept a configuration of the workspace on a model API, and refuse others saying why', async () => {
    const { base, audit, judge, configs } = await setup('refusals');
    expect(audit.judgeModelConfigId).toBe(judge.id);
    const other = await seedWorkspace(api, { prompts: 1 });
    const foreign = await api.post(`${other.base}/model-configs`, {
      name: 'elsewhere',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      params: {},
    });
    const refused = await api.send('PATCH', `${base}/audits/${audit.id}`, { judgeModelConfigId: foreign.id }, 400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.errors).toEqual([
      { path: 'body.judgeModelConfigId', message: 'is no model configuration of this workspace' },
    ]);
    // An app capture cannot follow a judge's instructions: refused, saying so.
    const app = await api.post(`${base}/model-configs`, {
      name: 'ChatGPT app',
      provider: 'mock_app',
      model: 'chatgpt',
    });
    const appJudge = await api.send('PATCH', `${base}/audits/${audit.id}`, { judgeModelConfigId: app.id }, 400);
    expect(appJudge.body.errors).toEqual([
      {
        path: 'body.judgeModelConfigId',
        message: 'mock_app captures app answers and cannot judge; choose a model API',
      },
    ]);
    const bad = await api.send('PATCH', `${base}/audits/${audit.id}`, { judgeModelConfigId: 'not-a-uuid' }, 400);
    expect(bad.body.errors[0].path).toBe('body.judgeModelConfigId');
    const off = await api.patch(`${base}/audits/${audit.id}`, { judgeModelConfigId: null });
    expect(off.judgeModelConfigId).toBeNull();
    // Deleting the judge's configuration turns the judge off.
    const back = await api.patch(`${base}/audits/${audit.id}`, { judgeModelConfigId: configs[0].id });
    expect(back.judgeModelConfigId).toBe(configs[0].id);
  });
});

describe('the model judge', () => {
  it('labels every brand once, beside unchanged rule-based labels, reports agreement, and is read from its store on re-analysis', async () => {
    const { base, audit } = await setup('judged');
    fake.judgeLabel = (brand) => (brand === 'Salesforce' ? 'negative' : 'positive');
    const callsBefore = fake.stats.judged;
    const run = await completedRun(base, { auditId: audit.id });
    const rules = await ruleLabels(run.id);
    expect(rules.length).toBeGreaterThan(0);
    const rows = await judgedAll(run.id, rules.length);

    // Stored beside the rule-based labels, which are unchanged, with the deciding sentence.
    expect(await ruleLabels(run.id)).toEqual(rules);
    for (const r of rows) {
      expect(r.status).toBe('judged');
      expect(r.label).toBe(fake.judgeLabel(r.brand));
      expect(r.sentence).toContain(r.brand);
    }
    // One structured-output call per answer with mentions, every brand of the answer in it.
    const answers = new Set(rules.map((r) => r.response_id));
    expect(fake.stats.judged - callsBefore).toBe(answers.size);
    const sent = fake.judgeRequests.at(-1) as {
      text: { format: { type: string; name: string } };
      instructions: string;
    };
    expect(sent.text.format).toMatchObject({ type: 'json_schema', name: 'stance_judgement' });
    expect(sent.instructions).toMatch(/positive: the brand is recommended/);

    // Agreement per run, by hand from the stored labels.
    const agreement = (await api.get(`${base}/runs/${run.id}/stance-agreement`)) as Agreement;
    const agreed = rules.filter((r) => r.label === fake.judgeLabel(r.brand)).length;
    expect(agreement).toMatchObject({
      judged: rules.length,
      agreed,
      agreementRate: agreed / rules.length,
      interval: wilson(agreed, rules.length),
      failed: 0,
      refused: 0,
    });
    const cell = (j: string, r: string) => rules.filter((x) => fake.judgeLabel(x.brand) === j && x.label === r).length;
    expect(agreement.confusion.negative?.positive).toBe(cell('negative', 'positive'));
    expect(agreement.confusion.positive?.neutral).toBe(cell('positive', 'neutral'));
    // Priced and counted in the run's cost (the mock answers are free).
    expect(agreement.costUsd).toBeGreaterThan(0);
    const after = await api.get(`${base}/runs/${run.id}`);
    expect(after.actualCostUsd).toBeCloseTo(agreement.costUsd, 5);

    // Re-analysis: the rule-based labels are recomputed, the judge's read from the store.
    const callsAfterRun = fake.stats.judged;
    const started = (await api.send('POST', `${base}/reanalyses`, { runId: run.id }, 202)).body;
    await waitFor(async () => {
      const r = await api.get(`${base}/reanalyses/${started.id}`);
      return r.status === 'completed' ? r : null;
    }, 'the re-analysis to complete');
    await judgeQueueIdle();
    expect(fake.stats.judged).toBe(callsAfterRun);
    expect(await judgements(run.id)).toEqual(rows);
    expect((await api.get(`${base}/runs/${run.id}`)).actualCostUsd).toBeCloseTo(agreement.costUsd, 5);
  });

  it('hands to the judge exactly the analysed answers with mentions of runs whose audit names one', async () => {
    const { base, audit, configs } = await setup('selection');
    const judged = await completedRun(base, { auditId: audit.id });
    const plain = await completedRun(base, { promptTags: ['crm'], modelConfigIds: [configs[0].id], samplesPerPair: 1 });
    const ids = async (runId: string) =>
      (
        await ctx.db.pool.query<{ id: string }>('SELECT id FROM responses WHERE run_id = $1 ORDER BY id', [runId])
      ).rows.map((r) => r.id);
    const [withJudge, withoutJudge] = [await ids(judged.id), await ids(plain.id)];
    const [noMentions, notAnalysed, ...rest] = withJudge;
    // One judged answer loses its mentions, another its analysis: neither is handed over.
    await ctx.db.pool.query('DELETE FROM mentions WHERE response_id = $1', [noMentions]);
    await ctx.db.pool.query('UPDATE responses SET analyzed_at = NULL WHERE id = $1', [notAnalysed]);
    const { rows } = await ctx.db.pool.query<{ id: string }>(
      'SELECT DISTINCT response_id AS id FROM mentions WHERE response_id = ANY($1::uuid[]) ORDER BY 1',
      [rest],
    );
    expect(rows.length).toBeGreaterThan(0);
    // Asked many times, as a prepared statement is once its generic plan is chosen.
    for (let i = 0; i < 7; i++) {
      expect(await answersWithJudge(ctx.db.pool, [...withoutJudge, ...withJudge].reverse())).toEqual(
        rows.map((r) => r.id),
      );
    }
    expect(await answersWithJudge(ctx.db.pool, withoutJudge)).toEqual([]);
  });

  it('hands answers whose judge job was lost to the judge again once judging stalls, then marks the run done', async () => {
    const { base, audit } = await setup('recovered');
    fake.judgeLabel = () => 'neutral';
    const run = await completedRun(base, { auditId: audit.id });
    const rules = await ruleLabels(run.id);
    const before = await judgedAll(run.id, rules.length);
    await judgeQueueIdle();
    // As if Redis had lost the judge job of one answer before it ran.
    const lost = before[0]?.response_id as string;
    await ctx.db.pool.query('DELETE FROM stance_judgements WHERE response_id = $1', [lost]);
    const state = async () =>
      (
        await ctx.db.pool.query<{ checked: Date | null; done: Date | null }>(
          'SELECT judging_checked_at AS checked, judging_done_at AS done FROM runs WHERE id = $1',
          [run.id],
        )
      ).rows[0];
    const deps = { db: ctx.db, producers: ctx.producers, logger: ctx.logger };
    const STALE = 30 * 60_000;
    // Judging that moved within the stale period is left alone.
    await recoverJudging(deps, STALE);
    expect(await state()).toEqual({ checked: null, done: null });
    // An hour later (only this run is moved back, so the sweep leaves other files' runs alone).
    const anHourAgo = async () => {
      await ctx.db.pool.query(`UPDATE runs SET finished_at = finished_at - interval '1 hour' WHERE id = $1`, [run.id]);
      await ctx.db.pool.query(
        `UPDATE stance_judgements SET created_at = created_at - interval '1 hour' WHERE run_id = $1`,
        [run.id],
      );
    };
    await anHourAgo();

    const callsBefore = fake.stats.judged;
    const first = await recoverJudging(deps, STALE);
    expect(first.answers).toBe(1);
    expect((await state())?.checked).not.toBeNull();
    const after = await judgedAll(run.id, rules.length);
    expect(after.filter((r) => r.response_id === lost).every((r) => r.status === 'judged')).toBe(true);
    await judgeQueueIdle();
    // Only the lost answer was asked about again: the others' judgements were stored.
    expect(fake.stats.judged - callsBefore).toBe(1);

    // Looked at within the stale period: not again. An hour on, nothing is missing: the run is done.
    expect((await recoverJudging(deps, STALE)).answers).toBe(0);
    await anHourAgo();
    await ctx.db.pool.query(
      `UPDATE runs SET judging_checked_at = judging_checked_at - interval '1 hour' WHERE id = $1`,
      [run.id],
    );
    await recoverJudging(deps, STALE);
    const done = (await state())?.done;
    expect(done).toBeInstanceOf(Date);
    await ctx.db.pool.query(
      `UPDATE runs SET judging_checked_at = judging_checked_at - interval '1 hour' WHERE id = $1`,
      [run.id],
    );
    await recoverJudging(deps, STALE);
    expect((await state())?.done).toEqual(done);
    expect(fake.stats.judged - callsBefore).toBe(1);
  });

  it('leaves the rule-based labels and records the failure when the judge fails', async () => {
    const { base, audit } = await setup('failing');
    fake.judgeStatus = 400;
    try {
      const run = await completedRun(base, { auditId: audit.id });
      const rules = await ruleLabels(run.id);
      const rows = await judgedAll(run.id, rules.length);
      // A 400 is permanent: no retry, the provider's error code kept.
      for (const r of rows) expect(r).toMatchObject({ status: 'failed', label: null, error_code: 'server_error' });
      expect(await ruleLabels(run.id)).toEqual(rules);
      const agreement = (await api.get(`${base}/runs/${run.id}/stance-agreement`)) as Agreement;
      expect(agreement).toMatchObject({ judged: 0, agreed: 0, agreementRate: null, interval: null, kappa: null });
      expect(agreement.failed).toBe(rules.length);
      // The answers keep their rule-based labels in the API too.
      const responses = await api.get(`${base}/responses?runId=${run.id}`);
      expect(responses.data.length).toBeGreaterThan(0);
    } finally {
      fake.judgeStatus = null;
    }
  });

  it('asks nothing when the run has no budget left for it, and says so', async () => {
    const { base, audit } = await setup('refused');
    const calls = fake.stats.judged + fake.stats.serverErrors;
    const run = await completedRun(base, { auditId: audit.id, budgetUsd: 0.0001 });
    const rules = await ruleLabels(run.id);
    const rows = await judgedAll(run.id, rules.length);
    for (const r of rows) expect(r).toMatchObject({ status: 'refused', label: null, error_code: 'budget_exceeded' });
    expect(fake.stats.judged + fake.stats.serverErrors).toBe(calls);
    const agreement = (await api.get(`${base}/runs/${run.id}/stance-agreement`)) as Agreement;
    expect(agreement).toMatchObject({ judged: 0, refused: rules.length, costUsd: 0 });
  });
});
