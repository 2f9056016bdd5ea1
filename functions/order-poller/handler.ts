import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { pollerConfig } from './config.js';
import { processGroupsInParallel } from './message-groups.js';
import { createOrderApiClient } from './order-api.js';
import { processOrderRecord } from './process-record.js';

export type OrderPollerHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * The order poller (nodejs22.x): the order queue's event source mapping hands it batches of up to 10 messages
 * with ReportBatchItemFailures. The batch's message groups (one per owner) run side by side, each group's records
 * in order through Powertools' FIFO processor: a failure fails that record and the rest of its group, reported
 * unprocessed (so one user's orders keep their order), while other groups go on. What succeeded is deleted by
 * Lambda; what failed comes back after the visibility timeout, and after 5 receives goes to the dead-letter queue.
 */
export function createHandler(env: Record<string, string | undefined>): OrderPollerHandler {
  const config = pollerConfig(env);
  const logger = new Logger({ serviceName: config.serviceName, logLevel: config.logLevel });
  const api = createOrderApiClient(config);
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    try {
      await processOrderRecord(record, { api, logger });
    } catch (error) {
      logger.error('Order message failed; it will be retried', { messageId: record.messageId, error: error as Error });
      throw error;
    }
  };
  return async (event, context) => {
    logger.addContext(context);
    const response = await processGroupsInParallel(event, recordHandler, context);
    logger.info('Batch processed', { records: event.Records.length, failed: response.batchItemFailures.length });
    return response;
  };
}

let created: OrderPollerHandler | undefined;

/** Lambda's entry point: built on the first invocation from the function's environment. */
export const handler: OrderPollerHandler = (event, context) => {
  created ??= createHandler(process.env);
  return created(event, context);
};
