import type { Context } from '@aws-appsync/utils';
import type { MutationAddMenuItemArgs as Args } from '../../app/generated/graphql.js';
import type { MenuItem, StaffStash, StoredMenuItem } from '../lib/catalog-types.js';
import { toMenuItem } from '../lib/restaurant-view.js';
import { checkNewMenuItem } from '../lib/validate-catalog.js';

/** addMenuItem: [loadStaffRestaurants, addMenuItemPut]. Its restaurant's staff and admins add to a menu. */
export function request(ctx: Context<Args, StaffStash>) {
  checkNewMenuItem(ctx.args.input);
  return {};
}

export function response(ctx: Context<Args, StaffStash, { result: StoredMenuItem }>): MenuItem {
  return toMenuItem(ctx.prev.result, false);
}
