import { extensions, util } from '@aws-appsync/utils';
import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnMenuChangedArgs as Args } from '../app/generated/graphql.js';

/** NONE data source: nothing to fetch when a subscription starts. */
export function request() {
  return { payload: null };
}

/**
 * Anyone who may read a menu may watch it change, visitors with the API key included: the one filter is the
 * restaurant named (the published items carry restaurantId, which every menu mutation selects).
 */
export function response(ctx: Context<Args>) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ restaurantId: { eq: ctx.args.restaurantId } }));
  return null;
}
