import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { QueryListRestaurantsArgs as Args } from '../app/generated/graphql.js';
import { RESTAURANT_LIST_KEY, RESTAURANTS_BY_NAME } from './lib/catalog-keys.js';
import type { CatalogQueryResult, Restaurant, StoredRestaurant } from './lib/catalog-types.js';
import { raiseDataSourceError } from './lib/check-errors.js';
import { pageLimit } from './lib/page.js';
import { toRestaurant } from './lib/restaurant-view.js';

/** Restaurants by name, a page at a time, from the restaurantsByName index (restaurant items only). */
export function request(ctx: Context<Args>) {
  return query<StoredRestaurant>({
    index: RESTAURANTS_BY_NAME,
    query: { listKey: { eq: RESTAURANT_LIST_KEY } },
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context<Args, Record<string, unknown>, undefined, undefined, CatalogQueryResult<StoredRestaurant>>): { items: Restaurant[]; nextToken: string | null } {
  raiseDataSourceError(ctx.error);
  return { items: ctx.result.items.map((item) => toRestaurant(item)), nextToken: ctx.result.nextToken ?? null };
}
