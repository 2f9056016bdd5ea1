import { AUTHORIZATION_WINDOW_MS, type OperationContext, recordMoney, render } from './context.js';
import { CardDeclinedError, InvalidRequestError, ResourceMissingError } from './errors.js';
import { newId } from './ids.js';
import type { IntentRecord, PaymentMethodRecord } from './records.js';
import { renderPaymentMethod } from './render.js';
import { TEST_CARDS } from './test-cards.js';

const RETURN_URL_NEEDED =
  'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.';

/**
 * The PaymentMethod a request names: a test one (`pm_card_visa`) becomes a new `pm_…` as on Stripe, and one made
 * that way earlier is found again.
 */
export function resolvePaymentMethod(context: OperationContext, id: string): PaymentMethodRecord {
  if (TEST_CARDS[id]) {
    const paymentMethod = { id: newId('pm'), testCard: id, created: context.now };
    context.store.savePaymentMethod(paymentMethod);
    return paymentMethod;
  }
  const known = context.store.paymentMethod(id);
  if (!known) throw new ResourceMissingError('PaymentMethod', id, 'payment_method');
  return known;
}

/**
 * Since API version 2023-08-16 an intent created without `payment_method_types` takes the methods enabled in the
 * Dashboard, some of which redirect: a server-side confirmation then needs a `return_url`, unless the intent said
 * `automatic_payment_methods[allow_redirects]=never`.
 */
export function checkRedirects(intent: IntentRecord, returnUrl: string | undefined): void {
  const automatic = intent.automaticPaymentMethods;
  if (automatic?.enabled && automatic.allowRedirects !== 'never' && !returnUrl) throw new InvalidRequestError(RETURN_URL_NEEDED);
}

/**
 * The test card's issuer answers: a decline leaves the intent in requires_payment_method with the attempt in
 * `last_payment_error` and answers 402; an approval holds the amount (manual capture) or takes it at once.
 */
export function authorize(context: OperationContext, intent: IntentRecord, paymentMethod: PaymentMethodRecord): IntentRecord {
  const decline = TEST_CARDS[paymentMethod.testCard]?.decline;
  const charge = newId('ch');
  if (decline) {
    const failed: IntentRecord = {
      ...intent,
      status: 'requires_payment_method',
      paymentMethod: null,
      latestCharge: charge,
      lastPaymentError: { ...decline, charge, paymentMethod: paymentMethod.id },
    };
    context.store.saveIntent(failed);
    recordMoney(context, failed, 'decline', intent.amount, { charge, reason: decline.declineCode });
    throw new CardDeclinedError({
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
      ...(decline.param ? { param: decline.param } : {}),
      charge,
      payment_intent: render(context, failed),
      payment_method: renderPaymentMethod(paymentMethod),
    });
  }
  const manual = intent.captureMethod === 'manual';
  const authorized: IntentRecord = {
    ...intent,
    status: manual ? 'requires_capture' : 'succeeded',
    paymentMethod: paymentMethod.id,
    amountCapturable: manual ? intent.amount : 0,
    amountReceived: manual ? 0 : intent.amount,
    latestCharge: charge,
    charge: { id: charge, authorizedAt: context.now, captureBefore: context.now + AUTHORIZATION_WINDOW_MS, amountRefunded: 0 },
    lastPaymentError: null,
  };
  context.store.saveIntent(authorized);
  recordMoney(context, authorized, 'authorization', intent.amount, { charge });
  if (!manual) recordMoney(context, authorized, 'capture', intent.amount, { charge });
  return authorized;
}
