import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveSubscription, SubscriptionSink } from '../../local/engine/subscriptions/index.js';
import { type Authenticate, RealtimeConnection, type SubscriptionStarter } from '../../local/realtime/connection.js';
import { APPSYNC_REALTIME_DEFAULTS } from '../../local/realtime/options.js';

// The transport-free core of the real-time protocol, with a recording transport and a scripted engine.

interface Started {
  sink: SubscriptionSink;
  stopped: boolean;
}

function harness(overrides: Partial<typeof APPSYNC_REALTIME_DEFAULTS> = {}) {
  const sent: unknown[] = [];
  const started: Started[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const engine: SubscriptionStarter = {
    async start(_request, _context, sink): Promise<ActiveSubscription> {
      const entry: Started = { sink, stopped: false };
      started.push(entry);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return { fieldName: 'onThing', stop: () => (entry.stopped = true) };
    },
  };
  const authenticate: Authenticate = async () => ({ type: 'AMAZON_COGNITO_USER_POOLS', identity: {}, groups: [], label: 'User Pool Authorization' });
  const connection = new RealtimeConnection(
    { send: (text) => sent.push(JSON.parse(text)), close: () => undefined },
    engine,
    authenticate,
    { authorization: 'token' },
    { ...APPSYNC_REALTIME_DEFAULTS, ...overrides },
  );
  const start = (id: string) =>
    connection.receive(JSON.stringify({ id, type: 'start', payload: { data: JSON.stringify({ query: 'subscription { onThing }' }), extensions: { authorization: { Authorization: 'token' } } } }));
  return { connection, sent, started, start, holdStarts: () => (hold = true), releaseStart: () => release?.() };
}

describe('keep-alive', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends ka after connection_ack, then every 60 s (the guide\'s interval) until the connection ends', async () => {
    const { connection, sent } = harness();
    await connection.receive(JSON.stringify({ type: 'connection_init' }));
    expect(sent).toEqual([{ type: 'connection_ack', payload: { connectionTimeoutMs: 300_000 } }, { type: 'ka' }]);
    vi.advanceTimersByTime(59_999);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent.at(-1)).toEqual({ type: 'ka' });
    vi.advanceTimersByTime(120_000);
    expect(sent).toHaveLength(5);
    connection.dispose();
    vi.advanceTimersByTime(600_000);
    expect(sent).toHaveLength(5);
  });
});

describe('subscriptions of one connection', () => {
  it('accepts a start without connection_init, which the guide makes optional, and starts the keep-alives', async () => {
    const { sent, start } = harness();
    await start('a');
    expect(sent).toEqual([{ type: 'ka' }, { type: 'start_ack', id: 'a' }]);
  });

  it('sends events as data, and complete when a mutation invalidates the subscription', async () => {
    const { sent, started, start } = harness();
    await start('a');
    started[0]?.sink.next({ data: { onThing: 1 } });
    started[0]?.sink.invalidated();
    expect(sent.slice(2)).toEqual([
      { type: 'data', id: 'a', payload: { data: { onThing: 1 } } },
      { type: 'complete', id: 'a' },
    ]);
  });

  it('does not deliver an event larger than the payload quota, as AppSync drops it', async () => {
    const { sent, started, start } = harness({ maxPayloadBytes: 100 });
    await start('a');
    started[0]?.sink.next({ data: { onThing: 'x'.repeat(100) } });
    started[0]?.sink.next({ data: { onThing: 'small' } });
    expect(sent.slice(2)).toEqual([{ type: 'data', id: 'a', payload: { data: { onThing: 'small' } } }]);
  });

  it('honours a stop that arrives while the start is being checked: complete, no start_ack, nothing left running', async () => {
    const { connection, sent, started, start, holdStarts, releaseStart } = harness();
    holdStarts();
    const starting = start('a');
    await vi.waitFor(() => expect(started).toHaveLength(1));
    await connection.receive(JSON.stringify({ type: 'stop', id: 'a' }));
    releaseStart();
    await starting;
    expect(sent.filter((m) => (m as { id?: string }).id === 'a')).toEqual([{ type: 'complete', id: 'a' }]);
    expect(started[0]?.stopped).toBe(true);
  });

  it('stops every subscription when the transport closes', async () => {
    const { connection, started, start } = harness();
    await start('a');
    await start('b');
    connection.dispose();
    expect(started.map((s) => s.stopped)).toEqual([true, true]);
  });
});
