import { extensions, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import { cognitoCaller, hasAccessScope, isInGroup } from './lib/caller.js';
import type { Order } from './lib/order-types.js';

type Args = { id: string; userId?: string | null };

const DELETE_SCOPE = 'orders/delete';

/**
 * The admin group deletes any order (`userId ?? sub`); an access token with the orders/delete scope deletes the
 * caller's own (its `userId` is ignored); anyone else is refused before DynamoDB is called.
 */
export function request(ctx: Context<Args>) {
  const caller = cognitoCaller(ctx.identity);
  if (isInGroup(caller, 'admin')) {
    return remove<Order>({ key: { userId: ctx.args.userId ?? caller.sub, id: ctx.args.id } });
  }
  if (!hasAccessScope(caller, DELETE_SCOPE)) util.unauthorized();
  return remove<Order>({ key: { userId: caller.sub, id: ctx.args.id } });
}

/**
 * DeleteItem answers with the old item: null when there was none, which is not an error here. A deleted order
 * ends the onOrderStatusChanged subscriptions that named it.
 */
export function response(ctx: Context<Args, Record<string, unknown>, undefined, undefined, Order | null>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const deleted = ctx.result;
  if (deleted) {
    const { id, userId, restaurantId } = deleted;
    extensions.invalidateSubscriptions({ subscriptionField: 'onOrderStatusChanged', payload: { id, userId, restaurantId } });
  }
  return deleted ?? null;
}
