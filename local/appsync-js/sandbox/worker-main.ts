import { EarlyReturnSignal, ResolverError, UnauthorizedError } from '../errors.js';
import { EvaluationScope, newEvaluationRecord } from '../evaluation.js';
import { createModules } from '../util/index.js';
import { afterCall, callAt } from '../resolver-steps.js';
import type { AdvanceMessage, AdvanceReply, CallMessage, CallOutcome, ChainPart, EvaluationFailure, FromWorker, ToWorker } from './protocol.js';
import { VmModule } from './vm-module.js';

/** Entry of an evaluator process: compiles modules it is sent and runs calls one at a time. */
const scope = new EvaluationScope();
const modules = createModules(scope);
const utils = modules['@aws-appsync/utils'] as Record<string, unknown>;
const loaded = new Map<string, VmModule>();
/** The `base` of each chain whose calls come here, as JSON text: sent once, merged into each of its calls' `ctx`. */
const chains = new Map<number, string>();

const format = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));
const logger = (...args: unknown[]): void => {
  scope.record.logs.push(args.map(format).join(' '));
};
const globals = {
  util: utils.util,
  extensions: utils.extensions,
  runtime: utils.runtime,
  console: Object.freeze({ log: logger, info: logger, warn: logger, error: logger, debug: logger }),
};

process.on('message', receive);

function receive(message: ToWorker): void {
  if (message.type === 'batch') {
    for (const each of message.messages) receive(each);
    return;
  }
  if (message.type === 'load') {
    if (!loaded.has(message.hash)) loaded.set(message.hash, new VmModule(message.code, message.filename, globals, modules));
    return;
  }
  const reply: FromWorker = { type: 'done', id: message.id, outcome: message.type === 'advance' ? advance(message) : call(message) };
  process.send?.(reply);
}

process.send?.({ type: 'ready' } satisfies FromWorker);

function contextOf(message: CallMessage): string {
  for (const id of message.drop ?? []) chains.delete(id);
  if (!message.chain) return message.context ?? '{}';
  const { id, base, extra }: ChainPart = message.chain;
  if (base) chains.set(id, JSON.stringify(base));
  const known = chains.get(id);
  if (known === undefined) throw new Error(`chain ${id} has no base in this evaluator`);
  return mergedJson(known, JSON.stringify(extra ?? {}));
}

/**
 * The text of `{ ...base, ...extra }` without serialising the base again for every call: JSON.parse keeps the
 * last of repeated names at the place of the first, as the spread does.
 */
function mergedJson(base: string, extra: string): string {
  if (extra === '{}') return base;
  if (base === '{}') return extra;
  return `${base.slice(0, -1)},${extra.slice(1)}`;
}

/** The resolver's calls from the message's state on, until one asks for a data source or the resolver is done. */
function advance(message: AdvanceMessage): AdvanceReply {
  const { plan, chain, drop, ...common } = message;
  const calls: AdvanceReply['calls'] = [];
  let { state, stash } = message;
  let first = true;
  for (;;) {
    const step = callAt(plan, state);
    const extra = { ...step.extra, stash };
    // The chain's base (and the chains to forget) travel with the first call only.
    const part: Partial<CallMessage> = chain
      ? { chain: { id: chain.id, extra, ...(first && chain.base ? { base: chain.base } : {}) }, ...(first && drop ? { drop } : {}) }
      : { context: JSON.stringify(extra) };
    first = false;
    const started = performance.now();
    const outcome = call({ ...common, ...part, type: 'call', hash: step.code, fn: step.fn });
    calls.push({ outcome, durationMs: performance.now() - started });
    if (outcome.stash !== undefined) stash = JSON.parse(outcome.stash);
    const transition = afterCall(plan, state, outcome);
    if (!('next' in transition)) return { calls };
    state = transition.next;
  }
}

function call(message: CallMessage): CallOutcome {
  scope.record = newEvaluationRecord();
  scope.authType = message.authType;
  const module = loaded.get(message.hash);
  if (!module) throw new Error(`module ${message.hash} was not loaded into this worker`);
  const context = contextOf(message);
  try {
    const output = module.run(message.fn, context);
    if (output.missing) {
      return fail({ kind: 'missing-function', message: `The code does not export a ${message.fn} function` });
    }
    return { result: output.result, stash: output.stash, record: scope.record };
  } catch (error) {
    if (error instanceof EarlyReturnSignal) {
      return {
        result: JSON.stringify(error.value),
        stash: module.lastStash(),
        earlyReturn: error.skipTo ? { skipTo: error.skipTo } : {},
        record: scope.record,
      };
    }
    return { ...fail(toFailure(error)), stash: module.lastStash() };
  }
}

function fail(failure: EvaluationFailure): CallOutcome {
  return { failure, record: scope.record };
}

function toFailure(error: unknown): EvaluationFailure {
  if (error instanceof UnauthorizedError) return { kind: 'unauthorized', message: error.message, errorType: 'Unauthorized' };
  if (error instanceof ResolverError) {
    return { kind: 'error', message: error.message, errorType: error.errorType, data: error.data, errorInfo: error.errorInfo };
  }
  // Errors raised inside the vm come from another realm, so read them by shape, not by class.
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return { kind: 'runtime', message: typeof name === 'string' && name !== 'Error' ? `${name}: ${text}` : text };
}
