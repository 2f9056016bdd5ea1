import { IdempotencyError, InvalidParameterError } from './errors.js';
import type { FormValue } from './form-encoding.js';
import type { PaymentStore } from './payment-store.js';

/** A first answer kept for its key: the same key with the same request gets it again, byte for byte. */
export interface IdempotencyRecord {
  key: string;
  method: string;
  path: string;
  /** The parameters in a canonical form, compared with a retry's. */
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  created: number;
}

/** Stripe prunes keys once they are at least 24 hours old; a key used after that starts a new request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
export const MAX_KEY_LENGTH = 255;

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  fingerprint: string;
}

/** The parameters with object keys sorted, so that their order in the body does not matter. */
export function fingerprint(value: FormValue): string {
  const canonical = (item: FormValue): unknown =>
    typeof item === 'string' ? item : Array.isArray(item) ? item.map(canonical) : Object.fromEntries(Object.keys(item).sort().map((key) => [key, canonical(item[key] ?? '')]));
  return JSON.stringify(canonical(value));
}

/**
 * The saved answer for a retry, or undefined for a key not seen in the last 24 hours. A key reused for another
 * endpoint or with other parameters is Stripe's idempotency_error: the second request is not run.
 */
export function savedAnswer(store: PaymentStore, request: IdempotentRequest, now: number): IdempotencyRecord | undefined {
  if (request.key.length > MAX_KEY_LENGTH) {
    throw new InvalidParameterError(`Invalid Idempotency-Key: it can be at most ${MAX_KEY_LENGTH} characters long.`, 'Idempotency-Key');
  }
  const saved = store.idempotencyRecord(request.key);
  if (!saved || saved.created + IDEMPOTENCY_WINDOW_MS <= now) return undefined;
  const retry = `Try using a key other than '${request.key}' if you meant to execute a different request.`;
  if (saved.method !== request.method || saved.path !== request.path) {
    throw new IdempotencyError(
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.method} ${saved.path}' vs '${request.method} ${request.path}'). ${retry}`,
    );
  }
  if (saved.fingerprint !== request.fingerprint) {
    throw new IdempotencyError(`Keys for idempotent requests can only be used with the same parameters they were first used with. ${retry}`);
  }
  return saved;
}
