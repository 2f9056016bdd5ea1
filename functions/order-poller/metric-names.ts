/**
 * The order poller's custom metrics (CloudWatch embedded metric format, dimension `service`), named once for the
 * poller and for the wiring's dashboard. Constants only: app/queue-wiring.ts imports this file.
 */
export const POLLER_METRICS = {
  /** Orders created by createQueuedOrder. */
  ordersCreated: 'OrdersCreated',
  /** Orders stored as FAILED by recordFailedOrder (invalid, or refused by the API's validation). */
  ordersFailed: 'OrdersRecordedFailed',
  /** Records handed back to the queue for a retry (failed, or behind a failure in their message group). */
  recordsRetried: 'RecordsRetried',
  /** Milliseconds from SendMessage to the poller picking the record up: how far behind the queue is. */
  queueLag: 'QueueLag',
} as const;
