import { extensions, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { cognitoCaller, isStaff } from '../lib/caller.js';
import type { StaffStash } from '../lib/catalog-types.js';
import { requireStaffOf } from '../lib/staff-access.js';

type Args = { id?: string | null; restaurantId?: string | null };

/** AppSync lets one `in` filter hold 5 values: a cook of more restaurants names the one to watch. */
const MAX_IN_VALUES = 5;

/** onOrderStatusChanged: [loadStaffRestaurants], then the filters below. */
export function request() {
  return {};
}

/**
 * Runs once when a client subscribes; the filters it sets then decide which published orders reach that client.
 * A customer only ever receives their own orders (userId is the owner's sub); the arguments can only narrow that.
 * Admins watch the restaurant they name, or one order by id; staff the same, but only of restaurants they work for.
 * Staff and admins naming neither watch their own orders as customers do (staff order for themselves too, and
 * "My orders" subscribes so). A subscription that names an order id ends when that order is deleted
 * (Mutation.deleteOrder invalidates it).
 */
export function response(ctx: Context<Args, StaffStash>) {
  const caller = cognitoCaller(ctx.identity);
  const { id, restaurantId } = ctx.args;
  const ownOnly = !isStaff(caller) || (!id && !restaurantId);
  if (!ownOnly && restaurantId) requireStaffOf(ctx.stash, restaurantId);
  const scope = !ownOnly && !restaurantId && !ctx.stash.staff.admin ? ctx.stash.staff.restaurantIds : undefined;
  if (scope && scope.length === 0) util.unauthorized();
  if (scope && scope.length > MAX_IN_VALUES) {
    util.error(`You work for ${scope.length} restaurants: name the restaurantId of the order to watch it`, 'ValidationError');
  }
  const filter = {
    ...(ownOnly ? { userId: { eq: caller.sub } } : {}),
    ...(id ? { id: { eq: id } } : {}),
    ...(restaurantId ? { restaurantId: { eq: restaurantId } } : {}),
    ...(scope ? { restaurantId: { in: scope } } : {}),
  };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  if (id) extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ id: { eq: id } }));
  return null;
}
