import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../functions/lib/http-request.js';

// A server that answers the first request of each connection and resets the connection on the next one: what a
// client meets when it reuses a kept-alive connection the other side has closed meanwhile (a thawed Lambda).
let server: Server;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  const answered = new WeakSet<Socket>();
  server = createServer((request, response) => {
    seen.push(request.headers['x-call'] as string);
    if (answered.has(request.socket)) {
      request.socket.destroy();
      return;
    }
    answered.add(request.socket);
    response.end(`answer to ${String(request.headers['x-call'])}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (call: string, retryStaleConnection: boolean) =>
  httpRequest(url, { method: 'POST', headers: { 'x-call': call }, body: '{}', timeoutMs: 2000, retryStaleConnection });

describe('an HTTP call on a kept-alive connection the server has dropped', () => {
  it('is sent again once, on a fresh connection, when the caller says it is idempotent', async () => {
    expect((await send('a', true)).body).toBe('answer to a');
    expect((await send('b', true)).body).toBe('answer to b');
    expect(seen.slice(-3)).toEqual(['a', 'b', 'b']);
  });

  it('fails with the reset otherwise', async () => {
    // 'c' leaves a kept-alive connection the server has answered once; 'd' reuses it.
    expect((await send('c', true)).body).toBe('answer to c');
    await expect(send('d', false)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
