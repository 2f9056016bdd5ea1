import { runtime } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import { batchGet } from '@aws-appsync/utils/dynamodb';
import { CATALOG_TABLE_VARIABLE, restaurantKey } from '../lib/catalog-keys.js';
import type { Restaurant, StaffStash, StoredRestaurant } from '../lib/catalog-types.js';
import { raiseDataSourceError } from '../lib/check-errors.js';
import { toRestaurant } from '../lib/restaurant-view.js';

type Result = { data: Record<string, (StoredRestaurant | null)[]> };

/** Pipeline function `getRestaurantsByKey`: the staff's restaurants in one BatchGetItem (at most 100 keys). */
export function request(ctx: Context<unknown, StaffStash>) {
  const ids = ctx.stash.staff.restaurantIds;
  if (ids.length === 0) runtime.earlyReturn([]);
  const table = ctx.env[CATALOG_TABLE_VARIABLE] ?? '';
  return batchGet({ tables: { [table]: { keys: ids.map((id) => restaurantKey(id)), consistentRead: false } } });
}

/** By name, as listRestaurants orders them. */
export function response(ctx: Context<unknown, StaffStash, undefined, undefined, Result>): Restaurant[] {
  raiseDataSourceError(ctx.error);
  const found = ctx.result.data[ctx.env[CATALOG_TABLE_VARIABLE] ?? ''] ?? [];
  const restaurants = found.filter((item) => item !== null) as StoredRestaurant[];
  const order = restaurants.map((item) => item.nameKey).sort();
  return order.map((key) => toRestaurant(restaurants.find((item) => item.nameKey === key) as StoredRestaurant));
}
