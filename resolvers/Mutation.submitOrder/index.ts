import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller } from '../lib/caller.js';
import { correlationIdOf, TRACE_HEADER } from '../lib/correlation.js';
import { ORDER_MESSAGE_TYPE, ORDER_MESSAGE_VERSION, type OrderSubmission, type SubmitStash } from '../lib/order-queue.js';
import type { PlaceStash } from '../lib/order-types.js';
import { type NewOrderInput, validateNewOrder } from '../lib/validate-order.js';

type Args = { input: NewOrderInput };

/**
 * submitOrder: [loadMenuPrices, submitOrderSend]. Validates and prices exactly as createOrder does (so what the
 * menu refuses is refused now, not later as a FAILED order), then queues the order in the owner's
 * message group (one user's orders stay in order, users go in parallel). The id is the client's token when given,
 * so a retried call answers the same id; the deduplication id is derived from it (scoped to the owner, since two
 * users may pick the same token) and SQS drops a repeat sent within its 5-minute window. Past that window the
 * poller's idempotent creation still makes nothing twice.
 */
export function request(ctx: Context<Args, SubmitStash & PlaceStash>) {
  const owner = cognitoCaller(ctx.identity).sub;
  const order = validateNewOrder(ctx.args.input);
  const orderId = ctx.args.input.clientToken ?? util.autoUlid();
  const correlationId = correlationIdOf(ctx.request.headers);
  ctx.stash.place = { restaurantId: order.restaurantId, lines: order.lines, correlationId: correlationId ?? '' };
  ctx.stash.submit = {
    message: {
      type: ORDER_MESSAGE_TYPE,
      version: ORDER_MESSAGE_VERSION,
      orderId,
      owner,
      order,
      submittedAt: util.time.nowISO8601(),
    },
    groupId: owner,
    deduplicationId: `${owner}:${orderId}`,
  };
  if (correlationId) ctx.stash.submit.correlationId = correlationId;
  const traceHeader = ctx.request.headers[TRACE_HEADER];
  if (traceHeader) ctx.stash.submit.traceHeader = traceHeader;
  return {};
}

export function response(ctx: Context<Args, SubmitStash>): OrderSubmission {
  return { id: ctx.stash.submit.message.orderId, status: 'QUEUED' };
}
