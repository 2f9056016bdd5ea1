import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
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
 * Executions kept under `<dataDir>/stepfunctions/executions`, one JSON file each. Each save takes a snapshot of the
 * record at once (so what is written is the state it was saved in), and the snapshots are written off the event
 * loop, one batch after another, each file written then renamed: a process killed mid-write leaves the previous
 * file. Saves made while a batch is being written go into the next, only the newest snapshot of a record among
 * them; synchronous writes of every step had cost the server more than the rest of a journey together. What a
 * SIGKILL can lose is the last few milliseconds of steps, which a restart takes again (docs/offline.md); `flush`
 * (at close) waits until every save is on disk.
 */
export class ExecutionStore {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly dir: string;
  /** The newest snapshot not written yet, by file. */
  private readonly pending = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private failure: unknown;

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
    this.pending.set(file, JSON.stringify(record));
    if (this.scheduled) return;
    this.scheduled = true;
    this.writing = this.writing.then(() => this.writePending());
  }

  /** Resolves once every save made so far is on disk; rejects with the first write that failed. */
  async flush(): Promise<void> {
    while (this.scheduled) await this.writing;
    if (this.failure !== undefined) throw this.failure;
  }

  private async writePending(): Promise<void> {
    this.scheduled = false;
    const batch = [...this.pending];
    this.pending.clear();
    try {
      await Promise.all(
        batch.map(async ([file, text]) => {
          await writeFile(`${file}.tmp`, text);
          await rename(`${file}.tmp`, file);
        }),
      );
    } catch (error) {
      // Kept for flush (the stack's close reports it); the executions go on in memory meanwhile.
      this.failure ??= error;
    }
  }
}
