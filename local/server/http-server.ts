import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { handleCognitoRequest } from '../cognito/api/handler.js';
import type { LocalUserPool } from '../cognito/user-pool.js';
import { CORS_HEADERS, readBody, sendJson } from './http-util.js';

export type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface Routes {
  graphql: Handler;
  explorer: Handler;
  health: () => unknown;
  pool: LocalUserPool;
  /** WebSocket upgrades by path (the real-time endpoint at /graphql/realtime); other upgrades get a 404. */
  upgrades?: Record<string, UpgradeHandler>;
  /** AWS JSON APIs served on this port by path (POST): the local Step Functions at /stepfunctions. */
  services?: Record<string, Handler>;
  /** A built web app: GET and HEAD under `path` (which ends with a slash). */
  webApp?: { path: string; handler: Handler };
}

/** With a certificate the same routes are served over HTTPS (and WebSockets over WSS). */
export interface ServerTls {
  cert: string;
  key: string;
}

/** The local endpoints on one port: GraphQL, the Cognito JSON API, the pool's JWKS, the explorer and /health. */
export function createHttpServer(routes: Routes, tls?: ServerTls): Server | TlsServer {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (path === '/graphql' && request.method === 'POST') return routes.graphql(request, response);
    const service = request.method === 'POST' ? routes.services?.[path.replace(/(.)\/$/, '$1')] : undefined;
    if (service) return service(request, response);
    if (path === '/health' && request.method === 'GET') return sendJson(response, 200, routes.health());
    if (path === '/cognito' || path === '/cognito/') {
      if (request.method !== 'POST') return sendJson(response, 405, { message: 'POST the Cognito JSON API here' });
      const target = request.headers['x-amz-target'];
      const answer = await handleCognitoRequest(routes.pool, Array.isArray(target) ? target[0] : target, await readBody(request));
      response.writeHead(answer.status, { ...CORS_HEADERS, ...answer.headers }).end(answer.body);
      return;
    }
    if (request.method === 'GET' && (path === routes.pool.jwksPath || path === '/.well-known/jwks.json')) {
      return sendJson(response, 200, routes.pool.jwks());
    }
    if (request.method === 'GET' && (path === '/' || path.startsWith('/explorer/'))) return routes.explorer(request, response);
    const app = routes.webApp;
    if (app && (request.method === 'GET' || request.method === 'HEAD')) {
      // Relative asset URLs resolve against the directory, so /app is sent to /app/.
      if (path === app.path.slice(0, -1)) {
        response.writeHead(301, { location: app.path }).end();
        return;
      }
      if (path.startsWith(app.path)) return routes.webApp?.handler(request, response);
    }
    sendJson(response, 404, { errors: [{ errorType: 'NotFound', message: `No route for ${request.method} ${path}` }] });
  };
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, { errors: [{ errorType: 'InternalFailure', message: (error as Error).message ?? String(error) }] });
      } else {
        response.destroy(error as Error);
      }
    });
  };
  const server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, listener) : createServer(listener);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const upgrade = routes.upgrades?.[(request.url ?? '/').split('?')[0] ?? '/'];
    if (upgrade) return upgrade(request, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}
