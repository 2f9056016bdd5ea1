import type { OperationContext } from './context.js';
import { recordMoney } from './context.js';
import { InvalidParameterError, InvalidRequestError, ResourceMissingError } from './errors.js';
import { newId } from './ids.js';
import { formatAmount } from './money.js';
import type { Params } from './params.js';
import type { IntentRecord, RefundRecord } from './records.js';
import { renderRefund } from './render.js';

type Answer = Record<string, unknown>;

/** POST /v1/refunds: all that was captured and not yet refunded, or `amount` of it; succeeds at once. */
export function createRefund(context: OperationContext, params: Params): Answer {
  const intentId = params.string('payment_intent');
  const chargeId = params.string('charge');
  const amount = params.integer('amount');
  const reason = params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
  const metadata = params.metadata() ?? {};
  params.noExpansion();
  params.rejectUnknown();
  if (!intentId && !chargeId) throw new InvalidParameterError('One of the following params should be provided for this request: payment_intent or charge.', undefined, 'parameter_missing');
  const intent = refundedIntent(context, intentId, chargeId);
  const charge = intent.charge;
  if (intent.status !== 'succeeded' || !charge) throw new InvalidRequestError(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`);
  const remaining = intent.amountReceived - charge.amountRefunded;
  if (remaining <= 0) throw new InvalidRequestError(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const value = amount ?? remaining;
  if (value < 1) throw new InvalidParameterError('This value must be greater than or equal to 1.', 'amount');
  if (value > remaining) {
    throw new InvalidRequestError(
      `Refund amount (${formatAmount(value, intent.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, intent.currency)})`,
      { param: 'amount' },
    );
  }
  const refund: RefundRecord = { id: newId('re'), amount: value, currency: intent.currency, paymentIntent: intent.id, charge: charge.id, created: context.now, reason, metadata };
  context.store.saveRefund(refund);
  context.store.saveIntent({ ...intent, charge: { ...charge, amountRefunded: charge.amountRefunded + value } });
  recordMoney(context, intent, 'refund', value, { charge: charge.id, refund: refund.id, ...(reason ? { reason } : {}) });
  return renderRefund(refund);
}

export function retrieveRefund(context: OperationContext, id: string, params: Params): Answer {
  params.noExpansion();
  params.rejectUnknown();
  const refund = context.store.refund(id);
  if (!refund) throw new ResourceMissingError('refund', id, 'id');
  return renderRefund(refund);
}

function refundedIntent(context: OperationContext, intentId: string | undefined, chargeId: string | undefined): IntentRecord {
  if (intentId) {
    const intent = context.store.intent(intentId);
    if (!intent) throw new ResourceMissingError('payment_intent', intentId, 'payment_intent');
    if (chargeId && context.store.intentOfCharge(chargeId)?.id !== intent.id) {
      throw new InvalidRequestError(`Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`, { param: 'charge' });
    }
    return intent;
  }
  const intent = chargeId ? context.store.intentOfCharge(chargeId) : undefined;
  if (!intent) throw new ResourceMissingError('charge', chargeId ?? '', 'charge');
  return intent;
}
