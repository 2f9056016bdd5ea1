import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { RealtimeClient } from '../realtime/realtime-client.js';
import { LogCapture, post } from './log-capture.js';

/** No log line holds an API key: not the request lines, not the field-level entries, not the real-time lines. */
const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
let server: TestServer;
let log: LogCapture;

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
  server.stack.api.log.fieldLogLevel = 'ALL';
  log = new LogCapture(server.stack);
});
afterAll(async () => {
  log.close();
  await server.close();
});

const newKey = (): string => server.stack.apiKeys?.create().id ?? '';

describe('API keys in the logs', () => {
  it('never appear in request lines or field-level entries, even where a resolver logged the headers', async () => {
    const key = newKey();
    const answer = await post(server.stack.url, '{ publicInfo echo(text: "x") }', {}, { 'x-api-key': key });
    const wrong = await post(server.stack.url, '{ publicInfo }', {}, { 'x-api-key': 'da2-wrongwrongwrongwrongwrong0' });
    expect(wrong.status).toBe(401);
    expect(log.request(answer.requestId)).toMatchObject({ caller: 'api-key', statusCode: 200, errorTypes: ['Unauthorized'] });
    expect(log.request(wrong.requestId)).toMatchObject({ caller: null, statusCode: 401 });
    // The resolver's console.log of ctx.request.headers is in the field-level entries, the key cut out of it.
    expect(log.raw.some((line) => line.includes('headers seen') && line.includes('<redacted>'))).toBe(true);
    for (const secret of [key, 'da2-wrongwrongwrongwrongwrong0']) expect(log.raw.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('never appear in real-time lines: not the handshake\'s key, not a start\'s, not the close reason', async () => {
    const handshakeKey = newKey();
    const startKey = newKey();
    const client = await RealtimeClient.connect(server.stack.endpoints.realtime ?? '', { headers: { 'x-api-key': handshakeKey } });
    await client.init();
    expect((await client.start('a', 'subscription { onNoteAdded { id } }', {}, { 'x-api-key': startKey })).type).toBe('start_ack');
    expect((await client.start('b', 'subscription { nope }', {}, { 'x-api-key': startKey })).type).toBe('error');
    await server.graphql('mutation { addNote(id: "logged", text: "t") { id } }', {}, await server.token('alice'));
    await client.nextFor('a');
    client.send({ type: 'stop', id: 'a' });
    await client.nextFor('a');
    // A client's close reason is logged: one that repeats a start's key must not bring it into the log.
    client.close(4000, `bye ${startKey}`);
    await client.closed;
    const events = await eventually(() => log.of('Realtime').filter((line) => line.event === 'close'));
    expect(events).toEqual([expect.objectContaining({ code: 4000, reason: 'bye <redacted>' })]);
    const realtime = log.of('Realtime').map((line) => line.event);
    expect(realtime).toEqual(expect.arrayContaining(['connect', 'start', 'start_error', 'data', 'stop', 'close']));
    expect(log.of('Realtime').find((line) => line.event === 'start')).toMatchObject({ caller: 'api-key' });
    for (const secret of [handshakeKey, startKey]) expect(log.raw.filter((line) => line.includes(secret))).toEqual([]);
  });
});

async function eventually<T extends unknown[]>(read: () => T): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const value = read();
    if (value.length > 0) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}
