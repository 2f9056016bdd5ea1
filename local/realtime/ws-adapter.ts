import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { type Authenticator, authenticateRequest } from '../engine/request-auth.js';
import type { SubscriptionEngine } from '../engine/subscriptions/index.js';
import { credentialValues } from '../observability/secrets.js';
import { type Authenticate, RealtimeConnection, type RealtimeLog } from './connection.js';
import { handshakeHeaders, MalformedHandshakeError, offeredProtocols, SUBPROTOCOL } from './handshake.js';
import { APPSYNC_REALTIME_DEFAULTS, type RealtimeOptions } from './options.js';

/** Larger client frames are refused by `ws` before parsing (a start is a query and its variables). */
const MAX_CLIENT_FRAME_BYTES = 1024 * 1024;

export interface RealtimeEndpoint {
  /** The HTTP server's `upgrade` event, for the real-time path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends every connection (the stack is stopping). */
  close(): void;
}

/** AppSync's real-time protocol on `ws`: the handshake checks here, everything else in RealtimeConnection. */
export function realtimeEndpoint(engine: SubscriptionEngine, authenticators: Authenticator[], overrides: Partial<RealtimeOptions> = {}): RealtimeEndpoint {
  const options = { ...APPSYNC_REALTIME_DEFAULTS, ...overrides };
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });

  return {
    handleUpgrade(request, socket, head) {
      const protocols = offeredProtocols(request.headers['sec-websocket-protocol']);
      if (!protocols.includes(SUBPROTOCOL)) {
        socket.end(`HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nOffer the ${SUBPROTOCOL} subprotocol\n`);
        return;
      }
      const headers = readHandshake(request, protocols);
      const authenticate: Authenticate = (credentials, signed) =>
        authenticateRequest(authenticators, {
          headers: credentials,
          remoteAddress: request.socket.remoteAddress,
          method: 'POST',
          path: signed.path,
          body: signed.body,
        });
      server.handleUpgrade(request, socket, head, (ws) => {
        const connectionId = randomUUID();
        // Lines about this connection never hold its handshake's credentials, even where a resolver echoed them.
        const secrets = credentialValues(headers ?? {});
        const log: RealtimeLog = (entry, startSecrets) => {
          if (engine.log.enabled) engine.log.write({ logType: 'Realtime', time: new Date().toISOString(), connectionId, ...entry }, [...secrets, ...startSecrets]);
        };
        log({ event: 'connect' }, []);
        const connection = new RealtimeConnection(
          { send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) },
          engine,
          authenticate,
          headers,
          options,
          log,
        );
        ws.on('message', (data) => {
          connection.receive(data.toString()).catch((error: unknown) => {
            process.emitWarning(`Real-time connection failed: ${String(error)}`);
            ws.close(1011, 'Internal error');
          });
        });
        ws.on('close', (code, reason) => {
          log({ event: 'close', code, reason: reason.toString() || null }, connection.credentialsSeen());
          connection.dispose();
        });
        // 'close' follows every 'error'; without a listener ws would throw the error instead.
        ws.on('error', () => undefined);
      });
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}

function readHandshake(request: IncomingMessage, protocols: string[]): Record<string, string> | undefined {
  try {
    return handshakeHeaders(new URL(request.url ?? '/', 'http://localhost'), protocols);
  } catch (error) {
    // A header that cannot be read is refused at connection_init, like one that does not authenticate.
    if (error instanceof MalformedHandshakeError) return undefined;
    throw error;
  }
}
