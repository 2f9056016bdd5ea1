import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalUserPool } from '../local/cognito/user-pool.js';
import { graphql, openBenchKitchen } from './journey-setup.js';
import { type OrderEvent, subscribeToOrders } from './order-subscriber.js';
import { cpuPerRequest, cpuSnapshot, formatCpuPerOrder } from './process-cpu.js';
import { startServerProcess } from './server-process.js';

/**
 * `npx tsx bench/run.ts journey` (and `npm run bench`): the order journey end to end. The server as `npm start` runs
 * it, in its own process; from this one, customers with subscriptions place orders (two lines each) as fast as they
 * are answered, and a cook subscribed to the restaurant's orders. An order has reached the kitchen when the cook's
 * subscription delivers it asked (acceptBy set: checked by the journey, its task token stored); the customer hears
 * the same step. Then the cook accepts every order and the customers' ACCEPTED events are timed.
 * BENCH_JOURNEY_USERS (20) and BENCH_JOURNEY_PER_USER (10) size it; a warm-up round of the same size runs first.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const USERS = env('BENCH_JOURNEY_USERS', 20);
const PER_USER = env('BENCH_JOURNEY_PER_USER', 10);
const WAIT_MS = 120_000;

interface Placed {
  id: string;
  userId: string;
  version: number;
  sentAt: number;
  customer: number;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
};
const ms = (value: number): string => `${value.toFixed(0)} ms`;

export async function runJourney(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-api-journey-bench-'));
  const pool = await LocalUserPool.open(dataDir);
  const token = async (name: string, groups: string[]) => {
    pool.ensureUser(name, { groups });
    return (await pool.issueTokens(name, { expiresInSeconds: 3600 })).idToken;
  };
  const admin = await token('bench-admin', ['admin']);
  const cook = await token('bench-cook', ['staff']);
  const customers = await Promise.all(Array.from({ length: USERS }, (_, i) => token(`bench-customer-${i}`, [])));
  const server = await startServerProcess(dataDir, { DEMO_DATA: '0' });
  const graphqlUrl = server.health.graphql;
  try {
    const kitchen = await openBenchKitchen(graphqlUrl, admin, 'bench-cook');
    const kitchenEvents: OrderEvent[] = [];
    const customerEvents: OrderEvent[][] = customers.map(() => []);
    const subscriptions = [
      await subscribeToOrders(server.health.realtime, cook, (event) => kitchenEvents.push(event), journeyEvents(kitchen.restaurantId)),
      ...(await Promise.all(customers.map((t, i) => subscribeToOrders(server.health.realtime, t, (event) => customerEvents[i]?.push(event), journeyEvents(null))))),
    ];
    process.stdout.write(`journey bench: the server in its own process (pid ${server.pid}), ${USERS} customers × ${PER_USER} orders, a cook, Node ${process.version}\n`);
    const round = async (title: string): Promise<void> => {
      const before = cpuSnapshot(server.pid);
      const placed = await placeAll(graphqlUrl, customers, kitchen.menuItemIds, kitchen.restaurantId);
      const asked = (list: OrderEvent[]) => new Map(list.filter((e) => e.acceptBy).map((e) => [e.id, e.at]));
      await until(() => {
        const seen = asked(kitchenEvents);
        const heard = customerEvents.map((list) => asked(list));
        return placed.every((order) => seen.has(order.id) && heard[order.customer]?.has(order.id));
      });
      const atKitchen = asked(kitchenEvents);
      const atCustomer = customerEvents.map((list) => asked(list));
      const toKitchen = placed.map((o) => (atKitchen.get(o.id) ?? Number.NaN) - o.sentAt);
      const toCustomer = placed.map((o) => (atCustomer[o.customer]?.get(o.id) ?? Number.NaN) - o.sentAt);
      const first = Math.min(...placed.map((o) => o.sentAt));
      const last = Math.max(...placed.map((o) => atKitchen.get(o.id) ?? Number.NaN));
      const missing = toKitchen.filter(Number.isNaN).length + toCustomer.filter(Number.isNaN).length;
      const cpu = formatCpuPerOrder(cpuPerRequest(before, cpuSnapshot(server.pid), placed.length));
      const accepted = await acceptAll(graphqlUrl, cook, placed, kitchenEvents, customerEvents);
      process.stdout.write(
        `\n${title}: ${placed.length} orders\n` +
          `  placement → asked at the kitchen   ${(placed.length / ((last - first) / 1000)).toFixed(0)} orders/s; p50 ${ms(quantile(toKitchen, 0.5))}, p99 ${ms(quantile(toKitchen, 0.99))}\n` +
          `  placement → the customer's event   p50 ${ms(quantile(toCustomer, 0.5))}, p99 ${ms(quantile(toCustomer, 0.99))}\n` +
          `  acceptOrder → the customer's event p50 ${ms(quantile(accepted, 0.5))}, p99 ${ms(quantile(accepted, 0.99))}\n` +
          `${cpu ? `${cpu} (placement to asked; the journey's function runs in the server's process offline)\n` : ''}` +
          (missing > 0 ? `  ${missing} events never arrived\n` : ''),
      );
      if (missing > 0) process.exitCode = 1;
    };
    await round('warm-up on the fresh server (not a target)');
    await round('journey');
    for (const s of subscriptions) s.close();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function until(done: () => boolean): Promise<void> {
  const deadline = performance.now() + WAIT_MS;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The steps' fields: acceptBy says the restaurant was asked, the version what the cook accepts at. */
const journeyEvents = (restaurantId: string | null) => ({
  query: 'subscription($restaurantId: String) { onOrderStatusChanged(restaurantId: $restaurantId) { id userId status version acceptBy } }',
  variables: restaurantId ? { restaurantId } : {},
});

const PLACE = 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id userId restaurantId status version acceptBy } }';

async function placeAll(graphqlUrl: string, customers: string[], items: string[], restaurantId: string): Promise<Placed[]> {
  const perCustomer = await Promise.all(
    customers.map(async (token, customer) => {
      const mine: Placed[] = [];
      for (let n = 0; n < PER_USER; n += 1) {
        const lines = [{ menuItemId: items[n % items.length], quantity: 1 + (n % 3) }, { menuItemId: items[(n + 1) % items.length], quantity: 1 }];
        const sentAt = performance.now();
        const { createOrder } = await graphql<{ createOrder: { id: string; userId: string; version: number } }>(graphqlUrl, token, PLACE, { input: { restaurantId, lines } });
        mine.push({ ...createOrder, sentAt, customer });
      }
      return mine;
    }),
  );
  return perCustomer.flat();
}

// Subscribers receive only what the mutation selects, and their filters read userId and restaurantId.
const ACCEPT = 'mutation($id: ID!, $userId: ID!, $v: Int!) { acceptOrder(id: $id, userId: $userId, expectedVersion: $v) { id userId restaurantId status version acceptBy } }';

/** The cook accepts every order at the version the kitchen last heard; answers each acceptance → customer event time. */
async function acceptAll(graphqlUrl: string, cook: string, placed: Placed[], kitchen: OrderEvent[], customers: OrderEvent[][]): Promise<number[]> {
  const sentAt = new Map<string, number>();
  await Promise.all(
    placed.map(async (order) => {
      const version = Math.max(...kitchen.filter((e) => e.id === order.id).map((e) => e.version ?? 0));
      sentAt.set(order.id, performance.now());
      await graphql(graphqlUrl, cook, ACCEPT, { id: order.id, userId: order.userId, v: version });
    }),
  );
  const acceptedAt = (order: Placed) => customers[order.customer]?.find((e) => e.id === order.id && e.status === 'ACCEPTED')?.at;
  await until(() => placed.every((order) => acceptedAt(order) !== undefined));
  return placed.map((order) => (acceptedAt(order) ?? Number.NaN) - (sentAt.get(order.id) ?? Number.NaN));
}
