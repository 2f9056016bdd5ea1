import type { Context } from '@aws-appsync/utils';
import { cognitoCaller } from '../lib/caller.js';
import type { Order, PrevResult, UpdateStash } from '../lib/order-types.js';
import { type OrderFieldsInput, validateOrderChanges } from '../lib/validate-order.js';

type Args = { input: OrderFieldsInput & { id: string; expectedVersion: number } };

/**
 * updateOrder: [updateOrderFields, explainConflict]. Only the owner (key = the caller's sub), only while the
 * order is PENDING and at the version the caller read.
 */
export function request(ctx: Context<Args, UpdateStash>) {
  const sub = cognitoCaller(ctx.identity).sub;
  const { id, expectedVersion } = ctx.args.input;
  ctx.stash.changes = validateOrderChanges(ctx.args.input);
  ctx.stash.write = { key: { userId: sub, id }, expectedVersion, targetStatus: null };
  return {};
}

export function response(ctx: Context<Args, UpdateStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
