import { type ChildProcess, fork } from 'node:child_process';
import { newEvaluationRecord } from '../evaluation.js';
import type { CallOutcome, FromWorker, ToWorker } from './protocol.js';

export interface PendingCall {
  message: Extract<ToWorker, { type: 'call' }>;
  code: { hash: string; code: string; filename: string };
  resolve: (outcome: CallOutcome) => void;
}

/**
 * One evaluator process and the calls queued on it. A process, not a worker thread: V8 aborts the whole process
 * when a large allocation overruns the heap, so only a process boundary keeps the server alive. If the evaluator
 * dies, the call it was running fails and the calls queued behind it are handed back to run elsewhere.
 */
export class EvaluationWorker {
  readonly pending = new Map<number, PendingCall>();
  private readonly loaded = new Set<string>();
  private readonly child: ChildProcess;
  dead = false;

  constructor(script: string, memoryLimitMb: number, onDeath: (orphans: PendingCall[]) => void) {
    this.child = fork(script, [], {
      execArgv: [`--max-old-space-size=${memoryLimitMb}`, '--stack-size=984'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.idle();
    this.child.on('message', (message: FromWorker) => this.settle(message.id, message.outcome));
    const die = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (this.dead) return;
      this.dead = true;
      const [running, ...queued] = this.pending.values();
      this.pending.clear();
      // V8 aborts (SIGABRT, or exit code 134) when the heap limit is reached.
      const outOfMemory = signal === 'SIGABRT' || code === 134;
      running?.resolve({
        failure: {
          kind: outOfMemory ? 'memory' : 'runtime',
          message: outOfMemory
            ? 'Execution stopped: the code exceeded the memory limit of the APPSYNC_JS runtime'
            : `Execution stopped: the evaluator exited (${signal ?? code})`,
        },
        record: newEvaluationRecord(),
      });
      onDeath(queued);
    };
    this.child.on('exit', die);
    this.child.on('error', () => die(null, null));
  }

  submit(call: PendingCall): void {
    if (!this.loaded.has(call.code.hash)) {
      this.send({ type: 'load', ...call.code });
      this.loaded.add(call.code.hash);
    }
    if (this.pending.size === 0) this.busy();
    this.pending.set(call.message.id, call);
    this.send(call.message);
  }

  terminate(): void {
    this.dead = true;
    this.child.kill();
  }

  private send(message: ToWorker): void {
    this.child.send(message);
  }

  // An idle evaluator must not keep the process (a CLI, a test run) alive.
  private idle(): void {
    this.child.unref();
    this.child.channel?.unref();
  }

  private busy(): void {
    this.child.ref();
    this.child.channel?.ref();
  }

  private settle(id: number, outcome: CallOutcome): void {
    const call = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.idle();
    call?.resolve(outcome);
  }
}
