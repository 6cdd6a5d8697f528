/** The periodic duty of idempotency keys: expired keys (past their 24 hours) are deleted. */
import type { Deps } from '../../deps.js';
import { deleteExpiredKeys } from './idempotency.repo.js';

export async function sweepExpiredIdempotencyKeys(deps: Pick<Deps, 'db' | 'logger'>): Promise<number> {
  const deleted = await deleteExpiredKeys(deps.db.pool);
  if (deleted > 0) deps.logger.debug({ deleted }, 'expired idempotency keys deleted');
  return deleted;
}
