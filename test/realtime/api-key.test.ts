import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../engine/server-fixture.js';
import { miniApi } from '../fixtures/mini-api/wiring.js';
import { RealtimeClient } from './realtime-client.js';

/** AppSync's real-time protocol with API keys: `{ "host", "x-api-key" }` at the handshake and in each start. */
const root = fileURLToPath(new URL('../fixtures/mini-api/', import.meta.url));
const ON_NOTE = 'subscription { onNoteAdded { id text secret } }';
const NOT_AUTHORIZED = { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' };
let server: TestServer;
let key: string;
let alice: string;

beforeAll(async () => {
  server = await startTestServer(root, miniApi);
  key = server.stack.apiKeys?.create().id ?? '';
  alice = await server.token('alice');
});
afterAll(() => server.close());

const connect = (headers: Record<string, string>, via?: 'subprotocol') =>
  RealtimeClient.connect(server.stack.endpoints.realtime ?? '', { headers, ...(via ? { via } : {}) });

describe('real-time with an API key', () => {
  it('connects and subscribes with the key, and receives the fields a key may read', async () => {
    for (const via of [undefined, 'subprotocol'] as const) {
      const client = await connect({ 'x-api-key': key }, via);
      expect((await client.init()).type).toBe('connection_ack');
      expect(await client.start('n', ON_NOTE, {}, { 'x-api-key': key })).toEqual({ type: 'start_ack', id: 'n' });
      const id = `rt-${via ?? 'query'}`;
      await server.graphql(`mutation { addNote(id: "${id}", text: "hi") { id text secret } }`, {}, alice);
      const data = await client.nextFor('n');
      expect(data.payload?.data).toEqual({ onNoteAdded: { id, text: 'hi', secret: null } });
      // `secret` admits only the user pool's admins: refused to a key as over HTTP.
      expect(data.payload?.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access secret on type Note' })]);
      client.close();
    }
  });

  it('refuses a connection whose key is wrong, as a refused token: connection_error 401, then the socket closes', async () => {
    const client = await connect({ 'x-api-key': 'da2-aaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(await client.init()).toEqual({ type: 'connection_error', payload: { errors: [{ ...NOT_AUTHORIZED, errorCode: 401 }] } });
    expect((await client.closed).code).toBe(1008);
  });

  it('refuses a start whose key is wrong, revoked or missing, and keeps the connection', async () => {
    const client = await connect({ 'x-api-key': key });
    await client.init();
    expect(await client.start('wrong', ON_NOTE, {}, { 'x-api-key': 'da2-bbbbbbbbbbbbbbbbbbbbbbbbbb' })).toEqual({
      type: 'error',
      id: 'wrong',
      payload: { errors: [NOT_AUTHORIZED] },
    });
    const revoked = server.stack.apiKeys?.create().id ?? '';
    server.stack.apiKeys?.revoke(revoked);
    expect((await client.start('revoked', ON_NOTE, {}, { 'x-api-key': revoked })).payload?.errors).toEqual([NOT_AUTHORIZED]);
    expect((await client.start('none', ON_NOTE, {}, {})).payload?.errors).toEqual([
      { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' },
    ]);
    expect((await client.start('ok', ON_NOTE, {}, { 'x-api-key': key })).type).toBe('start_ack');
    client.close();
  });

  it('lets a connection opened with a key start a subscription with a token, each start checked on its own', async () => {
    const client = await connect({ 'x-api-key': key });
    await client.init();
    expect((await client.start('token', 'subscription { onNoteAdded { id secret } }', {}, alice)).type).toBe('start_ack');
    client.close();
  });
});
