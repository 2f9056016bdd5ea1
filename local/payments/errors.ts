/** Stripe's error `type`s that the local endpoint answers; the SDK picks its error class from the status and type. */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

/** The fields of Stripe's error object (`{ "error": { ... } }`), in Stripe's spelling. */
export interface StripeErrorFields {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  charge?: string;
  /** The PaymentIntent as it stands after the failed request (card errors, unexpected states). */
  payment_intent?: unknown;
  payment_method?: unknown;
}

/**
 * An answer in Stripe's error shape. `replayable` says whether an idempotency key keeps it: Stripe saves a result
 * only once the endpoint began to run, so a request refused while its parameters were read can be sent again.
 */
export class StripeApiError extends Error {
  override readonly name: string = 'StripeApiError';
  constructor(
    readonly status: number,
    readonly fields: StripeErrorFields,
    readonly replayable = true,
  ) {
    super(fields.message);
  }

  body(): { error: Record<string, unknown> } {
    const docUrl = this.fields.code ? { doc_url: `https://stripe.com/docs/error-codes/${this.fields.code.replaceAll('_', '-')}` } : {};
    return { error: { ...this.fields, ...docUrl } };
  }
}

/** A parameter missing, malformed or unknown: HTTP 400, never saved for an idempotency key. */
export class InvalidParameterError extends StripeApiError {
  override readonly name = 'InvalidParameterError';
  constructor(message: string, param?: string, code?: string) {
    super(400, { type: 'invalid_request_error', message, ...(code ? { code } : {}), ...(param ? { param } : {}) }, false);
  }
}

/** A request Stripe refuses once it has looked at the objects it names (HTTP 400 unless said otherwise). */
export class InvalidRequestError extends StripeApiError {
  override readonly name = 'InvalidRequestError';
  constructor(message: string, extra: Omit<StripeErrorFields, 'type' | 'message'> = {}, status = 400) {
    super(status, { type: 'invalid_request_error', message, ...extra });
  }
}

/** `No such payment_intent: 'pi_…'` (HTTP 404, code resource_missing). */
export class ResourceMissingError extends StripeApiError {
  override readonly name = 'ResourceMissingError';
  constructor(noun: string, id: string, param: string) {
    super(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${noun}: '${id}'`, param });
  }
}

/** An operation the PaymentIntent's status does not allow, e.g. capturing a canceled one. */
export class UnexpectedStateError extends StripeApiError {
  override readonly name = 'UnexpectedStateError';
  constructor(message: string, paymentIntent: unknown) {
    super(400, { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message, payment_intent: paymentIntent });
  }
}

/** A decline by the (test) card's issuer: HTTP 402, type card_error. */
export class CardDeclinedError extends StripeApiError {
  override readonly name = 'CardDeclinedError';
  constructor(fields: Omit<StripeErrorFields, 'type'>) {
    super(402, { type: 'card_error', ...fields });
  }
}

/** A missing, malformed, publishable or live key: HTTP 401, never saved for an idempotency key. */
export class AuthenticationError extends StripeApiError {
  override readonly name = 'AuthenticationError';
  constructor(message: string) {
    super(401, { type: 'invalid_request_error', message }, false);
  }
}

/** An idempotency key sent again with other parameters or to another endpoint. */
export class IdempotencyError extends StripeApiError {
  override readonly name = 'IdempotencyError';
  constructor(message: string) {
    super(400, { type: 'idempotency_error', message }, false);
  }
}

/** The payments journal under the data dir cannot be read: it names the file and the line. */
export class PaymentsDataError extends Error {
  override readonly name = 'PaymentsDataError';
}
