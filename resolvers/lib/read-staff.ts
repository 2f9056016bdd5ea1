import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { RESTAURANT_SK } from './catalog-keys.js';
import type { CatalogQueryResult, StaffItem, StaffStash } from './catalog-types.js';
import { raiseDataSourceError } from './check-errors.js';
import { requireStaffOf } from './staff-access.js';

type Stash = Partial<StaffStash> & { restaurantId: string };
type RestaurantStaff = { restaurantId: string; usernames: string[] };

/**
 * Pipeline function `readStaff`: a restaurant's staff, read from its partition from RESTAURANT on (the restaurant,
 * then its STAFF# items). After loadStaffRestaurants only the restaurant's own staff and admins may read it.
 */
export function request(ctx: Context<unknown, Stash>) {
  if (ctx.stash.staff) requireStaffOf(ctx.stash as StaffStash, ctx.stash.restaurantId);
  return query<StaffItem>({ query: { restaurantId: { eq: ctx.stash.restaurantId }, sk: { ge: RESTAURANT_SK } }, consistentRead: true });
}

/** Null when there is no such restaurant; the usernames in order. */
export function response(ctx: Context<unknown, Stash, undefined, undefined, CatalogQueryResult<StaffItem>>): RestaurantStaff | null {
  raiseDataSourceError(ctx.error);
  const items = ctx.result.items;
  if (!items.some((item) => item.sk === RESTAURANT_SK)) return null;
  const usernames = items.filter((item) => item.sk !== RESTAURANT_SK).map((item) => item.staffUsername).sort();
  return { restaurantId: ctx.stash.restaurantId, usernames };
}
