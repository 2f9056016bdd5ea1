import { authorize, checkRedirects, resolvePaymentMethod } from './authorize.js';
import { existingIntent, type OperationContext, recordMoney, render } from './context.js';
import { InvalidParameterError, InvalidRequestError, UnexpectedStateError } from './errors.js';
import { newClientSecret, newId } from './ids.js';
import { checkAmount, checkCurrency, formatAmount } from './money.js';
import type { Params } from './params.js';
import { readMethodChoice } from './payment-method-types.js';
import type { CaptureMethod, IntentRecord, IntentStatus } from './records.js';

type Answer = Record<string, unknown>;

const CAPTURE_METHODS: readonly CaptureMethod[] = ['automatic', 'automatic_async', 'manual'];
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;
const CONFIRMABLE: readonly IntentStatus[] = ['requires_payment_method', 'requires_confirmation'];
const CANCELABLE: readonly IntentStatus[] = ['requires_payment_method', 'requires_capture', 'requires_confirmation'];
const MISSING_PAYMENT_METHOD =
  "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.";

/** POST /v1/payment_intents: created, and with `confirm=true` confirmed in the same request. */
export function createIntent(context: OperationContext, params: Params): Answer {
  const amount = params.requiredInteger('amount');
  const currency = checkCurrency(params.requiredString('currency'));
  checkAmount(amount, currency);
  const captureMethod = params.oneOf('capture_method', CAPTURE_METHODS) ?? 'automatic_async';
  const confirm = params.boolean('confirm') ?? false;
  const paymentMethodId = params.string('payment_method');
  const methods = readMethodChoice(params, context.apiVersion);
  const returnUrl = params.string('return_url');
  const metadata = params.metadata() ?? {};
  const description = params.string('description') ?? null;
  params.noExpansion();
  params.rejectUnknown();
  if (returnUrl && !confirm) throw new InvalidParameterError('The parameter return_url cannot be passed when creating a PaymentIntent unless confirm is set to true.', 'return_url');
  if (confirm && !paymentMethodId) throw new InvalidParameterError(MISSING_PAYMENT_METHOD, 'payment_method', 'payment_intent_unexpected_state');
  const id = newId('pi');
  const intent: IntentRecord = {
    id,
    clientSecret: newClientSecret(id),
    created: context.now,
    amount,
    currency,
    captureMethod,
    status: 'requires_payment_method',
    ...methods,
    paymentMethod: null,
    description,
    metadata,
    amountCapturable: 0,
    amountReceived: 0,
    latestCharge: null,
    charge: null,
    lastPaymentError: null,
    canceledAt: null,
    cancellationReason: null,
  };
  if (confirm) checkRedirects(intent, returnUrl);
  const paymentMethod = paymentMethodId ? resolvePaymentMethod(context, paymentMethodId) : undefined;
  const created: IntentRecord = paymentMethod ? { ...intent, paymentMethod: paymentMethod.id, status: 'requires_confirmation' } : intent;
  context.store.saveIntent(created);
  return render(context, confirm && paymentMethod ? authorize(context, created, paymentMethod) : created);
}

export function retrieveIntent(context: OperationContext, id: string, params: Params): Answer {
  params.string('client_secret');
  params.noExpansion();
  params.rejectUnknown();
  return render(context, existingIntent(context, id));
}

/** POST /v1/payment_intents/:id/confirm, with the intent's payment method or the one given. */
export function confirmIntent(context: OperationContext, id: string, params: Params): Answer {
  const paymentMethodId = params.string('payment_method');
  const returnUrl = params.string('return_url');
  const captureMethod = params.oneOf('capture_method', CAPTURE_METHODS);
  params.noExpansion();
  params.rejectUnknown();
  const intent = existingIntent(context, id);
  if (intent.status === 'succeeded') {
    throw new UnexpectedStateError('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.', render(context, intent));
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw new UnexpectedStateError(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
      render(context, intent),
    );
  }
  if (!paymentMethodId && !intent.paymentMethod) throw new UnexpectedStateError(MISSING_PAYMENT_METHOD, render(context, intent));
  checkRedirects(intent, returnUrl);
  const paymentMethod = resolvePaymentMethod(context, paymentMethodId ?? intent.paymentMethod ?? '');
  return render(context, authorize(context, { ...intent, ...(captureMethod ? { captureMethod } : {}) }, paymentMethod));
}

/** POST /v1/payment_intents/:id/capture: all that is held, or `amount_to_capture` and the rest let go. */
export function captureIntent(context: OperationContext, id: string, params: Params): Answer {
  const amountToCapture = params.integer('amount_to_capture');
  params.noExpansion();
  params.rejectUnknown();
  const intent = existingIntent(context, id);
  if (intent.status !== 'requires_capture') {
    throw new UnexpectedStateError(
      `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      render(context, intent),
    );
  }
  const amount = amountToCapture ?? intent.amountCapturable;
  if (amount < 1) throw new InvalidParameterError('This value must be greater than or equal to 1.', 'amount_to_capture');
  if (amount > intent.amountCapturable) {
    throw new InvalidRequestError(
      `The amount_to_capture (${formatAmount(amount, intent.currency)}) cannot be greater than the PaymentIntent's amount_capturable (${formatAmount(intent.amountCapturable, intent.currency)}).`,
      { code: 'amount_too_large', param: 'amount_to_capture' },
    );
  }
  const released = intent.amountCapturable - amount;
  const captured: IntentRecord = { ...intent, status: 'succeeded', amountReceived: amount, amountCapturable: 0 };
  context.store.saveIntent(captured);
  recordMoney(context, captured, 'capture', amount, { ...(intent.charge ? { charge: intent.charge.id } : {}), ...(released > 0 ? { released } : {}) });
  return render(context, captured);
}

/** POST /v1/payment_intents/:id/cancel: what is held is let go (a void); a captured payment needs a refund. */
export function cancelIntent(context: OperationContext, id: string, params: Params): Answer {
  const reason = params.oneOf('cancellation_reason', CANCELLATION_REASONS);
  params.noExpansion();
  params.rejectUnknown();
  const intent = existingIntent(context, id);
  if (!CANCELABLE.includes(intent.status)) {
    throw new UnexpectedStateError(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      render(context, intent),
    );
  }
  const released = intent.amountCapturable;
  const canceled: IntentRecord = { ...intent, status: 'canceled', amountCapturable: 0, canceledAt: context.now, cancellationReason: reason ?? null };
  context.store.saveIntent(canceled);
  recordMoney(context, canceled, 'cancel', released, { ...(intent.charge ? { charge: intent.charge.id } : {}), ...(reason ? { reason } : {}) });
  return render(context, canceled);
}
