import type { AppSyncIdentityCognito } from '@aws-appsync/utils';
import type { StaffStash } from './catalog-types.js';

/**
 * The restaurants whose orders the caller may act on as staff: undefined for admins (every restaurant) and for a
 * caller acting on their own orders (as the owner, any restaurant), else those they are named staff of.
 */
export function staffScope(caller: AppSyncIdentityCognito, stash: StaffStash, owner: string): string[] | undefined {
  if (stash.staff.admin || owner === caller.sub) return undefined;
  return stash.staff.restaurantIds;
}
