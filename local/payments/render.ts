import type { DeclineRecord, IntentRecord, PaymentMethodRecord, RefundRecord } from './records.js';
import { TEST_CARDS } from './test-cards.js';

/** Stripe's times are seconds since the epoch. */
const seconds = (ms: number): number => Math.floor(ms / 1000);
const NULL_ADDRESS = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };

export type PaymentMethodLookup = (id: string) => PaymentMethodRecord | undefined;

/** A PaymentIntent as the API answers it; fields for features not imitated are there, null or empty, as on Stripe. */
export function renderIntent(intent: IntentRecord, paymentMethodOf: PaymentMethodLookup): Record<string, unknown> {
  return {
    id: intent.id,
    object: 'payment_intent',
    allowed_payment_method_types: intent.allowedPaymentMethodTypes,
    amount: intent.amount,
    amount_capturable: intent.amountCapturable,
    amount_details: { tip: {} },
    amount_received: intent.amountReceived,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: intent.automaticPaymentMethods && { enabled: intent.automaticPaymentMethods.enabled, allow_redirects: intent.automaticPaymentMethods.allowRedirects },
    canceled_at: intent.canceledAt === null ? null : seconds(intent.canceledAt),
    cancellation_reason: intent.cancellationReason,
    capture_method: intent.captureMethod,
    client_secret: intent.clientSecret,
    confirmation_method: 'automatic',
    created: seconds(intent.created),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    last_payment_error: intent.lastPaymentError && renderDecline(intent.lastPaymentError, paymentMethodOf),
    latest_charge: intent.latestCharge,
    livemode: false,
    metadata: intent.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: intent.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: intent.paymentMethodTypes,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: intent.status,
    transfer_data: null,
    transfer_group: null,
  };
}

/** The card error fields of a decline, as `last_payment_error` and the 402 answer carry them. */
export function renderDecline(decline: DeclineRecord, paymentMethodOf: PaymentMethodLookup): Record<string, unknown> {
  const paymentMethod = paymentMethodOf(decline.paymentMethod);
  return {
    charge: decline.charge,
    code: decline.code,
    decline_code: decline.declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replaceAll('_', '-')}`,
    message: decline.message,
    ...(decline.param ? { param: decline.param } : {}),
    ...(paymentMethod ? { payment_method: renderPaymentMethod(paymentMethod) } : {}),
    type: 'card_error',
  };
}

export function renderPaymentMethod(paymentMethod: PaymentMethodRecord): Record<string, unknown> {
  const card = TEST_CARDS[paymentMethod.testCard];
  const year = new Date(paymentMethod.created).getUTCFullYear();
  return {
    id: paymentMethod.id,
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: NULL_ADDRESS, email: null, name: null, phone: null },
    card: {
      brand: card?.brand ?? 'visa',
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'unchecked' },
      country: 'US',
      display_brand: card?.brand ?? 'visa',
      exp_month: 12,
      exp_year: year + 3,
      funding: 'credit',
      last4: card?.last4 ?? '4242',
      networks: { available: [card?.brand ?? 'visa'], preferred: null },
      wallet: null,
    },
    created: seconds(paymentMethod.created),
    customer: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

export function renderRefund(refund: RefundRecord): Record<string, unknown> {
  return {
    id: refund.id,
    object: 'refund',
    amount: refund.amount,
    balance_transaction: null,
    charge: refund.charge,
    created: seconds(refund.created),
    currency: refund.currency,
    destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
    metadata: refund.metadata,
    payment_intent: refund.paymentIntent,
    reason: refund.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}
