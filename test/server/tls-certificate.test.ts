import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate, type TlsCredentials } from '../../local/server/tls-certificate.js';

const dirs: string[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function serve(credentials: TlsCredentials): Promise<number> {
  const server = createServer({ cert: credentials.cert, key: credentials.key }, (_request, response) => response.end('ok'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Whether a client trusting exactly `ca` accepts the server on `port` as localhost. */
function accepted(port: number, ca: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca }, () => {
      socket.end();
      resolve('trusted');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('the self-signed certificate of TLS=1', () => {
  it('is kept per data dir, and two of them trusted together each still verify (a trust store finds issuers by name)', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tls-cert-'));
      dirs.push(dir);
      return selfSignedCertificate(dir, undefined);
    }));
    if (!a || !b) throw new Error('no certificates');
    expect(a.cert).not.toBe(b.cert);
    expect((await selfSignedCertificate(dirs[0] ?? '', undefined)).cert).toBe(a.cert);
    const [portA, portB] = await Promise.all([serve(a), serve(b)]);
    expect(await accepted(portA, [a.cert, b.cert])).toBe('trusted');
    expect(await accepted(portB, [a.cert, b.cert])).toBe('trusted');
    expect(await accepted(portB, [a.cert])).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
