import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { put } from '@aws-appsync/utils/dynamodb';
import { CONDITION_FAILED } from '../lib/check-errors.js';
import type { CreateStash, Order, StoredOrder } from '../lib/order-types.js';
import { statusKey } from '../lib/status-key.js';

/** Pipeline function `createOrderPut`: writes the new order unless its key is taken. */
export function request(ctx: Context<unknown, CreateStash>) {
  const { key, item } = ctx.stash.create;
  return put<StoredOrder>({
    key,
    item: { ...item, statusKey: statusKey(item.status, key.id) },
    condition: { id: { attributeExists: false } },
  });
}

export function response(ctx: Context<unknown, CreateStash, undefined, undefined, Order>): Order | null {
  const error = ctx.error;
  if (error && error.type === CONDITION_FAILED && ctx.stash.create.fromClientToken) {
    ctx.stash.create.alreadyExists = true;
    return null;
  }
  if (error) util.error(error.message, error.type);
  return ctx.result;
}
