import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { namedOwner } from '../lib/caller.js';
import type { StaffStash } from '../lib/catalog-types.js';
import type { Order, OrderStatus, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { input: { userId: string; id: string; status: OrderStatus; expectedVersion: number } };

const KITCHEN_PROGRESS: OrderStatus[] = ['PREPARING', 'READY', 'DELIVERED'];
const OTHER_MUTATION: Record<string, string> = { ACCEPTED: 'set by acceptOrder', CANCELLED: 'set by cancelOrder or rejectOrder' };

/**
 * updateOrderStatus: [loadStaffRestaurants, changeStatus, explainConflict]. Staff and admins only (the schema's
 * directive checks), on the order of the owner they name; staff only on their restaurants' orders, their own orders
 * elsewhere included (changeStatus makes them part of its condition); only the kitchen's progress, ACCEPTED → PREPARING → READY → DELIVERED, by the
 * transitions of lib/status-transitions.ts. Accepting, rejecting and cancelling answer the order's journey, so they
 * have their own mutations.
 */
export function request(ctx: Context<Args, WriteStepStash & StaffStash>) {
  const { userId, id, status, expectedVersion } = ctx.args.input;
  if (!KITCHEN_PROGRESS.includes(status)) {
    util.error(`updateOrderStatus moves an order to PREPARING, READY or DELIVERED; ${status} is ${OTHER_MUTATION[status] ?? 'set by the system'}`, 'InvalidStatusTransition');
  }
  ctx.stash.write = { key: { userId: namedOwner(userId), id }, expectedVersion, targetStatus: status, asRestaurant: true };
  return {};
}

export function response(ctx: Context<Args, WriteStepStash & StaffStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
