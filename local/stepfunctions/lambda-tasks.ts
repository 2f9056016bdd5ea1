import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaFunctionDecl } from '../../wiring/types.js';
import { handlerFactoryOf } from '../lambda/handler-factory.js';
import { lambdaContext } from '../lambda/lambda-context.js';
import { functionNameOf } from './definitions.js';
import { StatesError } from './errors.js';
import type { Json } from './json-paths.js';
import type { FunctionInvoker } from './task-resources.js';

type TaskHandler = (event: unknown, context: unknown) => Promise<unknown>;

export interface LambdaTasksOptions {
  rootDir: string;
  functions: LambdaFunctionDecl[];
  region: string;
  /** The function's environment as Lambda would give it (local/lambda/function-environment.ts). */
  environmentOf: (fn: LambdaFunctionDecl) => Record<string, string>;
}

/**
 * The declared functions a state machine's tasks invoke, run in this thread: each module is loaded on first use
 * and its `createHandler(env)` built once, as a warm Lambda runtime keeps it. A thrown error is the task's error,
 * named by its `name` (Lambda's errorType) with Lambda's error JSON as the cause; a name that is not a declared
 * function is `Lambda.ResourceNotFoundException`.
 */
export function lambdaTasks(options: LambdaTasksOptions): FunctionInvoker {
  const handlers = new Map<string, Promise<TaskHandler>>();
  const load = (fn: LambdaFunctionDecl): Promise<TaskHandler> => {
    let handler = handlers.get(fn.name);
    if (!handler) {
      handler = import(pathToFileURL(join(options.rootDir, fn.entry)).href).then(
        (module: Record<string, unknown>) => handlerFactoryOf(module, fn.entry)(options.environmentOf(fn)) as unknown as TaskHandler,
      );
      handlers.set(fn.name, handler);
    }
    return handler;
  };
  return async (nameOrArn, payload) => {
    const name = functionNameOf(nameOrArn);
    const fn = options.functions.find((f) => f.name === name);
    if (!fn) throw new StatesError('Lambda.ResourceNotFoundException', `Function not found: ${nameOrArn} (not a declared function)`);
    const handler = await load(fn);
    try {
      const result = await handler(structuredClone(payload), lambdaContext(fn, options.region, Date.now() + fn.timeoutSeconds * 1000));
      return (result === undefined ? null : JSON.parse(JSON.stringify(result))) as Json;
    } catch (error) {
      const errorType = error instanceof Error ? error.name : 'Error';
      const errorMessage = error instanceof Error ? error.message : String(error);
      throw new StatesError(errorType, JSON.stringify({ errorMessage, errorType, trace: [] }));
    }
  };
}
