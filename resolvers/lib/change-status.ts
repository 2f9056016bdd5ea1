import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import { cognitoCaller } from './caller.js';
import type { StaffStash } from './catalog-types.js';
import { actorEvent } from './order-actor.js';
import type { OrderEventType, StoredOrder, WriteStepStash } from './order-types.js';
import { staffScope } from './staff-scope.js';
import { statusKey } from './status-key.js';
import { statusesBefore } from './status-transitions.js';

/**
 * Pipeline function `changeStatus` (cancelOrder, acceptOrder, rejectOrder, updateOrderStatus): moves the order in
 * `stash.write.key` to `stash.write.targetStatus` in one conditional UpdateItem, with the event its timeline gains
 * (by default the status itself, by the caller) and what else the caller sets (a reason, a deadline). The condition
 * carries every rule — the order exists (a missing item has no status), its status may lead to the target, its
 * version is the one the caller read, and for staff, it is one of their restaurants' — so the write decides alone.
 */
export function request(ctx: Context<unknown, WriteStepStash & StaffStash>) {
  const { key, expectedVersion, targetStatus, set, clearToken } = ctx.stash.write;
  // Staff move only their restaurants' orders (loadStaffRestaurants ran before): one more rule of the condition.
  const restaurantIds = staffScope(cognitoCaller(ctx.identity), ctx.stash, key.userId, ctx.stash.write.asRestaurant);
  ctx.stash.write.restaurantIds = restaurantIds;
  const from = targetStatus === null ? [] : (ctx.stash.write.from ?? statusesBefore(targetStatus));
  if (targetStatus === null || from.length === 0) {
    // No status leads there (PENDING, FAILED): the write could only fail, so let explain-conflict say why.
    ctx.stash.write.conditionFailed = true;
    runtime.earlyReturn(null);
  }
  if (restaurantIds !== undefined && restaurantIds.length === 0) util.unauthorized();
  const now = util.time.nowISO8601();
  const event = ctx.stash.write.event ?? actorEvent(cognitoCaller(ctx.identity), key.userId, targetStatus as OrderEventType, now, { asRestaurant: ctx.stash.write.asRestaurant });
  return update<StoredOrder>({
    key,
    update: {
      ...(set ?? {}),
      status: targetStatus,
      statusKey: statusKey(targetStatus, key.id),
      version: operations.increment(1),
      updatedAt: now,
      timeline: operations.append([event]),
      ...(clearToken ? { taskToken: operations.remove() } : {}),
    },
    condition: { status: { in: from }, version: { eq: expectedVersion }, ...(restaurantIds ? { restaurantId: { in: restaurantIds } } : {}) },
  });
}

export { conditionalWriteResponse as response } from './conditional-write.js';
