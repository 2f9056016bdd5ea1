import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { CreateStash, Order, PrevResult } from '../lib/order-types.js';

type Args = {
  input: {
    id: string;
    userId: string;
    errorMessage: string;
    restaurantId?: string | null;
    lines?: { menuItemId: string; quantity: number; note?: string | null }[] | null;
  };
};

const MAX_ERROR_MESSAGE_LENGTH = 1000;
const NOT_PLACED = 'Order not placed';
const ID_PATTERN = '[A-Za-z0-9_-]{1,64}';

/**
 * recordFailedOrder (IAM, the order poller): a queued order that can never be created is stored as FAILED with
 * its reason, in its owner's partition, so getOrder and listMyOrders show it. Same steps as createQueuedOrder: if
 * the id exists (created, or failed, by an earlier delivery), nothing is overwritten and that order is the answer.
 * It was never priced: no lines (what was asked for is in errorMessage), no currency, a total of 0, and for a
 * name what lists show in place of its lines' summary.
 */
export function request(ctx: Context<Args, CreateStash>) {
  const { id, userId, errorMessage, restaurantId } = ctx.args.input;
  if (userId.trim() === '' || !util.matches(ID_PATTERN, id)) {
    util.error('Invalid failed order: userId must not be empty and id must be 1 to 64 of [A-Za-z0-9_-]', 'ValidationError');
  }
  const now = util.time.nowISO8601();
  ctx.stash.create = {
    key: { userId, id },
    item: {
      restaurantId: restaurantId ?? '',
      name: NOT_PLACED,
      quantity: 0,
      lines: [],
      currency: null,
      total: 0,
      status: 'FAILED',
      errorMessage: errorMessage.slice(0, MAX_ERROR_MESSAGE_LENGTH),
      createdAt: now,
      updatedAt: now,
      version: 1,
      timeline: [{ type: 'FAILED', at: now, actor: 'SYSTEM', by: null, detail: errorMessage.slice(0, MAX_ERROR_MESSAGE_LENGTH) }],
    },
    fromClientToken: true,
  };
  return {};
}

export function response(ctx: Context<Args, CreateStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
