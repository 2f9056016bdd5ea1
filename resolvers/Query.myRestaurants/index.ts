import type { Context } from '@aws-appsync/utils';
import type { Restaurant, StaffStash } from '../lib/catalog-types.js';

/** myRestaurants: [loadStaffRestaurants, getRestaurantsByKey]: the restaurants the caller is named staff of. */
export function request() {
  return {};
}

export function response(ctx: Context<unknown, StaffStash, { result: Restaurant[] }>): Restaurant[] {
  return ctx.prev.result;
}
