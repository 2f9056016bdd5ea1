import { fileURLToPath } from 'node:url';
import { orderApi } from '../app/wiring.js';
import { startLocalStack } from '../local/server/local-stack.js';
import { startServerProcess } from './server-process.js';

/** The server under load: its GraphQL URL, its dynalite endpoint, and how to stop it. */
export interface BenchServer {
  graphqlUrl: string;
  dynamodbUrl: string;
  /** The server's process id: a process of its own, or this one. */
  pid: number;
  close(): Promise<void>;
}

export class MissingEndpointError extends Error {
  override readonly name = 'MissingEndpointError';
}

/** What `npm start` runs, in a process of its own: the default, as users run it. */
export async function ownProcess(dataDir: string): Promise<BenchServer> {
  const server = await startServerProcess(dataDir);
  const { dynamodb } = server.health;
  if (typeof dynamodb !== 'string') {
    await server.stop();
    throw new MissingEndpointError('/health names no dynamodb endpoint');
  }
  return { graphqlUrl: `${server.url}/graphql`, dynamodbUrl: dynamodb, pid: server.pid, close: () => server.stop() };
}

/** The earlier variant, BENCH_SERVER=in-process: the server shares the load generator's process. */
export async function inThisProcess(dataDir: string): Promise<BenchServer> {
  const rootDir = fileURLToPath(new URL('..', import.meta.url));
  const stack = await startLocalStack({ rootDir, wiring: orderApi, dataDir, port: 0, onCodeDelivery: false });
  return { graphqlUrl: `${stack.url.replace('localhost', '127.0.0.1')}/graphql`, dynamodbUrl: stack.dynamodb.endpoint, pid: process.pid, close: () => stack.close() };
}
