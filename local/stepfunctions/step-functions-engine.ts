import { isDeepStrictEqual } from 'node:util';
import type { Clock } from './clock.js';
import type { LoadedMachine } from './definitions.js';
import * as errors from './errors.js';
import { ExecutionRun } from './execution-run.js';
import { type ExecutionRecord, ExecutionStore } from './execution-store.js';
import { addEvent, data } from './history.js';
import type { Json } from './json-paths.js';
import type { FunctionInvoker } from './task-resources.js';
import { executionOfToken } from './task-tokens.js';

export interface EngineOptions {
  dataDir: string;
  region: string;
  accountId: string;
  machines: LoadedMachine[];
  invoke: FunctionInvoker;
  clock: Clock;
}

export interface RegisteredMachine extends LoadedMachine {
  arn: string;
  /** When this process loaded it (ListStateMachines' creationDate). */
  creationDate: number;
}

/** A declared state machine's ARN here: its logical name is its name (what `{ ref: 'stateMachineArn' }` resolves to). */
export function localStateMachineArn(region: string, accountId: string, name: string): string {
  return `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
}

const NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

/**
 * The executions of the declared state machines: started, driven (execution-run.ts), kept (execution-store.ts),
 * and reached by task tokens. Everything the Step Functions API answers comes from here (sfn-api.ts).
 */
export class StepFunctionsEngine {
  readonly machines = new Map<string, RegisteredMachine>();
  private readonly store: ExecutionStore;
  private readonly runs = new Map<string, ExecutionRun>();
  private readonly driving = new Set<Promise<void>>();

  constructor(private readonly options: EngineOptions) {
    this.store = new ExecutionStore(options.dataDir);
    for (const machine of options.machines) {
      const arn = localStateMachineArn(options.region, options.accountId, machine.decl.name);
      this.machines.set(arn, { ...machine, arn, creationDate: options.clock.now() });
    }
  }

  /** Carries on every execution a previous run of the server left RUNNING (docs/offline.md). */
  resume(): void {
    for (const record of this.store.all()) {
      if (record.status !== 'RUNNING') continue;
      if (this.machines.has(record.stateMachineArn)) {
        this.drive(record);
        continue;
      }
      // Its state machine is no longer declared: it is stopped, as AWS stops the executions of a deleted one.
      Object.assign(record, { status: 'ABORTED', stopDate: this.options.clock.now() });
      delete record.position;
      addEvent(record, record.stopDate ?? 0, 'ExecutionAborted', { error: 'States.Aborted', cause: 'The state machine is no longer declared' });
      this.store.save(record);
    }
  }

  startExecution(stateMachineArn: string, name: string, input: string): ExecutionRecord {
    const machine = this.machines.get(stateMachineArn);
    if (!machine) throw errors.stateMachineDoesNotExist(stateMachineArn);
    if (!NAME.test(name)) throw errors.invalidName(name);
    let parsed: Json;
    try {
      parsed = JSON.parse(input) as Json;
    } catch (error) {
      throw errors.invalidExecutionInput((error as Error).message);
    }
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.store.get(executionArn);
    if (existing) {
      // Standard workflows: the same name and input as a running execution answers that execution.
      if (existing.status === 'RUNNING' && isDeepStrictEqual(JSON.parse(existing.input), parsed)) return existing;
      throw errors.executionAlreadyExists(executionArn);
    }
    const now = this.options.clock.now();
    const timeout = machine.definition.TimeoutSeconds;
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name,
      input,
      status: 'RUNNING',
      startDate: now,
      ...(timeout !== undefined ? { deadline: now + timeout * 1000 } : {}),
      events: [],
      position: { state: machine.definition.StartAt, input: parsed, enteredAt: now, retries: [] },
      tokens: [],
    };
    addEvent(record, now, 'ExecutionStarted', { ...data('input', parsed), roleArn: `arn:aws:iam::${this.options.accountId}:role/${machine.decl.name}-role` });
    this.store.save(record);
    this.drive(record);
    return record;
  }

  /** A state machine's executions, newest first (ListExecutions). */
  executions(stateMachineArn: string): ExecutionRecord[] {
    if (!this.machines.has(stateMachineArn)) throw errors.stateMachineDoesNotExist(stateMachineArn);
    return this.store
      .all()
      .filter((record) => record.stateMachineArn === stateMachineArn)
      .sort((a, b) => b.startDate - a.startDate);
  }

  execution(executionArn: string): ExecutionRecord {
    if (!/^arn:aws:states:[^:]+:\d{12}:execution:[^:]+:[^:]+$/.test(executionArn)) throw errors.invalidArn(executionArn);
    const record = this.store.get(executionArn);
    if (!record) throw errors.executionDoesNotExist(executionArn);
    return record;
  }

  /** SendTaskSuccess and SendTaskFailure: the waiting task takes the outcome. */
  settleTask(token: string, outcome: { output: Json } | { error: string; cause: string }): void {
    const { run, task } = this.openTask(token);
    task.outcome = outcome;
    run.save();
    run.poke();
  }

  /** SendTaskHeartbeat: the task's heartbeat deadline starts again. */
  heartbeat(token: string): void {
    const { run, task } = this.openTask(token);
    if (task.heartbeatSeconds !== undefined) task.heartbeatAt = this.options.clock.now() + task.heartbeatSeconds * 1000;
    run.save();
    run.poke();
  }

  /** Stops driving executions (they stay RUNNING on disk), waits for their steps to let go and their saves to land. */
  async close(): Promise<void> {
    for (const run of this.runs.values()) run.halt();
    await Promise.all(this.driving);
    await this.store.flush();
  }

  private openTask(token: string) {
    const executionArn = executionOfToken(token);
    if (!executionArn) throw errors.invalidToken();
    const record = this.store.get(executionArn);
    if (!record) throw errors.taskDoesNotExist();
    if (!record.tokens.includes(token)) throw errors.invalidToken();
    const task = record.position?.task;
    const run = this.runs.get(executionArn);
    if (!run || record.status !== 'RUNNING' || task?.token !== token || task.outcome) throw errors.taskTimedOut();
    return { run, task };
  }

  private drive(record: ExecutionRecord): void {
    const machine = this.machines.get(record.stateMachineArn);
    if (!machine) return;
    const run = new ExecutionRun(record, machine.definition, { clock: this.options.clock, invoke: this.options.invoke, save: (r) => this.store.save(r) });
    this.runs.set(record.executionArn, run);
    const driving: Promise<void> = run
      .drive()
      .catch((error: unknown) => {
        process.stderr.write(`Step Functions (local): ${record.executionArn} stopped: ${String(error)}\n`);
      })
      .finally(() => {
        this.driving.delete(driving);
        if (this.runs.get(record.executionArn) === run) this.runs.delete(record.executionArn);
      });
    this.driving.add(driving);
  }
}
