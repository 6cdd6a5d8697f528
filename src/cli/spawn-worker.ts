/**
 * Starts a worker process (workers/main) as production runs it, for commands that need one
 * (the demo). Runs the built file when the CLI itself runs from dist/, the TypeScript source
 * through tsx otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../lib/paths.js';

export interface SpawnedWorker {
  child: ChildProcess;
  /** Rejects if the worker exits before stop() is called. */
  exited: Promise<never>;
  stop(): Promise<void>;
}

export function spawnWorker(env: Record<string, string | undefined>): SpawnedWorker {
  const root = projectRoot();
  const fromDist = fileURLToPath(import.meta.url).includes(`${join(root, 'dist')}`);
  const args = fromDist
    ? [join(root, 'dist', 'workers', 'main.js')]
    : ['--import', 'tsx', join(root, 'workers', 'main.ts')];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.on('exit', (code, signal) => {
      if (!stopping)
        reject(new Error(`the worker process exited (${signal ?? `code ${code}`}): ${stderr.trim() || 'no output'}`));
    });
  });
  exited.catch(() => {});
  return {
    child,
    exited,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await done;
    },
  };
}
