import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller } from '../lib/caller.js';
import type { CreateStash, Order, PrevResult } from '../lib/order-types.js';
import { type NewOrderInput, validateNewOrder } from '../lib/validate-order.js';

type Args = { input: NewOrderInput };

/**
 * createOrder: [createOrderPut, createOrderReadExisting]. The id is the client's token when it gives one, so a
 * retried call lands on the same key: the put's condition refuses to overwrite it and the second step returns
 * the order the first call created.
 */
export function request(ctx: Context<Args, CreateStash>) {
  const sub = cognitoCaller(ctx.identity).sub;
  const fields = validateNewOrder(ctx.args.input);
  const clientToken = ctx.args.input.clientToken ?? null;
  const now = util.time.nowISO8601();
  ctx.stash.create = {
    key: { userId: sub, id: clientToken ?? util.autoUlid() },
    item: { ...fields, status: 'PENDING', createdAt: now, updatedAt: now, version: 1 },
    fromClientToken: clientToken !== null,
  };
  return {};
}

export function response(ctx: Context<Args, CreateStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
