import type { ChildProcess } from 'node:child_process';
import { httpRequest } from '../functions/lib/http-request.js';
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

const CREATE = 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id userId restaurantId name quantity status } }';
let orders = 0;

/**
 * One createOrder by the owner: the event every subscriber of theirs receives. The mutation selects userId,
 * restaurantId and id, which the subscription's filters read.
 */
export async function createOrder(graphqlUrl: string, token: string): Promise<void> {
  orders += 1;
  const answer = await httpRequest(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query: CREATE, variables: { input: { restaurantId: 'r1', name: `fan-out order ${orders}`, quantity: 1 } } }),
    timeoutMs: 30_000,
  });
  if (answer.status !== 200 || !answer.body.includes('"createOrder":{')) throw new MutationError(`createOrder: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
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
 * same clock. `cpuOf`: the process whose CPU the delivery cost (with its children), read from /proc.
 */
export async function deliver(clients: ChildProcess, cpuOf: number, expected: number, trigger: () => Promise<void>, settleMs = 0): Promise<{ round: Round; receivedBy: number[]; cpuMs: number | undefined; triggerMs: number }> {
  await ask(clients, { op: 'arm' }, 'armed', 10_000);
  const before = cpuSnapshot(cpuOf);
  const t0 = process.hrtime.bigint();
  await trigger();
  // How long the trigger itself took (the mutation's HTTP answer, the bare server's "sent"): the latency's first part.
  const triggerMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const collected = await ask<Reply<'collected'>>(clients, { op: 'collect', t0: String(t0), expected, timeoutMs: LIMITS.roundMs, settleMs }, 'collected', LIMITS.roundMs + 30_000);
  const cpu = cpuPerRequest(before, cpuSnapshot(cpuOf), 1);
  return { round: { latencies: collected.latencies, expected, bytes: collected.bytes }, receivedBy: collected.receivedBy, cpuMs: cpu && cpu.server / 1000, triggerMs };
}

/** Mean of the defined values; undefined when /proc gave none. */
export function mean(values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? undefined : defined.reduce((a, b) => a + b, 0) / defined.length;
}
