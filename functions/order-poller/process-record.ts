import type { SQSRecord } from 'aws-lambda';
import { PermanentOrderError } from './errors.js';
import { parseOrderMessage } from './message.js';
import type { OrderApi } from './order-api.js';
import type { RecordLog } from './record-log.js';

export interface RecordDependencies {
  api: OrderApi;
  /** This record's lines: they carry the record's correlation id and message id. */
  logger: RecordLog;
  /** Sent with the API call, so that the API's request log line carries it too. */
  correlationId: string;
}

/** What became of the order: created, or stored as FAILED. */
export type RecordOutcome = 'created' | 'failed';

/**
 * One message: the order it carries is created, or recorded FAILED when it never can be; otherwise the record
 * fails (the error propagates) and the message is retried. Both mutations are idempotent on the order id, so a
 * redelivered message changes nothing.
 */
export async function processOrderRecord(record: SQSRecord, { api, logger, correlationId }: RecordDependencies): Promise<RecordOutcome> {
  const message = parseOrderMessage(record.body);
  const receiveCount = record.attributes.ApproximateReceiveCount;
  const call = { correlationId };
  logger.info('Order message received', { orderId: message.orderId, receiveCount });
  if (message.kind === 'invalid') {
    const stored = await api.recordFailedOrder({ id: message.orderId, userId: message.owner, errorMessage: message.reason, ...message.partial }, call);
    logger.warn('Invalid order recorded as FAILED', { orderId: stored.id, status: stored.status, reason: message.reason });
    return 'failed';
  }
  const { orderId, owner, order } = message;
  try {
    const stored = await api.createQueuedOrder({ id: orderId, userId: owner, ...order }, call);
    logger.info('Order stored', { orderId: stored.id, status: stored.status, receiveCount });
    return 'created';
  } catch (error) {
    if (!(error instanceof PermanentOrderError)) throw error;
    const stored = await api.recordFailedOrder({ id: orderId, userId: owner, errorMessage: error.message, ...order }, call);
    logger.warn('Order refused, recorded as FAILED', { orderId: stored.id, reason: error.message });
    return 'failed';
  }
}
