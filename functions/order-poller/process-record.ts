import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { PermanentOrderError } from './errors.js';
import { parseOrderMessage } from './message.js';
import type { OrderApi } from './order-api.js';

export interface RecordDependencies {
  api: OrderApi;
  logger: Logger;
}

/**
 * One message: the order it carries is created, or recorded FAILED when it never can be; otherwise the record
 * fails (the error propagates) and the message is retried. Both mutations are idempotent on the order id, so a
 * redelivered message changes nothing.
 */
export async function processOrderRecord(record: SQSRecord, { api, logger }: RecordDependencies): Promise<void> {
  const message = parseOrderMessage(record.body);
  const receiveCount = record.attributes.ApproximateReceiveCount;
  if (message.kind === 'invalid') {
    const stored = await api.recordFailedOrder({ id: message.orderId, userId: message.owner, errorMessage: message.reason, ...message.partial });
    logger.warn('Invalid order recorded as FAILED', { messageId: record.messageId, orderId: stored.id, status: stored.status, reason: message.reason });
  } else {
    const { orderId, owner, order } = message;
    try {
      const stored = await api.createQueuedOrder({ id: orderId, userId: owner, ...order });
      logger.info('Order stored', { messageId: record.messageId, orderId: stored.id, status: stored.status, receiveCount });
    } catch (error) {
      if (!(error instanceof PermanentOrderError)) throw error;
      const stored = await api.recordFailedOrder({ id: orderId, userId: owner, errorMessage: error.message, ...order });
      logger.warn('Order refused, recorded as FAILED', { messageId: record.messageId, orderId: stored.id, reason: error.message });
    }
  }
}
