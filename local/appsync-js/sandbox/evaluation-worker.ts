import { type ChildProcess, fork } from 'node:child_process';
import { newEvaluationRecord } from '../evaluation.js';
import type { AdvanceMessage, AdvanceReply, CallMessage, CallOutcome, ChainPart, EvaluationFailure, FromWorker, ToWorker } from './protocol.js';

export interface LoadableCode {
  hash: string;
  code: string;
  filename: string;
}

export interface PendingCall {
  message: Omit<CallMessage, 'chain' | 'drop'> | Omit<AdvanceMessage, 'chain' | 'drop'>;
  /** An advance of a chain: its base goes with it only to an evaluator that does not hold it yet. */
  chain?: { id: number; base: Record<string, unknown> };
  /** Every code the message may run, loaded into the evaluator first. */
  codes: LoadableCode[];
  /** A call's outcome, an advance's reply; when the evaluator dies, the cause as a failed call's outcome. */
  resolve: (outcome: CallOutcome | AdvanceReply) => void;
}

/**
 * One evaluator process and the calls queued on it. A process, not a worker thread: V8 aborts the whole process
 * when a large allocation overruns the heap, so only a process boundary keeps the server alive. If the evaluator
 * dies, the call it was running fails and the calls queued behind it are handed back to run elsewhere.
 */
export class EvaluationWorker {
  readonly pending = new Map<number, PendingCall>();
  private readonly loaded = new Set<string>();
  /** Chains whose base this evaluator holds, and ended ones it is yet to be told to forget. */
  private readonly chains = new Set<number>();
  private drops: number[] = [];
  private outbox: ToWorker[] = [];
  private readonly child: ChildProcess;
  private watchdog: NodeJS.Timeout | undefined;
  private timedOut = false;
  /** Until the evaluator has started, nothing runs, so nothing is timed. */
  private ready = false;
  dead = false;

  constructor(script: string, memoryLimitMb: number, onDeath: (orphans: PendingCall[]) => void) {
    this.child = fork(script, [], {
      execArgv: [`--max-old-space-size=${memoryLimitMb}`, '--stack-size=984'],
      serialization: 'json',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.child.on('message', (message: FromWorker) => {
      if (message.type === 'done') return this.settle(message.id, message.outcome);
      // Once started, the evaluator never keeps this process alive by itself; the watchdog timer of a running
      // call does. (A CLI then exits as soon as its last answer is in.)
      this.ready = true;
      this.child.unref();
      this.child.channel?.unref();
      this.watchHead();
    });
    const die = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (this.dead) return;
      this.dead = true;
      clearTimeout(this.watchdog);
      const [running, ...queued] = this.pending.values();
      this.pending.clear();
      running?.resolve({ failure: this.deathCause(code, signal, running.message.timeoutMs), record: newEvaluationRecord() });
      onDeath(queued);
    };
    this.child.on('exit', die);
    this.child.on('error', () => die(null, null));
  }

  submit(call: PendingCall): void {
    for (const code of call.codes) {
      if (this.loaded.has(code.hash)) continue;
      this.send({ type: 'load', ...code });
      this.loaded.add(code.hash);
    }
    this.pending.set(call.message.id, call);
    if (this.pending.size === 1) this.watchHead();
    this.send({ ...call.message, ...this.chainPart(call), ...this.takeDrops() });
  }

  holds(chain: number): boolean {
    return this.chains.has(chain);
  }

  /** The chain has ended: the evaluator forgets its base with the next message, rather than with one of its own. */
  drop(chain: number): void {
    if (this.chains.delete(chain)) this.drops.push(chain);
  }

  private chainPart(call: PendingCall): { chain?: ChainPart } {
    if (!call.chain) return {};
    const { id, base } = call.chain;
    if (this.chains.has(id)) return { chain: { id } };
    this.chains.add(id);
    return { chain: { id, base } };
  }

  private takeDrops(): { drop?: number[] } {
    if (this.drops.length === 0) return {};
    const drop = this.drops;
    this.drops = [];
    return { drop };
  }

  terminate(): void {
    this.dead = true;
    this.child.kill();
  }

  /**
   * Messages leave once per turn of the event loop, together: under load several requests reach their resolvers
   * in one turn, and each write to the evaluator wakes it, which on a busy machine costs the server far more than
   * the bytes (see docs/performance.md). The evaluator still answers each call as soon as it is done, so the
   * watchdog keeps timing the call that runs.
   */
  private send(message: ToWorker): void {
    this.outbox.push(message);
    if (this.outbox.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const messages = this.outbox;
    this.outbox = [];
    const [only, ...more] = messages;
    if (this.dead || only === undefined) return;
    this.child.send(more.length === 0 ? only : ({ type: 'batch', messages } satisfies ToWorker));
  }

  /**
   * Calls run one at a time, so only the one at the head of the queue is timed. A call past its time limit is
   * stopped by killing its evaluator: cheaper per call than vm's own timeout, which starts a watchdog thread each
   * time, and it also stops code stuck outside JavaScript.
   */
  private watchHead(): void {
    clearTimeout(this.watchdog);
    const head = this.pending.values().next();
    if (!this.ready || head.done) return;
    const call = head.value;
    this.watchdog = setTimeout(() => {
      this.timedOut = true;
      this.child.kill('SIGKILL');
    }, call.message.timeoutMs);
  }

  private deathCause(code: number | null, signal: NodeJS.Signals | null, timeoutMs: number): EvaluationFailure {
    if (this.timedOut) return { kind: 'timeout', message: `Execution timed out: the code ran for more than ${timeoutMs} ms` };
    // V8 aborts (SIGABRT, or exit code 134) when the heap limit is reached.
    if (signal === 'SIGABRT' || code === 134) {
      return { kind: 'memory', message: 'Execution stopped: the code exceeded the memory limit of the APPSYNC_JS runtime' };
    }
    return { kind: 'runtime', message: `Execution stopped: the evaluator exited (${signal ?? code})` };
  }

  private settle(id: number, outcome: CallOutcome | AdvanceReply): void {
    const call = this.pending.get(id);
    this.pending.delete(id);
    this.watchHead();
    call?.resolve(outcome);
  }
}
