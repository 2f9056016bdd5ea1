import type { SQSMessageAttribute, SQSRecord } from 'aws-lambda';
import type { WireMessage, WireMessageAttribute } from '../sqs/sqs-json-client.js';

/**
 * One received SQS message as Lambda's event source mapping hands it to the function
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, example events): camel-case record keys, the
 * system attributes as strings (FIFO queues add SequenceNumber, MessageGroupId, MessageDeduplicationId), message
 * attributes with lower-case value keys and base64 binaries, `eventSource: "aws:sqs"`.
 */
export function sqsRecord(message: WireMessage, queue: { arn: string; region: string }): SQSRecord {
  const attributes = message.Attributes ?? {};
  const record: SQSRecord = {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? '',
      SenderId: attributes.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
      ...(attributes.SequenceNumber !== undefined ? { SequenceNumber: attributes.SequenceNumber } : {}),
      ...(attributes.MessageGroupId !== undefined ? { MessageGroupId: attributes.MessageGroupId } : {}),
      ...(attributes.MessageDeduplicationId !== undefined ? { MessageDeduplicationId: attributes.MessageDeduplicationId } : {}),
      ...(attributes.AWSTraceHeader !== undefined ? { AWSTraceHeader: attributes.AWSTraceHeader } : {}),
      ...(attributes.DeadLetterQueueSourceArn !== undefined ? { DeadLetterQueueSourceArn: attributes.DeadLetterQueueSourceArn } : {}),
    },
    messageAttributes: Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, messageAttribute(value)])),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: queue.region,
  };
  if (message.MD5OfMessageAttributes !== undefined) record.md5OfMessageAttributes = message.MD5OfMessageAttributes;
  return record;
}

// The JSON protocol already carries binaries as base64, as Lambda's event does.
function messageAttribute(value: WireMessageAttribute): SQSMessageAttribute {
  return {
    ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
    ...(value.BinaryValue !== undefined ? { binaryValue: value.BinaryValue } : {}),
    stringListValues: value.StringListValues ?? [],
    binaryListValues: value.BinaryListValues ?? [],
    dataType: (value.DataType ?? 'String') as SQSMessageAttribute['dataType'],
  };
}
