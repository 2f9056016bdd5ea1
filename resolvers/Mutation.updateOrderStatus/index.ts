import type { Context } from '@aws-appsync/utils';
import type { Order, OrderStatus, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { input: { userId: string; id: string; status: OrderStatus; expectedVersion: number } };

/**
 * updateOrderStatus: [changeStatus, explainConflict]. Staff and admins only (the schema's directive checks), on
 * the order of the owner they name; only the legal transitions of lib/status-transitions.ts.
 */
export function request(ctx: Context<Args, WriteStepStash>) {
  const { userId, id, status, expectedVersion } = ctx.args.input;
  ctx.stash.write = { key: { userId, id }, expectedVersion, targetStatus: status };
  return {};
}

export function response(ctx: Context<Args, WriteStepStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
