import type { OrderFields } from './order-types.js';

/**
 * The contract between submitOrder (producer) and the order poller (consumer): the body of every message on the
 * order queue. The poller re-validates it field by field, since anything allowed to write to the queue can send
 * anything. Constants only, no `util`: the poller imports this file outside the APPSYNC_JS runtime.
 */
export const ORDER_MESSAGE_TYPE = 'SubmitOrder';
export const ORDER_MESSAGE_VERSION = 2;
/** The AppSync environment variable (`ctx.env`) holding the order queue's URL. */
export const ORDER_QUEUE_URL_VARIABLE = 'ORDER_QUEUE_URL';

export type OrderMessage = {
  type: typeof ORDER_MESSAGE_TYPE;
  version: typeof ORDER_MESSAGE_VERSION;
  /** The id the order gets: the client's token, else a ULID chosen at submission. */
  orderId: string;
  /** The owner's Cognito sub: the order's partition, and the message group (one user's orders in order). */
  owner: string;
  order: OrderFields;
  submittedAt: string;
};

/**
 * What submitOrder's steps share. `correlationId` goes on the message as an attribute (the poller logs it and
 * passes it on); `traceHeader` as SQS's AWSTraceHeader system attribute, so that X-Ray links the poller's trace.
 */
export type SubmitStash = {
  submit: { message: OrderMessage; groupId: string; deduplicationId: string; correlationId?: string; traceHeader?: string };
};

/** submitOrder's answer (schema.graphql's OrderSubmission). */
export type OrderSubmission = { id: string; status: 'QUEUED' };

/** SQS SendMessage's answer (AWS JSON protocol), as far as submitOrder reads it. */
export type SendMessageResult = { MessageId: string; SequenceNumber?: string };
