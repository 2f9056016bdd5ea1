import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalStack } from '../local/server/local-stack.js';
import { orderApi } from './wiring.js';

const EXAMPLE_QUERY = `# Sign in above (npm run --silent user -- add alice --password 'Passw0rd!'), then run an operation.

mutation Create {
  createOrder(input: { restaurantId: "r1", name: "Margherita", quantity: 2 }) {
    id status version createdAt
  }
}

query Mine {
  listMyOrders(limit: 20) {
    items { id restaurantId name quantity status version }
    nextToken
  }
}

mutation Cancel($id: ID!, $version: Int!) {
  cancelOrder(id: $id, expectedVersion: $version) { id status version }
}
`;

/** `npm start`: the order API offline on the embedded default, until SIGINT or SIGTERM. */
const rootDir = fileURLToPath(new URL('..', import.meta.url));
const stack = await startLocalStack({
  rootDir,
  wiring: orderApi,
  dataDir: resolve(process.env.DATA_DIR ?? '.data'),
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  explorer: { title: 'Order API explorer', defaultQuery: EXAMPLE_QUERY },
});

process.stdout.write(`Order API running offline\n${Object.entries(stack.endpoints).map(([k, v]) => `  ${k.padEnd(16)} ${v}`).join('\n')}\n  explorer         ${stack.url}/\n`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: shutting down\n`);
  stack.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
