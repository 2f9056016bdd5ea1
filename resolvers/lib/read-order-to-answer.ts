import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { cognitoCaller } from './caller.js';
import type { StaffStash } from './catalog-types.js';
import { raiseDataSourceError } from './check-errors.js';
import type { AcceptedOutput } from './journey.js';
import type { AnswerStash, StoredOrder, WriteStepStash } from './order-types.js';
import { staffScope } from './staff-scope.js';

type Ctx = Context<unknown, WriteStepStash & StaffStash & AnswerStash, undefined, undefined, StoredOrder | null>;

/**
 * Pipeline function `readOrderToAnswer` (acceptOrder, rejectOrder, cancelOrder): reads the order to learn whether
 * its journey waits for the restaurant, and keeps the task token only when this caller may act on it now: the order
 * exists, is the calling staff's restaurant's, is at the version the caller read, and is PENDING. Otherwise nothing
 * is answered, and the conditional write after refuses with the reason explainConflict finds.
 */
export function request(ctx: Ctx) {
  return get<StoredOrder>({ key: ctx.stash.write.key, consistentRead: true });
}

export function response(ctx: Ctx): null {
  raiseDataSourceError(ctx.error);
  const order = ctx.result;
  const { key, expectedVersion } = ctx.stash.write;
  const scope = staffScope(cognitoCaller(ctx.identity), ctx.stash, key.userId, ctx.stash.write.asRestaurant);
  const mayAct = order !== null && (scope === undefined || scope.includes(order.restaurantId)) && order.version === expectedVersion;
  if (mayAct && order.status === 'PENDING' && order.taskToken) ctx.stash.answer.token = order.taskToken;
  if (mayAct && order.status === 'PENDING' && !order.taskToken) ctx.stash.answer.notAskedYet = true;
  const acceptedAt = ctx.stash.answer.acceptedAtMillis;
  if (order !== null && acceptedAt !== undefined) estimateReady(ctx.stash, order, acceptedAt);
  return null;
}

/** When the restaurant's preparation time is unknown (an order placed before it was recorded). */
const DEFAULT_PREPARATION_MINUTES = 15;

/** acceptOrder's answer and write: ready after the restaurant's preparation time, as stored on the order. */
function estimateReady(stash: WriteStepStash & AnswerStash, order: StoredOrder, acceptedAt: number): void {
  const estimatedReadyAt = util.time.epochMilliSecondsToISO8601(acceptedAt + (order.preparationMinutes ?? DEFAULT_PREPARATION_MINUTES) * 60_000);
  const output: AcceptedOutput = { acceptedAt: util.time.epochMilliSecondsToISO8601(acceptedAt), estimatedReadyAt };
  stash.answer.outcome = { kind: 'success', output };
  stash.write.set = { estimatedReadyAt, acceptBy: null };
}
