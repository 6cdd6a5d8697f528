/** `citewatch runs start`: start a run of an audit now (the manual counterpart of a schedule). */
import { randomUUID } from 'node:crypto';
import { createDeps } from '../deps.js';
import { loadEnv } from '../config/env.js';
import { AppError } from '../lib/errors.js';
import { isUuid } from '../lib/ids.js';
import { createLogger } from '../lib/logger.js';
import { createOnce } from '../modules/idempotency/idempotency.service.js';
import { findRun } from '../modules/runs/runs.repo.js';
import { startRun, toRunDto } from '../modules/runs/runs.service.js';
import { findWorkspace } from '../modules/workspaces/workspaces.repo.js';
import { parseCommandArgs, UsageError, type CliIo } from './io.js';

export async function runsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    workspace: { type: 'string' },
    audit: { type: 'string' },
    wait: { type: 'boolean' },
    'idempotency-key': { type: 'string' },
  });
  if (positionals[0] !== 'start')
    throw new UsageError('usage: citewatch runs start --workspace ID --audit ID [--idempotency-key KEY] [--wait]');
  if (!isUuid(String(values.workspace ?? ''))) throw new UsageError('--workspace must be a workspace id (UUID)');
  if (!isUuid(String(values.audit ?? ''))) throw new UsageError('--audit must be an audit id (UUID)');
  const workspaceId = String(values.workspace);
  const env = loadEnv();
  const logger = createLogger({ level: 'warn', name: 'cli' });
  const deps = createDeps({ env, logger, role: 'api', applicationName: 'citewatch-cli' });
  try {
    const ws = await findWorkspace(deps.db.prisma, workspaceId);
    if (!ws) throw new UsageError(`no workspace ${workspaceId}`);
    // Every start goes under a key, as the API's creates do: one given with --idempotency-key (the
    // same command run again after an unknown outcome gives the first run back), or a new one.
    const key = values['idempotency-key'] === undefined ? randomUUID() : String(values['idempotency-key']);
    const auditId = String(values.audit);
    let started: { value: Awaited<ReturnType<typeof startRun>>; replayed: boolean };
    try {
      started = await createOnce(
        deps,
        { principal: 'cli:operator', key, operation: 'runs start', request: { workspaceId, auditId } },
        () => startRun(deps, ws.organizationId, workspaceId, { auditId }, 'manual'),
      );
    } catch (err) {
      if (err instanceof AppError && err.status < 500) throw new UsageError(err.message);
      throw err;
    }
    const run = started.value;
    io.stdout.write(
      started.replayed
        ? `run ${run.id} was already started with idempotency key ${key}: ${run.progress.total} answers to collect\n`
        : `run ${run.id} started (idempotency key ${key}): ${run.progress.total} answers to collect, estimated $${run.estimatedCostUsd.toFixed(4)}\n`,
    );
    if (!values.wait) return 0;
    // Polls the run row; the work itself happens in worker processes.
    for (;;) {
      await new Promise((r) => setTimeout(r, 1_000));
      const row = await findRun(deps.db.pool, workspaceId, run.id);
      if (!row) throw new Error('the run disappeared');
      const dto = toRunDto(row);
      if (dto.finishedAt) {
        io.stdout.write(
          `run ${dto.id} ${dto.status}: ${dto.progress.succeeded} succeeded, ${dto.progress.failed} failed, ${dto.progress.cancelled} cancelled, $${dto.actualCostUsd.toFixed(4)}\n`,
        );
        return dto.status === 'failed' ? 1 : 0;
      }
    }
  } finally {
    await deps.close();
  }
}
