import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalUserPool } from '../local/cognito/user-pool.js';
import { type BenchMenu, graphqlAt, seedBenchMenu } from './bench-menu.js';
import { ask, spawnModule } from './fanout-children.js';
import { stopChild } from './stop-child.js';
import type { BareReply } from './fanout-protocol.js';
import { type FanoutFigures, formatFanout, type Round, rssKb } from './fanout-report.js';
import { askedVersion, connect, createOrder, deliver, disconnect, follow, mean } from './fanout-steps.js';
import { startServerProcess } from './server-process.js';

/**
 * `npx tsx bench/run.ts fanout` (issue 22): N subscribers of one owner's orders, held by a process of WebSocket
 * clients, receive one createOrder; the delivery latency at each, against a bare `ws` server in its own process
 * sending a frame of the same size to the same N sockets. Also the time to accept N, the server's RSS per
 * connection, and the CPU an order costs when N subscribers of many owners mostly reject it. Each order's journey
 * then records two steps (checked, sent to the restaurant), each published to the same subscribers: a round lasts
 * until every subscriber that received the order has received its last step, and its CPU counts them, so that no
 * journey spills into the next round. A fresh server per N (`npm start`'s, DEMO_DATA=0; the bench's restaurant made
 * on the first), so that its RSS starts idle. FANOUT_SIZES (1000,5000), FANOUT_ROUNDS (3),
 * FANOUT_OWNERS (200), FANOUT_REJECT_MUTATIONS (10), FANOUT_WINDOW (200 handshakes in flight), FANOUT_ROUND_TIMEOUT_MS.
 */
const env = (name: string, fallback: string): string => process.env[name] ?? fallback;
const SIZES = env('FANOUT_SIZES', '1000,5000').split(',').map(Number).filter((n) => n > 0);
const ROUNDS = Number(env('FANOUT_ROUNDS', '3'));
const OWNERS = Number(env('FANOUT_OWNERS', '200'));
const REJECT_MUTATIONS = Number(env('FANOUT_REJECT_MUTATIONS', '10'));
// The sockets of N subscribers are one descriptor each in the client process and in the server; leave room for the rest.
const FD_HEADROOM = 500;

function openFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s{2,}/)[1] ?? Number.POSITIVE_INFINITY);
}

export async function runFanout(): Promise<void> {
  const limit = openFileLimit();
  const sizes = SIZES.filter((n) => n + FD_HEADROOM <= limit);
  process.stdout.write(`fan-out: N = ${SIZES.join(', ')}, ${ROUNDS} rounds, Node ${process.version}, open-file limit ${limit}\n`);
  if (sizes.length < SIZES.length) process.stdout.write(`skipped N = ${SIZES.filter((n) => !sizes.includes(n)).join(', ')}: above the open-file limit (ulimit -n ${limit}) less ${FD_HEADROOM}\n`);
  process.stdout.write('latency: from the bench reading CLOCK_MONOTONIC (process.hrtime) just before it sends the mutation or signals the bare server, to the arrival at each socket in the client process on the same clock\n');

  const dataDir = mkdtempSync(join(tmpdir(), 'order-api-fanout-bench-'));
  const children: ChildProcess[] = [];
  let stopServer: (() => Promise<void>) | undefined;
  const stopAll = async () => {
    await stopServer?.();
    await Promise.all(children.map((child) => stopChild(child)));
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  try {
    // Tokens as `npm run token` makes them, before a server starts on the same DATA_DIR; owner 0 is the one who orders.
    const pool = await LocalUserPool.open(dataDir);
    const tokens: string[] = [];
    for (let i = 0; i < OWNERS; i += 1) {
      pool.ensureUser(`fanout-${i}`, { groups: [] });
      tokens.push((await pool.issueTokens(`fanout-${i}`, { expiresInSeconds: 7200 })).idToken);
    }
    const clients = spawnModule('bench/fanout-clients.ts');
    const bare = spawnModule('bench/fanout-bare-server.ts');
    children.push(clients, bare);
    const { port } = await ask<Extract<BareReply, { op: 'listening' }>>(bare, undefined, 'listening', 60_000);
    const figures: FanoutFigures[] = [];
    for (const n of sizes) {
      const server = await startServerProcess(dataDir, { DEMO_DATA: '0' });
      stopServer = server.stop;
      try {
        const menu = await seedBenchMenu(graphqlAt(server.health.graphql), pool);
        figures.push(await measure(n, server, clients, { child: bare, url: `ws://127.0.0.1:${port}/` }, tokens, menu));
      } finally {
        await server.stop();
        stopServer = undefined;
      }
    }
    process.stdout.write(`\n${formatFanout(figures)}\n`);
    if (figures.some((f) => f.errors.length > 0)) process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSignal);
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(
  n: number,
  server: { pid: number; health: { graphql: string; realtime: string } },
  clients: ChildProcess,
  bare: { child: ChildProcess; url: string },
  tokens: string[],
  menu: BenchMenu,
): Promise<FanoutFigures> {
  const log = (line: string) => process.stdout.write(`  N = ${n}: ${line}\n`);
  const errors: string[] = [];
  const owner = tokens[0] as string;
  let last = '';
  const mutate = async () => {
    last = await createOrder(server.health.graphql, owner, menu);
  };
  // The last order's journey, until it asks the restaurant, and its steps at every socket that received the order.
  const journey = async () => {
    const behind = await follow(clients, await askedVersion(server.health.graphql, owner, last));
    if (behind > 0) errors.push(`${behind} subscribers missed a journey step of order ${last}`);
  };
  // Warm-up, then the order's own CPU with nobody subscribed: what every figure below adds to.
  for (let i = 0; i < 5; i += 1) {
    await mutate();
    await journey();
  }
  const none = [];
  for (let i = 0; i < REJECT_MUTATIONS; i += 1) none.push((await deliver(clients, server.pid, 0, mutate, 0, journey)).cpuMs);
  const rssIdleKb = rssKb(server.pid);

  const { acceptMs, subscribeMs, live } = await connect(clients, server.health.realtime, n, [owner], errors);
  const rssOpenKb = rssKb(server.pid);
  log(`accepted in ${acceptMs.toFixed(0)} ms, subscribed in ${subscribeMs.toFixed(0)} ms, RSS ${rssIdleKb} → ${rssOpenKb} KiB`);
  // One untimed round: the first delivery to N warms the send path (and gives the frame's size).
  const warm = await deliver(clients, server.pid, live, mutate, 0, journey);
  const serverRounds: Round[] = [];
  const cpuAll: (number | undefined)[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const { round, cpuMs, triggerMs } = await deliver(clients, server.pid, live, mutate, 0, journey);
    round.expected = n;
    serverRounds.push(round);
    cpuAll.push(cpuMs);
    log(`server round ${r + 1}: ${round.latencies.length} of ${n} received, createOrder answered in ${triggerMs.toFixed(1)} ms, server CPU ${cpuMs ?? 'n/a'} ms`);
  }
  await disconnect(clients);

  const bytes = warm.round.bytes;
  const { acceptMs: bareAcceptMs, live: bareLive } = await connect(clients, bare.url, n, [], errors);
  const broadcast = async () => void (await ask(bare.child, { op: 'broadcast', bytes }, 'sent', 30_000));
  await deliver(clients, bare.child.pid ?? 0, bareLive, broadcast);
  const bareRounds: Round[] = [];
  const cpuBare: (number | undefined)[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const { round, cpuMs } = await deliver(clients, bare.child.pid ?? 0, bareLive, broadcast);
    bareRounds.push({ ...round, expected: n });
    cpuBare.push(cpuMs);
  }
  log(`bare broadcast of ${bytes} B: ${bareRounds.map((r) => r.latencies.length).join(', ')} of ${n} received`);
  await disconnect(clients);

  // Filters that reject most: N subscribers of OWNERS owners (round-robin), only owner 0's orders change.
  await connect(clients, server.health.realtime, n, tokens, errors);
  const expected = Math.ceil(n / tokens.length);
  const reject = [];
  let received = 0;
  let stray = 0;
  for (let i = 0; i < REJECT_MUTATIONS; i += 1) {
    const result = await deliver(clients, server.pid, expected, mutate, 200, journey);
    reject.push(result.cpuMs);
    received += result.receivedBy.filter((index) => index % tokens.length === 0).length;
    stray += result.receivedBy.filter((index) => index % tokens.length !== 0).length;
  }
  await disconnect(clients);
  log(`many owners: ${received} of ${expected * REJECT_MUTATIONS} deliveries, ${stray} stray`);
  return {
    n, server: serverRounds, bare: bareRounds, acceptMs, subscribeMs, bareAcceptMs, rssIdleKb, rssOpenKb,
    cpuNone: mean(none), cpuAll: mean(cpuAll), cpuReject: mean(reject), cpuBare: mean(cpuBare), rejectOwners: tokens.length,
    rejectExpected: expected * REJECT_MUTATIONS, rejectReceived: received, rejectStray: stray, errors,
  };
}
