import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_ORDER_STATUS_CHANGED, RealtimeServer } from '../realtime/fixture.js';
import { RealtimeClient } from '../realtime/realtime-client.js';
import { LogCapture } from './log-capture.js';

/** The real-time endpoint's lines: a connection's life (local/PROTOCOL.md), each with the connection's id. */
let server: RealtimeServer;
let log: LogCapture;

beforeAll(async () => {
  server = await RealtimeServer.start();
  log = new LogCapture(server.stack);
}, 60_000);

afterAll(async () => {
  log.close();
  await server.close();
});

describe('real-time lines', () => {
  it('follow a connection: connect, start with its caller, a refused start, stop, close with its reason; never its token', async () => {
    const alice = await server.token('alice');
    const client = await RealtimeClient.connect(server.realtimeUrl, { authorization: alice });
    await client.init();
    expect((await client.start('s1', ON_ORDER_STATUS_CHANGED, {}, alice)).type).toBe('start_ack');
    expect((await client.start('s2', 'subscription { nope }', {}, alice)).type).toBe('error');
    client.send({ type: 'stop', id: 's1' });
    await client.nextFor('s1');
    client.close();
    await client.closed;
    const lines = await eventuallyClosed();
    const connectionId = lines[0]?.connectionId;
    expect(lines.every((line) => line.connectionId === connectionId)).toBe(true);
    expect(lines.map((line) => line.event)).toEqual(['connect', 'start', 'start_error', 'stop', 'close']);
    expect(lines[1]).toMatchObject({ subscriptionId: 's1', fieldName: 'onOrderStatusChanged', operationName: 'Watch', caller: server.subOf(alice) });
    expect(lines[2]).toMatchObject({ subscriptionId: 's2', errorTypes: expect.any(Array) });
    expect(lines[4]).toMatchObject({ code: expect.any(Number) });
    for (const line of log.raw) expect(line.includes(alice.split('.')[2] ?? alice)).toBe(false);
  });
});

async function eventuallyClosed() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const lines = log.of('Realtime');
    if (lines.some((line) => line.event === 'close')) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no close line: ${JSON.stringify(log.of('Realtime'))}`);
}
