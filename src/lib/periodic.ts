/**
 * Periodic duties of a long-running process (scheduler ticks, recovery sweeps). A duty skips a
 * beat while its previous round is still going, logs its failures, and never keeps the process
 * alive on its own.
 */
import type { Logger } from './logger.js';

export class Periodic {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly logger: Logger) {}

  every(ms: number, name: string, task: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      task()
        .catch((err: unknown) => this.logger.error({ err }, `${name} failed`))
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
  }
}
