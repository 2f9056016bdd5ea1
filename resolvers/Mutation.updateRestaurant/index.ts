import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateRestaurantArgs as Args } from '../../app/generated/graphql.js';
import { restaurantKey } from '../lib/catalog-keys.js';
import type { CatalogWriteStash, Restaurant, StaffStash, StoredRestaurant } from '../lib/catalog-types.js';
import { toRestaurant } from '../lib/restaurant-view.js';
import { checkRestaurantChanges } from '../lib/validate-catalog.js';

/**
 * updateRestaurant: [loadStaffRestaurants, updateRestaurantFields, explainCatalogConflict]. Its staff and admins
 * change the fields given, at the version they read; acceptingOrders opens and closes it.
 */
export function request(ctx: Context<Args, CatalogWriteStash & StaffStash>) {
  const { id, expectedVersion } = ctx.args.input;
  checkRestaurantChanges(ctx.args.input);
  ctx.stash.catalogWrite = { key: restaurantKey(id), expectedVersion, label: `Restaurant ${id}` };
  return {};
}

export function response(ctx: Context<Args, CatalogWriteStash, { result: StoredRestaurant }>): Restaurant {
  return toRestaurant(ctx.prev.result);
}
