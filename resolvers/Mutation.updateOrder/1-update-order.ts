import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import type { Order, UpdateStash } from '../lib/order-types.js';

/**
 * Pipeline function `updateOrderFields`: one conditional UpdateItem. A missing order has no status, so the status
 * condition also refuses to create one.
 */
export function request(ctx: Context<unknown, UpdateStash>) {
  const { key, expectedVersion } = ctx.stash.write;
  return update<Order>({
    key,
    update: { ...ctx.stash.changes, version: operations.increment(1), updatedAt: util.time.nowISO8601() },
    condition: { status: { eq: 'PENDING' }, version: { eq: expectedVersion } },
  });
}

export { conditionalWriteResponse as response } from '../lib/conditional-write.js';
