import { createReadStream, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendJson } from './http-util.js';

/** A built single-page app served by the local server, with a `config.json` made from the stack's endpoints. */
export interface WebAppOptions {
  /** The build output (index.html and its assets). */
  dir: string;
  /** The URL path it is served under, with both slashes; `/app/` by default. */
  path?: string;
}

/** What such an app needs to reach this stack: the same shape a deployed stage writes next to its index.html. */
export interface WebAppConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
  userPoolEndpoint: string;
  /** A key valid now, when the API has the API_KEY mode (and holds such a key). */
  apiKey?: string;
}

export function webAppConfig(endpoints: Record<string, string>, apiKey?: string): WebAppConfig {
  return {
    region: endpoints.region ?? '',
    userPoolId: endpoints.userPoolId ?? '',
    userPoolClientId: endpoints.userPoolClientId ?? '',
    graphqlUrl: endpoints.graphql ?? '',
    userPoolEndpoint: endpoints.cognito ?? '',
    ...(apiKey ? { apiKey } : {}),
  };
}

export class WebAppOptionError extends Error {
  override readonly name = 'WebAppOptionError';
}

export function webAppPath(options: WebAppOptions): string {
  const path = options.path ?? '/app/';
  if (!/^\/([\w.-]+\/)+$/.test(path)) throw new WebAppOptionError(`webApp.path must look like /app/ (got ${path})`);
  return path;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=UTF-8',
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=UTF-8',
  '.txt': 'text/plain; charset=UTF-8',
};

/**
 * Only this server: scripts and styles from the app's own files, API calls and the real-time socket to the stack's
 * endpoints (which are this server, but named by host: the page may be opened as 127.0.0.1 or localhost).
 */
export function webAppSecurityPolicy(endpoints: Record<string, string>): string {
  const origins = new Set<string>();
  for (const key of ['graphql', 'cognito', 'realtime']) {
    const url = endpoints[key];
    if (url) origins.add(new URL(url).origin);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${[...origins].join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** GET handler for everything under the app's path (the caller routes by prefix). */
export function webAppHandler(options: WebAppOptions, endpoints: () => Record<string, string>, apiKey: () => string | undefined = () => undefined) {
  const root = resolve(options.dir);
  const prefix = webAppPath(options);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    let relative: string;
    try {
      relative = decodeURIComponent(path.slice(prefix.length));
    } catch {
      return sendJson(response, 400, { message: 'Malformed URL' });
    }
    const security = {
      'content-security-policy': webAppSecurityPolicy(endpoints()),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    // The port may change between runs (and the key may be revoked), so the config is never cached.
    if (relative === 'config.json') return sendJson(response, 200, webAppConfig(endpoints(), apiKey()), { 'cache-control': 'no-store', ...security });
    // No dotfiles, no way out of the directory: a segment like `..` or `.x` matches nothing.
    const segments = relative.split('/');
    if (relative.includes('\0') || segments.some((segment) => segment.startsWith('.'))) return notFound(response, path);
    const wanted = resolve(root, relative || 'index.html');
    if (wanted !== root && !wanted.startsWith(root + sep)) return notFound(response, path);
    const file = fileAt(wanted) ?? (extname(relative) === '' ? fileAt(join(root, 'index.html')) : undefined);
    if (!file) {
      if (!fileAt(join(root, 'index.html'))) return sendJson(response, 503, { message: `The web app is not built (no index.html in ${root})` });
      return notFound(response, path);
    }
    const etag = `"${file.stats.size.toString(36)}-${Math.floor(file.stats.mtimeMs).toString(36)}"`;
    // Vite names assets by content hash: they never change under the same name.
    const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'cache-control': cache, etag, ...security };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream', 'content-length': file.stats.size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file.path).on('error', (error) => response.destroy(error)).pipe(response);
  };
}

function fileAt(path: string): { path: string; stats: Stats } | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats?.isFile() ? { path, stats } : undefined;
}

function notFound(response: ServerResponse, path: string): void {
  sendJson(response, 404, { errors: [{ errorType: 'NotFound', message: `No file at ${path}` }] });
}
