/**
 * The pipeline benchmark's baseline: raw no-op BullMQ jobs, added in bulk, then taken by one worker
 * at concurrency 100, in a process of its own. Run as `node dist/bench/lib/noop-jobs.js` with
 * REDIS_URL, QUEUE_PREFIX and NOOP_JOBS set; it prints one line of JSON (NoopResult).
 *
 * Why a process of its own, several times: the rate of no-op jobs is a property of the process
 * that takes them. Its rounds agree within a process, but from one process to the next it moved
 * between about 10,000 and 26,000 jobs a second on the 2-core machine (bench/RESULTS.md, 8 December
 * 2026): the scheduler may keep the process on Redis' core, where the two take turns, and the CPU
 * a job costs varies between processes. The benchmark takes the median of a few processes.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { sampleSharedCore, serverCpuSeconds, serverCpuUs } from './proc-cpu.js';

export interface NoopResult {
  jobsPerSecond: number;
  /** µs of this process' CPU per job. */
  cpuUs: number;
  /** µs of Redis' CPU per job, when /proc could be read. */
  redisUs: number | null;
  /** Share of samples in which this process and redis-server last ran on one CPU. */
  sharedCore: number | null;
}

async function measure(redisUrl: string, prefix: string, total: number): Promise<NoopResult> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const name = 'bench-noop';
  const queue = new Queue(name, { connection, prefix });
  for (let i = 0; i < total; i += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, total - i) }, (_, j) => ({
        name: 'noop',
        data: { i: i + j },
        opts: { jobId: `noop__${i + j}`, removeOnComplete: true },
      })),
    );
  }
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const redis0 = serverCpuSeconds('', ['redis-server']);
  const placement = sampleSharedCore('redis-server');
  let done = 0;
  await new Promise<void>((resolve) => {
    const worker = new Worker(name, async () => {}, { connection, prefix, concurrency: 100 });
    worker.on('completed', () => {
      if (++done === total) {
        resolve();
        void worker.close();
      }
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const sharedCore = placement.stop();
  const cpu = process.cpuUsage(cpu0);
  const redisUs = serverCpuUs(redis0, serverCpuSeconds('', ['redis-server']), total).get('redis-server') ?? null;
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return { jobsPerSecond: total / seconds, cpuUs: (cpu.user + cpu.system) / total, redisUs, sharedCore };
}

const { REDIS_URL, QUEUE_PREFIX, NOOP_JOBS } = process.env;
if (!REDIS_URL || !QUEUE_PREFIX || !NOOP_JOBS) {
  console.error('noop-jobs: set REDIS_URL, QUEUE_PREFIX and NOOP_JOBS (the number of jobs)');
  process.exit(2);
}
console.log(JSON.stringify(await measure(REDIS_URL, QUEUE_PREFIX, Number(NOOP_JOBS))));
