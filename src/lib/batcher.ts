/**
 * Collects items from concurrent callers and processes them together: a batch is flushed when it
 * reaches maxSize or maxWaitMs after its first item, whichever comes first. Each caller gets its
 * own item's result, or the batch's error. Workers use it to turn many small Postgres writes into
 * one statement per batch.
 */
export interface BatcherOptions<T, R> {
  maxSize: number;
  maxWaitMs: number;
  /**
   * Group commit: with this set, a batch is flushed as soon as fewer than this many are in flight
   * (items added in the same tick go together), and while that many are in flight items gather
   * until one finishes (or maxSize is reached). Batches then grow with the load instead of waiting
   * out maxWaitMs: a lone item is not delayed, and a busy database gets fewer, larger statements.
   */
  maxInFlight?: number;
  /** Processes a batch; returns one result per item, in the same order. */
  flush(items: T[]): Promise<R[]>;
}

interface Pending<T, R> {
  item: T;
  resolve(value: R): void;
  reject(err: unknown): void;
}

export class Batcher<T, R> {
  private queue: Pending<T, R>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private tickScheduled = false;

  constructor(private readonly options: BatcherOptions<T, R>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      const { maxInFlight } = this.options;
      if (this.queue.length >= this.options.maxSize) this.flushNow();
      else if (maxInFlight !== undefined) {
        if (this.inFlight.size < maxInFlight && !this.tickScheduled) {
          this.tickScheduled = true;
          setImmediate(() => {
            this.tickScheduled = false;
            if (this.inFlight.size < maxInFlight) this.flushNow();
          });
        }
      } else if (!this.timer) this.timer = setTimeout(() => this.flushNow(), this.options.maxWaitMs);
    });
  }

  private flushNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const run = this.options
      .flush(batch.map((p) => p.item))
      .then((results) => {
        if (results.length !== batch.length)
          throw new Error(`batch flush returned ${results.length} results for ${batch.length} items`);
        for (const [i, p] of batch.entries()) p.resolve(results[i] as R);
      })
      .catch((err) => {
        for (const p of batch) p.reject(err);
      })
      .finally(() => {
        this.inFlight.delete(run);
        // What gathered while every slot was busy goes now.
        if (this.options.maxInFlight !== undefined && this.queue.length > 0) this.flushNow();
      });
    this.inFlight.add(run);
  }

  /** Flushes what is queued and waits for every batch in flight (used at shutdown). */
  async drain(): Promise<void> {
    this.flushNow();
    await Promise.all([...this.inFlight]);
  }
}
