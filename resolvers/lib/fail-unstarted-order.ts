import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { Order, PlaceStash, PrevResult, StoredOrder } from './order-types.js';
import { toOrder } from './order-view.js';
import { statusKey } from './status-key.js';

type Ctx = Context<unknown, PlaceStash, PrevResult<Order>, undefined, StoredOrder>;

const REASON = 'Not sent to the restaurant: its journey could not be started. Place the order again.';

/**
 * Pipeline function `failUnstartedOrder` (createOrder): when startJourney could not start the order's journey, the
 * order would wait PENDING for a restaurant never asked, with no deadline to end it. It is recorded FAILED instead,
 * as the queued path records an order it cannot place, and the call fails with JourneyUnavailable, the order in the
 * error's data. A repeat of its clientToken answers that FAILED order.
 */
export function request(ctx: Ctx) {
  const order = ctx.prev.result;
  if (!ctx.stash.unstarted) runtime.earlyReturn(order);
  const now = util.time.nowISO8601();
  return update<StoredOrder>({
    key: { userId: order.userId, id: order.id },
    update: {
      status: 'FAILED',
      statusKey: statusKey('FAILED', order.id),
      errorMessage: REASON,
      version: operations.increment(1),
      updatedAt: now,
      timeline: operations.append([{ type: 'FAILED', at: now, actor: 'SYSTEM', by: null, detail: REASON }]),
    },
    condition: { status: { eq: 'PENDING' }, version: { eq: order.version } },
  });
}

export function response(ctx: Ctx): Order {
  const failed = ctx.error ? null : toOrder(ctx.result);
  return util.error(`Order ${ctx.prev.result.id} could not be sent to the restaurant; place it again`, 'JourneyUnavailable', failed);
}
