import type { LambdaFunctionDecl } from '../../wiring/types.js';
import { SqsJsonClient, type SqsJsonClientOptions } from '../sqs/sqs-json-client.js';
import { SqsEventSourceMapping, type SqsHandler } from './event-source-mapping.js';
import type { ThreadMapping } from './function-thread-protocol.js';

export interface MappingsOptions {
  fn: Pick<LambdaFunctionDecl, 'name' | 'memorySize' | 'timeoutSeconds'>;
  mappings: ThreadMapping[];
  /** The local queue's endpoint, region and credentials. */
  sqs: SqsJsonClientOptions;
  handler: SqsHandler;
  pollers?: number;
  log?: (line: string) => void;
}

/** A function's event source mappings, started: in its own thread or, when a test wraps its handler, in this one. */
export function startMappings(options: MappingsOptions): { stop(): Promise<void> } {
  const client = new SqsJsonClient(options.sqs);
  const mappings = options.mappings.map(({ source, queue }) =>
    new SqsEventSourceMapping({
      fn: options.fn,
      source,
      queue,
      client,
      handler: options.handler,
      ...(options.pollers !== undefined ? { pollers: options.pollers } : {}),
      ...(options.log ? { log: options.log } : {}),
    }),
  );
  for (const mapping of mappings) mapping.start();
  return { stop: async () => void (await Promise.all(mappings.map((m) => m.stop()))) };
}
