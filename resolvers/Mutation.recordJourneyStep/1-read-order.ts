import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/check-errors.js';
import { closedError, type JourneyStash } from '../lib/journey-step.js';
import type { StoredOrder } from '../lib/order-types.js';

type Ctx = Context<unknown, JourneyStash, undefined, undefined, StoredOrder | null>;

/** Pipeline function `journeyReadOrder`: the order as it is now; a deleted one has no journey left. */
export function request(ctx: Ctx) {
  return get<StoredOrder>({ key: ctx.stash.journey.key, consistentRead: true });
}

export function response(ctx: Ctx): null {
  raiseDataSourceError(ctx.error);
  if (!ctx.result) return closedError(`Order ${ctx.stash.journey.key.id} no longer exists`, null);
  ctx.stash.journey.order = ctx.result;
  return null;
}
