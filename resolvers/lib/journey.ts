/**
 * The contract between the order resolvers and the order journey (app/order-journey.asl.json and
 * functions/order-journey): the execution's input, what the kitchen's answer carries, and the errors that end the
 * wait. Constants and types only, no `util`: the journey's function imports this file outside the APPSYNC_JS runtime.
 */

/** The AppSync environment variable (`ctx.env`) holding the journey state machine's ARN. */
export const JOURNEY_STATE_MACHINE_VARIABLE = 'JOURNEY_STATE_MACHINE_ARN';

/** What an execution starts with. */
export type JourneyInput = {
  order: { id: string; userId: string; restaurantId: string };
  /** The restaurant's time to accept: the callback task's TimeoutSecondsPath. */
  acceptanceTimeoutSeconds: number;
  correlationId?: string;
};

/** SendTaskSuccess's output when the kitchen accepts: the Wait state sleeps until estimatedReadyAt. */
export type AcceptedOutput = { acceptedAt: string; estimatedReadyAt: string };

/** SendTaskFailure's error names: the state machine's Catch routes on them. */
export const RESTAURANT_REJECTED = 'RestaurantRejected';
export const ORDER_CANCELLED = 'OrderCancelled';

/** recordJourneyStep's error types the journey's function reads (anything else is retried). */
export const ORDER_CLOSED = 'OrderClosed';
export const NOTHING_TO_RECORD = 'NothingToRecord';

/** How long a READY order may wait before the customer is told it is waiting for them. */
export const PICKUP_GRACE_SECONDS = 600;
