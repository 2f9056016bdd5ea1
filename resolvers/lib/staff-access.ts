import { util } from '@aws-appsync/utils';
import type { StaffStash } from './catalog-types.js';

/**
 * Staff change only the restaurants they are named staff of (loaded into the stash by load-staff-restaurants);
 * admins change any. Anyone else is refused as AppSync refuses a field: Unauthorized, "Not Authorized to access …".
 */
export function requireStaffOf(stash: StaffStash, restaurantId: string): void {
  if (!stash.staff.admin && !stash.staff.restaurantIds.includes(restaurantId)) util.unauthorized();
}
