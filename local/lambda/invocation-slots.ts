/**
 * A counting semaphore: how many invocations of one event source mapping may run at once (its maximum
 * concurrency). Waiters are served first come, first served.
 */
export class InvocationSlots {
  private inUse = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Resolves once a slot is held; release it exactly once. */
  acquire(): Promise<void> {
    if (this.inUse < this.size) {
      this.inUse += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter: the count does not change.
    if (next) next();
    else this.inUse -= 1;
  }

  /** Wakes every waiter with a slot (stopping: they check `stopped` and release at once). */
  releaseWaiters(): void {
    for (const resolve of this.waiting.splice(0)) {
      this.inUse += 1;
      resolve();
    }
  }
}
