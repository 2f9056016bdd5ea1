import { EarlyReturnSignal, ResolverError, UnauthorizedError } from '../errors.js';
import { EvaluationScope, newEvaluationRecord } from '../evaluation.js';
import { createModules } from '../util/index.js';
import type { CallOutcome, EvaluationFailure, FromWorker, ToWorker } from './protocol.js';
import { VmModule } from './vm-module.js';

/** Entry of an evaluator process: compiles modules it is sent and runs calls one at a time. */
const scope = new EvaluationScope();
const modules = createModules(scope);
const utils = modules['@aws-appsync/utils'] as Record<string, unknown>;
const loaded = new Map<string, VmModule>();

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

process.on('message', (message: ToWorker) => {
  if (message.type === 'load') {
    if (!loaded.has(message.hash)) loaded.set(message.hash, new VmModule(message.code, message.filename, globals, modules));
    return;
  }
  const reply: FromWorker = { type: 'done', id: message.id, outcome: call(message) };
  process.send?.(reply);
});

process.send?.({ type: 'ready' } satisfies FromWorker);

function call(message: Extract<ToWorker, { type: 'call' }>): CallOutcome {
  scope.record = newEvaluationRecord();
  scope.authType = message.authType;
  const module = loaded.get(message.hash);
  if (!module) throw new Error(`module ${message.hash} was not loaded into this worker`);
  try {
    const output = module.run(message.fn, message.context);
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
