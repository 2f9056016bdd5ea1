/**
 * The one clock every Step Functions timer reads: Wait states, a task's TimeoutSeconds and HeartbeatSeconds,
 * retry intervals and an execution's TimeoutSeconds. Timers are set at an absolute time (milliseconds since the
 * epoch), so a deadline kept across a restart is re-armed as it was.
 */
export interface Clock {
  now(): number;
  /** Calls `fire` once at `at` (at once when `at` has passed); the returned function cancels it. */
  setTimer(at: number, fire: () => void): () => void;
}

/** setTimeout's longest delay; a longer timer is re-armed when it wakes. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, fire) {
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = at - Date.now();
      if (delay <= 0) return fire();
      handle = setTimeout(arm, Math.min(delay, MAX_DELAY_MS));
      handle.unref();
    };
    arm();
    return () => clearTimeout(handle);
  },
};

/** A clock that moves only when told: tests run a 5-minute deadline in a millisecond. */
export class ManualClock implements Clock {
  private readonly timers = new Set<{ at: number; fire: () => void }>();

  constructor(private time = Date.parse('2026-01-01T00:00:00Z')) {}

  now(): number {
    return this.time;
  }

  setTimer(at: number, fire: () => void): () => void {
    const timer = { at, fire };
    this.timers.add(timer);
    if (at <= this.time) queueMicrotask(() => this.fireDue());
    return () => this.timers.delete(timer);
  }

  /** Moves the clock forward and fires the timers now due, earliest first. */
  advance(ms: number): void {
    this.time += ms;
    this.fireDue();
  }

  /** How many timers are waiting: a test can wait until the engine has armed one. */
  get pending(): number {
    return this.timers.size;
  }

  private fireDue(): void {
    const due = [...this.timers].filter((t) => t.at <= this.time).sort((a, b) => a.at - b.at);
    for (const timer of due) {
      this.timers.delete(timer);
      timer.fire();
    }
  }
}
