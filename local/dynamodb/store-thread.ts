import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { bundleNodeEntry } from '../node-bundle.js';
import { outputOf } from './in-process-store.js';
import type { DynamoDbStore } from './store.js';
import type { FromStoreThread, StoreThreadData, ToStoreThread } from './store-thread-protocol.js';
import { toWireJson } from './wire-json.js';

export class StoreThreadError extends Error {
  override readonly name = 'StoreThreadError';
}

export interface StoreThread {
  port: number;
  store: DynamoDbStore;
  /** Stops the port, waits for pending writes, closes LevelDB (flushing it), ends the thread. */
  close(): Promise<void>;
}

let source: Promise<string> | undefined;

/** The thread's code, bundled once per process from its TypeScript, so it starts the same under tsx, vitest or node. */
function threadSource(): Promise<string> {
  source ??= bundleNodeEntry(new URL('./store-thread-main.ts', import.meta.url));
  return source;
}

/**
 * dynalite in a thread of its own: its validation, expression parsing, JSON and LevelDB calls leave the server's
 * main thread, which under load is the one busy core (see docs/performance.md). Calls cross as DynamoDB wire JSON
 * text, answered through dynalite's own request listener exactly as over HTTP (in-process-store.ts).
 */
export async function startStoreThread(options: { path?: string } = {}): Promise<StoreThread> {
  const workerData: StoreThreadData = {
    dynalitePath: createRequire(import.meta.url).resolve('dynalite'),
    ...(options.path !== undefined ? { path: options.path } : {}),
  };
  const worker = new Worker(await threadSource(), { eval: true, workerData });
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed: (() => void) | undefined;
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  const port = await new Promise<number>((resolve, reject) => {
    worker.on('message', (message: FromStoreThread) => {
      if (message.type === 'ready') return resolve(message.port);
      if (message.type === 'failed') return reject(new StoreThreadError(message.error));
      if (message.type === 'closed') return closed?.();
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (!call) return;
      if (message.answer === undefined) return call.reject(new StoreThreadError(message.error ?? 'the store thread answered nothing'));
      try {
        call.resolve(outputOf(message.answer));
      } catch (error) {
        call.reject(error as Error);
      }
    });
    worker.on('error', (error) => {
      reject(error);
      failAll(error);
    });
    worker.on('exit', (code) => {
      const error = new StoreThreadError(`the store thread exited (${code})`);
      reject(error);
      failAll(error);
      closed?.();
    });
  });
  const send = (message: ToStoreThread): void => worker.postMessage(message);
  const store: DynamoDbStore = {
    call: (operation, input) => new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      send({ type: 'call', id, operation, body: toWireJson(input) });
    }),
  };
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (!failure) {
        await new Promise<void>((resolve) => {
          closed = resolve;
          send({ type: 'close' });
        });
      }
      await worker.terminate();
    })();
    return closing;
  };
  return { port, store, close };
}
