import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { QueryListRestaurantOrdersArgs as Args } from '../app/generated/graphql.js';
import type { StoredOrder } from './lib/order-types.js';
import { statusPrefix } from './lib/status-key.js';
import { pageLimit } from './lib/page.js';

/**
 * A restaurant's orders from the byRestaurant index (staff and admin only: the schema's directive checks): by status,
 * then id; with a status, that status's orders in id order.
 */
export function request(ctx: Context<Args>) {
  const { restaurantId, status, nextToken } = ctx.args;
  const keyCondition = status == null
    ? { restaurantId: { eq: restaurantId } }
    : { restaurantId: { eq: restaurantId }, statusKey: { beginsWith: statusPrefix(status) } };
  return query<StoredOrder>({ index: 'byRestaurant', query: keyCondition, limit: pageLimit(ctx.args.limit), nextToken });
}

export { pageResponse as response } from './lib/page.js';
