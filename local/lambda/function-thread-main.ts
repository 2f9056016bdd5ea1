import { parentPort, workerData } from 'node:worker_threads';
import type { SqsHandler } from './event-source-mapping.js';
import type { FromFunctionThread, FunctionThreadData, ToFunctionThread } from './function-thread-protocol.js';
import { handlerFactoryOf } from './handler-factory.js';
import { startMappings } from './start-mappings.js';
import { trustInThisThread } from '../server/trust-certificate.js';

/**
 * The thread side of a local function: its module (bundled in with this file), its event source mappings and
 * their SQS client, as a Lambda runtime of its own beside the API server's thread.
 */
export function runFunctionThread(module: Record<string, unknown>): void {
  const data = workerData as FunctionThreadData;
  const post = (message: FromFunctionThread): void => parentPort?.postMessage(message);
  // Each thread has its own default CA list: the server's thread trusting its certificate does not reach this one.
  for (const cert of data.trustedCertificates ?? []) trustInThisThread(cert);
  let handler: SqsHandler;
  try {
    handler = handlerFactoryOf(module, data.entry)(data.env);
  } catch (error) {
    post({ type: 'failed', error: (error as Error).message });
    return;
  }
  const log = (line: string): void => post({ type: 'log', line });
  const mappings = startMappings({ fn: data.fn, mappings: data.mappings, sqs: data.sqs, handler, log, ...(data.pollers !== undefined ? { pollers: data.pollers } : {}) });
  parentPort?.on('message', (message: ToFunctionThread) => {
    if (message.type !== 'stop') return;
    void mappings.stop().then(() => post({ type: 'stopped' }));
  });
  post({ type: 'ready' });
}
