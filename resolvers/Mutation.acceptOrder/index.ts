import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller, namedOwner } from '../lib/caller.js';
import { actorEvent } from '../lib/order-actor.js';
import type { AnswerStash, Order, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { id: string; userId: string; expectedVersion: number };
type Ctx = Context<Args, WriteStepStash & AnswerStash, PrevResult<Order>>;

/**
 * acceptOrder: [loadStaffRestaurants, readOrderToAnswer, answerJourney, changeStatus, explainConflict]. The
 * restaurant's staff (or an admin) accept a PENDING order their restaurant was asked about: the journey's wait ends
 * with SendTaskSuccess, carrying the estimated ready time (now + the restaurant's preparation time) the journey
 * sleeps until, then the order is ACCEPTED with that estimate. Too early (not asked yet) or too late (the deadline
 * passed, or another answer came first) is a ConflictError.
 */
export function request(ctx: Ctx) {
  const caller = cognitoCaller(ctx.identity);
  const { id, userId, expectedVersion } = ctx.args;
  const now = util.time.nowEpochMilliSeconds();
  const acceptedAt = util.time.epochMilliSecondsToISO8601(now);
  // The estimate needs the preparation time stored on the order: readOrderToAnswer completes the answer and the write.
  ctx.stash.write = { key: { userId: namedOwner(userId), id }, expectedVersion, targetStatus: 'ACCEPTED', from: ['PENDING'], asRestaurant: true, event: actorEvent(caller, userId, 'ACCEPTED', acceptedAt, { asRestaurant: true }), clearToken: true };
  ctx.stash.answer = { outcome: { kind: 'success', output: { acceptedAt } }, requireToken: true, acceptedAtMillis: now };
  return {};
}

export function response(ctx: Ctx): Order {
  return ctx.prev.result;
}
