import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { correlationIdOf } from '../lib/correlation.js';
import { stashNewOrder } from '../lib/new-order.js';
import type { Order, PlaceStash, PrevResult } from '../lib/order-types.js';
import { type LineInputArgs, validateNewOrder } from '../lib/validate-order.js';

type Args = { input: { id: string; userId: string; restaurantId: string; lines: LineInputArgs[] } };

/**
 * createQueuedOrder (IAM, the order poller): the steps of createOrder with a client token. The id comes from the
 * message, so a redelivered message lands on the same key: the put refuses to overwrite, the order already stored is
 * the answer, and its journey's start is repeated harmlessly (the same execution). Validated and priced again, as
 * createOrder does (the id by the clientToken rules, since it is one or a ULID): the menu may have changed since
 * the order was queued, and a refusal is permanent (the poller records the order FAILED with the reason).
 */
export function request(ctx: Context<Args, PlaceStash>) {
  const { id, userId, restaurantId, lines } = ctx.args.input;
  if (userId.trim() === '') util.error('Invalid order: userId must not be empty', 'ValidationError');
  const fields = validateNewOrder({ restaurantId, lines, clientToken: id });
  stashNewOrder(ctx.stash, ctx.env, { key: { userId, id }, fields, fromClientToken: true, correlationId: correlationIdOf(ctx.request.headers) });
  return {};
}

export function response(ctx: Context<Args, PlaceStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
