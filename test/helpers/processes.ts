/**
 * Real processes for reliability and lifecycle tests: the API and worker entries (src/server.ts,
 * workers/main.ts, as production runs them) and a private Redis server that a test may kill and
 * restart without disturbing others.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { projectRoot } from '../../src/lib/paths.js';

export interface ChildHandle {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function track(child: ChildProcess): ChildHandle {
  let out = '';
  child.stdout?.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export function spawnWorkerProcess(env: Record<string, string>): ChildHandle {
  return spawnEntry(join('workers', 'main.ts'), env);
}

/**
 * The API server entry (src/server.ts), as production runs it. `preload`: test modules (paths from
 * the project root) imported before the entry, e.g. one that stops the process at a chosen point.
 */
export function spawnApiProcess(env: Record<string, string>, opts: { preload?: string[] } = {}): ChildHandle {
  return spawnEntry(join('src', 'server.ts'), env, opts.preload ?? []);
}

function spawnEntry(entry: string, env: Record<string, string>, preload: string[] = []): ChildHandle {
  const imports = preload.flatMap((file) => ['--import', pathToFileURL(join(projectRoot(), file)).href]);
  const child = spawn(process.execPath, ['--import', 'tsx', ...imports, join(projectRoot(), entry)], {
    cwd: projectRoot(),
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child);
}

/** Resolves when the process has printed a match of `pattern`; fails when it exits first or after `timeoutMs`. */
export function waitForOutput(handle: ChildHandle, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(handle.output())) return;
      done();
      resolve();
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the process exited (${code}) before printing ${pattern}:\n${handle.output()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${handle.output()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      handle.child.stdout?.off('data', check);
      handle.child.stderr?.off('data', check);
      handle.child.off('exit', onExit);
    };
    // Listeners added after track()'s, so output() already holds the new chunk.
    handle.child.stdout?.on('data', check);
    handle.child.stderr?.on('data', check);
    handle.child.on('exit', onExit);
    check();
    if (handle.child.exitCode !== null && !pattern.test(handle.output())) onExit(handle.child.exitCode);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Redis server of this test's own, keeping nothing on disk (like the one CI uses). */
export async function startRedisServer(port: number): Promise<ChildHandle> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const handle = track(child);
  const probe = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return handle;
    } catch {
      probe.disconnect();
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`redis-server did not start on port ${port}: ${handle.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
