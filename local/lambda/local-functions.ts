import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeployedValue, LambdaFunctionDecl, SqsEventSourceDecl } from '../../wiring/types.js';
import type { LocalPrincipal } from '../http/local-credentials.js';
import type { LocalSqs } from '../sqs/local-sqs.js';
import type { SqsHandler } from './event-source-mapping.js';
import type { ThreadMapping } from './function-thread-protocol.js';
import { startFunctionThread } from './function-thread.js';
import { functionEnvironment } from './function-environment.js';
import { handlerFactoryOf } from './handler-factory.js';
import { startMappings } from './start-mappings.js';
import type { SqsJsonClientOptions } from '../sqs/sqs-json-client.js';

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
  /** Certificates the functions trust besides Node's defaults (the local server's own, with TLS). */
  trustedCertificates?: string[];
  /** Wraps each handler: tests inject faults here. The functions then run in this thread (a closure cannot cross). */
  wrap?: (name: string, handler: SqsHandler) => SqsHandler;
  log?: (line: string) => void;
}

export interface LocalFunctions {
  stop(): Promise<void>;
}

/**
 * The declared Lambda functions, run in this process, each in a thread of its own (function-thread.ts; in this
 * thread when `wrap` is given): the module loaded once, its handler built with the environment Lambda would give
 * it (the declared variables resolved locally, the region, the local credentials in place of the execution
 * role's), and one event source mapping per declared SQS source.
 */
export async function startLocalFunctions(options: LocalFunctionsOptions): Promise<LocalFunctions> {
  const started: LocalFunctions[] = [];
  try {
    for (const fn of options.functions) {
      const declared = { ...fn, ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}) };
      started.push(options.wrap ? await startInProcess(declared, options, options.wrap) : await startInThread(declared, options));
    }
  } catch (error) {
    await Promise.all(started.map((f) => f.stop()));
    throw error;
  }
  return { stop: async () => void (await Promise.all(started.map((f) => f.stop()))) };
}

function startInThread(fn: LambdaFunctionDecl, options: LocalFunctionsOptions): Promise<LocalFunctions> {
  return startFunctionThread(
    options.rootDir,
    {
      fn,
      entry: fn.entry,
      env: environmentOf(fn, options),
      mappings: mappingsOf(fn, options.sqs),
      sqs: queueApiOf(options),
      ...(options.concurrency !== undefined ? { pollers: options.concurrency } : {}),
      ...(options.trustedCertificates ? { trustedCertificates: options.trustedCertificates } : {}),
    },
    options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  );
}

async function startInProcess(fn: LambdaFunctionDecl, options: LocalFunctionsOptions, wrap: NonNullable<LocalFunctionsOptions['wrap']>): Promise<LocalFunctions> {
  const module = (await import(pathToFileURL(join(options.rootDir, fn.entry)).href)) as Record<string, unknown>;
  return startMappings({
    fn,
    mappings: mappingsOf(fn, options.sqs),
    sqs: queueApiOf(options),
    handler: wrap(fn.name, handlerFactoryOf(module, fn.entry)(environmentOf(fn, options))),
    ...(options.concurrency !== undefined ? { pollers: options.concurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}

function mappingsOf(fn: LambdaFunctionDecl, sqs: LocalSqs): ThreadMapping[] {
  return (fn.eventSources ?? []).map((source) => ({ source, queue: queueOf(source, sqs) }));
}

/** The local queue's API, signed with the local credentials as the execution role's would sign. */
function queueApiOf({ sqs, principal }: LocalFunctionsOptions): SqsJsonClientOptions {
  return { endpoint: sqs.endpoint, region: sqs.region, credentials: principal };
}

function queueOf(source: SqsEventSourceDecl, sqs: LocalSqs): { url: string; arn: string; region: string } {
  return { url: sqs.queueUrl(source.queue), arn: sqs.queueArn(source.queue), region: sqs.region };
}

function environmentOf(fn: LambdaFunctionDecl, options: LocalFunctionsOptions): Record<string, string> {
  return functionEnvironment(fn, { region: options.sqs.region, principal: options.principal, resolveValue: options.resolveValue, ...(options.env ? { env: options.env } : {}) });
}
