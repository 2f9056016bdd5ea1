import type { ChildProcess } from 'node:child_process';
import { httpRequest } from '../functions/lib/http-request.js';
import { type BenchMenu, benchOrder } from './bench-menu.js';
import { ask } from './fanout-children.js';
import type { ClientReply } from './fanout-protocol.js';
import type { Round } from './fanout-report.js';
import { cpuPerRequest, cpuSnapshot } from './process-cpu.js';

type Reply<Op extends ClientReply['op']> = Extract<ClientReply, { op: Op }>;

export class MutationError extends Error {
  override readonly name = 'MutationError';
}

/** Bounds of every wait: a failing server shows up as a short count, never as a bench that hangs. */
export const LIMITS = {
  connectMs: 180_000,
  handshakeMs: 60_000,
  roundMs: Number(process.env.FANOUT_ROUND_TIMEOUT_MS ?? 60_000),
  window: Number(process.env.FANOUT_WINDOW ?? 200),
};

const CREATE = 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id userId restaurantId name quantity status version } }';
const READ = 'query($id: ID!) { getOrder(id: $id) { version acceptBy } }';
/** How long an order's journey may take to ask its restaurant: its two steps, each a function and a mutation. */
const JOURNEY_MS = 30_000;
let orders = 0;

async function graphql(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: string }> {
  return httpRequest(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }), timeoutMs: 30_000 });
}

/**
 * One createOrder by the owner, one line of the bench's menu: the event every subscriber of theirs receives. The
 * mutation selects userId, restaurantId and id, which the subscription's filters read. Answers the order's id.
 */
export async function createOrder(graphqlUrl: string, token: string, menu: BenchMenu): Promise<string> {
  orders += 1;
  const answer = await graphql(graphqlUrl, token, CREATE, { input: benchOrder(menu, orders) });
  const id = answer.status === 200 ? (JSON.parse(answer.body) as { data?: { createOrder?: { id: string } | null } }).data?.createOrder?.id : undefined;
  if (!id) throw new MutationError(`createOrder: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
  return id;
}

/**
 * The order's version once its journey has asked the restaurant (acceptBy set): every step it takes before someone
 * answers is recorded, and published, by then. A round waits for it, so that no journey still runs in the next.
 */
export async function askedVersion(graphqlUrl: string, token: string, id: string): Promise<number> {
  const deadline = Date.now() + JOURNEY_MS;
  for (;;) {
    const answer = await graphql(graphqlUrl, token, READ, { id });
    const order = (JSON.parse(answer.body) as { data?: { getOrder?: { version: number; acceptBy: string | null } | null } }).data?.getOrder;
    if (order?.acceptBy) return order.version;
    if (Date.now() > deadline) throw new MutationError(`order ${id} was not sent to its restaurant within ${JOURNEY_MS / 1000} s: ${answer.body.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the sockets that received the order's creation have also received it at `version`; answers how many had not. */
export async function follow(clients: ChildProcess, version: number): Promise<number> {
  return (await ask<Reply<'followed'>>(clients, { op: 'follow', version, timeoutMs: LIMITS.roundMs }, 'followed', LIMITS.roundMs + 30_000)).behind;
}

/** Opens `count` sockets from the client process (AppSync's protocol when tokens are given) and, with tokens, subscribes each. */
export async function connect(clients: ChildProcess, url: string, count: number, tokens: string[], errors: string[]): Promise<{ acceptMs: number; subscribeMs: number; live: number }> {
  const connected = await ask<Reply<'connected'>>(clients, { op: 'connect', url, count, tokens, window: LIMITS.window, timeoutMs: LIMITS.handshakeMs }, 'connected', LIMITS.connectMs);
  if (connected.failed > 0) errors.push(`${connected.failed} of ${count} connections to ${new URL(url).host} failed: ${connected.failures.join('; ')}`);
  if (tokens.length === 0) return { acceptMs: connected.ms, subscribeMs: 0, live: connected.open };
  const subscribed = await ask<Reply<'subscribed'>>(clients, { op: 'subscribe', window: LIMITS.window, timeoutMs: LIMITS.handshakeMs }, 'subscribed', LIMITS.connectMs);
  if (subscribed.failed > 0) errors.push(`${subscribed.failed} of ${connected.open} subscriptions failed: ${subscribed.failures.join('; ')}`);
  // `live`: the subscriptions that started, the most a round can deliver to (failures are reported, not waited for).
  return { acceptMs: connected.ms, subscribeMs: subscribed.ms, live: connected.open - subscribed.failed };
}

export async function disconnect(clients: ChildProcess): Promise<void> {
  await ask(clients, { op: 'close' }, 'closed', LIMITS.connectMs);
}

/**
 * One delivery: the client process notes arrivals from now on, the bench reads CLOCK_MONOTONIC (process.hrtime) and
 * triggers (the mutation, or the bare server's broadcast), and each arrival is timed against that trigger on the
 * same clock. `cpuOf`: the process whose CPU the delivery cost (with its children), read from /proc, up to the end
 * of `after` (an order's journey followed to its end, for instance).
 */
export async function deliver(
  clients: ChildProcess,
  cpuOf: number,
  expected: number,
  trigger: () => Promise<void>,
  settleMs = 0,
  after: () => Promise<void> = async () => undefined,
): Promise<{ round: Round; receivedBy: number[]; cpuMs: number | undefined; triggerMs: number }> {
  await ask(clients, { op: 'arm' }, 'armed', 10_000);
  const before = cpuSnapshot(cpuOf);
  const t0 = process.hrtime.bigint();
  await trigger();
  // How long the trigger itself took (the mutation's HTTP answer, the bare server's "sent"): the latency's first part.
  const triggerMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const collected = await ask<Reply<'collected'>>(clients, { op: 'collect', t0: String(t0), expected, timeoutMs: LIMITS.roundMs, settleMs }, 'collected', LIMITS.roundMs + 30_000);
  await after();
  const cpu = cpuPerRequest(before, cpuSnapshot(cpuOf), 1);
  return { round: { latencies: collected.latencies, expected, bytes: collected.bytes }, receivedBy: collected.receivedBy, cpuMs: cpu && cpu.server / 1000, triggerMs };
}

/** Mean of the defined values; undefined when /proc gave none. */
export function mean(values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? undefined : defined.reduce((a, b) => a + b, 0) / defined.length;
}
