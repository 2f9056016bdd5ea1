import WebSocket from 'ws';
import type { ClientCommand, ClientReply } from './fanout-protocol.js';

/**
 * The fan-out bench's subscribers: a process of its own (spawned by bench/fanout.ts over IPC) holding N WebSocket
 * clients, so that neither the server nor the bench's own process pays for them. Each socket either speaks AppSync's
 * real-time protocol (connection_init, `start` with the token, `ka` ignored) or, for the floor, just listens to a
 * bare `ws` server. Arrival times are read from process.hrtime (CLOCK_MONOTONIC, one clock for every process on the
 * machine), so the bench's trigger time and these arrivals compare directly. An arrival is the event of a new order
 * (version 1, what createOrder publishes); the events of its journey's steps that follow are counted apart.
 */
const QUERY = 'subscription { onOrderStatusChanged { id userId status version } }';

interface Subscriber {
  socket: WebSocket;
  authorization: { Authorization: string; host: string } | undefined;
  /** hrtime (ns) of the first armed message, and its size. */
  arrival: bigint | undefined;
  bytes: number;
  /** The highest order version received since `arm`: how far it has followed the order's journey. */
  version: number;
}

let subscribers: Subscriber[] = [];
let armed = false;
let arrivals = 0;
let waiters: ((message: { type: string; id?: string }, subscriber: Subscriber) => void)[] = [];

function reply(message: ClientReply): void {
  process.send?.(message);
}

/** Runs `task` for indexes 0..count-1 with at most `window` in flight: a connect storm of thousands overflows the listen backlog. */
async function windowed(count: number, window: number, task: (i: number) => Promise<void>): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(window, count) }, async () => {
    while (next < count) {
      const i = next++;
      await task(i).catch((error: unknown) => void failures.push(error instanceof Error ? error.message : String(error)));
    }
  }));
  return failures;
}

function awaitMessage(subscriber: Subscriber, match: (type: string) => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      subscriber.socket.off('close', onClose);
      waiters = waiters.filter((w) => w !== waiter);
      if (error) reject(error);
      else resolve();
    };
    // A socket the server closes (or a server gone) fails at once rather than at the timeout.
    const onClose = (code: number): void => finish(new Error(`closed by the server (${code})`));
    const timer = setTimeout(() => finish(new Error('timed out waiting for the server')), timeoutMs);
    const waiter = (message: { type: string }, from: Subscriber): void => {
      if (from !== subscriber || !match(message.type)) return;
      finish(message.type.endsWith('error') ? new Error(JSON.stringify(message).slice(0, 300)) : undefined);
    };
    waiters.push(waiter);
    subscriber.socket.once('close', onClose);
  });
}

function open(url: URL, token: string | undefined, timeoutMs: number): Promise<Subscriber> {
  const authorization = token === undefined ? undefined : { Authorization: token, host: url.host };
  const target = new URL(url);
  if (authorization) {
    target.searchParams.set('header', Buffer.from(JSON.stringify(authorization)).toString('base64'));
    target.searchParams.set('payload', Buffer.from('{}').toString('base64'));
  }
  const socket = new WebSocket(target, authorization ? ['graphql-ws'] : [], { handshakeTimeout: timeoutMs });
  const subscriber: Subscriber = { socket, authorization, arrival: undefined, bytes: 0, version: 0 };
  socket.on('message', (raw: Buffer) => {
    const at = process.hrtime.bigint();
    const message = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: { data?: { onOrderStatusChanged?: { version?: number } | null } } };
    if (message.type === 'ka') return;
    // The bare server's frames carry no order: each is an arrival.
    const version = message.type === 'data' ? (message.payload?.data?.onOrderStatusChanged?.version ?? 1) : 0;
    subscriber.version = Math.max(subscriber.version, version);
    if (armed && version === 1 && subscriber.arrival === undefined) {
      subscriber.arrival = at;
      subscriber.bytes = raw.length;
      arrivals += 1;
    }
    for (const waiter of waiters) waiter(message, subscriber);
  });
  return new Promise((resolve, reject) => {
    // A socket that fails after opening must not crash the process: its subscriber then just never receives.
    socket.on('error', () => undefined);
    socket.once('open', () => resolve(subscriber));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

async function handle(command: ClientCommand): Promise<void> {
  if (command.op === 'connect') {
    const started = process.hrtime.bigint();
    const url = new URL(command.url);
    const opened: Subscriber[] = [];
    const failures = await windowed(command.count, command.window, async (i) => {
      const subscriber = await open(url, command.tokens[i % command.tokens.length], command.timeoutMs);
      opened[i] = subscriber;
      if (!subscriber.authorization) return;
      const acked = awaitMessage(subscriber, (type) => type === 'connection_ack' || type === 'connection_error', command.timeoutMs);
      subscriber.socket.send(JSON.stringify({ type: 'connection_init' }));
      await acked;
    });
    subscribers = opened.filter(Boolean);
    reply({ op: 'connected', ms: Number(process.hrtime.bigint() - started) / 1e6, open: subscribers.length, failures: failures.slice(0, 5), failed: failures.length });
  } else if (command.op === 'subscribe') {
    const started = process.hrtime.bigint();
    const failures = await windowed(subscribers.length, command.window, async (i) => {
      const subscriber = subscribers[i] as Subscriber;
      const acked = awaitMessage(subscriber, (type) => type === 'start_ack' || type === 'error', command.timeoutMs);
      const payload = { data: JSON.stringify({ query: QUERY, variables: {} }), extensions: { authorization: subscriber.authorization } };
      subscriber.socket.send(JSON.stringify({ id: 'orders', type: 'start', payload }));
      await acked;
    });
    reply({ op: 'subscribed', ms: Number(process.hrtime.bigint() - started) / 1e6, failures: failures.slice(0, 5), failed: failures.length });
  } else if (command.op === 'arm') {
    for (const subscriber of subscribers) {
      subscriber.arrival = undefined;
      subscriber.version = 0;
    }
    arrivals = 0;
    armed = true;
    reply({ op: 'armed' });
  } else if (command.op === 'collect') {
    // Bounded: until `expected` sockets have the message or the timeout, then `settleMs` more for any stray delivery.
    const deadline = Date.now() + command.timeoutMs;
    while (arrivals < command.expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, command.settleMs));
    armed = false;
    const t0 = BigInt(command.t0);
    const receivedBy = subscribers.flatMap((s, i) => (s.arrival === undefined ? [] : [i]));
    reply({
      op: 'collected',
      latencies: receivedBy.map((i) => Number((subscribers[i]?.arrival as bigint) - t0) / 1e6),
      receivedBy,
      bytes: subscribers[receivedBy[0] ?? 0]?.bytes ?? 0,
    });
  } else if (command.op === 'follow') {
    const deadline = Date.now() + command.timeoutMs;
    const behind = () => subscribers.filter((s) => s.arrival !== undefined && s.version < command.version).length;
    while (behind() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    reply({ op: 'followed', behind: behind() });
  } else if (command.op === 'close') {
    await Promise.all(subscribers.map((s) => new Promise<void>((resolve) => {
      if (s.socket.readyState === WebSocket.CLOSED) return resolve();
      s.socket.once('close', () => resolve());
      s.socket.close();
      setTimeout(() => (s.socket.terminate(), resolve()), 5_000).unref();
    })));
    subscribers = [];
    reply({ op: 'closed' });
  }
}

process.on('message', (command: ClientCommand) => void handle(command).catch((error: unknown) => reply({ op: 'failed', error: String(error) })));
// The bench owns this process: when its IPC channel goes (the bench exited or crashed), so do the sockets.
process.on('disconnect', () => process.exit(0));
