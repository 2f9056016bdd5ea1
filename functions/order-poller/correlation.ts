import type { SQSRecord } from 'aws-lambda';

/** The message attribute submitOrder sets (resolvers/lib/correlation.ts, CORRELATION_ATTRIBUTE). */
const CORRELATION_ATTRIBUTE = 'correlationId';
const ROOT = /(?:^|;)\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/i;

export interface RecordCorrelation {
  /** submitOrder's correlation id; else the message's trace id; else (a message sent by other means) its id. */
  correlationId: string;
  /** SQS's AWSTraceHeader system attribute: the X-Ray trace the message was sent in. */
  traceHeader?: string;
}

export function correlationOf(record: SQSRecord): RecordCorrelation {
  const traceHeader = record.attributes.AWSTraceHeader;
  const given = record.messageAttributes[CORRELATION_ATTRIBUTE]?.stringValue;
  const correlationId = given || (traceHeader ? ROOT.exec(traceHeader)?.[1] : undefined) || record.messageId;
  return { correlationId, ...(traceHeader ? { traceHeader } : {}) };
}
