import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller, ownerFor } from '../lib/caller.js';
import { ORDER_CANCELLED } from '../lib/journey.js';
import { actorEvent, cancellationReasonOf } from '../lib/order-actor.js';
import type { AnswerStash, Order, PrevResult, WriteStepStash } from '../lib/order-types.js';

type Args = { id: string; expectedVersion: number; userId?: string | null };

/**
 * cancelOrder: [loadStaffRestaurants, readOrderToAnswer, answerJourney, changeStatus, explainConflict]. The owner
 * cancels their own order (a customer's `userId` is ignored); admins cancel `userId ?? sub`'s, and staff their
 * restaurants' orders. The status rule (from PENDING or ACCEPTED only) is the transition table's. A PENDING order
 * the restaurant was asked about ends that wait first (SendTaskFailure), so the journey stops asking.
 */
export function request(ctx: Context<Args, WriteStepStash & AnswerStash>) {
  const caller = cognitoCaller(ctx.identity);
  const { id, expectedVersion, userId } = ctx.args;
  const key = { userId: ownerFor(caller, userId), id };
  const event = actorEvent(caller, key.userId, 'CANCELLED', util.time.nowISO8601());
  ctx.stash.write = {
    key,
    expectedVersion,
    targetStatus: 'CANCELLED',
    event,
    set: { cancellationReason: cancellationReasonOf(event), acceptBy: null },
    clearToken: true,
  };
  ctx.stash.answer = { outcome: { kind: 'failure', error: ORDER_CANCELLED, cause: `cancelled by ${event.actor.toLowerCase()}` }, requireToken: false };
  return {};
}

export function response(ctx: Context<Args, WriteStepStash, PrevResult<Order>>): Order {
  return ctx.prev.result;
}
