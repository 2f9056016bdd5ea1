import type { CallOutcome, EvaluationFailure } from './sandbox/protocol.js';

/**
 * The order in which AppSync calls a resolver's handlers: a unit resolver's request, its data source, its
 * response; a pipeline's own request, each function's request, data source and response in turn (sharing the
 * stash, `ctx.prev.result` carrying each result), then the pipeline's response. `runtime.earlyReturn` skips as the
 * AppSync guide describes. Pure, so that an evaluator can run every call up to the next data source call in one
 * round trip and the engine can replay the same steps to know what each call was given.
 */
export type StepPlan<T> = { kind: 'UNIT'; code: T } | { kind: 'PIPELINE'; code: T; functions: T[] };

export type Position =
  | { at: 'unit-request' }
  | { at: 'unit-response' }
  | { at: 'before' }
  | { at: 'fn-request'; index: number }
  | { at: 'fn-response'; index: number }
  | { at: 'after' };

export interface StepState {
  position: Position;
  /** `ctx.prev.result` of the next pipeline call. */
  prev?: unknown;
  /** What the data source answered, for the response call that follows it. */
  source?: { result?: unknown; error?: unknown };
}

export interface StepCall<T> {
  code: T;
  fn: 'request' | 'response';
  /** The call's `ctx` besides the chain's base and the stash: `prev`, `result`, `error`. */
  extra: Record<string, unknown>;
}

export type Transition =
  | { next: StepState }
  /** The request handler asked for a data source call (`function` is the pipeline function's index). */
  | { dataSource: { function: number | null; request: unknown; resume: StepState } }
  | { done: { value: unknown; failure?: EvaluationFailure } };

export const firstStep = <T>(plan: StepPlan<T>): StepState => ({ position: { at: plan.kind === 'UNIT' ? 'unit-request' : 'before' } });

const parse = (outcome: CallOutcome): unknown => (outcome.result === undefined ? null : JSON.parse(outcome.result));

function sourceFields(source: StepState['source']): Record<string, unknown> {
  return { result: source?.result ?? null, ...(source?.error ? { error: source.error } : {}) };
}

export function callAt<T>(plan: StepPlan<T>, state: StepState): StepCall<T> {
  const { position } = state;
  const prev = { prev: { result: state.prev ?? null } };
  switch (position.at) {
    case 'unit-request':
    case 'before':
      return { code: plan.code, fn: 'request', extra: {} };
    case 'unit-response':
      return { code: plan.code, fn: 'response', extra: sourceFields(state.source) };
    case 'after':
      return { code: plan.code, fn: 'response', extra: prev };
    case 'fn-request':
      return { code: functionAt(plan, position.index), fn: 'request', extra: prev };
    case 'fn-response':
      return { code: functionAt(plan, position.index), fn: 'response', extra: { ...prev, ...sourceFields(state.source) } };
  }
}

/** What the outcome of the call at `state` leads to. */
export function afterCall<T>(plan: StepPlan<T>, state: StepState, outcome: CallOutcome): Transition {
  const { position } = state;
  if (outcome.failure) return { done: { value: null, failure: outcome.failure } };
  const value = parse(outcome);
  switch (position.at) {
    case 'unit-request':
      if (outcome.earlyReturn) return { done: { value } };
      return { dataSource: { function: null, request: value, resume: { position: { at: 'unit-response' } } } };
    case 'unit-response':
    case 'after':
      return { done: { value } };
    case 'before':
      return { next: { position: outcome.earlyReturn ? { at: 'after' } : functionOrAfter(plan, 0), prev: value } };
    case 'fn-request':
      if (outcome.earlyReturn) return { next: { position: afterFunction(plan, position.index, outcome), prev: value } };
      return { dataSource: { function: position.index, request: value, resume: { position: { at: 'fn-response', index: position.index }, prev: state.prev } } };
    case 'fn-response':
      return { next: { position: afterFunction(plan, position.index, outcome), prev: value } };
  }
}

function afterFunction<T>(plan: StepPlan<T>, index: number, outcome: CallOutcome): Position {
  return outcome.earlyReturn?.skipTo === 'END' ? { at: 'after' } : functionOrAfter(plan, index + 1);
}

function functionOrAfter<T>(plan: StepPlan<T>, index: number): Position {
  return plan.kind === 'PIPELINE' && index < plan.functions.length ? { at: 'fn-request', index } : { at: 'after' };
}

function functionAt<T>(plan: StepPlan<T>, index: number): T {
  const code = plan.kind === 'PIPELINE' ? plan.functions[index] : undefined;
  if (code === undefined) throw new RangeError(`The plan has no function ${index}`);
  return code;
}

/** How many handler calls the plan can make at most (a time limit per call becomes one per round trip). */
export const maxCalls = <T>(plan: StepPlan<T>): number => (plan.kind === 'UNIT' ? 2 : 2 + 2 * plan.functions.length);
