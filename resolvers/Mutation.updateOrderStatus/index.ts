import type { Context } from '@aws-appsync/utils';
import type { StaffStash } from '../lib/catalog-types.js';
import type { Order, OrderStatus, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { input: { userId: string; id: string; status: OrderStatus; expectedVersion: number } };

/**
 * updateOrderStatus: [loadStaffRestaurants, changeStatus, explainConflict]. Staff and admins only (the schema's
 * directive checks), on the order of the owner they name; staff only on their restaurants' orders (changeStatus
 * makes them part of its condition); only the legal transitions of lib/status-transitions.ts.
 */
export function request(ctx: Context<Args, WriteStepStash & StaffStash>) {
  const { userId, id, status, expectedVersion } = ctx.args.input;
  ctx.stash.write = { key: { userId, id }, expectedVersion, targetStatus: status };
  return {};
}

export function response(ctx: Context<Args, WriteStepStash & StaffStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
