import type { LambdaFunctionDecl, SqsEventSourceDecl } from '../../wiring/types.js';
import type { SqsJsonClientOptions } from '../sqs/sqs-json-client.js';

/** One event source mapping as the thread runs it: the declared source and the local queue it reads. */
export interface ThreadMapping {
  source: SqsEventSourceDecl;
  queue: { url: string; arn: string; region: string };
}

export interface FunctionThreadData {
  fn: Pick<LambdaFunctionDecl, 'name' | 'memorySize' | 'timeoutSeconds'>;
  /** The declared entry, for messages. */
  entry: string;
  /** The function's environment, as createHandler(env) receives it (also the thread's process.env). */
  env: Record<string, string>;
  mappings: ThreadMapping[];
  /** The local queue's endpoint, region and credentials. */
  sqs: SqsJsonClientOptions;
  pollers?: number;
  /** Certificates the function's clients trust besides Node's defaults (the local server's own, with TLS). */
  trustedCertificates?: string[];
}

export type ToFunctionThread = { type: 'stop' };

export type FromFunctionThread =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'log'; line: string }
  | { type: 'stopped' };
