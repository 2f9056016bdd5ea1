import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { CreateStash, Order, PrevResult } from '../lib/order-types.js';

type Args = {
  input: {
    id: string;
    userId: string;
    errorMessage: string;
    restaurantId?: string | null;
    name?: string | null;
    quantity?: number | null;
  };
};

const MAX_ERROR_MESSAGE_LENGTH = 1000;
const ID_PATTERN = '[A-Za-z0-9_-]{1,64}';

/**
 * recordFailedOrder (IAM, the order poller): a queued order that can never be created is stored as FAILED with
 * its reason, in its owner's partition, so getOrder and listMyOrders show it. Same steps as createQueuedOrder: if
 * the id exists (created, or failed, by an earlier delivery), nothing is overwritten and that order is the answer.
 * Fields the message lacked are stored empty: Order's fields are non-null.
 */
export function request(ctx: Context<Args, CreateStash>) {
  const { id, userId, errorMessage, restaurantId, name, quantity } = ctx.args.input;
  if (userId.trim() === '' || !util.matches(ID_PATTERN, id)) {
    util.error('Invalid failed order: userId must not be empty and id must be 1 to 64 of [A-Za-z0-9_-]', 'ValidationError');
  }
  const now = util.time.nowISO8601();
  ctx.stash.create = {
    key: { userId, id },
    item: {
      restaurantId: restaurantId ?? '',
      name: name ?? '',
      quantity: quantity ?? 0,
      status: 'FAILED',
      errorMessage: errorMessage.slice(0, MAX_ERROR_MESSAGE_LENGTH),
      createdAt: now,
      updatedAt: now,
      version: 1,
    },
    fromClientToken: true,
  };
  return {};
}

export function response(ctx: Context<Args, CreateStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
