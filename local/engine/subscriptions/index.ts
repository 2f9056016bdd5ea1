export { type ActiveSubscription, type EventSource, SubscriptionEngine, type SubscriptionSink } from './subscription-engine.js';
export { SubscriptionStartError, type StartErrorEntry } from './errors.js';
export type { SubscriberPayload, PayloadError } from './subscriber-payload.js';
