import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { CreateStash, Order, PrevResult } from '../lib/order-types.js';
import { validateNewOrder } from '../lib/validate-order.js';

type Args = { input: { id: string; userId: string; restaurantId: string; name: string; quantity: number } };

/**
 * createQueuedOrder (IAM, the order poller): [createOrderPut, createOrderReadExisting], the steps createOrder
 * uses for a client token. The id comes from the message, so a redelivered message lands on the same key: the put
 * refuses to overwrite and the order already stored is the answer. The fields are validated again, as createOrder
 * validates them (the id by the clientToken rules, since it is one or a ULID).
 */
export function request(ctx: Context<Args, CreateStash>) {
  const { id, userId, ...fields } = ctx.args.input;
  if (userId.trim() === '') util.error('Invalid order: userId must not be empty', 'ValidationError');
  const order = validateNewOrder({ ...fields, clientToken: id });
  const now = util.time.nowISO8601();
  ctx.stash.create = {
    key: { userId, id },
    item: { ...order, status: 'PENDING', createdAt: now, updatedAt: now, version: 1 },
    fromClientToken: true,
  };
  return {};
}

export function response(ctx: Context<Args, CreateStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
