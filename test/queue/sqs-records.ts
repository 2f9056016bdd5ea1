import type { Context, SQSRecord } from 'aws-lambda';

/**
 * An SQS record as Lambda's event source mapping hands it over from the order queue; `group` undefined for a
 * standard queue's record (no MessageGroupId).
 */
export function sqsRecord(id: string, group: string | undefined, body = id): SQSRecord {
  return {
    messageId: id,
    receiptHandle: `rh-${id}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1',
      SenderId: 'x',
      ApproximateFirstReceiveTimestamp: '1',
      ...(group === undefined ? {} : { MessageGroupId: group, SequenceNumber: '1', MessageDeduplicationId: id }),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:orders.fifo',
    awsRegion: 'eu-west-1',
  };
}

/** The parts of Lambda's context the poller reads. */
export const lambdaContext = { functionName: 'order-poller', awsRequestId: 'r', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
