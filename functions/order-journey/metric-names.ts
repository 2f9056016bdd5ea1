/**
 * The journey's custom metrics (CloudWatch embedded metric format, dimension `service`), named once for the
 * function and for the wiring's dashboard and alarms. Constants only: app/journey-wiring.ts imports this file.
 */
export const JOURNEY_METRICS = {
  /** Orders cancelled because the restaurant did not answer before acceptBy. */
  acceptanceTimeouts: 'AcceptanceTimeouts',
  /** Orders the restaurant rejected. */
  restaurantRejections: 'RestaurantRejections',
  /** Orders the customer cancelled while the restaurant was still being asked. */
  cancelledBeforeAcceptance: 'CancelledBeforeAcceptance',
} as const;
