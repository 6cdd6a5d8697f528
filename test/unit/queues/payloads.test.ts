import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { jobPayloads, parseJobPayload, queueKinds } from '../../../src/queues/payloads.js';
import { assertEveryQueueHandled } from '../../../workers/consumers.js';

const id = '0192f0c4-9a3e-7b21-8c4d-5e6f7a8b9c0d';

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
        data: { responseId: id, runId: id, rateLimited: 2 },
      }),
    ).toEqual({ responseId: id, runId: id, rateLimited: 2 });
    expect(
      parseJobPayload('runs', { id: 'start__1', queueName: 'runs', data: { type: 'finished', runId: id } }),
    ).toEqual({ type: 'finished', runId: id });
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
