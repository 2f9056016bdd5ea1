/**
 * How a record fails decides what happens to its message. Any error fails the record: it stays queued and comes
 * back after the visibility timeout, then goes to the dead-letter queue after 5 receives. Only a
 * PermanentOrderError of a message that names its owner is answered differently: the order is recorded FAILED.
 */

/** The order can never be created as sent (invalid fields, refused by the API's validation). */
export class PermanentOrderError extends Error {
  override readonly name = 'PermanentOrderError';
}

/** The message names no owner and order id the poller can trust: nothing can be recorded, only retried. */
export class UnownedMessageError extends Error {
  override readonly name = 'UnownedMessageError';
}

/** Worth retrying: the API or the network failed, or answered something unexpected. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

export { ConfigurationError } from '../lib/iam-function-config.js';
