import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { ORDER_SELECTION } from '../functions/lib/order-selection.js';
import { ApiKeyStore } from '../local/api-keys/api-key-store.js';
import { LocalUserPool } from '../local/cognito/user-pool.js';
import { benchOrder, graphqlAt, seedBenchMenu } from './bench-menu.js';
import { cpuPerRequest, type CpuPerRequest, cpuSnapshot } from './process-cpu.js';
import { type LoadResult, type LoadTarget, runLoad, sendOnce } from './load.js';
import { rawDynamoDb, type RawSigning } from './raw-dynamodb.js';
import { type BenchServer, inThisProcess, ownProcess } from './request-response-server.js';

/**
 * The request/response scenario: `getOrder`, `listMyOrders` (20 items), a visitor's `getMenu` (a restaurant and its
 * 20 items, with the API key) and `createOrder` (one line, priced from that menu) through the server against the
 * equivalent raw DynamoDB calls (GetItem, a Query of 20, a Query of the restaurant's partition, a conditional PutItem)
 * sent by the same load generator to the server's own dynalite port, in one run. createOrder also reads the menu and
 * starts the order's journey, whose two steps (two more mutations) run in the server while the load goes on: it is
 * measured last, so that journeys still running after it weigh on no other figure. The server is what `npm start` runs, in a process of
 * its own (BENCH_SERVER=in-process runs it inside this one instead). The raw calls are SigV4-signed per request
 * as an SDK client signs them (BENCH_RAW=unsigned: the store's own cost alone). BENCH_SECONDS (default 10) per
 * measurement, BENCH_CONNECTIONS (default 8), BENCH_ONLY=getOrder,createOrder to narrow. The last column is the CPU
 * each request cost the server (all its threads and its evaluator processes) and the load generator, read from /proc
 * on Linux; BENCH_CPU_SPLIT=1 splits the server's share (main thread, other threads, evaluators).
 */
const RAW: RawSigning = process.env.BENCH_RAW === 'unsigned' ? 'unsigned' : 'signed';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;
const SPLIT_CPU = process.env.BENCH_CPU_SPLIT === '1';
/** The whole order, as the web app and the journey read it. */
const FIELDS = ORDER_SELECTION;

interface Pair {
  name: string;
  raw: string;
  server: LoadTarget;
  store: LoadTarget;
}

export async function runRequestResponse(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-api-bench-'));
  const inProcess = process.env.BENCH_SERVER === 'in-process';
  const server = inProcess ? await inThisProcess(dataDir) : await ownProcess(dataDir);
  try {
    const pairs = await preparePairs(server, dataDir);
    const only = process.env.BENCH_ONLY?.split(',');
    process.stdout.write(`request/response bench: server ${inProcess ? 'in this process' : `in its own process (pid ${server.pid})`}, `
      + `raw calls ${RAW}, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s per measurement, Node ${process.version}\n\n`);
    process.stdout.write('| operation | through the server | raw to its dynalite | throughput | p50 | CPU per request, server + load generator |\n| --- | --- | --- | --- | --- | --- |\n');
    for (const pair of pairs.filter(({ name }) => !only || only.includes(name))) {
      await runLoad(pair.store, CONNECTIONS, WARMUP_MS);
      const store = await measured(server.pid, () => runLoad(pair.store, CONNECTIONS, DURATION_MS));
      await runLoad(pair.server, CONNECTIONS, WARMUP_MS);
      const through = await measured(server.pid, () => runLoad(pair.server, CONNECTIONS, DURATION_MS));
      process.stdout.write(`| ${pair.name} | ${cell(through)} | ${pair.raw}: ${cell(store)} | ${ratio(through.throughput, store.throughput)} | ${ratio(through.p50, store.p50)} | `
        + `${cpuCell(through)}; raw ${cpuCell(store)} |\n`);
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Measured = LoadResult & { cpu: CpuPerRequest | undefined };

async function measured(pid: number, run: () => Promise<LoadResult>): Promise<Measured> {
  const before = cpuSnapshot(pid);
  const result = await run();
  return { ...result, cpu: cpuPerRequest(before, cpuSnapshot(pid), result.requests + result.errors) };
}

function cpuCell({ cpu }: Measured): string {
  if (!cpu) return 'n/a';
  const split = SPLIT_CPU ? ` (main thread ${cpu.mainThread.toFixed(0)}, other threads ${cpu.otherThreads.toFixed(0)}, evaluators ${cpu.evaluators.toFixed(0)})` : '';
  return `${cpu.server.toFixed(0)}${split} + ${cpu.loadGenerator.toFixed(0)} µs`;
}

function cell(result: LoadResult): string {
  const errors = result.errors > 0 ? `, **${result.errors} errors**` : '';
  return `${result.throughput.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms${errors}`;
}

const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

async function preparePairs(server: BenchServer, dataDir: string): Promise<Pair[]> {
  const pool = await LocalUserPool.open(dataDir);
  pool.ensureUser('bench-user');
  const token = (await pool.issueTokens('bench-user')).accessToken;
  const sub = pool.verify(token).sub;
  const graphqlAs = graphqlAt(server.graphqlUrl);
  const graphql = graphqlAs(token);
  const dynamodb = rawDynamoDb(server.dynamodbUrl, RAW);
  const menu = await seedBenchMenu(graphqlAs, pool);
  const seed = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`;
  const first = await sendOnce(graphql(seed, { input: benchOrder(menu, 0) }));
  const orderId = (JSON.parse(first) as { data: { createOrder: { id: string } } }).data.createOrder.id;
  for (let i = 1; i <= 30; i += 1) await sendOnce(graphql(seed, { input: benchOrder(menu, i) }));
  const key = { userId: { S: sub }, id: { S: orderId } };
  const now = (): string => new Date().toISOString();
  const getItem = { TableName: 'orders', Key: key };
  const apiKey = new ApiKeyStore(dataDir).create({ days: 1, description: 'bench' }).id;
  const visitor = (query: string, variables: Record<string, unknown>): LoadTarget => {
    const body = JSON.stringify({ query, variables });
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    return { url: server.graphqlUrl, next: () => ({ headers, body }), failed: (text) => text.includes('"errors"') };
  };
  const query = { TableName: 'orders', KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': { S: sub } }, Limit: 20 };
  const dish = menu.items[0];
  if (!dish) throw new Error(`${menu.restaurantId} has no menu items`);
  let orders = 0;
  return [
    { name: 'getOrder', raw: 'GetItem', server: graphql(`query($id: ID!) { getOrder(id: $id) { ${FIELDS} } }`, { id: orderId }), store: dynamodb('GetItem', () => getItem) },
    { name: 'listMyOrders', raw: 'Query', server: graphql(`query { listMyOrders(limit: 20) { items { ${FIELDS} } nextToken } }`), store: dynamodb('Query', () => query) },
    { name: 'getMenu (API key)', raw: 'Query', server: visitor(menu.query, menu.variables), store: dynamodb('Query', () => menu.rawQuery) },
    {
      name: 'createOrder',
      raw: 'PutItem',
      // One line each, the menu's items in turn.
      server: graphql(`mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${FIELDS} } }`, () => ({ input: benchOrder(menu, (orders += 1)) })),
      // The item createOrder writes, priced and with its first event, statusKey included: it is the sort key of both
      // status indexes, so the store maintains them for the raw put as it does for the API's.
      store: dynamodb('PutItem', () => {
        const id = ulid();
        const at = now();
        return {
          TableName: 'orders',
          Item: {
            userId: { S: sub }, id: { S: id }, restaurantId: { S: menu.restaurantId }, name: { S: dish.name }, quantity: { N: '3' },
            lines: { L: [{ M: { menuItemId: { S: dish.id }, name: { S: dish.name }, unitPrice: { N: String(dish.price) }, quantity: { N: '3' }, note: { NULL: true }, lineTotal: { N: String(3 * dish.price) } } }] },
            currency: { S: 'EUR' }, total: { N: String(3 * dish.price) },
            status: { S: 'PENDING' }, statusKey: { S: `PENDING#${id}` }, createdAt: { S: at }, updatedAt: { S: at }, version: { N: '1' },
            timeline: { L: [{ M: { type: { S: 'PLACED' }, at: { S: at }, actor: { S: 'CUSTOMER' }, by: { NULL: true }, detail: { NULL: true } } }] },
            preparationMinutes: { N: '15' }, acceptanceTimeoutSeconds: { N: '3600' },
          },
          ConditionExpression: 'attribute_not_exists(id)',
        };
      }),
    },
  ];
}
