import { Logger } from '@aws-lambda-powertools/logger';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { pollerConfig } from './config.js';
import { correlationOf } from './correlation.js';
import { processGroupsInParallel } from './message-groups.js';
import { createOrderApiClient } from './order-api.js';
import { processOrderRecord } from './process-record.js';
import { recordLog } from './record-log.js';
import { InvocationMetrics, traced, traceRecord } from './telemetry.js';

export type OrderPollerHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * The order poller (nodejs22.x): the order queue's event source mapping hands it batches of up to 10 messages
 * with ReportBatchItemFailures. The batch's message groups (one per owner) run side by side, each group's records
 * in order through Powertools' FIFO processor: a failure fails that record and the rest of its group, reported
 * unprocessed (so one user's orders keep their order), while other groups go on. What succeeded is deleted by
 * Lambda; what failed comes back after the visibility timeout, and after 5 receives goes to the dead-letter queue.
 *
 * Every line about a record carries its `correlationId` (the submitOrder request's, from the message), which the
 * API call passes on; each invocation publishes its metrics (orders created and FAILED, records retried, queue
 * lag) once, and is traced with X-Ray on Lambda.
 */
export function createHandler(env: Record<string, string | undefined>, tracer?: Tracer): OrderPollerHandler {
  const config = pollerConfig(env);
  const logger = new Logger({ serviceName: config.serviceName, logLevel: config.logLevel });
  const api = createOrderApiClient(config);
  return async (event, context) => {
    logger.addContext(context);
    return traced(tracer, async (segment) => {
      const metrics = new InvocationMetrics(config);
      const recordHandler = async (record: SQSRecord): Promise<void> => {
        const { correlationId, traceHeader } = correlationOf(record);
        const recordLogger = recordLog(logger, { correlationId, messageId: record.messageId });
        const subsegment = traceRecord(segment, correlationId, traceHeader);
        metrics.received(record);
        try {
          metrics.stored(await processOrderRecord(record, { api, logger: recordLogger, correlationId }));
        } catch (error) {
          recordLogger.error('Order message failed; it will be retried', { error: error as Error });
          subsegment?.addError(error as Error);
          throw error;
        } finally {
          subsegment?.close();
        }
      };
      try {
        const response = await processGroupsInParallel(event, recordHandler, context);
        metrics.retried(response.batchItemFailures.length);
        logger.info('Batch processed', { records: event.Records.length, failed: response.batchItemFailures.length });
        return response;
      } catch (error) {
        // A failed invocation returns the whole batch to the queue.
        metrics.retried(event.Records.length);
        throw error;
      } finally {
        metrics.publish();
      }
    });
  };
}

let created: Promise<OrderPollerHandler> | undefined;

/**
 * Lambda's entry point: built on the first invocation from the function's environment, traced with X-Ray. Tracer
 * is imported here only: loading it (aws-xray-sdk-core's async hooks) slows every promise of the process about
 * twentyfold, and `npm start` runs this poller, through createHandler, in a thread of the API server's process.
 */
export const handler: OrderPollerHandler = async (event, context) => {
  created ??= import('@aws-lambda-powertools/tracer').then(({ Tracer }) =>
    createHandler(process.env, new Tracer({ serviceName: pollerConfig(process.env).serviceName })),
  );
  return (await created)(event, context);
};
