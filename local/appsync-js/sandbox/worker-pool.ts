import { availableParallelism } from 'node:os';
import type { StepPlan, StepState } from '../resolver-steps.js';
import { EvaluationWorker, type LoadableCode, type PendingCall } from './evaluation-worker.js';
import type { AdvanceReply, CallOutcome } from './protocol.js';
import { workerScript } from './worker-source.js';

export interface PoolOptions {
  /** Evaluator processes; resolver code is short, so one per core beside the main thread is plenty. */
  size?: number;
  /** Heap limit of each evaluator: code that allocates past it is stopped, the server lives on. */
  memoryLimitMb?: number;
}

export interface CallRequest {
  code: { hash: string; code: string; filename: string };
  fn: string;
  /** The whole `ctx` as JSON. */
  context?: string;
  authType?: string;
  timeoutMs: number;
}

export interface AdvanceRequest {
  plan: StepPlan<string>;
  /** The plan's codes (by hash in `plan`). */
  codes: LoadableCode[];
  chain: { id: number; base: Record<string, unknown> };
  state: StepState;
  stash: unknown;
  authType?: string;
  /** For the whole round trip. */
  timeoutMs: number;
}

/** Runs resolver calls on evaluator processes, replacing any that dies. */
export class WorkerPool {
  private readonly workers: EvaluationWorker[] = [];
  private readonly size: number;
  private readonly memoryLimitMb: number;
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
    this.memoryLimitMb = options.memoryLimitMb ?? 256;
  }

  async call(request: CallRequest): Promise<CallOutcome> {
    const source = await workerScript();
    return new Promise<CallOutcome>((resolve) => {
      const { code, ...rest } = request;
      this.dispatch(source, {
        codes: [code],
        resolve: (outcome) => resolve(outcome as CallOutcome),
        message: { type: 'call', id: this.nextId++, hash: code.hash, ...rest },
      });
    });
  }

  /** A chain's calls from `state` on in one round trip (resolver-steps.ts); a dead evaluator answers a failed call. */
  async advance(request: AdvanceRequest): Promise<AdvanceReply | CallOutcome> {
    const source = await workerScript();
    return new Promise((resolve) => {
      const { plan, codes, chain, state, stash, authType, timeoutMs } = request;
      this.dispatch(source, {
        codes,
        resolve,
        chain,
        message: { type: 'advance', id: this.nextId++, plan, state, stash, timeoutMs, ...(authType !== undefined ? { authType } : {}) },
      });
    });
  }

  /** A chain has ended: the evaluators holding its base may forget it. */
  endChain(id: number): void {
    for (const worker of this.workers) worker.drop(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const worker of this.workers.splice(0)) worker.terminate();
  }

  private dispatch(source: string, call: PendingCall): void {
    if (this.closed) throw new Error('The APPSYNC_JS runtime was closed');
    this.pickWorker(source, call.chain?.id).submit(call);
  }

  /** The evaluator that already holds the chain's base, else a new one while below size, else the least busy. */
  private pickWorker(source: string, chain: number | undefined): EvaluationWorker {
    const alive = this.workers.filter((worker) => !worker.dead);
    const holder = chain === undefined ? undefined : alive.find((worker) => worker.holds(chain));
    if (holder) return holder;
    if (alive.length < this.size) {
      const worker = new EvaluationWorker(source, this.memoryLimitMb, (orphans) => {
        this.workers.splice(this.workers.indexOf(worker), 1);
        if (!this.closed) for (const orphan of orphans) this.dispatch(source, orphan);
      });
      this.workers.push(worker);
      return worker;
    }
    return alive.reduce((least, worker) => (worker.pending.size < least.pending.size ? worker : least));
  }
}
