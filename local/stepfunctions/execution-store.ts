import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from './json-paths.js';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One entry of GetExecutionHistory, its timestamp in milliseconds; details under AWS's `<type>EventDetails` key. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

/** A task in hand: its token (callback tasks), deadlines, and a callback received but not yet taken up. */
export interface TaskInHand {
  parameters: Json;
  token?: string;
  timeoutAt?: number;
  heartbeatSeconds?: number;
  heartbeatAt?: number;
  /** The resource was called (and, for a callback task, now waits for its token). */
  submitted?: boolean;
  outcome?: { output: Json } | { error: string; cause: string };
}

/** Where a running execution is: enough to resume it after a restart. */
export interface Position {
  state: string;
  /** The state's raw input. */
  input: Json;
  enteredAt: number;
  entered?: boolean;
  /** Attempts made so far, per retrier of the state. */
  retries: number[];
  /** A Wait state's end, or a retry's. */
  waitUntil?: number;
  task?: TaskInHand;
}

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  /** The input as given to StartExecution (text), for the idempotency check and DescribeExecution. */
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** The execution's TimeoutSeconds, as an absolute time. */
  deadline?: number;
  events: HistoryEvent[];
  position?: Position;
  /** Every task token handed out, so a late callback is told TaskTimedOut rather than InvalidToken. */
  tokens: string[];
}

/**
 * Executions kept under `<dataDir>/stepfunctions/executions`, one JSON file each, rewritten (write, then rename)
 * at every step: a process killed mid-write leaves the previous step's file.
 */
export class ExecutionStore {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'stepfunctions', 'executions');
    mkdirSync(this.dir, { recursive: true });
    for (const file of readdirSync(this.dir).filter((f) => f.endsWith('.json'))) {
      const record = JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as ExecutionRecord;
      this.records.set(record.executionArn, record);
    }
  }

  get(executionArn: string): ExecutionRecord | undefined {
    return this.records.get(executionArn);
  }

  all(): ExecutionRecord[] {
    return [...this.records.values()];
  }

  save(record: ExecutionRecord): void {
    this.records.set(record.executionArn, record);
    const file = join(this.dir, `${encodeURIComponent(record.executionArn.split(':').slice(-2).join('--'))}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(record));
    renameSync(`${file}.tmp`, file);
  }
}
