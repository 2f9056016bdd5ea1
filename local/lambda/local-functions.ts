import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeployedValue, LambdaFunctionDecl } from '../../wiring/types.js';
import type { LocalPrincipal } from '../http/local-credentials.js';
import type { LocalSqs } from '../sqs/local-sqs.js';
import { SqsEventSourceMapping, type SqsHandler } from './event-source-mapping.js';

/** What a function module exports for in-process runs: a handler bound to its own environment. */
export const LOCAL_HANDLER_FACTORY = 'createHandler';

export type HandlerFactory = (env: Record<string, string | undefined>) => SqsHandler;

export interface LocalFunctionsOptions {
  rootDir: string;
  functions: LambdaFunctionDecl[];
  sqs: LocalSqs;
  principal: LocalPrincipal;
  resolveValue: (value: DeployedValue) => string;
  /** Added to every function's environment, over the declared values. */
  env?: Record<string, string>;
  /** Replaces every declared timeout (seconds). */
  timeoutSeconds?: number;
  /**
   * Receive loops (pollers) per event source mapping. How many invocations run at once is the declared source's
   * maxConcurrency, as on AWS.
   */
  concurrency?: number;
  /** Wraps each handler: tests inject faults here. */
  wrap?: (name: string, handler: SqsHandler) => SqsHandler;
  log?: (line: string) => void;
}

export interface LocalFunctions {
  stop(): Promise<void>;
}

export class LocalFunctionError extends Error {
  override readonly name = 'LocalFunctionError';
}

/**
 * The declared Lambda functions, run in this process: each module loaded once, its handler built with the
 * environment Lambda would give it (the declared variables resolved locally, the region, the local credentials
 * in place of the execution role's), and one event source mapping per declared SQS source.
 */
export async function startLocalFunctions(options: LocalFunctionsOptions): Promise<LocalFunctions> {
  const mappings: SqsEventSourceMapping[] = [];
  for (const fn of options.functions) {
    const factory = await loadFactory(options.rootDir, fn);
    const declared = { ...fn, ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}) };
    const built = factory(environmentOf(declared, options));
    const handler = options.wrap ? options.wrap(fn.name, built) : built;
    for (const source of fn.eventSources ?? []) {
      mappings.push(
        new SqsEventSourceMapping({
          fn: declared,
          source,
          queue: { url: options.sqs.queueUrl(source.queue), arn: options.sqs.queueArn(source.queue), region: options.sqs.region },
          client: options.sqs.client,
          handler,
          ...(options.concurrency !== undefined ? { pollers: options.concurrency } : {}),
          ...(options.log ? { log: options.log } : {}),
        }),
      );
    }
  }
  for (const mapping of mappings) mapping.start();
  return { stop: async () => void (await Promise.all(mappings.map((m) => m.stop()))) };
}

async function loadFactory(rootDir: string, fn: LambdaFunctionDecl): Promise<HandlerFactory> {
  const module = (await import(pathToFileURL(join(rootDir, fn.entry)).href)) as Record<string, unknown>;
  const factory = module[LOCAL_HANDLER_FACTORY];
  if (typeof factory !== 'function') {
    throw new LocalFunctionError(`${fn.entry} must export ${LOCAL_HANDLER_FACTORY}(env) to run locally`);
  }
  return factory as HandlerFactory;
}

function environmentOf(fn: LambdaFunctionDecl, options: LocalFunctionsOptions): Record<string, string> {
  const region = options.sqs.region;
  const { principal } = options;
  return {
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_ACCESS_KEY_ID: principal.accessKeyId,
    AWS_SECRET_ACCESS_KEY: principal.secretAccessKey,
    ...(principal.sessionToken !== undefined ? { AWS_SESSION_TOKEN: principal.sessionToken } : {}),
    ...(fn.metrics ? { POWERTOOLS_METRICS_NAMESPACE: fn.metrics.namespace } : {}),
    ...Object.fromEntries(Object.entries(fn.environment).map(([name, value]) => [name, options.resolveValue(value)])),
    ...options.env,
  };
}
