/**
 * Collects items from concurrent callers and processes them together: a batch is flushed when it
 * reaches maxSize or maxWaitMs after its first item, whichever comes first. Each caller gets its
 * own item's result, or the batch's error. Workers use it to turn many small Postgres writes into
 * one statement per batch.
 *
 * With maxInFlight, at most that many batches are processed at once: items arriving meanwhile
 * wait and leave together when a batch finishes. Batches then grow as processing slows down,
 * for writes that would wait on one another anyway (such as counters on one row).
 */
export interface BatcherOptions<T, R> {
  maxSize: number;
  maxWaitMs: number;
  /** Batches processed at once (default: no limit). */
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

  constructor(private readonly options: BatcherOptions<T, R>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.options.maxSize) this.flushNow();
      else if (!this.timer) this.timer = setTimeout(() => this.flushNow(), this.options.maxWaitMs);
    });
  }

  /** Sends a batch unless maxInFlight batches are being processed (one finishing sends the next). */
  private flushNow(force = false): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    if (!force && this.inFlight.size >= (this.options.maxInFlight ?? Infinity)) return;
    const batch = this.queue.slice(0, this.options.maxSize);
    this.queue = this.queue.slice(batch.length);
    const run = this.options
      .flush(batch.map((p) => p.item))
      .then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`batch flush returned ${results.length} results for ${batch.length} items`);
          batch.forEach((p, i) => p.resolve(results[i] as R));
        },
      )
      .catch((err) => batch.forEach((p) => p.reject(err)))
      .finally(() => {
        this.inFlight.delete(run);
        this.flushNow();
      });
    this.inFlight.add(run);
    // Items left over a full batch are sent at once too, if allowed.
    if (this.queue.length >= this.options.maxSize) this.flushNow();
  }

  /** Flushes what is queued and waits for every batch in flight (used at shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length) this.flushNow(true);
    await Promise.all([...this.inFlight]);
  }
}
