import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { CORRELATION_ATTRIBUTE } from '../lib/correlation.js';
import { ORDER_QUEUE_URL_VARIABLE, type SendMessageResult, type SubmitStash } from '../lib/order-queue.js';

type HttpResult = { statusCode: number; headers: Record<string, string>; body: string };

/**
 * Pipeline function `submitOrderSend` on the HTTP data source `OrderQueue` (SigV4-signed for `sqs` by AppSync):
 * one SQS SendMessage call in the AWS JSON protocol. The queue URL comes from the API's environment variables.
 * The request's correlation id rides along as a message attribute and its trace header as AWSTraceHeader.
 */
export function request(ctx: Context<unknown, SubmitStash>) {
  const queueUrl = ctx.env[ORDER_QUEUE_URL_VARIABLE];
  if (!queueUrl) util.error(`The API has no ${ORDER_QUEUE_URL_VARIABLE} environment variable`, 'ConfigurationError');
  const { message, groupId, deduplicationId, correlationId, traceHeader } = ctx.stash.submit;
  return {
    method: 'POST',
    resourcePath: '/',
    params: {
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.SendMessage' },
      body: JSON.stringify({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(message),
        MessageGroupId: groupId,
        MessageDeduplicationId: deduplicationId,
        ...(correlationId ? { MessageAttributes: { [CORRELATION_ATTRIBUTE]: { DataType: 'String', StringValue: correlationId } } } : {}),
        ...(traceHeader ? { MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: traceHeader } } } : {}),
      }),
    },
  };
}

/**
 * An HTTP data source reports only transport failures in `ctx.error`; SQS's own refusals arrive as a non-200
 * status with `{ __type, message }`. Either way the order is not queued: the caller is told to retry with the
 * same clientToken (SQS's details go to the logs, not to the client).
 */
export function response(ctx: Context<unknown, SubmitStash, undefined, undefined, HttpResult>): SendMessageResult {
  if (ctx.error) {
    console.error('SendMessage failed', ctx.error.type, ctx.error.message);
    util.error('The order could not be queued; retry with the same clientToken', 'QueueUnavailable');
  }
  const { statusCode, body } = ctx.result;
  if (statusCode !== 200) {
    console.error('SendMessage refused', statusCode, body);
    util.error('The order could not be queued; retry with the same clientToken', 'QueueUnavailable');
  }
  return JSON.parse(body) as SendMessageResult;
}
