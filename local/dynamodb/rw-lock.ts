/**
 * dynalite has no transactions, so TransactWriteItems/TransactGetItems are emulated with several plain calls.
 * They hold this lock exclusively while every other request holds it shared: no request observes a half-done
 * transaction. Waiters are served first come, first served, so a transaction is not starved by a stream of reads.
 */
export class ReadWriteLock {
  private readers = 0;
  private writer = false;
  private readonly waiting: { exclusive: boolean; start: () => void }[] = [];

  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.run(false, work);
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.run(true, work);
  }

  private async run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    await this.acquire(exclusive);
    try {
      return await work();
    } finally {
      if (exclusive) this.writer = false;
      else this.readers -= 1;
      this.drain();
    }
  }

  private canEnter(exclusive: boolean): boolean {
    return exclusive ? !this.writer && this.readers === 0 : !this.writer;
  }

  private enter(exclusive: boolean): void {
    if (exclusive) this.writer = true;
    else this.readers += 1;
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.waiting.length === 0 && this.canEnter(exclusive)) {
      this.enter(exclusive);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push({ exclusive, start: () => { this.enter(exclusive); resolve(); } });
    });
  }

  private drain(): void {
    for (let next = this.waiting[0]; next !== undefined && this.canEnter(next.exclusive); next = this.waiting[0]) {
      this.waiting.shift();
      next.start();
    }
  }
}

const locks = new WeakMap<object, ReadWriteLock>();

/** One lock per store: every request of one local API goes through the same store. */
export function lockFor(store: object): ReadWriteLock {
  let lock = locks.get(store);
  if (lock === undefined) {
    lock = new ReadWriteLock();
    locks.set(store, lock);
  }
  return lock;
}
