import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  callsPerQueryJob,
  jobPayloads,
  parseJobPayload,
  QUERY_JOB_MAX_CALLS,
  QUERY_JOBS_PER_SLOT,
  queueKinds,
} from '../../../src/queues/payloads.js';
import { jobIds } from '../../../src/queues/names.js';
import { assertEveryQueueHandled } from '../../../workers/consumers.js';

const id = '0192f0c4-9a3e-7b21-8c4d-5e6f7a8b9c0d';
const other = '0192f0c4-9a3e-7b21-8c4d-5e6f7a8b9c0e';

describe('the queue → payload map', () => {
  it('lists every kind of queue the workers consume', () => {
    expect(queueKinds().sort()).toEqual([
      'alerts',
      'analysis',
      'maintenance',
      'pdf-reports',
      'query',
      'runs',
      'stance-judge',
      'suggestions',
      'webhooks',
    ]);
    expect(Object.keys(jobPayloads).sort()).toEqual(queueKinds().sort());
  });

  it('returns a valid payload as its schema outputs it', () => {
    expect(
      parseJobPayload('query', {
        id: 'q__1',
        queueName: 'query-mock',
        data: { responseIds: [id, other], runId: id, priorAttempts: 1 },
      }),
    ).toEqual({ responseIds: [id, other], runId: id, priorAttempts: 1 });
    expect(
      parseJobPayload('runs', { id: 'start__1', queueName: 'runs', data: { type: 'finished', runId: id } }),
    ).toEqual({ type: 'finished', runId: id });
  });

  it('reads a query job of one responseId, as versions before jobs of several calls wrote it, as a job of one', () => {
    expect(
      parseJobPayload('query', {
        id: 'q__1',
        queueName: 'query-mock',
        data: { responseId: id, runId: id, rateLimited: 2 },
      }),
    ).toEqual({ responseIds: [id], runId: id, rateLimited: 2 });
  });

  it('refuses a query job of no call or of more than QUERY_JOB_MAX_CALLS', () => {
    const job = (responseIds: string[]) => () =>
      parseJobPayload('query', { id: 'qb__1', queueName: 'query-mock', data: { responseIds, runId: id } });
    expect(job([])).toThrow(UnrecoverableError);
    expect(job(Array(QUERY_JOB_MAX_CALLS + 1).fill(id))).toThrow(UnrecoverableError);
    expect(job(Array(QUERY_JOB_MAX_CALLS).fill(id))).not.toThrow();
  });

  it('fails an invalid payload without retries, naming the queue, the job and each problem', () => {
    const bad = () =>
      parseJobPayload('analysis', { id: 'a__x', queueName: 'analysis', data: { responseIds: ['nope'] } });
    expect(bad).toThrow(UnrecoverableError);
    expect(bad).toThrow(/job a__x on queue analysis has an invalid payload: responseIds\.0: /);
    expect(() => parseJobPayload('runs', { queueName: 'runs', data: { type: 'begin', runId: id } })).toThrow(
      /job \(no id\) on queue runs has an invalid payload: type: /,
    );
  });
});

describe('a worker without a handler for a kind of queue', () => {
  it('refuses to start, naming the kinds left without one', () => {
    const handler = async () => 'ok';
    expect(() => assertEveryQueueHandled({ query: handler, analysis: handler, runs: handler })).toThrow(
      'no job handler for the queue kind(s): maintenance, webhooks, suggestions, alerts, pdf-reports, stance-judge',
    );
    expect(() =>
      assertEveryQueueHandled({
        query: handler,
        analysis: handler,
        runs: handler,
        maintenance: handler,
        webhooks: handler,
        suggestions: handler,
        alerts: handler,
        'pdf-reports': handler,
        'stance-judge': handler,
      }),
    ).not.toThrow();
  });
});

describe('how many calls a query job makes', () => {
  it('is one until a run has QUERY_JOBS_PER_SLOT jobs of two for every slot of the concurrency', () => {
    expect(callsPerQueryJob(1, 5)).toBe(1);
    expect(callsPerQueryJob(2 * 5 * QUERY_JOBS_PER_SLOT - 1, 5)).toBe(1);
    expect(callsPerQueryJob(2 * 5 * QUERY_JOBS_PER_SLOT, 5)).toBe(2);
  });

  it('grows with the run, up to QUERY_JOB_MAX_CALLS', () => {
    // The pipeline benchmark's run: 20,000 calls at a concurrency of 200.
    expect(callsPerQueryJob(20_000, 200)).toBe(12);
    expect(callsPerQueryJob(1_000_000, 5)).toBe(QUERY_JOB_MAX_CALLS);
  });

  it('names a job of one after its answer, and a job of several after all of them', () => {
    expect(jobIds.queryBatch([id])).toBe(jobIds.query(id));
    expect(jobIds.queryBatch([id, other])).toMatch(/^qb__[0-9a-f]{32}$/);
    expect(jobIds.queryBatch([id, other])).toBe(jobIds.queryBatch([id, other]));
    expect(jobIds.queryBatch([other, id])).not.toBe(jobIds.queryBatch([id, other]));
  });
});
