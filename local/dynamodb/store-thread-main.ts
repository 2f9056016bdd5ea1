import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { cacheExpressionParses } from './expression-cache.js';
import { callListener } from './in-process-store.js';
import type { FromStoreThread, StoreThreadData, ToStoreThread } from './store-thread-protocol.js';

/** Entry of the store thread: dynalite on its port for other tools, and the data source's calls by message. */
const data = workerData as StoreThreadData;
const port = parentPort;
const post = (message: FromStoreThread): void => port?.postMessage(message);

type Dynalite = (options: Record<string, unknown>) => Server;
cacheExpressionParses(data.dynalitePath);
const dynalite = createRequire(data.dynalitePath)(data.dynalitePath) as Dynalite;
const server = dynalite({ ...(data.path !== undefined ? { path: data.path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => post({ type: 'failed', error: error.message }));
server.listen(0, '127.0.0.1', () => post({ type: 'ready', port: (server.address() as AddressInfo).port }));
const listener = server.listeners('request')[0] as RequestListener;

port?.on('message', (message: ToStoreThread) => {
  if (message.type === 'close') {
    server.close((error) => post({ type: 'closed', ...(error ? { error: error.message } : {}) }));
    // Idle keep-alive sockets of other tools' clients would otherwise hold the server open.
    server.closeIdleConnections();
    return;
  }
  callListener(listener, message.operation, message.body).then(
    (answer) => post({ type: 'answer', id: message.id, answer }),
    (error: unknown) => post({ type: 'answer', id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
