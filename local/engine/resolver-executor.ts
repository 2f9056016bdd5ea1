import { afterCall, callAt, firstStep, type StepPlan, type StepState, type Transition } from '../appsync-js/resolver-steps.js';
import type { AppSyncJsRuntime, CompiledCode, EvaluationChain } from '../appsync-js/runtime.js';
import type { AppendedError, EvaluationRecord } from '../appsync-js/evaluation.js';
import type { CallOutcome, EvaluationFailure } from '../appsync-js/sandbox/protocol.js';
import type { DataSource } from './data-sources.js';

export interface LoadedFunction {
  name: string;
  code: CompiledCode;
  dataSource: DataSource;
}

export type LoadedResolver =
  | { kind: 'UNIT'; code: CompiledCode; dataSource: DataSource }
  | { kind: 'PIPELINE'; code: CompiledCode; functions: LoadedFunction[] };

/** The parts of `ctx` that come from the GraphQL request, not from the resolver chain. */
export interface FieldCall {
  arguments: Record<string, unknown>;
  source: unknown;
  identity: unknown;
  request: { headers: Record<string, string>; domainName: string | null };
  info: Record<string, unknown>;
  /** The API's environment variables (`ctx.env`). */
  env?: Record<string, string>;
  authType: string;
}

/** What resolving a field produced: its value or error, plus whatever the handlers recorded. */
export interface FieldOutcome {
  value: unknown;
  error?: EvaluationFailure;
  appendedErrors: AppendedError[];
  records: EvaluationRecord[];
  /** Each handler call in order, for field-level logs (local/observability). */
  calls?: HandlerCall[];
}

/** One `request` or `response` call: the code, what it was given besides the chain's base, its outcome, its time. */
export interface HandlerCall {
  filename: string;
  fn: 'request' | 'response';
  input: Record<string, unknown>;
  outcome: CallOutcome;
  startedAt: number;
  durationMs: number;
}

class Chain {
  stash: unknown = {};
  readonly records: EvaluationRecord[] = [];
  readonly calls: HandlerCall[] = [];
  readonly evaluations: EvaluationChain;
  constructor(runtime: AppSyncJsRuntime, call: FieldCall) {
    const { authType, ...base } = call;
    this.evaluations = runtime.openChain(base, { authType });
  }

  /** One handler call made: what it was given (with the stash as it stood), its outcome and time. */
  record(code: CompiledCode, fn: 'request' | 'response', extra: Record<string, unknown>, outcome: CallOutcome, startedAt: number, durationMs: number): void {
    this.calls.push({ filename: code.filename, fn, input: { ...extra, stash: this.stash }, outcome, startedAt, durationMs });
    this.records.push(outcome.record);
    if (outcome.stash !== undefined) this.stash = JSON.parse(outcome.stash);
  }

  done(value: unknown, error?: EvaluationFailure): FieldOutcome {
    const appendedErrors = this.records.flatMap((r) => r.appendedErrors);
    return { value: error ? null : value, appendedErrors, records: this.records, calls: this.calls, ...(error ? { error } : {}) };
  }
}

class EvaluatorStalledError extends Error {
  override readonly name = 'EvaluatorStalledError';
}

/**
 * Runs a unit or pipeline resolver as AppSync does (the steps are in appsync-js/resolver-steps.ts). The evaluator
 * makes every handler call up to the next data source call in one round trip; the data source runs here, and the
 * steps are replayed here to record what each call was given, for the field-level logs.
 */
export async function executeResolver(runtime: AppSyncJsRuntime, resolver: LoadedResolver, call: FieldCall): Promise<FieldOutcome> {
  const chain = new Chain(runtime, call);
  try {
    return await runChain(chain, resolver);
  } finally {
    chain.evaluations.close();
  }
}

async function runChain(chain: Chain, resolver: LoadedResolver): Promise<FieldOutcome> {
  const plan: StepPlan<CompiledCode> = resolver.kind === 'UNIT'
    ? { kind: 'UNIT', code: resolver.code }
    : { kind: 'PIPELINE', code: resolver.code, functions: resolver.functions.map((fn) => fn.code) };
  let state: StepState = firstStep(plan);
  for (;;) {
    const startedAt = performance.now();
    const reply = await chain.evaluations.advance(plan, state, chain.stash);
    // A dead evaluator answers with the failed call's outcome alone.
    const calls = 'calls' in reply ? reply.calls : [{ outcome: reply, durationMs: performance.now() - startedAt }];
    if (calls.length === 0) throw new EvaluatorStalledError('The evaluator answered a round trip without a single handler call');
    let transition: Transition | undefined;
    let at = startedAt;
    for (const { outcome, durationMs } of calls) {
      const step = callAt(plan, state);
      chain.record(step.code, step.fn, step.extra, outcome, at, durationMs);
      at += durationMs;
      transition = afterCall(plan, state, outcome);
      if ('next' in transition) state = transition.next;
    }
    if (transition && 'done' in transition) return chain.done(transition.done.value, transition.done.failure);
    if (transition && 'dataSource' in transition) {
      const { function: index, request, resume } = transition.dataSource;
      const outcome = await dataSourceOf(resolver, index)(request);
      state = { ...resume, source: { result: outcome.result ?? null, ...(outcome.error ? { error: outcome.error } : {}) } };
    }
  }
}

function dataSourceOf(resolver: LoadedResolver, index: number | null): DataSource {
  const dataSource = resolver.kind === 'UNIT' ? resolver.dataSource : index === null ? undefined : resolver.functions[index]?.dataSource;
  if (!dataSource) throw new RangeError(`The resolver has no data source for step ${String(index)}`);
  return dataSource;
}
