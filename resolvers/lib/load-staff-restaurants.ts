import { runtime } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { cognitoCaller, isInGroup, isStaff } from './caller.js';
import { STAFF_BY_USERNAME } from './catalog-keys.js';
import type { CatalogQueryResult, StaffItem, StaffStash } from './catalog-types.js';
import { raiseDataSourceError } from './check-errors.js';

/** A member of staff works for a handful of restaurants; one page of the index holds them all. */
const MAX_RESTAURANTS_PER_USER = 100;

/**
 * Pipeline function `loadStaffRestaurants`: the restaurants the caller is named staff of (the staffByUsername index
 * of the catalog), and whether the caller is an admin, into `ctx.stash.staff` for the steps that check them.
 * Customers (neither staff nor admin) work nowhere: nothing is read for them.
 */
export function request(ctx: Context<unknown, StaffStash>) {
  const caller = cognitoCaller(ctx.identity);
  ctx.stash.staff = { admin: isInGroup(caller, 'admin'), username: caller.username, restaurantIds: [] };
  if (!isStaff(caller)) runtime.earlyReturn([]);
  return query<StaffItem>({ index: STAFF_BY_USERNAME, query: { staffUsername: { eq: caller.username } }, limit: MAX_RESTAURANTS_PER_USER });
}

export function response(ctx: Context<unknown, StaffStash, undefined, undefined, CatalogQueryResult<StaffItem>>) {
  raiseDataSourceError(ctx.error);
  ctx.stash.staff.restaurantIds = ctx.result.items.map((item) => item.restaurantId);
  return ctx.stash.staff.restaurantIds;
}
