import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './check-errors.js';
import type { Order, OrderStatus, PrevResult, StoredOrder, WriteStepStash } from './order-types.js';
import { toOrder } from './order-view.js';

/**
 * Pipeline function `explainConflict`, the step after every conditional write on an existing order. When the
 * write succeeded it passes the written order on untouched. When the condition failed it reads the order (only
 * to explain: the write already decided) and reports the first rule broken, in this order: the order does not
 * exist in the caller's partition (NotFound), it is not of the calling staff's restaurants (Unauthorized), its
 * version is not the expected one (ConflictError), its status does not allow the change (InvalidStatusTransition).
 * The current order goes in the error's data, except to staff it is not theirs to see.
 */
type Ctx = Context<unknown, WriteStepStash, PrevResult<Order | null>, undefined, StoredOrder | null>;

export function request(ctx: Ctx) {
  if (!ctx.stash.write.conditionFailed) runtime.earlyReturn(ctx.prev.result);
  return get<StoredOrder>({ key: ctx.stash.write.key, consistentRead: true });
}

export function response(ctx: Ctx): Order {
  raiseDataSourceError(ctx.error);
  const { key, expectedVersion, targetStatus } = ctx.stash.write;
  const stored = ctx.result;
  if (!stored) util.error(`Order ${key.id} not found`, 'NotFound');
  const current = toOrder(stored);
  const restaurantIds = ctx.stash.write.restaurantIds;
  if (restaurantIds && !restaurantIds.includes(current.restaurantId)) util.unauthorized();
  if (current.version !== expectedVersion) {
    util.error(
      `Order ${key.id} is at version ${current.version}, not ${expectedVersion}: read it again, then retry`,
      'ConflictError',
      current,
    );
  }
  util.error(transitionMessage(current, targetStatus), 'InvalidStatusTransition', current);
}

function transitionMessage(current: Order, targetStatus: OrderStatus | null): string {
  return `Cannot change status from ${current.status} to ${targetStatus ?? current.status}`;
}
