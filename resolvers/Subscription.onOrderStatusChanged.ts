import { extensions, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller, isStaff } from './lib/caller.js';

type Args = { id?: string | null; restaurantId?: string | null };

/** NONE data source: nothing to fetch when a subscription starts. */
export function request() {
  return { payload: null };
}

/**
 * Runs once when a client subscribes; the filters it sets then decide which published orders reach that client.
 * A customer only ever receives their own orders (userId is the owner's sub); the arguments can only narrow that.
 * Staff and admins watch the restaurant they name, or one order by id; naming neither, they watch their own orders
 * as customers do (staff order for themselves too, and "My orders" subscribes so).
 * A subscription that names an order id ends when that order is deleted (Mutation.deleteOrder invalidates it).
 */
export function response(ctx: Context<Args>) {
  const caller = cognitoCaller(ctx.identity);
  const { id, restaurantId } = ctx.args;
  const ownOnly = !isStaff(caller) || (!id && !restaurantId);
  const filter = {
    ...(ownOnly ? { userId: { eq: caller.sub } } : {}),
    ...(id ? { id: { eq: id } } : {}),
    ...(restaurantId ? { restaurantId: { eq: restaurantId } } : {}),
  };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  if (id) extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ id: { eq: id } }));
  return null;
}
