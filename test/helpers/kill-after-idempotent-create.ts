/**
 * Preloaded into an API process (spawnApiProcess(env, { preload: [this file] })): the process kills
 * itself (SIGKILL, no cleanup) the moment a create's answer has been kept for its Idempotency-Key,
 * after the create is committed and before a byte of the answer is sent.
 */
import { subscribe } from 'node:diagnostics_channel';

subscribe('citewatch:idempotency:completed', () => {
  process.kill(process.pid, 'SIGKILL');
});
