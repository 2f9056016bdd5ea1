import { util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { MutationSetRestaurantStaffArgs as Args } from '../../app/generated/graphql.js';
import { checkStaffChanges } from '../lib/validate-catalog.js';

/** setRestaurantStaff: [setStaffWrite, readStaff]. Admins only (the schema's directive); answers the staff after. */
export function request(ctx: Context<Args, { restaurantId: string }>) {
  checkStaffChanges(ctx.args.add ?? [], ctx.args.remove ?? []);
  ctx.stash.restaurantId = ctx.args.restaurantId;
  return {};
}

export function response(ctx: Context<Args, { restaurantId: string }, { result: unknown }>) {
  if (ctx.prev.result === null) util.error(`Restaurant ${ctx.args.restaurantId} not found`, 'NotFound');
  return ctx.prev.result;
}
