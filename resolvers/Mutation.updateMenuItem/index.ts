import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateMenuItemArgs as Args } from '../../app/generated/graphql.js';
import { itemKey } from '../lib/catalog-keys.js';
import type { CatalogWriteStash, MenuItem, StaffStash, StoredMenuItem } from '../lib/catalog-types.js';
import { toMenuItem } from '../lib/restaurant-view.js';
import { checkMenuItemChanges } from '../lib/validate-catalog.js';

/**
 * updateMenuItem: [loadStaffRestaurants, updateMenuItemFields, explainCatalogConflict]. Its restaurant's staff and
 * admins change a price, sell it out (available: false) or bring it back, at the version they read.
 */
export function request(ctx: Context<Args, CatalogWriteStash & StaffStash>) {
  const { restaurantId, id, expectedVersion } = ctx.args.input;
  checkMenuItemChanges(ctx.args.input);
  ctx.stash.catalogWrite = { key: itemKey(restaurantId, id), expectedVersion, label: `Menu item ${id} of restaurant ${restaurantId}` };
  return {};
}

export function response(ctx: Context<Args, CatalogWriteStash, { result: StoredMenuItem }>): MenuItem {
  return toMenuItem(ctx.prev.result, false);
}
