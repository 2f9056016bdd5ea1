import { ResourceMissingError } from './errors.js';
import type { LedgerEntry, LedgerKind } from './ledger.js';
import type { PaymentStore } from './payment-store.js';
import type { IntentRecord } from './records.js';
import { renderIntent } from './render.js';

/** What an operation runs with: the state, the time of the request on the endpoint's clock, and its id. */
export interface OperationContext {
  store: PaymentStore;
  now: number;
  requestId: string;
  /** The request's Stripe-Version header, for what changed between API versions. */
  apiVersion?: string;
}

/** Authorizations for online card payments last 7 days (Stripe's "Place a hold on a payment method"). */
export const AUTHORIZATION_WINDOW_MS = 7 * 24 * 3_600_000;

export function existingIntent(context: OperationContext, id: string): IntentRecord {
  const intent = context.store.intent(id);
  if (!intent) throw new ResourceMissingError('payment_intent', id, 'intent');
  return intent;
}

export function render(context: OperationContext, intent: IntentRecord): Record<string, unknown> {
  return renderIntent(intent, (id) => context.store.paymentMethod(id));
}

type EntryDetails = Partial<Pick<LedgerEntry, 'charge' | 'refund' | 'released' | 'reason'>> & { at?: number };

/** Adds a ledger entry about `intent`, carrying its metadata (an order id, say) for whoever looks for it. */
export function recordMoney(context: OperationContext, intent: IntentRecord, kind: LedgerKind, amount: number, details: EntryDetails = {}): void {
  const { at, ...rest } = details;
  context.store.record({
    at: new Date(at ?? context.now).toISOString(),
    kind,
    payment_intent: intent.id,
    amount,
    currency: intent.currency,
    ...rest,
    metadata: intent.metadata,
    // An expiry happens on its own: the request that noticed it did not cause it.
    ...(kind !== 'expiry' ? { request_id: context.requestId } : {}),
  });
}

/**
 * Lets every authorization whose window has passed go, as Stripe does on its own: the intent is canceled
 * (`cancellation_reason: automatic`) as of the moment the window closed. Run before each request, so no request
 * sees an authorization that has run out.
 */
export function releaseExpired(context: OperationContext): void {
  for (const intent of context.store.authorizedIntents()) {
    const ends = intent.charge?.captureBefore ?? Number.POSITIVE_INFINITY;
    if (ends > context.now) continue;
    const released = intent.amountCapturable;
    context.store.saveIntent({ ...intent, status: 'canceled', amountCapturable: 0, canceledAt: ends, cancellationReason: 'automatic' });
    recordMoney(context, intent, 'expiry', released, { at: ends, ...(intent.charge ? { charge: intent.charge.id } : {}) });
  }
}
