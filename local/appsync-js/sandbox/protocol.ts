import type { EvaluationRecord } from '../evaluation.js';
import type { StepPlan, StepState } from '../resolver-steps.js';

/** Messages between the main thread and an evaluation worker. */
export type ToWorker =
  | { type: 'load'; hash: string; code: string; filename: string }
  | CallMessage
  | AdvanceMessage
  /** Messages of one event-loop turn, in order. */
  | { type: 'batch'; messages: ToWorker[] };

/**
 * One handler call. `context` is the whole `ctx` as JSON; a call of a chain sends `chain` instead: the parts of
 * `ctx` that stay the same for a whole resolver (`base`: arguments, identity, request headers, info) travel once
 * per evaluator and chain, and each call adds only its own parts (`extra`: stash, prev, result, error).
 * `drop` names chains that have ended, whose base the evaluator forgets.
 */
export interface CallMessage {
  type: 'call';
  id: number;
  hash: string;
  fn: string;
  context?: string;
  chain?: ChainPart;
  drop?: number[];
  authType?: string;
  timeoutMs: number;
}

/**
 * A resolver's handler calls from `state` on, one after another in this evaluator, until one asks for a data
 * source or the resolver is done (resolver-steps.ts): one round trip instead of one per call. `stash` is the
 * stash so far; `plan` names the codes by hash.
 */
export interface AdvanceMessage extends Omit<CallMessage, 'type' | 'hash' | 'fn' | 'context'> {
  type: 'advance';
  plan: StepPlan<string>;
  state: StepState;
  stash: unknown;
}

/** Each call's outcome in order, and how long it ran; the engine replays the steps to know what each was given. */
export interface AdvanceReply {
  calls: { outcome: CallOutcome; durationMs: number }[];
}

export interface ChainPart {
  id: number;
  base?: Record<string, unknown>;
  /** A call's own parts; an advance builds each call's itself. */
  extra?: Record<string, unknown>;
}

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

export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; outcome: CallOutcome | AdvanceReply };
