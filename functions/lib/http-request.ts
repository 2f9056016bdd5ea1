import { Agent as HttpAgent, request as httpRequestOf, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequestOf } from 'node:https';

export interface HttpExchange {
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  /** Lower-case names; a repeated header's values joined with ", " (as fetch's Headers does). */
  headers: Record<string, string>;
  body: string;
}

/** The request took longer than its timeout and was abandoned. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

// Connections kept open between calls: a poller or a data source calls the same endpoint again and again.
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/**
 * One HTTP(S) exchange on node:http. Not fetch: fetch's web streams and promise layers cost several times more CPU
 * per request, which shows when a poller and the API it calls share a machine (docs/performance.md).
 * Network errors reject with node's error (its `code`, e.g. ECONNREFUSED); a timeout rejects with HttpTimeoutError.
 */
export function httpRequest(url: string, exchange: HttpExchange): Promise<HttpAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequestOf : httpRequestOf;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise<HttpAnswer>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...exchange.headers };
    if (exchange.body !== undefined) headers['content-length'] = Buffer.byteLength(exchange.body);
    const request = send(target, { method: exchange.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: flatten(response.headers), body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.setTimeout(exchange.timeoutMs, () => request.destroy(new HttpTimeoutError(`No answer from ${target.origin} within ${exchange.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(exchange.body);
  });
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
