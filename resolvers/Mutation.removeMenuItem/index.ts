import type { Context } from '@aws-appsync/utils';
import type { MutationRemoveMenuItemArgs as Args } from '../../app/generated/graphql.js';
import { itemKey } from '../lib/catalog-keys.js';
import type { CatalogWriteStash, MenuItem, StaffStash, StoredMenuItem } from '../lib/catalog-types.js';
import { toMenuItem } from '../lib/restaurant-view.js';

/**
 * removeMenuItem: [loadStaffRestaurants, removeMenuItemDelete, explainCatalogConflict]. Answers the item as it was,
 * with removed: true, which is also what onMenuChanged's subscribers receive.
 */
export function request(ctx: Context<Args, CatalogWriteStash & StaffStash>) {
  const { restaurantId, id, expectedVersion } = ctx.args;
  ctx.stash.catalogWrite = { key: itemKey(restaurantId, id), expectedVersion, label: `Menu item ${id} of restaurant ${restaurantId}` };
  return {};
}

export function response(ctx: Context<Args, CatalogWriteStash, { result: StoredMenuItem }>): MenuItem {
  return toMenuItem(ctx.prev.result, true);
}
