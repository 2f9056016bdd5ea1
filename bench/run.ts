import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { orderApi } from '../app/wiring.js';
import { startLocalStack } from '../local/server/local-stack.js';
import { formatRow, measure, type Measurement } from './measure.js';

/**
 * `npm run bench`: the order API through the local server against the same operations sent straight to its
 * dynalite, 8 concurrent clients each, on a fresh DATA_DIR. Prints throughput, p50/p99 and the ratios.
 * BENCH_SECONDS (default 5) sets each measurement's length; BENCH_ONLY=getOrder,listMyOrders picks operations.
 */
const CLIENTS = 8;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'order-api-bench-'));
const stack = await startLocalStack({ rootDir: fileURLToPath(new URL('..', import.meta.url)), wiring: orderApi, dataDir, port: 0 });
const dynamo = stack.dynamodb.createClient();

stack.pool.ensureUser('bench-user');
const token = (await stack.pool.issueTokens('bench-user')).accessToken;
const sub = stack.pool.verify(token).sub;
const graphql = async (query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> => {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data ?? {};
};

const FIELDS = 'id userId restaurantId name quantity status createdAt updatedAt version';
const created = await graphql(`mutation { createOrder(input: { restaurantId: "r1", name: "seed", quantity: 1 }) { id } }`, {});
const orderId = (created.createOrder as { id: string }).id;
for (let i = 0; i < 30; i += 1) await graphql(`mutation { createOrder(input: { restaurantId: "r1", name: "seed", quantity: 2 }) { id } }`, {});

const now = () => new Date().toISOString();
const rawItem = () => ({
  userId: { S: sub }, id: { S: ulid() }, restaurantId: { S: 'r1' }, name: { S: 'raw' }, quantity: { N: '1' },
  status: { S: 'PENDING' }, createdAt: { S: now() }, updatedAt: { S: now() }, version: { N: '1' },
});
const pairs: [string, () => Promise<Measurement>, () => Promise<Measurement>][] = [
  [
    'getOrder',
    () => measure('getOrder (server)', CLIENTS, DURATION_MS, () => graphql(`query($id: ID!) { getOrder(id: $id) { ${FIELDS} } }`, { id: orderId })),
    () => measure('GetItem (raw dynalite)', CLIENTS, DURATION_MS, () => dynamo.send(new GetItemCommand({ TableName: 'orders', Key: { userId: { S: sub }, id: { S: orderId } } }))),
  ],
  [
    'createOrder',
    () => measure('createOrder (server)', CLIENTS, DURATION_MS, () => graphql(`mutation { createOrder(input: { restaurantId: "r1", name: "bench", quantity: 3 }) { ${FIELDS} } }`, {})),
    () => measure('PutItem (raw dynalite)', CLIENTS, DURATION_MS, () => dynamo.send(new PutItemCommand({ TableName: 'orders', Item: rawItem(), ConditionExpression: 'attribute_not_exists(id)' }))),
  ],
  [
    'listMyOrders',
    () => measure('listMyOrders (server)', CLIENTS, DURATION_MS, () => graphql(`query { listMyOrders(limit: 20) { items { ${FIELDS} } nextToken } }`, {})),
    () => measure('Query (raw dynalite)', CLIENTS, DURATION_MS, () => dynamo.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': { S: sub } }, Limit: 20 }))),
  ],
];

process.stdout.write(`order API bench: ${CLIENTS} concurrent clients, ${DURATION_MS / 1000} s per measurement, Node ${process.version}\n\n`);
const only = process.env.BENCH_ONLY?.split(',');
for (const [name, server, raw] of pairs.filter(([name]) => !only || only.includes(name))) {
  const rawResult = await raw();
  const serverResult = await server();
  process.stdout.write(`${formatRow(rawResult)}\n${formatRow(serverResult)}\n`);
  process.stdout.write(
    `${name.padEnd(28)} throughput ${(serverResult.throughput / rawResult.throughput).toFixed(2)}x raw, p50 ${(serverResult.p50 / rawResult.p50).toFixed(2)}x raw\n\n`,
  );
}
await stack.close();
rmSync(dataDir, { recursive: true, force: true });
