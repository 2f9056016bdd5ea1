import type { SqsHandler } from './event-source-mapping.js';

/** What a function module exports for local runs: a handler bound to its own environment. */
export const LOCAL_HANDLER_FACTORY = 'createHandler';

export type HandlerFactory = (env: Record<string, string | undefined>) => SqsHandler;

export class LocalFunctionError extends Error {
  override readonly name = 'LocalFunctionError';
}

export function handlerFactoryOf(module: Record<string, unknown>, entry: string): HandlerFactory {
  const factory = module[LOCAL_HANDLER_FACTORY];
  if (typeof factory !== 'function') throw new LocalFunctionError(`${entry} must export ${LOCAL_HANDLER_FACTORY}(env) to run locally`);
  return factory as HandlerFactory;
}
