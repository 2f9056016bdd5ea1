import type { AppSyncIdentityCognito } from '@aws-appsync/utils';
import type { StaffStash } from './catalog-types.js';

/**
 * The restaurants whose orders the caller may act on as staff: undefined for admins (every restaurant) and for a
 * caller acting on their own orders (as the owner, any restaurant), else those they are named staff of. A kitchen's
 * own step (`asRestaurant`: accepting, rejecting, moving an order along) is taken only for the caller's restaurants,
 * even on an order of their own placed elsewhere.
 */
export function staffScope(caller: AppSyncIdentityCognito, stash: StaffStash, owner: string, asRestaurant = false): string[] | undefined {
  if (stash.staff.admin || (owner === caller.sub && !asRestaurant)) return undefined;
  return stash.staff.restaurantIds;
}
