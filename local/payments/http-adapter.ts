import type { IncomingMessage, ServerResponse } from 'node:http';
import { PayloadTooLargeError, readBody } from '../server/http-util.js';
import { releaseExpired } from './context.js';
import { InvalidParameterError, InvalidRequestError, StripeApiError } from './errors.js';
import { type FormObject, parseForm } from './form-encoding.js';
import { fingerprint, savedAnswer } from './idempotency.js';
import { newRequestId } from './ids.js';
import { Params } from './params.js';
import type { PaymentStore } from './payment-store.js';
import { findRoute, type RouteMatch } from './routes.js';
import { secretKeyOf } from './secret-keys.js';

export interface PaymentsClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Whether an idempotency key keeps it (errors.ts). */
  replayable?: boolean;
}

/**
 * One request to the local Stripe API: the key checked, the route found and the form read (a failure there is
 * answered but never kept for an idempotency key), then, without yielding to the event loop, the operation run
 * and what it changed written before the answer goes out, so two requests never interleave.
 */
export async function handlePaymentsRequest(store: PaymentStore, clock: PaymentsClock, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://localhost');
  const key = header(request, 'idempotency-key');
  const version = header(request, 'stripe-version');
  let answer: Answer;
  try {
    secretKeyOf(header(request, 'authorization'));
    const route = findRoute(method, url.pathname);
    if (!route) throw new InvalidRequestError(`Unrecognized request URL (${method}: ${url.pathname}). The local payments endpoint serves only part of Stripe's API: see docs/payments-offline.md.`, {}, 404);
    const values = parseForm(method === 'POST' ? await readForm(request) : url.search.slice(1));
    answer = execute(store, clock, { route, values, method, path: url.pathname, requestId, key: method === 'POST' ? key : undefined, apiVersion: version });
  } catch (error) {
    answer = error instanceof StripeApiError ? errorAnswer(error) : crashAnswer(error);
  }
  const text = answer.body;
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache, no-store',
    'request-id': requestId,
    ...(version ? { 'stripe-version': version } : {}),
    ...(key && method === 'POST' ? { 'idempotency-key': key } : {}),
    ...(answer.status === 401 ? { 'www-authenticate': 'Basic realm="Stripe"' } : {}),
    ...answer.headers,
  });
  response.end(text);
}

interface Execution {
  route: RouteMatch;
  values: FormObject;
  method: string;
  path: string;
  requestId: string;
  key: string | undefined;
  apiVersion: string | undefined;
}

function execute(store: PaymentStore, clock: PaymentsClock, execution: Execution): Answer {
  const context = { store, now: clock.now(), requestId: execution.requestId, ...(execution.apiVersion ? { apiVersion: execution.apiVersion } : {}) };
  try {
    releaseExpired(context);
    const { key } = execution;
    if (key === undefined) return attempt(execution, context);
    const request = { key, method: execution.method, path: execution.path, fingerprint: fingerprint(execution.values) };
    const saved = savedAnswer(store, request, context.now);
    if (saved) return { status: saved.status, body: saved.body, headers: { 'idempotent-replayed': 'true', 'original-request': saved.requestId } };
    const answer = attempt(execution, context);
    if (answer.replayable) store.saveIdempotency({ ...request, status: answer.status, body: answer.body, requestId: execution.requestId, created: context.now });
    return answer;
  } finally {
    store.commit();
  }
}

function attempt(execution: Execution, context: Parameters<RouteMatch['run']>[0]): Answer {
  try {
    return { status: 200, body: JSON.stringify(execution.route.run(context, execution.route.id, new Params(execution.values))), replayable: true };
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return errorAnswer(error);
  }
}

function errorAnswer(error: StripeApiError): Answer {
  return { status: error.status, body: JSON.stringify(error.body()), replayable: error.replayable };
}

/** A fault of the endpoint itself: Stripe's api_error, marked not to be retried (a retry would meet it again). */
function crashAnswer(error: unknown): Answer {
  const message = `The local payments endpoint failed: ${error instanceof Error ? error.message : String(error)}`;
  return { status: 500, body: JSON.stringify({ error: { type: 'api_error', message } }), headers: { 'stripe-should-retry': 'false' } };
}

async function readForm(request: IncomingMessage): Promise<string> {
  try {
    return await readBody(request);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw new InvalidParameterError(error.message);
    throw error;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
