/** What the local endpoint keeps of each object: Stripe's objects are rendered from these (render.ts). */

export type IntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_capture' | 'succeeded' | 'canceled';
export type CaptureMethod = 'automatic' | 'automatic_async' | 'manual';

/** The failed attempt a decline leaves in `last_payment_error`. */
export interface DeclineRecord {
  code: string;
  declineCode: string;
  message: string;
  param?: string;
  charge: string;
  paymentMethod: string;
}

/** The successful charge of an intent; times in milliseconds. */
export interface ChargeRecord {
  id: string;
  authorizedAt: number;
  /** Stripe's `payment_method_details.card.capture_before`: the authorization ends then. */
  captureBefore: number;
  amountRefunded: number;
}

export interface IntentRecord {
  id: string;
  clientSecret: string;
  created: number;
  amount: number;
  currency: string;
  captureMethod: CaptureMethod;
  status: IntentStatus;
  /** What the intent can be paid with (only cards here). */
  paymentMethodTypes: string[];
  allowedPaymentMethodTypes: string[] | null;
  automaticPaymentMethods: { enabled: boolean; allowRedirects: 'always' | 'never' } | null;
  paymentMethod: string | null;
  description: string | null;
  metadata: Record<string, string>;
  amountCapturable: number;
  amountReceived: number;
  latestCharge: string | null;
  charge: ChargeRecord | null;
  lastPaymentError: DeclineRecord | null;
  canceledAt: number | null;
  cancellationReason: string | null;
}

/** A PaymentMethod made from a test one (`pm_card_visa` gives a new `pm_…` each time it is used, as on Stripe). */
export interface PaymentMethodRecord {
  id: string;
  testCard: string;
  created: number;
}

export interface RefundRecord {
  id: string;
  amount: number;
  currency: string;
  paymentIntent: string;
  charge: string;
  created: number;
  reason: string | null;
  metadata: Record<string, string>;
}
