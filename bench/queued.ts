import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalUserPool } from '../local/cognito/user-pool.js';
import { graphqlAt, seedBenchMenu } from './bench-menu.js';
import { cpuPerRequest, cpuSnapshot, formatCpuPerOrder } from './process-cpu.js';
import { subscribeToOrders } from './order-subscriber.js';
import { burst, type Customer, drained, type Shop, steady, type Submission } from './queued-load.js';
import { formatHops, queuedHops } from './queued-hops.js';
import { formatFigures, queuedFigures } from './queued-report.js';
import { startServerProcess } from './server-process.js';

/**
 * `npm run bench`, the queued path: the server as `npm start` runs it, in its own process on a fresh DATA_DIR, and
 * from this process 50 customers, each with a real token and an `onOrderStatusChanged` subscription over the
 * real-time WebSocket, ordering one line at a time from the bench's restaurant (bench/bench-menu.ts). Two
 * scenarios: a burst (each customer sends 20 submitOrder as fast as they are acknowledged) and a steady 200
 * submits/s for 10 s. An order counts as created when its creation event reaches its owner; the events of its
 * journey's steps (checked, sent to the restaurant) follow it, and load the server as they do when deployed. BENCH_ONLY=queued (or burst, steady) picks scenarios; BENCH_QUEUED_USERS, BENCH_QUEUED_PER_USER,
 * BENCH_QUEUED_RATE and BENCH_QUEUED_SECONDS change their sizes; BENCH_QUEUED_WARMUP_PER_USER (20; 0 for none) the
 * untimed warm-up burst before them.
 */
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (scenario: string) => !only || only.includes('queued') || only.includes(scenario);
if (!wanted('burst') && !wanted('steady')) process.exit(0);

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const USERS = env('BENCH_QUEUED_USERS', 50);
const PER_USER = env('BENCH_QUEUED_PER_USER', 20);
const RATE = env('BENCH_QUEUED_RATE', 200);
const SECONDS = env('BENCH_QUEUED_SECONDS', 10);
const WARMUP_PER_USER = env('BENCH_QUEUED_WARMUP_PER_USER', 20);
const DRAIN_TIMEOUT_MS = 120_000;

const dataDir = mkdtempSync(join(tmpdir(), 'order-api-queued-bench-'));
// Tokens as `npm run token` makes them, before the server starts on the same DATA_DIR.
const pool = await LocalUserPool.open(dataDir);
const tokens = await Promise.all(
  Array.from({ length: USERS }, async (_, i) => {
    const name = `bench-${i}`;
    pool.ensureUser(name, { groups: [] });
    return { name, token: (await pool.issueTokens(name, { expiresInSeconds: 3600 })).idToken };
  }),
);
const serverOut = join(dataDir, 'server-stdout.log');
const server = await startServerProcess(dataDir, {}, serverOut);
const customers: Customer[] = tokens.map(({ name, token }) => ({ name, token, events: [] }));
const subscriptions = await Promise.all(customers.map((c) => subscribeToOrders(server.health.realtime, c.token, (event) => c.events.push(event))));
const graphqlUrl = server.health.graphql;
const shop: Shop = { graphqlUrl, menu: await seedBenchMenu(graphqlAt(graphqlUrl), pool) };

process.stdout.write(`queued bench: the server in its own process (pid ${server.pid}), ${USERS} customers with subscriptions, Node ${process.version}\n`);
const all: Submission[] = [];
let incomplete = false;
const report = async (title: string, run: () => Promise<Submission[]>) => {
  const before = cpuSnapshot(server.pid);
  const submissions = await run();
  all.push(...submissions);
  if (!(await drained(submissions, DRAIN_TIMEOUT_MS))) incomplete = true;
  const cpu = formatCpuPerOrder(cpuPerRequest(before, cpuSnapshot(server.pid), submissions.length));
  process.stdout.write(`\n${title}\n${formatFigures(queuedFigures(submissions))}\n${cpu ? `${cpu}\n` : ''}`);
};
// As the request/response figures are taken after a warm-up, so are these: a fresh server spends its first
// thousand orders compiling its hot code (V8's optimising compiler runs on the server's other threads), which a
// server that has been up a while does not. The warm-up's figures are printed too, and its orders checked with the
// rest.
if (WARMUP_PER_USER > 0) {
  await report(`warm-up on the fresh server (not a target): ${USERS * WARMUP_PER_USER} submitOrder, ${USERS} customers × ${WARMUP_PER_USER} as fast as acknowledged`, () => burst(shop, customers, WARMUP_PER_USER));
}
if (wanted('burst')) await report(`burst: ${USERS * PER_USER} submitOrder, ${USERS} customers × ${PER_USER} as fast as acknowledged`, () => burst(shop, customers, PER_USER));
if (wanted('steady')) await report(`steady: ${RATE} submitOrder/s for ${SECONDS} s from ${USERS} customers`, () => steady(shop, customers, RATE, SECONDS));

// What is stored: each customer's orders are exactly the ones acknowledged (nothing lost, nothing twice).
const mismatched = await storedMismatches(all);
process.stdout.write(`\nstored orders: ${mismatched === 0 ? 'every customer holds exactly the orders acknowledged' : `${mismatched} customer(s) differ from what was acknowledged`}${incomplete ? ' (some orders never reached their subscription)' : ''}\n`);
for (const s of subscriptions) s.close();
await server.stop();
process.stdout.write(`\n${formatHops(queuedHops(serverOut))}\n`);
rmSync(dataDir, { recursive: true, force: true });
if (mismatched > 0 || incomplete) process.exitCode = 1;

async function storedMismatches(submissions: Submission[]): Promise<number> {
  let mismatches = 0;
  for (const customer of customers) {
    const stored: string[] = [];
    let nextToken: string | null = null;
    do {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: customer.token },
        body: JSON.stringify({ query: 'query($n: String) { listMyOrders(limit: 100, nextToken: $n) { items { id } nextToken } }', variables: { n: nextToken } }),
      });
      const page = ((await response.json()) as { data: { listMyOrders: { items: { id: string }[]; nextToken: string | null } } }).data.listMyOrders;
      stored.push(...page.items.map((item) => item.id));
      nextToken = page.nextToken;
    } while (nextToken !== null);
    const acknowledged = submissions.filter((s) => s.customer === customer).map((s) => s.id);
    if (JSON.stringify(stored.toSorted()) !== JSON.stringify(acknowledged.toSorted())) mismatches += 1;
  }
  return mismatches;
}
