import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { QueryListRestaurantOrdersArgs as Args } from '../../app/generated/graphql.js';
import type { StaffStash } from '../lib/catalog-types.js';
import type { StoredOrder } from '../lib/order-types.js';
import { pageLimit } from '../lib/page.js';
import { requireStaffOf } from '../lib/staff-access.js';
import { statusPrefix } from '../lib/status-key.js';

/**
 * Pipeline function `queryRestaurantOrders`: a restaurant's orders from the byRestaurant index, for its own staff
 * and admins (the schema's directive admits only the groups; the stash says who works where): by status, then id;
 * with a status, that status's orders in id order.
 */
export function request(ctx: Context<Args, StaffStash>) {
  const { restaurantId, status, nextToken } = ctx.args;
  requireStaffOf(ctx.stash, restaurantId);
  const keyCondition = status == null
    ? { restaurantId: { eq: restaurantId } }
    : { restaurantId: { eq: restaurantId }, statusKey: { beginsWith: statusPrefix(status) } };
  return query<StoredOrder>({ index: 'byRestaurant', query: keyCondition, limit: pageLimit(ctx.args.limit), nextToken });
}

export { pageResponse as response } from '../lib/page.js';
