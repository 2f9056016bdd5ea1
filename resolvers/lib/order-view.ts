import type { Order, StoredOrder } from './order-types.js';

/**
 * A stored order as it may leave the API in an error's data: without what no client may read (the journey's task
 * token, the execution's ARN, the figures and correlation id kept for the journey, the index key). Answers need no
 * such care: a selection set can only name the schema's fields.
 */
export function toOrder(stored: StoredOrder): Order {
  const {
    statusKey: _statusKey,
    taskToken: _taskToken,
    executionArn: _executionArn,
    preparationMinutes: _preparationMinutes,
    acceptanceTimeoutSeconds: _acceptanceTimeoutSeconds,
    correlationId: _correlationId,
    ...order
  } = stored;
  return order;
}
