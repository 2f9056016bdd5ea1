import { Agent as HttpAgent, request as httpRequestOf, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequestOf } from 'node:https';

export interface HttpExchange {
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Aborts the exchange (a long poll being stopped); the promise rejects with node's AbortError. */
  signal?: AbortSignal;
  /**
   * Send again, once, when a kept-alive connection turns out to have been closed by the other side (ECONNRESET on
   * a reused socket, as after a Lambda environment was frozen between invocations). Only for idempotent requests.
   */
  retryStaleConnection?: boolean;
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
export async function httpRequest(url: string, exchange: HttpExchange): Promise<HttpAnswer> {
  try {
    return await sendOnce(url, exchange);
  } catch (error) {
    if (!exchange.retryStaleConnection || !(error instanceof StaleConnectionError)) throw error;
    return sendOnce(url, exchange);
  }
}

/** A kept-alive connection was reset when reused: the request never reached the other side's handler. */
class StaleConnectionError extends Error {
  override readonly name = 'StaleConnectionError';
  readonly code = 'ECONNRESET';
}

function sendOnce(url: string, exchange: HttpExchange): Promise<HttpAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequestOf : httpRequestOf;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise<HttpAnswer>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...exchange.headers };
    if (exchange.body !== undefined) headers['content-length'] = Buffer.byteLength(exchange.body);
    const request = send(target, { method: exchange.method, headers, agent, ...(exchange.signal ? { signal: exchange.signal } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: flatten(response.headers), body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.setTimeout(exchange.timeoutMs, () => request.destroy(new HttpTimeoutError(`No answer from ${target.origin} within ${exchange.timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) => {
      // Node's advice for keep-alive clients: a reset on a reused socket is the server having closed it meanwhile.
      reject(request.reusedSocket && error.code === 'ECONNRESET' ? new StaleConnectionError(error.message, { cause: error }) : error);
    });
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
