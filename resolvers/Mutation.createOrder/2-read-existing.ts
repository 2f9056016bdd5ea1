import { runtime, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/check-errors.js';
import type { CreateStash, Order, PrevResult } from '../lib/order-types.js';

/**
 * Pipeline function `createOrderReadExisting`: when the client token was used before, the answer is the order
 * that call created, whatever this call's input; otherwise the put's order passes through without a read.
 */
type Ctx = Context<unknown, CreateStash, PrevResult<Order | null>, undefined, Order | null>;

export function request(ctx: Ctx) {
  if (!ctx.stash.create.alreadyExists) runtime.earlyReturn(ctx.prev.result);
  return get<Order>({ key: ctx.stash.create.key, consistentRead: true });
}

export function response(ctx: Ctx): Order {
  raiseDataSourceError(ctx.error);
  const existing = ctx.result;
  if (!existing) {
    // Deleted between the put and this read: the client may simply retry.
    util.error(`Order ${ctx.stash.create.key.id} was deleted while it was being created again; retry`, 'ConflictError');
  }
  return existing;
}
