import type { SqsHandler } from './event-source-mapping.js';

/** Knobs of the local queues and functions, for tests: quicker redeliveries, quieter logs, injected faults. */
export interface LocalQueueOptions {
  /** false: the queues run, the functions do not (a test starts them itself, e.g. after filling the queue). */
  startFunctions?: boolean;
  /** Replaces every declared queue visibility timeout (seconds). */
  visibilityTimeoutSeconds?: number;
  /** Replaces every declared function timeout (seconds). */
  functionTimeoutSeconds?: number;
  /** Added to every function's environment (e.g. POWERTOOLS_LOG_LEVEL). */
  functionEnv?: Record<string, string>;
  /** Receive loops (pollers) per event source mapping (2 by default); invocations run up to the declared maxConcurrency. */
  concurrency?: number;
  wrapHandler?: (name: string, handler: SqsHandler) => SqsHandler;
  log?: (line: string) => void;
}

export class QueueOptionError extends Error {
  override readonly name = 'QueueOptionError';
}

/**
 * `npm start`'s knobs from its environment: LOCAL_SQS_VISIBILITY_TIMEOUT and LOCAL_FUNCTION_TIMEOUT (seconds)
 * replace the declared ones (the declared 180 s visibility timeout makes a crashed batch wait 3 minutes), and
 * POWERTOOLS_LOG_LEVEL reaches the functions.
 */
export function queueOptionsFromEnv(env: Record<string, string | undefined>): LocalQueueOptions {
  const seconds = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 43_200) throw new QueueOptionError(`${name} must be a whole number of seconds from 0 to 43200`);
    return value;
  };
  const visibility = seconds('LOCAL_SQS_VISIBILITY_TIMEOUT');
  const timeout = seconds('LOCAL_FUNCTION_TIMEOUT');
  const logLevel = env.POWERTOOLS_LOG_LEVEL;
  return {
    ...(visibility !== undefined ? { visibilityTimeoutSeconds: visibility } : {}),
    ...(timeout !== undefined ? { functionTimeoutSeconds: timeout } : {}),
    ...(logLevel ? { functionEnv: { POWERTOOLS_LOG_LEVEL: logLevel } } : {}),
  };
}
