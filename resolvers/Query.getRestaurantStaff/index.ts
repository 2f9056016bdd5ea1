import type { Context } from '@aws-appsync/utils';
import type { QueryGetRestaurantStaffArgs as Args } from '../../app/generated/graphql.js';

/** getRestaurantStaff: [loadStaffRestaurants, readStaff]: for the restaurant's own staff and admins. */
export function request(ctx: Context<Args, { restaurantId: string }>) {
  ctx.stash.restaurantId = ctx.args.restaurantId;
  return {};
}

export function response(ctx: Context<Args, { restaurantId: string }, { result: unknown }>) {
  return ctx.prev.result;
}
