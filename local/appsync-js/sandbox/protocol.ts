import type { EvaluationRecord } from '../evaluation.js';

/** Messages between the main thread and an evaluation worker. */
export type ToWorker =
  | { type: 'load'; hash: string; code: string; filename: string }
  | { type: 'call'; id: number; hash: string; fn: string; context: string; authType?: string; timeoutMs: number };

export type FailureKind = 'error' | 'unauthorized' | 'runtime' | 'timeout' | 'memory' | 'missing-function';

export interface EvaluationFailure {
  kind: FailureKind;
  message: string;
  errorType?: string;
  data?: unknown;
  errorInfo?: unknown;
}

/** The outcome of calling `request` or `response` once. `result` and `stash` are JSON text. */
export interface CallOutcome {
  result?: string;
  stash?: string;
  earlyReturn?: { skipTo?: 'END' | 'NEXT' };
  failure?: EvaluationFailure;
  record: EvaluationRecord;
}

export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; outcome: CallOutcome };
