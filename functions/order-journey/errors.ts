import { ORDER_CLOSED } from '../../resolvers/lib/journey.js';

/**
 * What the state machine reads of a failed step is the error's `name` (Lambda's errorType): its Catch and Retry
 * route on it (app/order-journey.asl.json). Each class here is one route.
 */

/** The order is past what the step can do (cancelled, delivered, gone): the journey ends, nothing failed. */
export class OrderClosedError extends Error {
  override readonly name = ORDER_CLOSED;
}

/** AppSync unreachable, an HTTP error, or a GraphQL error the journey has no meaning for: retried by the machine. */
export class JourneyApiError extends Error {
  override readonly name = 'JourneyApiError';
}

/** The state machine sent a payload this function cannot act on: a defect in the definition, never retried. */
export class InvalidJourneyEventError extends Error {
  override readonly name = 'InvalidJourneyEvent';
}

export { ConfigurationError } from '../lib/iam-function-config.js';
