import type { Context } from '@aws-appsync/utils';
import { cognitoCaller, ownerFor } from '../lib/caller.js';
import type { Order, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { id: string; expectedVersion: number; userId?: string | null };

/**
 * cancelOrder: [loadStaffRestaurants, changeStatus, explainConflict]. The owner cancels their own order (a
 * customer's `userId` is ignored); admins cancel `userId ?? sub`'s, and staff their restaurants' orders. The status
 * rule (from PENDING or ACCEPTED only) is the transition table's.
 */
export function request(ctx: Context<Args, WriteStepStash>) {
  const caller = cognitoCaller(ctx.identity);
  const { id, expectedVersion, userId } = ctx.args;
  ctx.stash.write = { key: { userId: ownerFor(caller, userId), id }, expectedVersion, targetStatus: 'CANCELLED' };
  return {};
}

export function response(ctx: Context<Args, WriteStepStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
