import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller, namedOwner } from '../lib/caller.js';
import { RESTAURANT_REJECTED } from '../lib/journey.js';
import { actorEvent } from '../lib/order-actor.js';
import type { AnswerStash, Order, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { id: string; userId: string; expectedVersion: number; reason: string };
type Ctx = Context<Args, WriteStepStash & AnswerStash, PrevResult<Order>>;

const MAX_REASON_LENGTH = 200;

/**
 * rejectOrder: [loadStaffRestaurants, readOrderToAnswer, answerJourney, changeStatus, explainConflict]. The
 * restaurant's staff (or an admin) refuse a PENDING order their restaurant was asked about, saying why: the journey's
 * wait ends with SendTaskFailure (RestaurantRejected, the reason as its cause), and the order is CANCELLED with
 * reason RESTAURANT_REJECTED, the reason in its timeline for the customer.
 */
export function request(ctx: Ctx) {
  const caller = cognitoCaller(ctx.identity);
  const { id, userId, expectedVersion } = ctx.args;
  const reason = ctx.args.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
    util.error(`Invalid rejection: reason must be 1 to ${MAX_REASON_LENGTH} characters (got ${reason.length})`, 'ValidationError');
  }
  const event = actorEvent(caller, userId, 'REJECTED', util.time.nowISO8601(), { detail: reason, asRestaurant: true });
  ctx.stash.write = {
    key: { userId: namedOwner(userId), id },
    expectedVersion,
    targetStatus: 'CANCELLED',
    from: ['PENDING'],
    asRestaurant: true,
    event,
    set: { cancellationReason: 'RESTAURANT_REJECTED', acceptBy: null },
    clearToken: true,
  };
  ctx.stash.answer = { outcome: { kind: 'failure', error: RESTAURANT_REJECTED, cause: reason }, requireToken: true };
  return {};
}

export function response(ctx: Ctx): Order {
  return ctx.prev.result;
}
