import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import { releaseExpired } from './context.js';
import { handlePaymentsRequest, type PaymentsClock } from './http-adapter.js';
import { IDEMPOTENCY_WINDOW_MS } from './idempotency.js';
import { filterLedger, type LedgerEntry, type LedgerFilter } from './ledger.js';
import { PaymentStore } from './payment-store.js';

export type { PaymentsClock } from './http-adapter.js';
export type { LedgerEntry, LedgerFilter, LedgerKind, LedgerTotals } from './ledger.js';
export { ledgerTotals } from './ledger.js';
export { LEDGER_PATH } from './routes.js';

/** Stripe's API lives under `/v1/`; the SDK, given the local server's host and port, sends its requests there. */
export const PAYMENTS_PATH_PREFIX = '/v1/';

export interface LocalPaymentsOptions {
  /** The journal goes to `<dataDir>/payments/`. */
  dataDir: string;
  /** What authorizations expire by (7 days) and objects are dated with; tests move it. */
  clock?: PaymentsClock;
}

export interface LocalPayments {
  /** Answers a request under `/v1/` as Stripe's API would (the part of it docs/payments-offline.md lists). */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** What happened to money so far, oldest first (also served at GET /v1/_local/ledger). */
  ledger(filter?: LedgerFilter): LedgerEntry[];
  close(): void;
}

/**
 * A stand-in for Stripe's PaymentIntents and Refunds that the official SDK talks to, as dynalite stands in for
 * DynamoDB: test cards authorize or decline as Stripe's testing guide says, state and ledger survive a restart.
 */
export function createLocalPayments(options: LocalPaymentsOptions): LocalPayments {
  const clock = options.clock ?? { now: () => Date.now() };
  const store = new PaymentStore(options.dataDir, clock.now() - IDEMPOTENCY_WINDOW_MS);
  let closed = false;
  return {
    async handle(request, response) {
      if (closed) {
        response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'api_error', message: 'The local payments endpoint is stopping' } }));
        return;
      }
      await handlePaymentsRequest(store, clock, request, response);
    },
    ledger(filter) {
      // Authorizations that ran out are released first, as any request would.
      releaseExpired({ store, now: clock.now(), requestId: '' });
      store.commit();
      return filterLedger(store.ledger(), filter);
    },
    close() {
      // Every change is written before its answer is sent: nothing waits to be flushed.
      closed = true;
    },
  };
}

/**
 * Serves the payments endpoint on a server that answers other paths: requests under `/v1/` go to it, every other
 * request to the server's own handler as before. The local server's routes are exact paths, and Stripe's API is a
 * tree of them, hence a prefix taken ahead of them.
 */
export function servePaymentsOn(server: Server | TlsServer, payments: LocalPayments): void {
  const others = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if ((request.url ?? '').startsWith(PAYMENTS_PATH_PREFIX) && request.method !== 'OPTIONS') {
      payments.handle(request, response).catch((error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    for (const listener of others) listener.call(server, request, response);
  });
}
