import { fileURLToPath } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundleNodeSource } from '../node-bundle.js';
import { LocalFunctionError } from './handler-factory.js';
import type { FromFunctionThread, FunctionThreadData, ToFunctionThread } from './function-thread-protocol.js';

export interface FunctionThread {
  /** Stops the mappings (finishing the batches in hand) and ends the thread. */
  stop(): Promise<void>;
}

const THREAD_MAIN = fileURLToPath(new URL('./function-thread-main.ts', import.meta.url));

/**
 * A declared function and its event source mappings in a thread of their own, as Lambda runs a function in a
 * runtime of its own: the receive loops, the handler's own work (signing, HTTP client, logging, metrics) and its
 * garbage leave the API server's thread, which every request goes through. The function's module is bundled with
 * the thread's entry (esbuild, as for the store thread), so it starts the same under tsx, vitest or node; the
 * thread's process.env is the function's environment.
 */
export async function startFunctionThread(rootDir: string, data: FunctionThreadData, log: (line: string) => void): Promise<FunctionThread> {
  const entry = isAbsolute(data.entry) ? data.entry : join(rootDir, data.entry);
  const source = await bundleNodeSource(
    `import * as fn from ${JSON.stringify(entry)};\nimport { runFunctionThread } from ${JSON.stringify(THREAD_MAIN)};\nrunFunctionThread(fn);\n`,
    rootDir,
  );
  const worker = new Worker(source, { eval: true, workerData: data, env: { ...data.env } });
  let stopped: (() => void) | undefined;
  let exited = false;
  let stopping: Promise<void> | undefined;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromFunctionThread) => {
      if (message.type === 'ready') return resolve();
      if (message.type === 'failed') return reject(new LocalFunctionError(message.error));
      if (message.type === 'log') return log(message.line);
      stopped?.();
    });
    worker.on('error', (error) => {
      log(`[${data.fn.name}] the function's thread failed: ${error.message}`);
      reject(error);
    });
    worker.on('exit', (code) => {
      exited = true;
      // Lambda would start a new runtime; here the function stops taking messages until the server restarts.
      if (!stopping) log(`[${data.fn.name}] the function's thread exited (${code}): its queues are not polled until npm start restarts`);
      reject(new LocalFunctionError(`the thread of ${data.fn.name} exited (${code}) before it was ready`));
      stopped?.();
    });
  }).catch(async (error: unknown) => {
    stopping = Promise.resolve();
    await worker.terminate();
    throw error;
  });
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        if (exited) return resolve();
        stopped = resolve;
        worker.postMessage({ type: 'stop' } satisfies ToFunctionThread);
      });
      await worker.terminate();
    })();
    return stopping;
  };
  return { stop };
}
