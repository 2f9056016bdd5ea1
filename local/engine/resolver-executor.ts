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

  async run(code: CompiledCode, fn: 'request' | 'response', extra: Record<string, unknown>): Promise<CallOutcome> {
    const input = { ...extra, stash: this.stash };
    const startedAt = performance.now();
    const outcome = await this.evaluations.evaluate(code, fn, input);
    this.calls.push({ filename: code.filename, fn, input, outcome, startedAt, durationMs: performance.now() - startedAt });
    this.records.push(outcome.record);
    if (outcome.stash !== undefined) this.stash = JSON.parse(outcome.stash);
    return outcome;
  }

  done(value: unknown, error?: EvaluationFailure): FieldOutcome {
    const appendedErrors = this.records.flatMap((r) => r.appendedErrors);
    return { value: error ? null : value, appendedErrors, records: this.records, calls: this.calls, ...(error ? { error } : {}) };
  }
}

const parse = (outcome: CallOutcome): unknown => (outcome.result === undefined ? null : JSON.parse(outcome.result));

/**
 * Runs a unit or pipeline resolver as AppSync does: request handler, data source, response handler; for a
 * pipeline, the resolver's request, each function in turn (sharing the stash, `ctx.prev.result` carrying each
 * result), then the resolver's response. `runtime.earlyReturn` skips as the AppSync guide describes.
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
  if (resolver.kind === 'UNIT') {
    const step = await runStep(chain, resolver.code, resolver.dataSource, {});
    return chain.done(step.value, step.error);
  }
  const before = await chain.run(resolver.code, 'request', {});
  if (before.failure) return chain.done(null, before.failure);
  let prev = parse(before);
  if (!before.earlyReturn) {
    for (const fn of resolver.functions) {
      const step = await runStep(chain, fn.code, fn.dataSource, { prev: { result: prev } });
      if (step.error) return chain.done(null, step.error);
      prev = step.value;
      if (step.skipToEnd) break;
    }
  }
  const after = await chain.run(resolver.code, 'response', { prev: { result: prev } });
  return chain.done(after.failure ? null : parse(after), after.failure);
}

interface StepResult {
  value: unknown;
  error?: EvaluationFailure;
  skipToEnd?: boolean;
}

async function runStep(chain: Chain, code: CompiledCode, dataSource: DataSource, extra: Record<string, unknown>): Promise<StepResult> {
  const request = await chain.run(code, 'request', extra);
  if (request.failure) return { value: null, error: request.failure };
  if (request.earlyReturn) return { value: parse(request), skipToEnd: request.earlyReturn.skipTo === 'END' };
  const outcome = await dataSource(parse(request));
  const response = await chain.run(code, 'response', {
    ...extra,
    result: outcome.result ?? null,
    ...(outcome.error ? { error: outcome.error } : {}),
  });
  if (response.failure) return { value: null, error: response.failure };
  return { value: parse(response), skipToEnd: response.earlyReturn?.skipTo === 'END' };
}
