import type { OperationContext } from './context.js';
import { filterLedger, ledgerTotals } from './ledger.js';
import type { Params } from './params.js';
import { cancelIntent, captureIntent, confirmIntent, createIntent, retrieveIntent } from './payment-intents.js';
import { createRefund, retrieveRefund } from './refunds.js';

type Run = (context: OperationContext, id: string, params: Params) => Record<string, unknown>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run: Run;
}

/** The ledger's path: under `/v1/_local/`, a prefix Stripe's API has no use for, so it cannot be mistaken for one. */
export const LEDGER_PATH = '/v1/_local/ledger';

/** What the local endpoint serves of Stripe's API (docs/payments-offline.md), plus the ledger. */
const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, run: (context, _id, params) => createIntent(context, params) },
  { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, run: retrieveIntent },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, run: confirmIntent },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/, run: captureIntent },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, run: cancelIntent },
  { method: 'POST', pattern: /^\/v1\/refunds$/, run: (context, _id, params) => createRefund(context, params) },
  { method: 'GET', pattern: /^\/v1\/refunds\/([^/]+)$/, run: retrieveRefund },
  { method: 'GET', pattern: new RegExp(`^${LEDGER_PATH}$`), run: (context, _id, params) => listLedger(context, params) },
];

export interface RouteMatch {
  run: Run;
  /** The object id in the path ('' when there is none). */
  id: string;
}

export function findRoute(method: string, path: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (match) return { run: route.run, id: decodeURIComponent(match[1] ?? '') };
  }
  return undefined;
}

/** GET /v1/_local/ledger?payment_intent=pi_…&metadata[order_id]=…: the entries in order, and their sums. */
function listLedger(context: OperationContext, params: Params): Record<string, unknown> {
  const paymentIntent = params.string('payment_intent');
  const metadata = params.metadata();
  params.rejectUnknown();
  const data = filterLedger(context.store.ledger(), { ...(paymentIntent ? { paymentIntent } : {}), ...(metadata ? { metadata } : {}) });
  return { object: 'list', url: LEDGER_PATH, has_more: false, data, totals: ledgerTotals(data) };
}
