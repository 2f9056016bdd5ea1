import type { Clock } from './clock.js';
import type { MachineDefinition, StateDefinition } from './definitions.js';
import { catcherOf, retryOf } from './error-handling.js';
import { StatesError } from './errors.js';
import type { ExecutionRecord, Position } from './execution-store.js';
import { addEvent, data } from './history.js';
import { applyResultPath, type Json } from './json-paths.js';
import { runState, type StateContext } from './state-steps.js';
import type { FunctionInvoker } from './task-resources.js';

export interface RunDeps {
  clock: Clock;
  invoke: FunctionInvoker;
  save: (record: ExecutionRecord) => void;
}

/** Raised inside a step when the execution stopped while it waited (timed out). */
export class ExecutionStopped extends Error {
  override readonly name = 'ExecutionStopped';
}

/**
 * One execution, driven state by state from its persisted position; every step is saved before the next, so a
 * new run of the same record after a restart carries on where it was (execution-recovery in docs/offline.md).
 */
export class ExecutionRun implements StateContext {
  private wake: (() => void) | undefined;
  private halted = false;

  constructor(
    readonly record: ExecutionRecord,
    readonly machine: MachineDefinition,
    readonly deps: RunDeps,
  ) {}

  get now(): number {
    return this.deps.clock.now();
  }

  emit(type: string, details?: Record<string, unknown>): void {
    addEvent(this.record, this.now, type, details);
  }

  save(): void {
    if (!this.halted) this.deps.save(this.record);
  }

  /** The engine closes: the run stops where it is, its record left as last saved, to resume at the next start. */
  halt(): void {
    this.halted = true;
    this.poke();
  }

  /** Wakes the step waiting now (a callback arrived, a heartbeat moved a deadline, the execution stopped). */
  poke(): void {
    this.wake?.();
  }

  /** Waits until `check` answers, re-checking at each deadline and whenever poked; stops if the execution did. */
  async waitFor<T>(check: () => T | undefined, deadlines: () => (number | undefined)[]): Promise<T> {
    for (;;) {
      if (this.halted || this.record.status !== 'RUNNING') throw new ExecutionStopped();
      const done = check();
      if (done !== undefined) return done;
      let cancels: (() => void)[] = [];
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        cancels = deadlines().flatMap((at) => (at === undefined ? [] : [this.deps.clock.setTimer(at, resolve)]));
      });
      this.wake = undefined;
      for (const cancel of cancels) cancel();
    }
  }

  /** Runs until the execution ends (or stops while waiting). */
  async drive(): Promise<void> {
    if (this.record.deadline !== undefined) {
      const cancel = this.deps.clock.setTimer(this.record.deadline, () => this.timeOut());
      try {
        await this.steps();
      } finally {
        cancel();
      }
    } else {
      await this.steps();
    }
  }

  private async steps(): Promise<void> {
    while (!this.halted && this.record.status === 'RUNNING' && this.record.position) {
      const position = this.record.position;
      const state = this.machine.States[position.state] as StateDefinition;
      if (!position.entered) {
        this.emit(`${state.Type}StateEntered`, { name: position.state, ...data('input', position.input) });
        position.entered = true;
        this.save();
      }
      try {
        const { output, next } = await runState(this, state, position);
        this.exitTo(position, state, output, next);
      } catch (error) {
        if (error instanceof ExecutionStopped || this.halted || this.record.status !== 'RUNNING') return;
        const failure = error instanceof StatesError ? error : new StatesError('States.Runtime', (error as Error).message);
        if (state.Type === 'Fail' || failure.error === 'States.Runtime') {
          this.finish('FAILED', { error: failure.error, cause: failure.cause });
        } else if (!(await this.retried(state, position, failure))) {
          this.caught(state, position, failure);
        }
      }
      this.save();
    }
  }

  private exitTo(position: Position, state: StateDefinition, output: Json, next: string | undefined): void {
    this.emit(`${state.Type}StateExited`, { name: position.state, ...data('output', output) });
    if (next === undefined) return this.finish('SUCCEEDED', { output });
    this.record.position = { state: next, input: output, enteredAt: this.now, retries: [] };
  }

  private async retried(state: StateDefinition, position: Position, failure: StatesError): Promise<boolean> {
    const retry = retryOf(state, position, failure);
    if (!retry) return false;
    position.retries[retry.index] = (position.retries[retry.index] ?? 0) + 1;
    delete position.task;
    const until = this.now + retry.delayMs;
    position.waitUntil = until;
    this.save();
    await this.waitFor(() => (this.now >= until ? true : undefined), () => [until]);
    delete position.waitUntil;
    return true;
  }

  private caught(state: StateDefinition, position: Position, failure: StatesError): void {
    const catcher = catcherOf(state, failure);
    if (!catcher) return this.finish('FAILED', { error: failure.error, cause: failure.cause });
    const output = applyResultPath(catcher.ResultPath, position.input, { Error: failure.error, Cause: failure.cause });
    this.exitTo(position, state, output, catcher.Next);
  }

  private finish(status: 'SUCCEEDED' | 'FAILED', end: { output?: Json; error?: string; cause?: string }): void {
    const record = this.record;
    record.status = status;
    record.stopDate = this.now;
    delete record.position;
    if (status === 'SUCCEEDED') {
      record.output = JSON.stringify(end.output ?? null);
      this.emit('ExecutionSucceeded', data('output', end.output ?? null));
    } else {
      Object.assign(record, { error: end.error, cause: end.cause });
      this.emit('ExecutionFailed', { error: end.error, cause: end.cause });
    }
  }

  /** The execution's own TimeoutSeconds ran out: it ends TIMED_OUT whatever it was doing. */
  private timeOut(): void {
    if (this.halted || this.record.status !== 'RUNNING') return;
    Object.assign(this.record, { status: 'TIMED_OUT', stopDate: this.now, error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds' });
    delete this.record.position;
    this.emit('ExecutionTimedOut', { error: 'States.Timeout', cause: this.record.cause });
    this.save();
    this.poke();
  }
}
